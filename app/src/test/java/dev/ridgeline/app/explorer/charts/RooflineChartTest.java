package dev.ridgeline.app.explorer.charts;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.app.Engines;
import dev.ridgeline.engine.Evaluation;
import dev.ridgeline.engine.io.Catalog;
import dev.ridgeline.engine.io.Presets;
import dev.ridgeline.engine.model.Fidelity;
import dev.ridgeline.engine.model.Scenario;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.Range;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The roofline as drawn (into an image, at the size it has in a 1600 × 1000 window and in a 1366 × 768 one): the axes
 * frame the ops and the ridge points with half a decade to spare, and every op label stays clear of the roof lines,
 * the markers and the other labels. Roof lines are derived here from the chip's figures, marker and line pixels from
 * the axis ranges (log fractions), not from the chart's own transforms.
 */
class RooflineChartTest {
    private static final Catalog CATALOG = Presets.builtIn();

    private static Evaluation evaluate(String chip, String fidelity) {
        Scenario s = Presets.builtInScenario("default").withChip(CATALOG.chip(chip))
                .withFidelity(Fidelity.valueOf(fidelity));
        return Engines.builtIn().evaluate(s);
    }

    @ParameterizedTest
    @CsvSource({"H800, SEED", "H800, CALIBRATED", "H20, SEED", "B200, CALIBRATED", "L20, SEED", "MI300X, CALIBRATED"})
    void theAxesFrameTheOpsAndTheRidgesWithoutEmptyDecades(String chip, String fidelity) {
        Evaluation e = evaluate(chip, fidelity);
        XYPlot plot = RooflineChart.createChart(RooflineChart.createDataset(e)).getXYPlot();
        XYDataset ops = plot.getDataset(RooflineChart.OPS);
        double hbm = e.hbmBytesPerSecAsRead();
        double fp8 = e.scenario().chip().fp8FlopsPerSec();
        double bf16 = e.scenario().chip().bf16FlopsPerSec();
        double[] x = {Math.min(fp8, bf16) / hbm, Math.max(fp8, bf16) / hbm}; // the ridge points
        double[] y = {Double.MAX_VALUE, Math.max(fp8, bf16)};
        for (int s = 0; s < ops.getSeriesCount(); s++) {
            for (int i = 0; i < ops.getItemCount(s); i++) {
                x[0] = Math.min(x[0], ops.getXValue(s, i));
                x[1] = Math.max(x[1], ops.getXValue(s, i));
                y[0] = Math.min(y[0], ops.getYValue(s, i));
                y[1] = Math.max(y[1], ops.getYValue(s, i));
            }
        }
        assertFrames(plot.getDomainAxis().getRange(), x, "intensity");
        assertFrames(plot.getRangeAxis().getRange(), y, "FLOP/s");
    }

    /** Everything inside with at least a factor 1.5 to spare, and at most a decade of nothing beyond it. */
    private static void assertFrames(Range axis, double[] data, String what) {
        String text = what + " axis " + axis + " for data " + data[0] + " .. " + data[1];
        assertTrue(axis.getLowerBound() <= data[0] / 1.5 && axis.getLowerBound() >= data[0] / 10, text);
        assertTrue(axis.getUpperBound() >= data[1] * 1.5 && axis.getUpperBound() <= data[1] * 10, text);
    }

    @ParameterizedTest
    @CsvSource({"H800, SEED, 800, 330", "H800, SEED, 690, 290", "H800, CALIBRATED, 800, 330", "H20, SEED, 800, 330",
        "B200, CALIBRATED, 690, 290", "L20, SEED, 800, 330", "MI300X, CALIBRATED, 800, 330"})
    void opLabelsStayClearOfTheRoofsTheMarkersAndEachOther(String chip, String fidelity, int width, int height) {
        Evaluation e = evaluate(chip, fidelity);
        JFreeChart chart = RooflineChart.createChart(RooflineChart.createDataset(e));
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = image.createGraphics();
        ChartRenderingInfo info = new ChartRenderingInfo();
        chart.draw(g2, new Rectangle(width, height), info);
        g2.dispose();
        Rectangle2D area = info.getPlotInfo().getDataArea();
        XYPlot plot = chart.getXYPlot();
        Range xr = plot.getDomainAxis().getRange();
        Range yr = plot.getRangeAxis().getRange();

        double hbm = e.hbmBytesPerSecAsRead();
        double fp8 = e.scenario().chip().fp8FlopsPerSec();
        double bf16 = e.scenario().chip().bf16FlopsPerSec();
        double nic = e.scenario().nic().bandwidthBytesPerSec();
        List<Line2D> roofs = new ArrayList<>();
        // HBM slope y = hbm·x up to the FP8 ridge; flat FP8 and BF16 roofs from their ridges; NIC slope y = nic·x
        roofs.add(segment(area, xr, yr, xr.getLowerBound(), hbm * xr.getLowerBound(), fp8 / hbm, fp8));
        roofs.add(segment(area, xr, yr, fp8 / hbm, fp8, xr.getUpperBound(), fp8));
        roofs.add(segment(area, xr, yr, bf16 / hbm, bf16, xr.getUpperBound(), bf16));
        double netEnd = Math.min(xr.getUpperBound(), fp8 / nic);
        roofs.add(segment(area, xr, yr, xr.getLowerBound(), nic * xr.getLowerBound(), netEnd, nic * netEnd));

        XYDataset ops = plot.getDataset(RooflineChart.OPS);
        List<Rectangle2D> markers = new ArrayList<>();
        for (int s = 0; s < ops.getSeriesCount(); s++) {
            for (int i = 0; i < ops.getItemCount(s); i++) {
                double px = pixelX(area, xr, ops.getXValue(s, i));
                double py = pixelY(area, yr, ops.getYValue(s, i));
                markers.add(new Rectangle2D.Double(px - 5, py - 5, 10, 10)); // the 10 px disc
            }
        }
        List<LabelledOpRenderer.Label> labels = ((LabelledOpRenderer) plot.getRendererForDataset(ops)).labels();
        assertTrue(labels.size() >= markers.size() - 2, "at most two ops unlabelled (their tooltips name them): "
                + labels.size() + " labels for " + markers.size() + " ops");
        for (LabelledOpRenderer.Label l : labels) {
            Rectangle2D box = l.box();
            assertTrue(area.contains(box), l.text() + " inside the plot");
            for (Line2D roof : roofs) {
                assertTrue(!roof.intersects(box), l.text() + " " + box + " crosses a roof line " + roof.getP1() + "-" + roof.getP2());
            }
            for (Rectangle2D m : markers) {
                assertTrue(!m.intersects(box), l.text() + " covers a marker at " + m);
            }
            for (LabelledOpRenderer.Label other : labels) {
                if (other != l) {
                    assertTrue(!other.box().intersects(box), l.text() + " overlaps " + other.text());
                    assertTrue(other.leader() == null || !other.leader().intersects(box), other.text() + "'s leader crosses " + l.text());
                }
            }
        }
    }

    private static Line2D segment(Rectangle2D area, Range xr, Range yr, double x0, double y0, double x1, double y1) {
        return new Line2D.Double(pixelX(area, xr, x0), pixelY(area, yr, y0), pixelX(area, xr, x1), pixelY(area, yr, y1));
    }

    private static double pixelX(Rectangle2D area, Range r, double v) {
        return area.getX() + logFraction(v, r) * area.getWidth();
    }

    private static double pixelY(Rectangle2D area, Range r, double v) {
        return area.getMaxY() - logFraction(v, r) * area.getHeight();
    }

    private static double logFraction(double v, Range r) {
        return (Math.log10(v) - Math.log10(r.getLowerBound())) / (Math.log10(r.getUpperBound()) - Math.log10(r.getLowerBound()));
    }
}
