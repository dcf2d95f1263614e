package dev.ridgeline.app.explorer.tuning;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CrosshairState;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYItemRendererState;
import org.jfree.data.xy.XYDataset;

/**
 * The heat map's renderer (a hatched cell: its P10-P90 band is wider than a contour step, so the contours there say
 * more than the model knows): an {@link XYBlockRenderer} whose blocks span each cell's own edges ({@link MapData}), so
 * that cells even in ln tile log axes (the stock renderer draws blocks of one width in data units).
 * <p>
 * In the window the cells go to the screen as one image. There a {@code ChartCanvas} records every primitive as a
 * command that JavaFX replays on its render thread, and on the software pipeline (no GPU: a VM, a remote desktop)
 * each clip that is not a plain rectangle (a hatched cell's, intersected with the plot's) blends a mask the size of
 * the whole canvas: the 41 × 41 grid's cells, outlines and hatching kept the renderer busy for 8 s and more after each
 * redraw, the window answering no click meanwhile (issue 17). Painted into an image with Java2D instead (a few ms), a
 * frame sends the canvas one image whatever the grid's size. The exports (PNG, SVG, PDF) keep drawing
 * each cell as a vector rectangle, as before: nothing there replays commands, and an SVG or PDF keeps sharp cells
 * at any zoom.
 */
final class GridBlockRenderer extends XYBlockRenderer {
    private static final long serialVersionUID = 1L;
    static final Color HATCH = new Color(0, 0, 0, 70);
    /** The graphics class of the window's chart canvas. */
    private static final String ON_SCREEN = "org.jfree.fx.FXGraphics2D";
    /** Device pixels per chart pixel on the window's screen (2 on a HiDPI one): the image is painted at that size. */
    private double pixelScale = 1;

    /** Sets the screen's device pixels per chart pixel (a HiDPI screen: 2), so that the image's cells stay sharp. */
    void setPixelScale(double scale) {
        pixelScale = scale >= 1 && scale <= 8 ? scale : 1;
    }

    /**
     * Whether the cells go to {@code g2} as one image rather than one rectangle each: on the window's canvas (jfree-fx's
     * {@code FXGraphics2D} or a subclass). By name: an {@code instanceof} would load that class, and JavaFX's with it,
     * in the exports, which never start the toolkit.
     */
    static boolean asImage(Graphics2D g2) {
        for (Class<?> c = g2.getClass(); c != null; c = c.getSuperclass()) {
            if (c.getName().equals(ON_SCREEN)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public XYItemRendererState initialise(Graphics2D g2, Rectangle2D dataArea, XYPlot plot, XYDataset dataset,
                                          PlotRenderingInfo info) {
        XYItemRendererState state = super.initialise(g2, dataArea, plot, dataset, info);
        if (asImage(g2) && dataset instanceof MapData && dataset.getSeriesCount() > 0) {
            drawImage(g2, dataArea, plot, (MapData) dataset);
        }
        return state;
    }

    @Override
    public void drawItem(Graphics2D g2, XYItemRendererState state, Rectangle2D dataArea, PlotRenderingInfo info,
                         XYPlot plot, ValueAxis domainAxis, ValueAxis rangeAxis, XYDataset dataset, int series, int item,
                         CrosshairState crosshairState, int pass) {
        MapData data = (MapData) dataset;
        Rectangle2D block = block(data, item, dataArea, plot, domainAxis, rangeAxis);
        if (!asImage(g2)) { // drawn with the others by initialise
            paint(g2, data, series, item, block);
        }
        if (info != null && info.getOwner() != null && info.getOwner().getEntityCollection() != null) {
            addEntity(info.getOwner().getEntityCollection(), block, dataset, series, item, block.getCenterX(),
                    block.getCenterY());
        }
    }

    /** Cell {@code item} in Java2D space: from its lower to its upper edges on both axes. */
    private static Rectangle2D block(MapData data, int item, Rectangle2D dataArea, XYPlot plot, ValueAxis domainAxis,
                                     ValueAxis rangeAxis) {
        double[] xe = data.xEdges(item);
        double[] ye = data.yEdges(item);
        double x0 = domainAxis.valueToJava2D(xe[0], dataArea, plot.getDomainAxisEdge());
        double x1 = domainAxis.valueToJava2D(xe[1], dataArea, plot.getDomainAxisEdge());
        double y0 = rangeAxis.valueToJava2D(ye[0], dataArea, plot.getRangeAxisEdge());
        double y1 = rangeAxis.valueToJava2D(ye[1], dataArea, plot.getRangeAxisEdge());
        return new Rectangle2D.Double(Math.min(x0, x1), Math.min(y0, y1), Math.abs(x1 - x0), Math.abs(y1 - y0));
    }

    /** One cell: its colour, and its hatching if its band is wide. */
    private void paint(Graphics2D g2, MapData data, int series, int item, Rectangle2D block) {
        g2.setPaint(getPaintScale().getPaint(data.getZValue(series, item)));
        g2.fill(block);
        g2.draw(block); // a hairline of the same colour: no seams between blocks when anti-aliased
        if (data.hatched(item)) {
            hatch(g2, block);
        }
    }

    /**
     * Every cell painted into an image covering the data area's pixels (at the screen's own resolution), then drawn
     * with one call. Without
     * anti-aliasing the blocks tile the image exactly (each pixel goes to the block holding its centre), so the
     * same-colour outline that hides the seams of anti-aliased vector blocks is not needed; the hatching is anti-aliased
     * as in the exports.
     */
    private void drawImage(Graphics2D g2, Rectangle2D dataArea, XYPlot plot, MapData data) {
        int x0 = (int) Math.floor(dataArea.getMinX());
        int y0 = (int) Math.floor(dataArea.getMinY());
        int w = (int) Math.ceil(dataArea.getMaxX()) - x0;
        int h = (int) Math.ceil(dataArea.getMaxY()) - y0;
        if (w <= 0 || h <= 0) {
            return;
        }
        BufferedImage image = new BufferedImage((int) Math.ceil(w * pixelScale), (int) Math.ceil(h * pixelScale),
                BufferedImage.TYPE_INT_ARGB);
        Graphics2D ig = image.createGraphics();
        try {
            ig.scale(pixelScale, pixelScale);
            ig.translate(-x0, -y0);
            ig.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
            ValueAxis xAxis = plot.getDomainAxis();
            ValueAxis yAxis = plot.getRangeAxis();
            int items = data.getItemCount(0);
            for (int item = 0; item < items; item++) {
                ig.setPaint(getPaintScale().getPaint(data.getZValue(0, item)));
                ig.fill(block(data, item, dataArea, plot, xAxis, yAxis));
            }
            ig.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            for (int item = 0; item < items; item++) {
                if (data.hatched(item)) {
                    hatch(ig, block(data, item, dataArea, plot, xAxis, yAxis));
                }
            }
        } finally {
            ig.dispose();
        }
        g2.drawImage(image, x0, y0, w, h, null);
    }

    /** Thin diagonal lines across a block, on a 6 px pitch anchored to the plot so neighbours' lines meet. */
    static void hatch(Graphics2D g2, Rectangle2D block) {
        Shape clip = g2.getClip();
        g2.clip(block);
        g2.setPaint(HATCH);
        g2.setStroke(new BasicStroke(0.8f));
        double pitch = 6;
        double start = Math.floor((block.getMinX() - block.getMaxY()) / pitch) * pitch;
        for (double x = start; x < block.getMaxX(); x += pitch) {
            g2.draw(new Line2D.Double(x, block.getMaxY(), x + block.getHeight(), block.getMinY()));
        }
        g2.setClip(clip);
    }
}
