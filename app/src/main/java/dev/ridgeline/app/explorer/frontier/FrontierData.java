package dev.ridgeline.app.explorer.frontier;

import dev.ridgeline.engine.Engine;
import dev.ridgeline.engine.Evaluation;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.space.Frontier;
import dev.ridgeline.engine.space.Space;
import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import dev.ridgeline.engine.evidence.FrontierBands;
import org.jfree.data.xy.DefaultXYDataset;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * What one frontier update draws, built off the chart: every deployment (the cloud), the frontier cut into runs of
 * one colour group each, pinned scenario A's frontier (the ghost), the best deployment at the target and the current
 * scenario (the marks), the text beside the plot, and the axis ranges. Fresh datasets each time, swapped into the
 * chart at once (STYLE 11); a new current scenario reuses the rest ({@link #withCurrent}).
 */
public final class FrontierData {
    /**
     * The served switch (issue 20): a decode deployment's throughput per card read as a served workload's output
     * tokens/s per card over its prefill and decode cards (NaN when the workload is not served beside it). Monotone in
     * the decode figure, so the frontier and the best deployment stay those of decode; only the heights change.
     */
    public interface Lens {
        double perCard(Scenario decode, double decodePerCard);
    }

    /** Series of {@link #marks}. */
    static final int BEST = 0;
    static final int CURRENT = 1;

    /**
     * Colours of the frontier's groups, in order of appearance from the left: Okabe-Ito's colour-blind-safe set
     * (without its yellow, too pale on white) and three darker tones.
     */
    static final Color[] GROUP_COLOURS = {new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73),
            new Color(0xCC79A7), new Color(0xE69F00), new Color(0x56B4E9), new Color(0x8C564B), new Color(0x332288),
            new Color(0x7F7F7F)};

    final Frontier.Result result;
    final Frontier.Result ghost;
    final Evaluation current;
    final double target;
    final ColourBy colourBy;
    /** The served reading of the heights, or null for decode throughput per card. */
    final Lens lens;
    final DefaultXYDataset cloud;
    final DefaultXYDataset ghostLine;
    final DefaultXYDataset frontier;
    final DefaultXYDataset marks;
    /** The P10-P90 of throughput per card along the frontier (calibrated fidelity), empty without bands. */
    final YIntervalSeriesCollection band;
    /** The bands the data was built with, or null. */
    final FrontierBands bands;
    /** Colour of each series of {@link #frontier}. */
    final List<Color> runColours;
    /** Group name to colour, in order of appearance: the legend. */
    final Map<String, Color> groups;
    final List<AnswerText.Line> text;
    final double xLow;
    final double xHigh;
    final double yHigh;

    /** Smallest and largest tokens/s per user and the largest throughput of the cloud and the ghost. */
    private final double[] extent;

    private FrontierData(Frontier.Result result, Frontier.Result ghost, Evaluation current, double target, ColourBy by,
                         DefaultXYDataset cloud, DefaultXYDataset ghostLine, DefaultXYDataset frontier,
                         List<Color> runColours, Map<String, Color> groups, double[] extent, FrontierBands bands,
                         YIntervalSeriesCollection band, Lens lens) {
        this.result = result;
        this.ghost = ghost;
        this.current = current;
        this.target = target;
        this.colourBy = by;
        this.lens = lens;
        this.cloud = cloud;
        this.ghostLine = ghostLine;
        this.frontier = frontier;
        this.runColours = List.copyOf(runColours);
        this.groups = groups;
        this.marks = marks(result, current, lens);
        this.bands = bands;
        this.band = band;
        this.text = AnswerText.lines(result, ghost, current, target, bands == null ? null : bands.answer(), lens);
        this.extent = extent;
        if (bands != null && result != null && bands.line().size() == result.frontier().size()) {
            for (dev.ridgeline.engine.evidence.Band b : bands.line()) {
                extent[2] = Math.max(extent[2], b.high()); // the band's top in view
            }
        }
        double[] range = range(extent, marks, target);
        this.xLow = range[0];
        this.xHigh = range[1];
        this.yHigh = range[2];
    }

    /**
     * @param result  the frontier to draw, or null while none has been computed
     * @param ghost   pinned scenario A's frontier, or null
     * @param current the scenario on screen, or null
     */
    public static FrontierData of(Frontier.Result result, Frontier.Result ghost, Evaluation current, double target,
                                  ColourBy by) {
        return of(result, ghost, current, target, by, null);
    }

    /** As above, with the P10-P90 band along the frontier ({@code bands} of {@code result}; null: none drawn). */
    public static FrontierData of(Frontier.Result result, Frontier.Result ghost, Evaluation current, double target,
                                  ColourBy by, FrontierBands bands) {
        return of(result, ghost, current, target, by, bands, null);
    }

    /**
     * As above, with the heights read through the served switch's {@code lens} (null: decode). A served frontier has no
     * band (the bands are decode's) and no ghost (A's chip has pools of its own).
     */
    public static FrontierData of(Frontier.Result result, Frontier.Result ghost, Evaluation current, double target,
                                  ColourBy by, FrontierBands bands, Lens lens) {
        if (lens != null) {
            bands = null;
            ghost = null;
        }
        ToDoubleFunction<Frontier.Point> y = height(result, lens);
        DefaultXYDataset cloud = new DefaultXYDataset();
        DefaultXYDataset ghostLine = new DefaultXYDataset();
        DefaultXYDataset frontier = new DefaultXYDataset();
        List<Color> runColours = new ArrayList<>();
        Map<String, Color> groups = new LinkedHashMap<>();
        double[] extent = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0};
        if (result != null) {
            cloud.addSeries("deployments", xy(result.points(), extent, y));
            List<Frontier.Point> line = result.frontier();
            List<Scenario> configurations = line.stream().map(result::configuration).toList();
            Function<Scenario, String> group = by.grouping(configurations);
            int start = 0;
            for (int i = 1; i <= line.size(); i++) {
                String name = group.apply(configurations.get(i - 1));
                if (i == line.size() || !group.apply(configurations.get(i)).equals(name)) {
                    // a run also takes the next run's first point, so that the line has no gap where the colour changes
                    List<Frontier.Point> run = line.subList(start, Math.min(i + 1, line.size()));
                    Color colour = groups.computeIfAbsent(name, k -> GROUP_COLOURS[groups.size() % GROUP_COLOURS.length]);
                    frontier.addSeries("run " + runColours.size(), xy(run, null, y));
                    runColours.add(colour);
                    start = i;
                }
            }
        }
        if (ghost != null) {
            ghostLine.addSeries("A", xy(ghost.frontier(), extent, Frontier.Point::throughputPerCard));
        }
        return new FrontierData(result, ghost, current, target, by, cloud, ghostLine, frontier, runColours, groups, extent,
                bands, band(result, bands), lens);
    }

    /** A point's height: decode throughput per card, or through the lens. */
    private static ToDoubleFunction<Frontier.Point> height(Frontier.Result result, Lens lens) {
        return lens == null || result == null ? Frontier.Point::throughputPerCard
                : p -> lens.perCard(result.configuration(p), p.throughputPerCard());
    }

    /** The band as an interval series over the frontier's points; empty unless the bands belong to this frontier. */
    private static YIntervalSeriesCollection band(Frontier.Result result, FrontierBands bands) {
        YIntervalSeriesCollection out = new YIntervalSeriesCollection();
        if (result != null && bands != null && bands.line().size() == result.frontier().size()) {
            YIntervalSeries series = new YIntervalSeries("P10–P90", false, true);
            for (int i = 0; i < bands.line().size(); i++) {
                Frontier.Point p = result.frontier().get(i);
                series.add(p.userTokensPerSec(), p.throughputPerCard(), bands.line().get(i).low(), bands.line().get(i).high());
            }
            out.addSeries(series);
        }
        return out;
    }

    /**
     * The space's key ({@link Space#explorerKey}): two scenarios with the same key have the same frontier (DESIGN 4b),
     * so a batch, EP, policy, dtype, MTP, promotion or layout edit moves only the marker.
     */
    public static Scenario key(Scenario s) {
        return Space.explorerKey(s);
    }

    /**
     * The frontier the Frontier view draws for {@code s}: every deployment of its space ({@link Space#explorerForDrawing}
     * of its {@link #key}), the best at {@code target} answered.
     */
    public static Frontier.Result compute(Engine engine, Scenario s, double target, Executor sweep, int threads,
                                          BooleanSupplier stop, DoubleConsumer progress) {
        return compute(engine, s, null, target, sweep, threads, stop, progress);
    }

    /** As above, the space taken from {@code previous} (the space of a frontier drawn before, or null) where it can be. */
    public static Frontier.Result compute(Engine engine, Scenario s, Space previous, double target, Executor sweep,
                                          int threads, BooleanSupplier stop, DoubleConsumer progress) {
        return Frontier.compute(engine, Space.explorerForDrawing(s, previous), target, sweep, threads, stop, progress);
    }

    /** The same frontier with another current scenario: only the marks and the text change (the band is kept). */
    public FrontierData withCurrent(Evaluation now) {
        return new FrontierData(result, ghost, now, target, colourBy, cloud, ghostLine, frontier, runColours, groups, extent,
                bands, band, lens);
    }

    /** The frontier drawn, or null. */
    public Frontier.Result result() {
        return result;
    }

    public List<AnswerText.Line> text() {
        return text;
    }

    /** The legend's group names, in order of appearance along the frontier. */
    public List<String> groupNames() {
        return List.copyOf(groups.keySet());
    }

    /** The points as a series; widens {@code extent} (lowest x, highest x, highest y) over them when given. */
    private static double[][] xy(List<Frontier.Point> points, double[] extent, ToDoubleFunction<Frontier.Point> height) {
        double[][] out = new double[2][points.size()];
        for (int i = 0; i < points.size(); i++) {
            Frontier.Point p = points.get(i);
            double x = p.userTokensPerSec();
            double y = height.applyAsDouble(p);
            out[0][i] = x;
            out[1][i] = y;
            if (extent != null && x > 0 && Double.isFinite(x) && Double.isFinite(y)) {
                extent[0] = Math.min(extent[0], x);
                extent[1] = Math.max(extent[1], x);
                extent[2] = Math.max(extent[2], y);
            }
        }
        return out;
    }

    private static DefaultXYDataset marks(Frontier.Result result, Evaluation current, Lens lens) {
        DefaultXYDataset marks = new DefaultXYDataset();
        boolean best = result != null && result.answer() != null;
        marks.addSeries("best", best ? new double[][] {{result.answer().userTokensPerSec()},
                {lens == null ? result.answer().throughputPerCard() : lens.perCard(result.answer().deployment(),
                        result.answer().throughputPerCard())}} : new double[2][0]);
        marks.addSeries("current", current != null ? new double[][] {{current.userTokensPerSec()},
                {lens == null ? current.throughputPerCard() : lens.perCard(current.scenario(),
                        current.throughputPerCard())}} : new double[2][0]);
        return marks;
    }

    /** The served reading of the heights, or null (decode). */
    public Lens lens() {
        return lens;
    }

    /** x from below the slowest to above the fastest point (log axis, the target included), y from 0 over the top. */
    private static double[] range(double[] extent, DefaultXYDataset marks, double target) {
        double lo = extent[0];
        double hi = extent[1];
        double top = extent[2];
        if (target > 0) {
            lo = Math.min(lo, target);
            hi = Math.max(hi, target);
        }
        for (int s = 0; s < marks.getSeriesCount(); s++) {
            for (int i = 0; i < marks.getItemCount(s); i++) {
                double x = marks.getXValue(s, i);
                double y = marks.getYValue(s, i);
                if (x > 0 && Double.isFinite(x) && Double.isFinite(y)) {
                    lo = Math.min(lo, x);
                    hi = Math.max(hi, x);
                    top = Math.max(top, y);
                }
            }
        }
        if (!(hi > lo)) {
            lo = lo > 0 && Double.isFinite(lo) ? lo / 10 : 1;
            hi = lo * 100;
        }
        return new double[] {lo / 1.15, hi * 1.15, top > 0 ? top * 1.08 : 1000};
    }
}
