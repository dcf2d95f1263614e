package dev.ridgeline.app.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.app.explorer.charts.GanttPainter;
import dev.ridgeline.app.explorer.charts.Palette;
import dev.ridgeline.engine.Evaluation;
import dev.ridgeline.engine.ops.Stage;
import dev.ridgeline.engine.roofline.OpResult;
import dev.ridgeline.engine.schedule.Interval;
import dev.ridgeline.engine.schedule.Lane;
import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.PixelReader;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.entity.ChartEntity;
import org.jfree.chart.entity.XYItemEntity;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.data.Range;
import org.jfree.data.xy.XYDataset;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Assertions on what the window has drawn, against an evaluation the test made itself. Expected texts are formatted
 * here with {@code String.format}, not with the window's formatter; marker and bar positions are derived here from
 * the axis range and the schedule, not taken from the chart's own transforms.
 */
final class Drawn {
    private Drawn() {
    }

    /** Tokens/s as the tiles show them: whole tokens in grouped thousands from 100, else one decimal. */
    static String tokens(double perSec) {
        return perSec >= 99.95 ? String.format(Locale.ROOT, "%,.0f", perSec) : String.format(Locale.ROOT, "%.1f", perSec);
    }

    /** Seconds as the tiles show them: µs with one decimal below 1 ms, else ms with two. */
    static String time(double sec) {
        return sec < 1e-3 ? String.format(Locale.ROOT, "%.1f µs", sec * 1e6) : String.format(Locale.ROOT, "%.2f ms", sec * 1e3);
    }

    /** Every headline tile shows {@code e}'s figure. */
    static void assertTilesShow(ExplorerView view, Evaluation e) {
        assertEquals(tokens(e.userTokensPerSec()), view.kpis().value("userTokens"), "user tokens/s tile");
        assertEquals(tokens(e.throughputPerCard()), view.kpis().value("perCard"), "per-card tile");
        assertEquals(tokens(e.throughputPerNode()), view.kpis().value("perNode"), "per-node tile");
        assertEquals(time(e.tpotSec()), view.kpis().value("tpot"), "TPOT tile");
        assertEquals(time(e.layerTimeSec()), view.kpis().value("layerTime"), "layer time tile");
        assertEquals(String.valueOf(e.maxBatch()), view.kpis().value("maxBatch"), "max batch tile");
        assertEquals(e.dominantBound().name().toLowerCase(Locale.ROOT), view.kpis().value("bound"), "bound tile");
        assertEquals(String.format(Locale.ROOT, "%.2f %s %.2f", e.balance().tflopsPerGBps(),
                e.balance().communicationHidden() ? "≤" : ">", e.balance().thresholdTflopsPerGBps()),
                view.kpis().value("balance"), "C/B tile");
    }

    /**
     * One marker per op of {@code e}, drawn where the log axes put the op's intensity and achieved FLOP/s, in its
     * bound's colour. Compute ops sit at (FLOPs / HBM bytes, FLOPs / time); dispatch and combine at the MoE stage's
     * FLOPs over their network bytes and over their time (RooflineChart's documented placement).
     */
    static void assertMarkersSitAtTheirOps(ExplorerView view, Evaluation e) {
        ChartViewer viewer = (ChartViewer) view.roofline().getChildren().get(0);
        ChartRenderingInfo info = viewer.getCanvas().getRenderingInfo();
        Rectangle2D area = info.getPlotInfo().getDataArea();
        XYPlot plot = view.roofline().chart().getXYPlot();
        XYDataset ops = view.roofline().opsDataset();
        XYItemRenderer renderer = plot.getRendererForDataset(ops);
        Range xr = plot.getDomainAxis().getRange();
        Range yr = plot.getRangeAxis().getRange();
        double moeFlops = e.ops().stream().filter(o -> o.stage() == Stage.MOE).mapToDouble(OpResult::flops).sum();

        Map<String, XYItemEntity> drawn = new HashMap<>();
        for (Object o : info.getEntityCollection().getEntities()) {
            ChartEntity entity = (ChartEntity) o;
            if (entity instanceof XYItemEntity && ((XYItemEntity) entity).getDataset() == ops) {
                XYItemEntity item = (XYItemEntity) entity;
                String name = renderer.getItemLabelGenerator(item.getSeriesIndex(), item.getItem())
                        .generateLabel(ops, item.getSeriesIndex(), item.getItem());
                assertTrue(drawn.put(name, item) == null, "one marker per op: " + name);
            }
        }
        // an op timed as a measured fixed cost (the routed block's, calibrated) moves no bytes: a roofline cannot place it
        List<OpResult> placed = e.ops().stream().filter(o -> o.flops() > 0 || o.networkBytes() > 0 || o.hbmBytes() > 0)
                .toList();
        assertEquals(placed.size(), drawn.size(), "markers drawn: " + drawn.keySet());
        for (OpResult op : placed) {
            XYItemEntity item = drawn.get(op.name());
            assertTrue(item != null, "no marker for " + op.name());
            boolean network = op.flops() == 0;
            double flops = network ? moeFlops : op.flops();
            double bytes = network ? op.networkBytes() : op.weightBytes() + op.activationBytes() + op.kvBytes();
            double x = area.getX() + logFraction(flops / bytes, xr) * area.getWidth();
            double y = area.getMaxY() - logFraction(flops / op.timeSec(), yr) * area.getHeight();
            Rectangle2D at = item.getArea().getBounds2D();
            // a hundredth of a pixel: two log computations of the same numbers, in a different order
            assertEquals(x, at.getCenterX(), 0.01, op.name() + " x (intensity)");
            assertEquals(y, at.getCenterY(), 0.01, op.name() + " y (FLOP/s)");
            assertTrue(area.contains(at.getCenterX(), at.getCenterY()), op.name() + " inside the plot");
            assertEquals(Palette.of(op.bound()), renderer.getItemPaint(item.getSeriesIndex(), item.getItem()),
                    op.name() + " colour of its bound " + op.bound());
        }
    }

    private static double logFraction(double v, Range r) {
        return (Math.log10(v) - Math.log10(r.getLowerBound())) / (Math.log10(r.getUpperBound()) - Math.log10(r.getLowerBound()));
    }

    /**
     * One bar per interval of {@code e}'s schedule, in order; every bar at its interval's start and as long as its
     * duration on one linear time axis that starts where the first interval starts; compute lane above comm; and in
     * the pixels, the micro-batch colour with a critical-path strip along the bottom of critical bars.
     */
    static void assertGanttDrawsTheSchedule(ExplorerView view, Evaluation e) {
        List<GanttPainter.Bar> bars = view.gantt().bars();
        List<Interval> intervals = e.schedule().intervals();
        assertEquals(intervals, bars.stream().map(GanttPainter.Bar::interval).toList(), "bars are the schedule's intervals");
        GanttPainter.Bar first = bars.stream().filter(b -> b.interval().startSec() == 0).findFirst().orElseThrow();
        double x0 = first.rect().getX();
        GanttPainter.Bar last = bars.stream().max((a, b) -> Double.compare(a.interval().endSec(), b.interval().endSec()))
                .orElseThrow();
        double pxPerSec = (last.rect().getMaxX() - x0) / last.interval().endSec();
        assertEquals(e.schedule().layerTimeSec(), last.interval().endSec(), 1e-15, "the last bar ends the layer");
        for (GanttPainter.Bar b : bars) {
            Interval i = b.interval();
            // 1e-6 px: the same products in floating point; a bar is at least 1 px wide to stay visible
            assertEquals(x0 + i.startSec() * pxPerSec, b.rect().getX(), 1e-6, i.label() + " start");
            assertEquals(Math.max(1, i.durationSec() * pxPerSec), b.rect().getWidth(), 1e-6, i.label() + " width");
            GanttPainter.Bar sameLane = bars.stream().filter(o -> o.interval().lane() == i.lane()).findFirst().orElseThrow();
            assertEquals(sameLane.rect().getY(), b.rect().getY(), 0.0, i.label() + " lane row");
            if (i.lane() == Lane.COMM) {
                GanttPainter.Bar compute = bars.stream().filter(o -> o.interval().lane() == Lane.COMPUTE).findFirst().orElseThrow();
                assertTrue(b.rect().getY() >= compute.rect().getMaxY(), i.label() + " below the compute lane");
            }
        }
        PixelReader pixels = snapshot((Canvas) view.gantt().getChildrenUnmodifiable().get(0));
        for (GanttPainter.Bar b : bars) {
            Rectangle2D r = b.rect();
            if (r.getWidth() < 6 || r.getHeight() < 12) {
                continue; // too thin to sample inside its white border
            }
            Color fill = b.interval().microBatch() == 0 ? Palette.MICRO_BATCH_0 : Palette.MICRO_BATCH_1;
            int x = (int) Math.floor(r.getX() + 3);
            assertColour(fill, pixels.getArgb(x, (int) Math.floor(r.getY() + 3)), b.interval().label() + " fill");
            assertColour(b.interval().critical() ? Palette.CRITICAL : fill,
                    pixels.getArgb(x, (int) Math.floor(r.getMaxY() - 2)), b.interval().label() + " bottom edge");
        }
    }

    private static PixelReader snapshot(Canvas canvas) {
        try {
            return WaitForAsyncUtils.asyncFx(() -> canvas.snapshot(null, null)).get().getPixelReader();
        } catch (InterruptedException | ExecutionException ex) {
            throw new AssertionError("snapshot of the Gantt failed", ex);
        }
    }

    private static void assertColour(Color expected, int argb, String what) {
        Color actual = new Color(argb, true);
        // 2 levels a channel: the software rasteriser may blend the last bit
        boolean close = Math.abs(expected.getRed() - actual.getRed()) <= 2 && Math.abs(expected.getGreen() - actual.getGreen()) <= 2
                && Math.abs(expected.getBlue() - actual.getBlue()) <= 2;
        assertTrue(close, what + ": expected " + expected + ", drawn " + actual);
    }
}
