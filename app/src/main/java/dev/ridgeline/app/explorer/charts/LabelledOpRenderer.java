package dev.ridgeline.app.explorer.charts;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
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
 * Markers with item labels that never overlap anything: each label tries places around its marker on rings farther
 * and farther out (beyond the first two with a thin leader line back to the marker), and is left out (the tooltip
 * still names the op) when every place leaves the plot or touches a marker, a label already drawn, a leader or a line
 * of the plot's other datasets (the roofs).
 */
final class LabelledOpRenderer extends XYLineAndShapeRenderer {
    private static final long serialVersionUID = 1L;
    /** Clear space kept between a label and a roof line, px. */
    private static final double LINE_CLEARANCE = 2;
    /** Gaps between a marker's centre and its label's nearest edge, px: the first two need no leader line. */
    private static final double[] RINGS = {8, 12, 22, 34, 48, 64, 82, 102};
    /** Directions tried on each ring: right, left, up, down first, then between them, finer and finer. */
    private static final double[] ANGLES_DEG = {0, 180, -90, 90, -30, 30, -150, 150, -60, 60, -120, 120, -15, 15, -165, 165,
        -45, 45, -135, 135, -75, 75, -105, 105};
    private final transient List<Rectangle2D> taken = new ArrayList<>();
    private final transient List<Line2D> lines = new ArrayList<>();
    private final transient List<Label> labels = new ArrayList<>();
    private transient Rectangle2D dataArea = new Rectangle2D.Double();

    /** A label as drawn: its text, the box its text fills and its leader line (null when it sits by its marker). */
    record Label(String text, Rectangle2D box, Line2D leader) {
    }

    LabelledOpRenderer() {
        super(false, true);
    }

    /** No legend item for a bound no op has (a latency-bound op exists only where a kernel sits at its floor). */
    @Override
    public org.jfree.chart.LegendItem getLegendItem(int datasetIndex, int series) {
        XYPlot plot = getPlot();
        XYDataset data = plot == null ? null : plot.getDataset(datasetIndex);
        return data != null && series < data.getSeriesCount() && data.getItemCount(series) == 0 ? null
                : super.getLegendItem(datasetIndex, series);
    }

    /** The labels of the last drawing. */
    List<Label> labels() {
        return List.copyOf(labels);
    }

    @Override
    public XYItemRendererState initialise(Graphics2D g2, Rectangle2D dataArea, XYPlot plot, XYDataset data,
                                          PlotRenderingInfo info) {
        taken.clear();
        lines.clear();
        labels.clear();
        this.dataArea = dataArea;
        for (int d = 0; d < plot.getDatasetCount(); d++) {
            XYDataset other = plot.getDataset(d);
            if (other == null || other == data) {
                continue;
            }
            for (int s = 0; s < other.getSeriesCount(); s++) {
                for (int i = 1; i < other.getItemCount(s); i++) {
                    lines.add(new Line2D.Double(x(plot, other, s, i - 1), y(plot, other, s, i - 1),
                            x(plot, other, s, i), y(plot, other, s, i)));
                }
            }
        }
        if (data != null) {
            // every marker's disc is taken before any label is placed
            for (int s = 0; s < data.getSeriesCount(); s++) {
                for (int i = 0; i < data.getItemCount(s); i++) {
                    taken.add(new Rectangle2D.Double(x(plot, data, s, i) - 5, y(plot, data, s, i) - 5, 10, 10));
                }
            }
        }
        return super.initialise(g2, dataArea, plot, data, info);
    }

    private double x(XYPlot plot, XYDataset d, int s, int i) {
        return plot.getDomainAxis().valueToJava2D(d.getXValue(s, i), dataArea, plot.getDomainAxisEdge());
    }

    private double y(XYPlot plot, XYDataset d, int s, int i) {
        return plot.getRangeAxis().valueToJava2D(d.getYValue(s, i), dataArea, plot.getRangeAxisEdge());
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
        for (int ring = 0; ring < RINGS.length; ring++) {
            for (double deg : ANGLES_DEG) {
                double a = Math.toRadians(deg);
                double cx = x + Math.cos(a) * (RINGS[ring] + w / 2);
                double cy = y + Math.sin(a) * (RINGS[ring] + h / 2);
                Rectangle2D r = new Rectangle2D.Double(cx - w / 2, cy - h / 2, w, h);
                Line2D leader = ring < 2 ? null : leader(x, y, r);
                if (fits(r) && (leader == null || clear(leader))) {
                    taken.add(r);
                    labels.add(new Label(label, r, leader));
                    if (leader != null) {
                        g2.setPaint(Palette.MUTED);
                        g2.setStroke(LEADER);
                        g2.draw(leader);
                    }
                    g2.setPaint(getItemLabelPaint(series, item));
                    g2.drawString(label, (float) r.getX(), (float) (r.getY() + fm.getAscent()));
                    return;
                }
            }
        }
    }

    private static final java.awt.Stroke LEADER = new java.awt.BasicStroke(0.8f);

    /** From just outside the marker's 10 px box to the nearest point of the label's box. */
    private static Line2D leader(double x, double y, Rectangle2D box) {
        double bx = Math.max(box.getMinX(), Math.min(x, box.getMaxX()));
        double by = Math.max(box.getMinY(), Math.min(y, box.getMaxY()));
        double d = Math.hypot(bx - x, by - y);
        return new Line2D.Double(x + (bx - x) * 8 / d, y + (by - y) * 8 / d, bx, by);
    }

    /** A leader crosses no label, no marker (it starts outside its own) and no other leader; it may cross a roof. */
    private boolean clear(Line2D leader) {
        return taken.stream().noneMatch(leader::intersects)
                && labels.stream().noneMatch(l -> l.leader() != null && l.leader().intersectsLine(leader));
    }

    private boolean fits(Rectangle2D r) {
        if (!dataArea.contains(r) || taken.stream().anyMatch(t -> t.intersects(r))) {
            return false;
        }
        Rectangle2D clear = new Rectangle2D.Double(r.getX() - LINE_CLEARANCE, r.getY() - LINE_CLEARANCE,
                r.getWidth() + 2 * LINE_CLEARANCE, r.getHeight() + 2 * LINE_CLEARANCE);
        return lines.stream().noneMatch(l -> l.intersects(clear))
                && labels.stream().noneMatch(l -> l.leader() != null && l.leader().intersects(r));
    }
}
