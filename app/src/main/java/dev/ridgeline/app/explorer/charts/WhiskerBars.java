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
 * uncertainty of the figure they move). A bar whose whisker spans zero is hatched: it moves the figure by less than
 * the model can tell, "within the uncertainty". The whiskers are data the chart holds ({@link #whisker}), set with the
 * datasets and read by tests; the window's tornado, its export and the report's draw them alike.
 */
public class WhiskerBars extends BarRenderer {
    private static final long serialVersionUID = 1L;
    /** What a legend item and a tooltip say of a hatched bar. */
    public static final String WITHIN = "within the uncertainty";
    private static final BasicStroke WHISKER = new BasicStroke(1.2f);

    /** {@code [row][column] -> {low, high}} in the range axis's unit, or null where a bar has none. */
    private transient double[][][] whiskers;

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

    @Override
    public Paint getItemPaint(int row, int column) {
        Paint p = super.getItemPaint(row, column);
        return within(row, column) && p instanceof Color ? hatched((Color) p) : p;
    }

    @Override
    public void drawItem(Graphics2D g2, CategoryItemRendererState state, Rectangle2D dataArea, CategoryPlot plot,
                         CategoryAxis domainAxis, ValueAxis rangeAxis, CategoryDataset dataset, int row, int column,
                         int pass) {
        super.drawItem(g2, state, dataArea, plot, domainAxis, rangeAxis, dataset, row, column, pass);
        double[] w = whisker(row, column);
        int visible = state.getVisibleSeriesIndex(row);
        if (w == null || visible < 0 || pass != getPassCount() - 1 || dataset.getValue(row, column) == null) {
            return;
        }
        PlotOrientation o = plot.getOrientation();
        double across = calculateBarW0(plot, o, dataArea, domainAxis, state, visible, column) + state.getBarWidth() / 2;
        double lo = rangeAxis.valueToJava2D(w[0], dataArea, plot.getRangeAxisEdge());
        double hi = rangeAxis.valueToJava2D(w[1], dataArea, plot.getRangeAxisEdge());
        double cap = Math.max(2, state.getBarWidth() / 4);
        g2.setPaint(Palette.INK);
        g2.setStroke(WHISKER);
        if (o == PlotOrientation.HORIZONTAL) {
            g2.draw(new Line2D.Double(lo, across, hi, across));
            g2.draw(new Line2D.Double(lo, across - cap, lo, across + cap));
            g2.draw(new Line2D.Double(hi, across - cap, hi, across + cap));
        } else {
            g2.draw(new Line2D.Double(across, lo, across, hi));
            g2.draw(new Line2D.Double(across - cap, lo, across + cap, lo));
            g2.draw(new Line2D.Double(across - cap, hi, across + cap, hi));
        }
    }

    /** The paint of a bar within the uncertainty: white diagonal stripes over its colour. */
    public static Paint hatched(Color c) {
        // white stripes two pixels wide on a five-pixel pitch: visible on the darkest bar at the window's size
        java.awt.image.BufferedImage tile = new java.awt.image.BufferedImage(5, 5, java.awt.image.BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = tile.createGraphics();
        g.setColor(c);
        g.fillRect(0, 0, 5, 5);
        g.setColor(Color.WHITE);
        for (int i = 0; i < 5; i++) {
            g.fillRect(i, 4 - i, 1, 1);
            g.fillRect((i + 1) % 5, 4 - i, 1, 1);
        }
        g.dispose();
        return new java.awt.TexturePaint(tile, new Rectangle2D.Double(0, 0, 5, 5));
    }

    /** The legend's two items for the whiskers: a whisker and a hatched bar. */
    public static org.jfree.chart.LegendItem[] legendItems(Color bar) {
        org.jfree.chart.LegendItem whisker = new org.jfree.chart.LegendItem("whisker: the bar's P10–P90", null, null,
                null, new Line2D.Double(-6, 0, 6, 0), WHISKER, Palette.INK);
        org.jfree.chart.LegendItem within = new org.jfree.chart.LegendItem("hatched: " + WITHIN, null, null, null,
                new Rectangle2D.Double(-5, -5, 10, 10), hatched(bar));
        return new org.jfree.chart.LegendItem[] {whisker, within};
    }
}
