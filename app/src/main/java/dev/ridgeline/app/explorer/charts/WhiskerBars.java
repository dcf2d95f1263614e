package dev.ridgeline.app.explorer.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.CategoryItemRendererState;
import org.jfree.data.category.CategoryDataset;

/**
 * Bars of changes with each bar's P10-P90 drawn as a whisker across its end (issue 19: a tornado's bars with the
 * uncertainty of the figure they move). A bar whose whisker spans zero is drawn hollow (white, outlined in its colour):
 * it moves the figure by less than the model can tell, "within the uncertainty". Plain colours only: the window's
 * canvas (FXGraphics2D) fills a texture paint black. The whiskers are data the chart holds ({@link #whisker}), set with
 * the datasets and read by tests; the window's tornado, its export and the report's draw them alike, in a muted grey
 * under the bar's label so the label stays legible.
 */
public class WhiskerBars extends BarRenderer {
    private static final long serialVersionUID = 1L;
    /** What a legend item and a tooltip say of a hatched bar. */
    public static final String WITHIN = "within the uncertainty";
    private static final BasicStroke WHISKER = new BasicStroke(1f);
    private static final BasicStroke OUTLINE = new BasicStroke(1.5f);
    /** The whiskers' grey: lighter than the labels' ink, so a label over a whisker stays legible. */
    public static final Color WHISKER_INK = new Color(0x6E, 0x77, 0x81);

    /** {@code [row][column] -> {low, high}} in the range axis's unit, or null where a bar has none. */
    private transient double[][][] whiskers;
    /** The whisker of the item being drawn, in Java2D, drawn before its label: {x0, y0, x1, y1, cap}; null when none. */
    private transient double[] pending;
    private transient boolean horizontal;
    /** The data area of the item being drawn: a horizontal bar's label is kept inside it. */
    private transient Rectangle2D area;
    /** Where across its bar a whisker runs, as a share of the bar's width from its centre (0: through the middle). */
    private double across;

    /**
     * Moves the whiskers off the bars' centre line by {@code share} of a bar's width: two renderers whose bars share a
     * slot (a tornado's down and up moves) keep their whiskers apart, one above the middle, one below.
     */
    public void setWhiskerOffset(double share) {
        across = share;
    }

    /**
     * The whisker of a change from {@code base} to {@code moved} when a figure's P10-P90 is {@code [lo, hi]} times
     * the figure: the moved figure's band as changes from the base, {@code [moved·lo − base, moved·hi − base]}. It spans
     * zero when the base lies inside the moved figure's band.
     */
    public static double[] whisker(double moved, double base, double lo, double hi) {
        return new double[] {moved * lo - base, moved * hi - base};
    }

    /** Sets every bar's whisker ({@code [row][column] -> {low, high}}, null entries for none; null: no whiskers). */
    public void setWhiskers(double[][][] w) {
        whiskers = w;
    }

    /**
     * Fits the plot's range axis to every bar and whisker of its whisker renderers, with {@code margin} of the span
     * either side for the labels beyond them; back to the axis's auto range when no bar has a whisker.
     */
    public static void fitRange(CategoryPlot plot, double margin) {
        double lo = 0;
        double hi = 0;
        boolean any = false;
        for (int i = 0; i < plot.getRendererCount(); i++) {
            CategoryDataset data = plot.getDataset(i);
            if (!(plot.getRenderer(i) instanceof WhiskerBars) || data == null) {
                continue;
            }
            WhiskerBars bars = (WhiskerBars) plot.getRenderer(i);
            for (int r = 0; r < data.getRowCount(); r++) {
                for (int c = 0; c < data.getColumnCount(); c++) {
                    Number v = data.getValue(r, c);
                    double[] w = bars.whisker(r, c);
                    if (v != null) {
                        lo = Math.min(lo, v.doubleValue());
                        hi = Math.max(hi, v.doubleValue());
                    }
                    if (w != null && v != null) {
                        any = true;
                        lo = Math.min(lo, w[0]);
                        hi = Math.max(hi, w[1]);
                    }
                }
            }
        }
        ValueAxis axis = plot.getRangeAxis();
        if (!any || !(hi > lo)) {
            axis.setAutoRange(true);
            return;
        }
        double span = hi - lo;
        axis.setRange(lo - margin * span, hi + margin * span);
    }

    /** The whisker of one bar, {@code {low, high}} in the range axis's unit, or null. */
    public double[] whisker(int row, int column) {
        double[][][] w = whiskers;
        return w == null || row >= w.length || w[row] == null || column >= w[row].length ? null : w[row][column];
    }

    /** True when the bar's whisker spans zero: its change is within the uncertainty of the figure. */
    public boolean within(int row, int column) {
        double[] w = whisker(row, column);
        return w != null && w[0] <= 0 && w[1] >= 0;
    }

    /** A bar within the uncertainty is white inside its outline. */
    @Override
    public Paint getItemPaint(int row, int column) {
        return within(row, column) ? Color.WHITE : super.getItemPaint(row, column);
    }

    /** Every bar is outlined in its own colour: invisible on a filled bar, the bar's shape on a hollow one. */
    @Override
    public Paint getItemOutlinePaint(int row, int column) {
        return super.getItemPaint(row, column);
    }

    @Override
    public java.awt.Stroke getItemOutlineStroke(int row, int column) {
        return OUTLINE;
    }

    @Override
    public boolean isDrawBarOutline() {
        return true;
    }

    @Override
    public void drawItem(Graphics2D g2, CategoryItemRendererState state, Rectangle2D dataArea, CategoryPlot plot,
                         CategoryAxis domainAxis, ValueAxis rangeAxis, CategoryDataset dataset, int row, int column,
                         int pass) {
        pending = null;
        area = dataArea;
        horizontal = plot.getOrientation() == PlotOrientation.HORIZONTAL;
        double[] w = whisker(row, column);
        int visible = state.getVisibleSeriesIndex(row);
        if (w != null && visible >= 0 && dataset.getValue(row, column) != null) {
            PlotOrientation o = plot.getOrientation();
            double middle = calculateBarW0(plot, o, dataArea, domainAxis, state, visible, column)
                    + state.getBarWidth() * (0.5 + across);
            double lo = rangeAxis.valueToJava2D(w[0], dataArea, plot.getRangeAxisEdge());
            double hi = rangeAxis.valueToJava2D(w[1], dataArea, plot.getRangeAxisEdge());
            pending = new double[] {lo, middle, hi, middle, Math.max(2, Math.min(4, state.getBarWidth() / 4))};
        }
        super.drawItem(g2, state, dataArea, plot, domainAxis, rangeAxis, dataset, row, column, pass);
        drawPending(g2); // no label was drawn: the whisker still goes over the bar
    }

    /**
     * The whisker over the bar, then the label beyond whichever ends further out, the bar or its whisker, so that no
     * whisker runs through a label (a horizontal chart's labels; a vertical one keeps JFreeChart's placement). A label
     * with no room left beyond a bar near the plot's edge is drawn inside the plot, on a white ground, rather than out
     * over the axis's labels (the Sensitivity tab's EPLB bar ran its "−1,625" into "off | –").
     */
    @Override
    protected void drawItemLabel(Graphics2D g2, CategoryDataset data, int row, int column, CategoryPlot plot,
                                 org.jfree.chart.labels.CategoryItemLabelGenerator generator, Rectangle2D bar,
                                 boolean negative) {
        double[] p = pending;
        drawPending(g2);
        String label = generator == null ? null : generator.generateLabel(data, row, column);
        if (!horizontal || label == null || area == null) {
            super.drawItemLabel(g2, data, row, column, plot, generator, bar, negative);
            return;
        }
        double end = negative ? bar.getMinX() : bar.getMaxX();
        if (p != null) {
            end = negative ? Math.min(end, Math.min(p[0], p[2])) : Math.max(end, Math.max(p[0], p[2]));
        }
        g2.setFont(getItemLabelFont(row, column));
        Rectangle2D text = org.jfree.chart.text.TextUtils.calcAlignedStringBounds(label, g2, 0f,
                (float) bar.getCenterY(), org.jfree.chart.ui.TextAnchor.CENTER_LEFT);
        double gap = getItemLabelAnchorOffset();
        double left = labelLeft(negative, end, text.getWidth(), gap, area);
        if (left != (negative ? end - gap - text.getWidth() : end + gap)) {
            g2.setPaint(Color.WHITE);
            g2.fill(new Rectangle2D.Double(left - 1, text.getMinY(), text.getWidth() + 2, text.getHeight()));
        }
        g2.setPaint(getItemLabelPaint(row, column));
        org.jfree.chart.text.TextUtils.drawAlignedString(label, g2, (float) left, (float) bar.getCenterY(),
                org.jfree.chart.ui.TextAnchor.CENTER_LEFT);
    }

    /**
     * Where a label {@code width} wide starts: {@code gap} beyond {@code end} (left of it for a negative bar), moved
     * back inside {@code area} when it would run out of it, twice the gap in from its edge: the knobs' names end at the
     * left edge, and a label one pixel in read as part of the name ("off | – −1,625" in the real window).
     */
    static double labelLeft(boolean negative, double end, double width, double gap, Rectangle2D area) {
        double left = negative ? end - gap - width : end + gap;
        return Math.max(area.getMinX() + 2 * gap, Math.min(left, area.getMaxX() - 2 * gap - width));
    }

    private void drawPending(Graphics2D g2) {
        double[] p = pending;
        if (p == null) {
            return;
        }
        pending = null;
        Paint paint = g2.getPaint();
        java.awt.Stroke stroke = g2.getStroke();
        g2.setPaint(WHISKER_INK);
        g2.setStroke(WHISKER);
        double cap = p[4];
        if (horizontal) {
            g2.draw(new Line2D.Double(p[0], p[1], p[2], p[3]));
            g2.draw(new Line2D.Double(p[0], p[1] - cap, p[0], p[1] + cap));
            g2.draw(new Line2D.Double(p[2], p[3] - cap, p[2], p[3] + cap));
        } else {
            g2.draw(new Line2D.Double(p[1], p[0], p[3], p[2]));
            g2.draw(new Line2D.Double(p[1] - cap, p[0], p[1] + cap, p[0]));
            g2.draw(new Line2D.Double(p[3] - cap, p[2], p[3] + cap, p[2]));
        }
        g2.setPaint(paint);
        g2.setStroke(stroke);
    }

    /** The legend's two items for the whiskers: a whisker and a hollow bar. */
    public static org.jfree.chart.LegendItem[] legendItems(Color bar) {
        org.jfree.chart.LegendItem whisker = new org.jfree.chart.LegendItem("whisker: the bar's P10–P90", null, null,
                null, new Line2D.Double(-6, 0, 6, 0), WHISKER, WHISKER_INK);
        org.jfree.chart.LegendItem within = new org.jfree.chart.LegendItem("hollow: " + WITHIN, null, null, null,
                new Rectangle2D.Double(-5, -5, 10, 10), Color.WHITE, OUTLINE, bar);
        return new org.jfree.chart.LegendItem[] {whisker, within};
    }
}
