package dev.ridgeline.app.explorer.charts;

import dev.ridgeline.app.Units;
import dev.ridgeline.engine.Evaluation;
import dev.ridgeline.engine.model.Chip;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.ops.Stage;
import dev.ridgeline.engine.roofline.Bound;
import dev.ridgeline.engine.roofline.OpResult;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The log-log roofline: HBM slope, FP8 and BF16 ceilings, the NIC roof (and the scale-up link's when traffic takes it,
 * the FP4 ceiling when the experts run in FP4), and one marker per op coloured by its bound. Compute ops sit at (FLOP
 * per HBM byte, achieved FLOP/s). Dispatch, combine and the all-reduces move no FLOPs of their own: they sit at (MoE
 * FLOPs per network byte, MoE FLOPs per second of transfer), so that they lie on or under the roof of the link they
 * take and read against the MoE marker (seed 002's C/B balance).
 *
 * <p>A factory pair: {@link #createDataset} builds fresh datasets; {@link #createChart} builds the chart once;
 * {@link #show} swaps both datasets in with one redraw.
 */
public final class RooflineChart {
    static final int ROOFS = 0;
    static final int OPS = 1;

    private RooflineChart() {
    }

    /** Op markers, one series per bound, remembering the op behind each item for labels and tooltips. */
    public static final class OpPoints extends XYSeriesCollection {
        private static final long serialVersionUID = 1L;
        private final List<List<OpResult>> ops = new ArrayList<>();

        OpResult op(int series, int item) {
            return ops.get(series).get(item);
        }

        /** Marker count, for tests. */
        public int markerCount() {
            return ops.stream().mapToInt(List::size).sum();
        }
    }

    /** Datasets with nothing to draw yet (the window opens before the first result arrives), framed sensibly. */
    public static XYSeriesCollection[] emptyDataset() {
        return new XYSeriesCollection[] {new RoofData(1, 1e4, 1e10, 1e16), new OpPoints()};
    }

    /**
     * Bounds an op of the layer can have, in ordinal order (a series' index is its bound's ordinal; HOST is calibrated
     * fidelity's step overhead, never a layer op).
     */
    private static final Bound[] LAYER_BOUNDS = {Bound.COMPUTE, Bound.MEMORY, Bound.NETWORK, Bound.LATENCY};

    /** Both datasets for one evaluation: roofs first, then op markers. */
    public static XYSeriesCollection[] createDataset(Evaluation e) {
        return createDataset(e.scenario(), e.scenario().chip(), e.hbmBytesPerSecAsRead(),
                e.scenario().nic().bandwidthBytesPerSec(), e.ops());
    }

    /** Both datasets for a prefill step, on the chip as the prefill computes on it. */
    public static XYSeriesCollection[] createDataset(dev.ridgeline.engine.PrefillEvaluation e) {
        return createDataset(e.scenario(), e.computeChip(), e.computeChip().hbmBandwidthBytesPerSec(),
                e.scenario().nic().bandwidthBytesPerSec(), e.ops());
    }

    /**
     * Both datasets for {@code ops} of scenario {@code s} (its layout decides the scale-up roof, its expert dtype the
     * FP4 one) on a chip of these rates: roofs first, then op markers.
     */
    public static XYSeriesCollection[] createDataset(Scenario s, Chip chip, double hbm, double nic, List<OpResult> ops) {
        double fp8 = chip.fp8FlopsPerSec();
        double bf16 = chip.bf16FlopsPerSec();
        double moeFlops = ops.stream().filter(o -> o.stage() == Stage.MOE).mapToDouble(OpResult::flops).sum();

        OpPoints points = new OpPoints();
        // the frame: every op and both ridge points (where the HBM slope meets the BF16 and FP8 roofs), with MARGIN
        double xMin = Math.min(bf16, fp8) / hbm;
        double xMax = Math.max(bf16, fp8) / hbm;
        double yMin = Double.MAX_VALUE;
        double yMax = Math.max(bf16, fp8);
        for (Bound b : LAYER_BOUNDS) {
            XYSeries series = new XYSeries(b.label() + "-bound", false, true);
            List<OpResult> list = new ArrayList<>();
            for (OpResult op : ops) {
                if (op.bound() != b || op.timeSec() <= 0) {
                    continue;
                }
                boolean network = op.flops() <= 0;
                if (network && (op.networkBytes() <= 0 || moeFlops <= 0)) {
                    continue;
                }
                double x = network ? moeFlops / op.networkBytes() : op.intensity();
                double y = (network ? moeFlops : op.flops()) / op.timeSec();
                if (!(x > 0 && y > 0 && Double.isFinite(x) && Double.isFinite(y))) {
                    continue; // a log axis cannot place it, and an infinite range would never finish its ticks
                }
                series.add(x, y);
                list.add(op);
                xMin = Math.min(xMin, x);
                xMax = Math.max(xMax, x);
                yMin = Math.min(yMin, y);
                yMax = Math.max(yMax, y);
            }
            points.addSeries(series);
            points.ops.add(list);
        }
        xMin /= MARGIN;
        xMax *= MARGIN;
        // no op to frame: the HBM slope over the decades left of the ridge
        yMin = yMin == Double.MAX_VALUE ? hbm * xMin : yMin / MARGIN;
        yMax *= MARGIN;

        RoofData roofs = new RoofData(xMin, xMax, yMin, yMax);
        // seed fidelity reads the datasheet's GB/s as GiB/s: said in GiB/s, never as a decimal figure the preset lacks
        String hbmLabel = hbm == chip.seedHbmBandwidthBytesPerSec() && hbm != chip.hbmBandwidthBytesPerSec()
                ? String.format(java.util.Locale.ROOT, "HBM %.0f GiB/s (seed reading)", hbm / (1L << 30))
                : "HBM " + Units.si(hbm, "B/s");
        roofs.addSeries(line(hbmLabel, xMin, xMin * hbm, fp8 / hbm, fp8));
        roofs.addSeries(line("FP8 peak " + Units.flopsPerSec(fp8), fp8 / hbm, fp8, xMax, fp8));
        roofs.addSeries(line("BF16 peak " + Units.flopsPerSec(bf16), bf16 / hbm, bf16, xMax, bf16));
        double netEnd = Math.min(xMax, fp8 / nic);
        roofs.addSeries(line("NIC roof " + Units.si(nic, "B/s"), xMin, xMin * nic, netEnd, netEnd * nic));
        // the scale-up link carries the all-reduces of tensor parallelism and EP inside its domain (DESIGN 3.10)
        double scaleUp = chip.scaleUpBandwidthBytesPerSec();
        boolean overScaleUp = scaleUp > 0 && (s.attentionTp() > 1 || chip.scaleUpCovers(s.deployment().moeCards()));
        if (overScaleUp) {
            double upEnd = Math.min(xMax, fp8 / scaleUp);
            roofs.addSeries(line("Scale-up roof " + Units.si(scaleUp, "B/s"), xMin, xMin * scaleUp, upEnd, upEnd * scaleUp));
        }
        if (s.expertDtype().fp4() && chip.hasFp4()) {
            double fp4 = chip.fp4FlopsPerSec();
            roofs.addSeries(line("FP4 peak " + Units.flopsPerSec(fp4), fp4 / hbm, fp4, xMax, fp4));
        }
        return new XYSeriesCollection[] {roofs, points};
    }

    /**
     * Room around the framed points on each log axis, as a factor: half a decade, so that a marker and its label at
     * the edge stay inside and no decade is spent on nothing.
     */
    static final double MARGIN = Math.sqrt(10);

    /** The roof lines and the axis ranges that frame them and the markers. */
    static final class RoofData extends XYSeriesCollection {
        private static final long serialVersionUID = 1L;
        final double xLow;
        final double xHigh;
        final double yLow;
        final double yHigh;

        RoofData(double xLow, double xHigh, double yLow, double yHigh) {
            this.xLow = xLow;
            this.xHigh = xHigh;
            this.yLow = yLow;
            this.yHigh = yHigh;
        }
    }

    private static XYSeries line(String key, double x0, double y0, double x1, double y1) {
        XYSeries s = new XYSeries(key, false, true);
        s.add(x0, y0);
        s.add(x1, y1);
        return s;
    }

    public static JFreeChart createChart(XYSeriesCollection[] datasets) {
        LogAxis x = axis("Arithmetic intensity (FLOP / byte)");
        LogAxis y = axis("Achieved (FLOP/s)");
        XYPlot plot = new XYPlot(datasets[ROOFS], x, y, roofRenderer());
        plot.setDataset(OPS, datasets[OPS]);
        plot.setRenderer(OPS, opRenderer());
        // ops drawn, and so labelled, compute-bound first and latency-bound (the smallest kernels) last
        plot.setSeriesRenderingOrder(org.jfree.chart.plot.SeriesRenderingOrder.FORWARD);
        frame(plot, (RoofData) datasets[ROOFS]);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Palette.GRID);
        plot.setRangeGridlinePaint(Palette.GRID);
        plot.setOutlineVisible(false);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        JFreeChart chart = new JFreeChart(null, Palette.TITLE, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(6, 6, 4, 10));
        Palette.legendBelow(chart.getLegend());
        return chart;
    }

    /** Swaps in the datasets for {@code e} with one chart change event. */
    public static void show(JFreeChart chart, Evaluation e) {
        XYSeriesCollection[] data = createDataset(e);
        XYPlot plot = chart.getXYPlot();
        chart.setNotify(false);
        try {
            plot.setDataset(ROOFS, data[ROOFS]);
            plot.setDataset(OPS, data[OPS]);
            frame(plot, (RoofData) data[ROOFS]);
        } finally {
            chart.setNotify(true);
        }
    }

    /** Most decades an axis spans: its ticks are one per decade, counted by the axis in a loop. */
    static final double MAX_DECADES = 40;

    private static void frame(XYPlot plot, RoofData roofs) {
        double[] x = logRange(roofs.xLow, roofs.xHigh);
        double[] y = logRange(roofs.yLow, roofs.yHigh);
        plot.getDomainAxis().setRange(x[0], x[1]);
        plot.getRangeAxis().setRange(y[0], y[1]);
    }

    /**
     * A range a log axis can draw: finite, positive, increasing and at most {@link #MAX_DECADES} decades (kept
     * around the upper end, where the roofs are). The engine's figures always give one; this guards the loop.
     */
    static double[] logRange(double low, double high) {
        double hi = Double.isFinite(high) && high > 0 ? high : 1e18;
        double lo = Double.isFinite(low) && low > 0 && low < hi ? low : hi / 1e6;
        return new double[] {Math.max(lo, hi / Math.pow(10, MAX_DECADES)), hi};
    }

    private static LogAxis axis(String label) {
        LogAxis a = new DecadeAxis(label);
        a.setLabelFont(Palette.LABEL);
        a.setTickLabelFont(Palette.SMALL);
        a.setLabelPaint(Palette.INK);
        a.setTickLabelPaint(Palette.MUTED);
        return a;
    }

    private static XYLineAndShapeRenderer roofRenderer() {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setSeriesPaint(0, Palette.INK);
        r.setSeriesPaint(1, Palette.COMPUTE.darker());
        r.setSeriesPaint(2, Palette.COMPUTE);
        r.setSeriesPaint(3, Palette.NETWORK);
        r.setSeriesPaint(4, Palette.NETWORK.darker());
        r.setSeriesPaint(5, Palette.COMPUTE.brighter());
        r.setSeriesStroke(0, new BasicStroke(2f));
        r.setSeriesStroke(1, new BasicStroke(2f));
        r.setSeriesStroke(2, new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        r.setSeriesStroke(3, new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {3f, 3f}, 0f));
        r.setSeriesStroke(4, new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {8f, 3f}, 0f));
        r.setSeriesStroke(5, new BasicStroke(1.5f));
        r.setDefaultToolTipGenerator((ds, s, i) -> String.valueOf(ds.getSeriesKey(s)));
        return r;
    }

    private static XYLineAndShapeRenderer opRenderer() {
        XYLineAndShapeRenderer r = new LabelledOpRenderer();
        for (Bound b : LAYER_BOUNDS) {
            r.setSeriesPaint(b.ordinal(), Palette.of(b));
            r.setSeriesShape(b.ordinal(), new Ellipse2D.Double(-5, -5, 10, 10));
            r.setSeriesOutlinePaint(b.ordinal(), Color.WHITE);
        }
        r.setUseOutlinePaint(true);
        r.setDrawOutlines(true);
        r.setDefaultItemLabelsVisible(true);
        r.setDefaultItemLabelFont(Palette.SMALL);
        r.setDefaultItemLabelPaint(Palette.INK);
        r.setDefaultItemLabelGenerator((ds, s, i) -> ((OpPoints) ds).op(s, i).name());
        r.setDefaultToolTipGenerator((ds, s, i) -> tooltip(((OpPoints) ds).op(s, i)));
        return r;
    }

    static String tooltip(OpResult op) {
        return op.name() + " (" + op.stage().label() + ")\n"
                + "FLOPs: " + Units.flops(op.flops()) + "\n"
                + "HBM bytes: " + Units.bytes(op.hbmBytes()) + (op.networkBytes() > 0 ? ", network: " + Units.bytes(op.networkBytes()) : "") + "\n"
                + "Intensity: " + Units.fixed(op.intensity(), 1) + " FLOP/B" + "\n"
                + "Time: " + Units.time(op.timeSec()) + " x" + op.invocations() + "\n"
                + "Bound: " + op.bound().label();
    }
}
