package dev.ridgeline.app.explorer.frontier;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.geom.Rectangle2D;
import java.util.BitSet;
import java.util.List;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CrosshairState;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYDotRenderer;
import org.jfree.chart.renderer.xy.XYItemRendererState;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYDataset;
import org.jfree.fx.FXGraphics2D;

/**
 * Every deployment as a small opaque dot, drawn in one loop over the series (edges and paint looked up once). On
 * screen (a JavaFX canvas, where each fill call costs a buffer write) the dots are painted into an image held until
 * the data, the plot area or the axes change, so a redraw that only moves a marker costs one image copy. On the
 * window's canvas ({@link #drawOn}, {@link CanvasCloud}) that image is a JavaFX image sharing the pixels' array, drawn on the canvas
 * directly: FXGraphics2D's {@code drawImage} copies an AWT image twice per call (into a fresh AWT image, then into a
 * fresh JavaFX image, about 2.4 MB each for the window's plot), and the renderer uploads that new image again. In files
 * (PNG, SVG, PDF) they are vector squares; tens of thousands of points land on a few thousand pixels, and a dot whose
 * {@value #CELL}x{@value #CELL} pixel cell already holds one is skipped (it would overlap that dot by at least two
 * thirds, in the same colour). No entities: hover and click find points by their position (FrontierView).
 */
class CloudRenderer extends XYDotRenderer {
    private static final long serialVersionUID = 1L;
    /** Side of a dedup cell, px: smaller than the dot, so that no gap opens where dots are skipped. */
    static final int CELL = 2;
    /** Dots drawn as vectors in the last pass, or painted into the image when it was made (tests). */
    private transient int drawnDots;
    private transient int drawnSeries = -1;
    private transient BufferedImage image;
    private transient XYDataset imageData;
    private transient List<Object> imageKey;
    /** The window's canvas this renderer draws on, or null. */
    private transient CanvasCloud canvas;

    CloudRenderer(int size) {
        setDotWidth(size);
        setDotHeight(size);
        setDefaultCreateEntities(false);
    }

    /**
     * Draws the cloud's image on {@code canvas} directly whenever it is drawn through an FXGraphics2D: the chart's
     * canvas on screen, whose FXGraphics2D keeps that context's transform and clip as its own.
     */
    void drawOn(CanvasCloud canvas) {
        this.canvas = canvas;
    }

    int drawnDots() {
        return drawnDots;
    }

    @Override
    public XYItemRendererState initialise(Graphics2D g2, Rectangle2D dataArea, XYPlot plot, XYDataset dataset,
                                          PlotRenderingInfo info) {
        drawnSeries = -1;
        return super.initialise(g2, dataArea, plot, dataset, info);
    }

    @Override
    public void drawItem(Graphics2D g2, XYItemRendererState state, Rectangle2D dataArea, PlotRenderingInfo info,
                         XYPlot plot, ValueAxis domainAxis, ValueAxis rangeAxis, XYDataset dataset, int series, int item,
                         CrosshairState crosshairState, int pass) {
        if (series == drawnSeries) {
            return; // drawn with the series' first item of this pass
        }
        drawnSeries = series;
        Paint paint = lookupSeriesPaint(series);
        if (g2 instanceof FXGraphics2D && paint instanceof Color) {
            drawImage(g2, dataArea, plot, domainAxis, rangeAxis, dataset, series, (Color) paint);
        } else {
            drawVectors(g2, dataArea, plot, domainAxis, rangeAxis, dataset, series, paint);
        }
    }

    private void drawVectors(Graphics2D g2, Rectangle2D dataArea, XYPlot plot, ValueAxis domainAxis, ValueAxis rangeAxis,
                             XYDataset dataset, int series, Paint paint) {
        int left = (int) Math.floor(dataArea.getX());
        int top = (int) Math.floor(dataArea.getY());
        int columns = (int) Math.ceil(dataArea.getWidth()) / CELL + 2;
        int rows = (int) Math.ceil(dataArea.getHeight()) / CELL + 2;
        BitSet filled = new BitSet(columns * rows);
        int w = getDotWidth();
        int h = getDotHeight();
        g2.setPaint(paint);
        int count = 0;
        int[] at = new int[2];
        Mapper xs = new Mapper(domainAxis, dataArea, plot.getDomainAxisEdge());
        Mapper ys = new Mapper(rangeAxis, dataArea, plot.getRangeAxisEdge());
        for (int i = 0, n = dataset.getItemCount(series); i < n; i++) {
            if (!place(dataArea, xs, ys, dataset, series, i, at)) {
                continue;
            }
            int col = (at[0] - left) / CELL;
            int row = (at[1] - top) / CELL;
            if (col >= columns || row >= rows || filled.get(row * columns + col)) {
                continue;
            }
            filled.set(row * columns + col);
            g2.fillRect(at[0] - w / 2, at[1] - h / 2, w, h);
            count++;
        }
        drawnDots = count;
    }

    private void drawImage(Graphics2D g2, Rectangle2D dataArea, XYPlot plot, ValueAxis domainAxis, ValueAxis rangeAxis,
                           XYDataset dataset, int series, Color paint) {
        int left = (int) Math.floor(dataArea.getX());
        int top = (int) Math.floor(dataArea.getY());
        int width = (int) Math.ceil(dataArea.getMaxX()) - left + 1;
        int height = (int) Math.ceil(dataArea.getMaxY()) - top + 1;
        List<Object> key = List.of(series, left, top, width, height, domainAxis.getRange(), rangeAxis.getRange(), paint,
                getDotWidth(), getDotHeight());
        if (image == null || imageData != dataset || !key.equals(imageKey)) {
            // premultiplied ARGB: the canvas takes it without a conversion; an opaque colour is the same either way
            BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB_PRE);
            int[] pixels = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
            int argb = paint.getRGB();
            int w = getDotWidth();
            int h = getDotHeight();
            int count = 0;
            int[] at = new int[2];
            Mapper xs = new Mapper(domainAxis, dataArea, plot.getDomainAxisEdge());
            Mapper ys = new Mapper(rangeAxis, dataArea, plot.getRangeAxisEdge());
            for (int i = 0, n = dataset.getItemCount(series); i < n; i++) {
                if (!place(dataArea, xs, ys, dataset, series, i, at)) {
                    continue;
                }
                int x0 = at[0] - left - w / 2;
                int y0 = at[1] - top - h / 2;
                for (int y = Math.max(0, y0); y < Math.min(height, y0 + h); y++) {
                    for (int x = Math.max(0, x0); x < Math.min(width, x0 + w); x++) {
                        pixels[y * width + x] = argb;
                    }
                }
                count++;
            }
            drawnDots = count;
            image = out;
            imageData = dataset;
            imageKey = key;
        }
        if (canvas != null) {
            canvas.draw(image, left, top);
        } else {
            g2.drawImage(image, left, top, null);
        }
    }

    /**
     * Value to pixel along one axis, as the axis maps it but without its per-call work: a log axis is affine in the
     * logarithm of the value, a number axis in the value, so two of the axis's own answers fix the map.
     */
    private static final class Mapper {
        private final boolean log;
        private final double t0;
        private final double j0;
        private final double slope;

        Mapper(ValueAxis axis, Rectangle2D area, RectangleEdge edge) {
            log = axis instanceof LogAxis;
            double v0 = axis.getLowerBound();
            double v1 = axis.getUpperBound();
            t0 = log ? Math.log10(v0) : v0;
            j0 = axis.valueToJava2D(v0, area, edge);
            double t1 = log ? Math.log10(v1) : v1;
            slope = t1 != t0 ? (axis.valueToJava2D(v1, area, edge) - j0) / (t1 - t0) : 0;
        }

        double map(double v) {
            return j0 + ((log ? Math.log10(v) : v) - t0) * slope;
        }
    }

    /** The pixel of item {@code i} into {@code at}; false when it has no place on a log axis or lies off the plot. */
    private static boolean place(Rectangle2D dataArea, Mapper xs, Mapper ys, XYDataset dataset, int series, int i,
                                 int[] at) {
        double x = dataset.getXValue(series, i);
        double y = dataset.getYValue(series, i);
        if (!(x > 0) || Double.isNaN(y)) {
            return false;
        }
        at[0] = (int) xs.map(x);
        at[1] = (int) ys.map(y);
        return dataArea.contains(at[0], at[1]);
    }
}
