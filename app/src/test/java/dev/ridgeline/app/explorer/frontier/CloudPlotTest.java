package dev.ridgeline.app.explorer.frontier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CrosshairState;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRendererState;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.DefaultXYDataset;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;

/**
 * The frontier's plot draws the same pixels as JFreeChart's own: the cloud with one renderer call per series instead
 * of one per point ({@link CloudPlot}), the lines in their one pass ({@link FrontierChart.LinesOnly}).
 */
class CloudPlotTest {
    /** 5,000 points, some off the axes' ranges, from a seeded draw. */
    private static DefaultXYDataset cloud(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] xy = new double[2][5000];
        for (int i = 0; i < xy[0].length; i++) {
            xy[0][i] = 0.5 + r.nextDouble() * 400;
            xy[1][i] = r.nextDouble() * 4000;
        }
        DefaultXYDataset d = new DefaultXYDataset();
        d.addSeries("deployments", xy);
        return d;
    }

    /** A cloud renderer that counts its calls. */
    private static final class Counting extends CloudRenderer {
        private static final long serialVersionUID = 1L;
        final AtomicInteger calls = new AtomicInteger();

        Counting() {
            super(3);
        }

        @Override
        public void drawItem(Graphics2D g2, XYItemRendererState state, Rectangle2D dataArea, PlotRenderingInfo info,
                             XYPlot plot, ValueAxis domainAxis, ValueAxis rangeAxis, XYDataset dataset, int series,
                             int item, CrosshairState crosshairState, int pass) {
            calls.incrementAndGet();
            super.drawItem(g2, state, dataArea, info, plot, domainAxis, rangeAxis, dataset, series, item, crosshairState,
                    pass);
        }
    }

    private static XYPlot plot(boolean cloudPlot, XYLineAndShapeRenderer lines, Counting dots, DefaultXYDataset cloud,
                               DefaultXYDataset line) {
        LogAxis x = new LogAxis("x");
        x.setRange(2, 300);
        NumberAxis y = new NumberAxis("y");
        y.setRange(0, 3500);
        dots.setSeriesPaint(0, FrontierChart.CLOUD_COLOUR);
        XYPlot p = cloudPlot ? new CloudPlot(cloud, x, y, dots) : new XYPlot(cloud, x, y, dots);
        p.setDataset(1, line);
        p.setRenderer(1, lines);
        lines.setDefaultStroke(FrontierChart.FRONTIER_STROKE, false);
        lines.setAutoPopulateSeriesStroke(false);
        lines.setSeriesPaint(0, new Color(0x0072B2));
        lines.setDefaultCreateEntities(false);
        return p;
    }

    private static int[] pixels(XYPlot plot) {
        JFreeChart chart = new JFreeChart(null, null, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        BufferedImage image = new BufferedImage(700, 420, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g2 = image.createGraphics();
        chart.draw(g2, new Rectangle2D.Double(0, 0, 700, 420));
        g2.dispose();
        return image.getRGB(0, 0, 700, 420, null, 0, 700);
    }

    private static DefaultXYDataset line() {
        DefaultXYDataset d = new DefaultXYDataset();
        d.addSeries("run 0", new double[][] {{3, 10, 40, 90, 250}, {3400, 3000, 2000, 900, 100}});
        return d;
    }

    @Test
    void theCloudIsDrawnByOneCallWithTheSamePixelsAsThePlotsLoopPerPoint() {
        for (long seed : new long[] {1, 2, 3}) {
            DefaultXYDataset cloud = cloud(seed);
            Counting perPoint = new Counting();
            Counting once = new Counting();
            int[] expected = pixels(plot(false, new XYLineAndShapeRenderer(true, false), perPoint, cloud, line()));
            int[] actual = pixels(plot(true, new XYLineAndShapeRenderer(true, false), once, cloud, line()));
            assertTrue(perPoint.calls.get() > 4000, "JFreeChart's loop calls the renderer per visible point");
            assertEquals(1, once.calls.get(), "seed " + seed);
            assertTrue(once.drawnDots() > 1000, "the cloud is drawn: " + once.drawnDots() + " dots, seed " + seed);
            assertArrayEquals(expected, actual, "seed " + seed);
        }
    }

    @Test
    void anEmptyCloudDrawsNothingAsBefore() {
        DefaultXYDataset empty = new DefaultXYDataset();
        empty.addSeries("deployments", new double[2][0]);
        Counting once = new Counting();
        assertArrayEquals(pixels(plot(false, new XYLineAndShapeRenderer(true, false), new Counting(), empty, line())),
                pixels(plot(true, new XYLineAndShapeRenderer(true, false), once, empty, line())));
        assertEquals(0, once.calls.get());
    }

    @Test
    void linesInOnePassDrawTheSamePixelsAsInTwo() {
        DefaultXYDataset cloud = cloud(4);
        int[] twoPasses = pixels(plot(true, new XYLineAndShapeRenderer(true, false), new Counting(), cloud, line()));
        int[] onePass = pixels(plot(true, new FrontierChart.LinesOnly(), new Counting(), cloud, line()));
        int blue = new Color(0x0072B2).getRGB();
        int onLine = 0;
        for (int p : onePass) {
            onLine += p == blue ? 1 : 0;
        }
        assertTrue(onLine > 200, "the line is drawn: " + onLine + " pixels of its colour");
        assertArrayEquals(twoPasses, onePass);
    }
}
