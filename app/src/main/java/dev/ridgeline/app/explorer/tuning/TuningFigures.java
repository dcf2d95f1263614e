package dev.ridgeline.app.explorer.tuning;

import dev.ridgeline.engine.Engine;
import dev.ridgeline.engine.model.Checks;
import dev.ridgeline.engine.model.Chip;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.space.FieldMap;
import dev.ridgeline.engine.space.Knob;
import dev.ridgeline.engine.space.Objective;
import dev.ridgeline.engine.space.Sensitivity;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import org.jfree.chart.JFreeChart;

/**
 * The tuning figures without a window (no JavaFX): the sensitivity tornado and the map of two fields, each with the
 * words the view shows beside it. The Sensitivity tab and the Map view draw and word theirs through these functions,
 * and an export draws a fresh chart with them: what a file shows is what the screen shows.
 */
public final class TuningFigures {
    /** Axes, legend and colour bar take about this much of the map chart's width and height, px. */
    static final double[] PLOT_MARGIN_PX = {190, 90};

    private TuningFigures() {
    }

    /**
     * The tornado of {@code r}, as the Sensitivity tab draws it: with each bar's whisker when the headline has a band
     * (calibrated fidelity, throughput objective: {@code FrontierBands.headline}; null for none).
     */
    public static JFreeChart tornado(Sensitivity.Result r, dev.ridgeline.engine.evidence.Band headlineBand) {
        JFreeChart chart = TornadoChart.createChart(TornadoChart.emptyDataset());
        TornadoChart.show(chart, r, headlineBand);
        return chart;
    }

    /** The line over the tornado: the headline (re-optimised) and the deployment's own figure. */
    public static String headline(Sensitivity.Result r) {
        return headlineText(r, TuningText.step(r.step()));
    }

    /** The headline sentence: the objective's figure at the target, the deployment on screen's, and the price used. */
    static String headlineText(Sensitivity.Result r, String step) {
        dev.ridgeline.engine.space.Objective o = r.objective();
        String tps = dev.ridgeline.engine.model.Checks.number(r.targetTps());
        var chip = r.scenario().chip();
        if (!o.available(chip)) {
            return "No " + o.figureName() + ": " + ObjectiveText.missing(o, chip) + ". Bars: the spec knobs change "
                    + "nothing until then.";
        }
        if (!(r.headline() > 0)) {
            return "No deployment reaches " + tps + " tokens/s per user: the headline is 0. The deployment on screen: "
                    + (r.fixed() > 0 ? ObjectiveText.number(o, o.figure(r.fixed())) : "none") + ".";
        }
        String basis = o == dev.ridgeline.engine.space.Objective.THROUGHPUT ? ""
                : o == dev.ridgeline.engine.space.Objective.SERVED ? " (served over prefill and decode cards)" : " (" + (o == dev.ridgeline.engine.space.Objective.COST ? chip.cost().priceNote()
                        : chip.cost().powerNote()) + "; decode only)";
        return "Headline: " + ObjectiveText.score(o, r.headline()) + " at ≥ " + tps + " tokens/s per user (re-optimised)"
                + basis + "; the deployment on screen: " + (r.fixed() > 0 ? ObjectiveText.number(o, o.figure(r.fixed()))
                        : "none") + ". Bars: change at " + step + ".";
    }


    /** The knobs that change nothing at the step, or "". */
    static String unchanged(Sensitivity.Result r) {
        List<String> none = new ArrayList<>();
        for (Sensitivity.Bar b : r.bars()) {
            if (!refusedBothWays(b) && b.changesNothing(r.headline(), r.fixed())) {
                none.add(b.knob().name());
            }
        }
        return none.isEmpty() ? "" : "Change nothing at " + TuningText.step(r.step()) + ": " + String.join(", ", none) + ".";
    }

    /** The knobs that could not be moved either way, with why, or "". */
    static String refused(Sensitivity.Result r) {
        List<String> notMoved = new ArrayList<>();
        for (Sensitivity.Bar b : r.bars()) {
            if (refusedBothWays(b)) {
                notMoved.add(b.knob().name() + " (" + b.down().refused() + ")");
            }
        }
        return notMoved.isEmpty() ? "" : "Not moved: " + String.join("; ", notMoved) + ".";
    }

    private static boolean refusedBothWays(Sensitivity.Bar b) {
        return b.down().refused() != null && b.up().refused() != null;
    }

    /** What the Sensitivity tab says around its chart: the headline, the knobs that change nothing or were not moved. */
    public static String sensitivityCaption(Sensitivity.Result r) {
        return String.join(" ", headline(r), unchanged(r), refused(r)).strip();
    }

    /**
     * Cells per axis of a map on the served objective (odd: the current value in the middle): each cell sizes both
     * pools (tens of ms of CPU), so 11² cells take seconds where the default 41² would take minutes.
     */
    public static final int SERVED_MAP_CELLS = 11;

    /** The map of {@code x} and {@code y} around {@code s}: {@code cells} values per axis, a quarter to 4 times each. */
    public static FieldMap.Result map(Engine engine, Scenario s, Knob x, Knob y, int cells, double targetTps,
                                      Objective objective, Executor sweep, int threads, BooleanSupplier stop,
                                      DoubleConsumer progress) {
        return map(engine, s, x, y, cells, targetTps, objective, null, sweep, threads, stop, progress);
    }

    /** As above, {@code served} counting {@link Objective#SERVED} (null for the other objectives). */
    public static FieldMap.Result map(Engine engine, Scenario s, Knob x, Knob y, int cells, double targetTps,
                                      Objective objective, dev.ridgeline.engine.space.ServedRate served, Executor sweep,
                                      int threads, BooleanSupplier stop, DoubleConsumer progress) {
        double[] xs = FieldMap.axis(x, x.of(s), FieldMap.DEFAULT_FACTOR, cells);
        double[] ys = FieldMap.axis(y, y.of(s), FieldMap.DEFAULT_FACTOR, cells);
        return FieldMap.compute(engine, s, x, y, xs, ys, targetTps, objective, served, sweep, threads, stop, progress);
    }

    /**
     * The heat map of {@code r} for a chart of {@code width x height} px, the catalogue's chips marked, hatched where a
     * cell's band is wider than a contour step ({@code bandWidths}: {@link #mapBands}; null for none).
     */
    public static JFreeChart mapChart(FieldMap.Result r, double[][] bandWidths, List<Chip> catalogue,
                                      double targetPerCard, double width, double height) {
        JFreeChart chart = MapChart.createChart();
        MapChart.show(chart, r, marks(r, catalogue), targetPerCard, plotPx(width, height), bandWidths);
        return chart;
    }

    /**
     * The relative P10-P90 width of each cell of {@code r}, as the Map tab hatches them, or null: the bands are of
     * throughput per card (a cost, power or served map has none) and of calibrated fidelity.
     */
    public static double[][] mapBands(Engine engine, FieldMap.Result r) {
        return r.cancelled() || r.objective() != Objective.THROUGHPUT ? null
                : dev.ridgeline.engine.evidence.MapBands.relativeWidths(engine, r);
    }

    /**
     * The Target tab's default goal of {@code o}, per card (what an export draws the map's target contour at): read
     * from {@link TuningInputs}' constants, so that no JavaFX class is loaded.
     */
    public static double defaultGoalPerCard(Objective o) {
        return o == Objective.COST ? TuningInputs.DEFAULT_MAX_COST : o == Objective.POWER
                ? TuningInputs.DEFAULT_MAX_ENERGY : TuningInputs.DEFAULT_MIN_THROUGHPUT;
    }

    /** The plot's size in a map chart of {@code width x height} px. */
    static double[] plotPx(double width, double height) {
        return new double[] {width - PLOT_MARGIN_PX[0], height - PLOT_MARGIN_PX[1]};
    }

    /** The current chip, then every catalogue chip that sits elsewhere on the two fields. */
    static List<MapChart.Mark> marks(FieldMap.Result r, List<Chip> catalogue) {
        Scenario s = r.scenario();
        List<MapChart.Mark> marks = new ArrayList<>();
        marks.add(new MapChart.Mark(s.chip().name(), r.x().of(s), r.y().of(s), true));
        for (Chip c : catalogue) {
            Scenario with = s.withChip(c);
            double x = r.x().of(with);
            double y = r.y().of(with);
            if (x != r.x().of(s) || y != r.y().of(s)) {
                marks.add(new MapChart.Mark(c.name(), x, y, false));
            }
        }
        return marks;
    }

    /**
     * The note under the map: the figure at the current chip, the goal, the chips outside the map, and for dollars or
     * joules the chip's price or power with its source.
     */
    public static String mapNote(FieldMap.Result r, List<Chip> catalogue, double goal) {
        return note(r, marks(r, catalogue), goal);
    }

    static String note(FieldMap.Result r, List<MapChart.Mark> marks, double goal) {
        Scenario s = r.scenario();
        Objective o = r.objective();
        double[][] z = MapChart.figures(r);
        int i = r.currentIndex(r.xs(), r.x().of(s));
        int j = r.currentIndex(r.ys(), r.y().of(s));
        StringBuilder out = new StringBuilder();
        if (i >= 0 && j >= 0) {
            double v = z[j][i];
            out.append(s.chip().name()).append(" (").append(TuningText.withUnit(r.x(), r.xs()[i])).append(", ")
                    .append(TuningText.withUnit(r.y(), r.ys()[j])).append("): ")
                    .append(v > 0 ? ObjectiveText.figure(o, v) : o.available(s.chip()) ? "no deployment reaches"
                            : ObjectiveText.missing(o, s.chip()))
                    .append(" at ≥ ").append(Checks.number(r.targetTps())).append(" tokens/s per user. ");
        }
        double best = o.figureFalls() ? Double.MAX_VALUE : 0;
        double worst = o.figureFalls() ? 0 : Double.MAX_VALUE;
        for (double[] row : z) {
            for (double v : row) {
                if (v > 0) {
                    best = o.figureFalls() ? Math.min(best, v) : Math.max(best, v);
                    worst = o.figureFalls() ? Math.max(worst, v) : Math.min(worst, v);
                } else if (v == 0) { // nothing reaches the tokens/s per user there: the worst a cell can be
                    worst = o.figureFalls() ? Double.MAX_VALUE : 0;
                }
            }
        }
        String target = "The target (" + ObjectiveText.reaches(o) + " " + ObjectiveText.figure(o, goal) + ")";
        boolean anywhere = o.figureFalls() ? best <= goal : best >= goal;
        boolean everywhere = o.figureFalls() ? worst <= goal : worst >= goal;
        if (!anywhere) {
            out.append(target).append(" is not reached on this map. ");
        } else if (everywhere) {
            out.append(target).append(" is reached everywhere on this map. ");
        }
        double[] xe = {MapData.edges(r.xs(), 0)[0], MapData.edges(r.xs(), r.xs().length - 1)[1]};
        double[] ye = {MapData.edges(r.ys(), 0)[0], MapData.edges(r.ys(), r.ys().length - 1)[1]};
        List<String> outside = marks.stream().filter(m -> m.x() < xe[0] || m.x() > xe[1] || m.y() < ye[0] || m.y() > ye[1])
                .map(MapChart.Mark::name).toList();
        if (!outside.isEmpty()) {
            out.append("Outside the map: ").append(String.join(", ", outside)).append(". ");
        }
        // the price or power with its source last: the longest part, and the one the window may cut to a tooltip
        if (i >= 0 && j >= 0 && !o.perCard() && o.available(s.chip())) {
            out.append(o == Objective.COST ? "Price: " + s.chip().cost().priceNote()
                    : "Power: " + s.chip().cost().powerNote()).append('.');
        }
        return out.toString().strip();
    }
}
