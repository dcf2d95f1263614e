package dev.ridgeline.app.explorer.charts;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRendererState;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYDataset;

/**
 * Markers with item labels that never overlap: each label tries right, left, above and below its marker and is
 * left out (the tooltip still names the op) when all four collide with a label already drawn or leave the plot.
 */
final class LabelledOpRenderer extends XYLineAndShapeRenderer {
    private static final long serialVersionUID = 1L;
    private final transient List<Rectangle2D> placed = new ArrayList<>();
    private transient Rectangle2D dataArea = new Rectangle2D.Double();

    LabelledOpRenderer() {
        super(false, true);
    }

    @Override
    public XYItemRendererState initialise(Graphics2D g2, Rectangle2D dataArea, XYPlot plot, XYDataset data,
                                          PlotRenderingInfo info) {
        placed.clear();
        this.dataArea = dataArea;
        if (data != null) {
            // every marker's disc is taken before any label is placed
            for (int s = 0; s < data.getSeriesCount(); s++) {
                for (int i = 0; i < data.getItemCount(s); i++) {
                    double x = plot.getDomainAxis().valueToJava2D(data.getXValue(s, i), dataArea, plot.getDomainAxisEdge());
                    double y = plot.getRangeAxis().valueToJava2D(data.getYValue(s, i), dataArea, plot.getRangeAxisEdge());
                    placed.add(new Rectangle2D.Double(x - 5, y - 5, 10, 10));
                }
            }
        }
        return super.initialise(g2, dataArea, plot, data, info);
    }

    @Override
    protected void drawItemLabel(Graphics2D g2, PlotOrientation orientation, XYDataset dataset, int series, int item,
                                 double x, double y, boolean negative) {
        String label = getItemLabelGenerator(series, item).generateLabel(dataset, series, item);
        if (label == null) {
            return;
        }
        Font font = getItemLabelFont(series, item);
        g2.setFont(font);
        FontMetrics fm = g2.getFontMetrics();
        double w = fm.stringWidth(label);
        double h = fm.getAscent() + fm.getDescent();
        double[][] offsets = {{8, -h / 2}, {-8 - w, -h / 2}, {-w / 2, -8 - h}, {-w / 2, 8},
                {8, -h - 4}, {8, 4}, {-8 - w, -h - 4}, {-8 - w, 4}};
        for (double[] o : offsets) {
            Rectangle2D r = new Rectangle2D.Double(x + o[0], y + o[1], w, h);
            if (dataArea.contains(r) && placed.stream().noneMatch(p -> p.intersects(r))) {
                placed.add(r);
                g2.setPaint(getItemLabelPaint(series, item));
                g2.drawString(label, (float) r.getX(), (float) (r.getY() + fm.getAscent()));
                return;
            }
        }
    }
}
