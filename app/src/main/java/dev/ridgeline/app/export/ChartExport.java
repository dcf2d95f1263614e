package dev.ridgeline.app.export;

import dev.ridgeline.app.explorer.charts.GanttPainter;
import dev.ridgeline.app.explorer.charts.Palette;
import dev.ridgeline.app.explorer.charts.RooflineChart;
import dev.ridgeline.app.explorer.frontier.ColourBy;
import dev.ridgeline.app.explorer.frontier.FrontierChart;
import dev.ridgeline.app.explorer.frontier.FrontierData;
import dev.ridgeline.app.explorer.served.ServedPainter;
import dev.ridgeline.app.explorer.tuning.TuningFigures;
import dev.ridgeline.engine.Engine;
import dev.ridgeline.engine.Evaluation;
import dev.ridgeline.engine.model.Chip;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.serve.Served;
import dev.ridgeline.engine.serve.Serving;
import dev.ridgeline.engine.serve.Workload;
import dev.ridgeline.engine.space.FieldMap;
import dev.ridgeline.engine.space.Frontier;
import dev.ridgeline.engine.space.Knob;
import dev.ridgeline.engine.space.Objective;
import dev.ridgeline.engine.space.Sensitivity;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.title.TextTitle;

/**
 * A chart view written without the window: no JavaFX toolkit, no native libraries, no display. The figures are
 * computed on the engine as the views compute them, the chart is built by the factories the views draw with
 * ({@link RooflineChart}, {@link GanttPainter}, {@link FrontierChart}, {@link TuningFigures}, {@link ServedPainter}), and Java2D draws it into
 * PNG, SVG or PDF ({@link ImageExport}). The command line exports every view but the window this way; the window's
 * File menu draws the charts on screen (the explorer's ViewExport), built by the same factories.
 */
public final class ChartExport {
    /**
     * What a chart shows.
     *
     * @param scenario  the scenario drawn
     * @param pinned    scenario A, whose frontier is drawn as a ghost, or null
     * @param targetTps tokens/s per user of the frontier's answer, the sensitivity's and the map's headline
     * @param mapX      the map's field along x
     * @param mapY      the map's field along y
     * @param chips     the chips the map marks (the catalogue)
     * @param objective what the sensitivity and the map maximise
     * @param workload  the served view's workload (its user speed is {@code targetTps})
     */
    public record Request(Scenario scenario, Scenario pinned, double targetTps, Knob mapX, Knob mapY, List<Chip> chips,
                          Objective objective, Workload workload) {
        public Request {
            Objects.requireNonNull(scenario, "scenario");
            Objects.requireNonNull(objective, "objective");
            Objects.requireNonNull(workload, "workload");
            chips = List.copyOf(chips);
        }

        /** A request on throughput. */
        public Request(Scenario scenario, Scenario pinned, double targetTps, Knob mapX, Knob mapY, List<Chip> chips,
                       Workload workload) {
            this(scenario, pinned, targetTps, mapX, mapY, chips, Objective.THROUGHPUT, workload);
        }

        /** A request on throughput with the default workload. */
        public Request(Scenario scenario, Scenario pinned, double targetTps, Knob mapX, Knob mapY, List<Chip> chips) {
            this(scenario, pinned, targetTps, mapX, mapY, chips, Workload.DEFAULT);
        }
    }

    private ChartExport() {
    }

    /**
     * Writes {@code kind} of {@code q} to {@code out}, {@code width x height} in all with the footer; the frontier, the
     * sensitivity and the map are computed on {@code threads} tasks of {@code sweep}.
     */
    public static void write(Engine engine, ViewKind kind, Request q, Path out, int width, int height,
                             Executor sweep, int threads) throws IOException {
        Scenario s = q.scenario();
        String footer = ImageExport.footer(s.summary());
        BooleanSupplier never = () -> false;
        DoubleConsumer quiet = p -> { };
        switch (kind) {
            case ROOFLINE: {
                JFreeChart chart = RooflineChart.createChart(RooflineChart.createDataset(engine.evaluate(s)));
                ImageExport.write(out, width, height, footer, (g, area) -> chart.draw(g, area));
                break;
            }
            case GANTT: {
                Evaluation e = engine.evaluate(s);
                ImageExport.write(out, width, height, footer, (g, area) -> GanttPainter.paint(g, area, e.schedule(), GanttPainter.card(e)));
                break;
            }
            case FRONTIER: {
                Frontier.Result r = FrontierData.compute(engine, s, q.targetTps(), sweep, threads, never, quiet);
                Frontier.Result ghost = q.pinned() == null ? null
                        : FrontierData.compute(engine, q.pinned(), q.targetTps(), sweep, threads, never, quiet);
                JFreeChart chart = FrontierChart.createChart(FrontierData.of(r, ghost, engine.evaluate(s), q.targetTps(),
                        ColourBy.AUTO, dev.ridgeline.engine.evidence.FrontierBands.of(engine, r)));
                ImageExport.write(out, width, height, footer, (g, area) -> chart.draw(g, area));
                break;
            }
            case SENSITIVITY: {
                Sensitivity.Result r = Sensitivity.compute(engine, s, q.targetTps(), Sensitivity.DEFAULT_STEP,
                        q.objective(), served(engine, q), sweep, threads, never, quiet);
                captioned(out, width, height, footer,
                        TuningFigures.tornado(r, dev.ridgeline.engine.evidence.FrontierBands.headline(engine, r)),
                        TuningFigures.sensitivityCaption(r));
                break;
            }
            case MAP: {
                // a served cell sizes both pools: the Map tab's coarser grid
                FieldMap.Result r = TuningFigures.map(engine, s, q.mapX(), q.mapY(), q.objective() == Objective.SERVED
                        ? TuningFigures.SERVED_MAP_CELLS : FieldMap.DEFAULT_CELLS, q.targetTps(), q.objective(), served(engine, q),
                        sweep, threads, never, quiet);
                // the target contour at the Target tab's default goal of the objective, per card
                double perCard = TuningFigures.defaultGoalPerCard(q.objective());
                captioned(out, width, height, footer,
                        TuningFigures.mapChart(r, TuningFigures.mapBands(engine, r), q.chips(), perCard, width,
                                height - ImageExport.footerHeight(footer, width)),
                        TuningFigures.mapNote(r, q.chips(), perCard));
                break;
            }
            case SERVED: {
                Served served = Serving.size(engine, s, q.workload(), sweep, threads, never);
                ImageExport.write(out, width, height, footer, (g, area) -> ServedPainter.paint(g, area, served));
                break;
            }
            default:
                throw new IllegalArgumentException("the " + kind.label() + " is a snapshot of the window, not a chart");
        }
    }

    /**
     * Writes {@code chart} with {@code caption} (what its view says beside it: the file carries it as the chart's
     * title) over the footer; the chart is left without a title.
     */
    public static void captioned(Path out, int width, int height, String footer, JFreeChart chart, String caption)
            throws IOException {
        TextTitle title = new TextTitle(caption, Palette.LABEL);
        title.setPaint(Palette.INK);
        title.setMaximumLinesToDisplay(3);
        chart.setTitle(title);
        try {
            ImageExport.write(out, width, height, footer, (g, area) -> chart.draw(g, area));
        } finally {
            chart.setTitle((TextTitle) null);
        }
    }

    /** What the served objective counts: the request's workload at its target; null for the other objectives. */
    private static dev.ridgeline.engine.space.ServedRate served(Engine engine, Request q) {
        return q.objective() == Objective.SERVED
                ? dev.ridgeline.engine.serve.ServedObjective.rate(engine, q.workload().withUserTokensPerSec(q.targetTps()))
                : null;
    }
}
