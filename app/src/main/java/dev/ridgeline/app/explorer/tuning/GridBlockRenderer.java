package dev.ridgeline.app.explorer.tuning;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
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
 */
final class GridBlockRenderer extends XYBlockRenderer {
    private static final long serialVersionUID = 1L;

    @Override
    public void drawItem(Graphics2D g2, XYItemRendererState state, Rectangle2D dataArea, PlotRenderingInfo info,
                         XYPlot plot, ValueAxis domainAxis, ValueAxis rangeAxis, XYDataset dataset, int series, int item,
                         CrosshairState crosshairState, int pass) {
        MapData data = (MapData) dataset;
        double[] xe = data.xEdges(item);
        double[] ye = data.yEdges(item);
        double x0 = domainAxis.valueToJava2D(xe[0], dataArea, plot.getDomainAxisEdge());
        double x1 = domainAxis.valueToJava2D(xe[1], dataArea, plot.getDomainAxisEdge());
        double y0 = rangeAxis.valueToJava2D(ye[0], dataArea, plot.getRangeAxisEdge());
        double y1 = rangeAxis.valueToJava2D(ye[1], dataArea, plot.getRangeAxisEdge());
        Rectangle2D block = new Rectangle2D.Double(Math.min(x0, x1), Math.min(y0, y1), Math.abs(x1 - x0), Math.abs(y1 - y0));
        g2.setPaint(getPaintScale().getPaint(data.getZValue(series, item)));
        g2.fill(block);
        g2.draw(block); // a hairline of the same colour: no seams between blocks when anti-aliased
        if (data.hatched(item)) {
            hatch(g2, block);
        }
        if (info != null && info.getOwner() != null && info.getOwner().getEntityCollection() != null) {
            addEntity(info.getOwner().getEntityCollection(), block, dataset, series, item, block.getCenterX(),
                    block.getCenterY());
        }
    }

    /** Thin diagonal lines across a block, on a 6 px pitch anchored to the plot so neighbours' lines meet. */
    static void hatch(Graphics2D g2, Rectangle2D block) {
        java.awt.Shape clip = g2.getClip();
        g2.clip(block);
        g2.setPaint(HATCH);
        g2.setStroke(new java.awt.BasicStroke(0.8f));
        double pitch = 6;
        double start = Math.floor((block.getMinX() - block.getMaxY()) / pitch) * pitch;
        for (double x = start; x < block.getMaxX(); x += pitch) {
            g2.draw(new java.awt.geom.Line2D.Double(x, block.getMaxY(), x + block.getHeight(), block.getMinY()));
        }
        g2.setClip(clip);
    }

    static final java.awt.Color HATCH = new java.awt.Color(0, 0, 0, 70);
}
