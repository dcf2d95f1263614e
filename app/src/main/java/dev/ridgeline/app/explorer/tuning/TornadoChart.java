package dev.ridgeline.app.explorer.tuning;

import dev.ridgeline.app.explorer.charts.Palette;
import dev.ridgeline.engine.evidence.Band;
import dev.ridgeline.engine.space.Objective;
import dev.ridgeline.engine.space.Sensitivity;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryToolTipGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The sensitivity as a tornado (STYLE 19: a horizontal bar chart): one row per knob that changes something, largest
 * swing first; in each row the headline's change (deployment re-optimised) and, as a second bar, the change at the
 * fixed deployment on screen; the step down (light) and up (dark) drawn from zero, each bar labelled with its change in
 * the objective's figure (tokens/s per card, dollars per million output tokens, joules per output token). Two datasets share the rows and series: {@link #DOWN} and {@link #UP}, one renderer each, so a
 * knob's two moves share a slot and extend to either side of zero.
 *
 * <p>A factory pair: {@link #createDataset} builds fresh datasets; {@link #createChart} builds the chart once;
 * {@link #show} swaps them in with one redraw.
 */
final class TornadoChart {
    static final int DOWN = 0;
    static final int UP = 1;
    static final String REOPTIMISED = "re-optimised";
    static final String FIXED = "fixed deployment";
    static final Color REOPT_DOWN = new Color(0x9F, 0xC3, 0xEE);
    static final Color REOPT_UP = Palette.MEMORY;
    static final Color FIXED_DOWN = new Color(0xF3, 0xC1, 0x8E);
    static final Color FIXED_UP = Palette.COMPUTE;

    private TornadoChart() {
    }

    /** The rows the tornado draws: the bars that change something and that were moved at least one way. */
    static List<Sensitivity.Bar> drawn(Sensitivity.Result r) {
        List<Sensitivity.Bar> out = new ArrayList<>();
        for (Sensitivity.Bar b : r.bars()) {
            boolean moved = b.down().refused() == null || b.up().refused() == null;
            if (moved && !b.changesNothing(r.headline(), r.fixed())) {
                out.add(b);
            }
        }
        return out;
    }

    /**
     * A row of the tornado: the knob, labelled with its name and the two values it was moved to ("3,015 | 3,685 GB/s").
     */
    record Row(Sensitivity.Bar bar) implements Comparable<Row> {
        @Override
        public String toString() {
            Sensitivity.Move d = bar.down();
            Sensitivity.Move u = bar.up();
            String values = (d.refused() != null ? "–" : TuningText.value(bar.knob(), d.value())) + " | "
                    + (u.refused() != null ? "–" : TuningText.value(bar.knob(), u.value()));
            return bar.knob().name() + "\n" + values + (bar.knob().stepped() || bar.knob().unit().isEmpty() ? ""
                    : " " + bar.knob().unit());
        }

        @Override
        public int compareTo(Row o) {
            return bar.knob().name().compareTo(o.bar.knob().name());
        }
    }

    /**
     * Changes of the objective's figure: [DOWN] and [UP], series re-optimised and fixed, one column per drawn knob; no
     * bar where a move was refused or has no figure.
     */
    static DefaultCategoryDataset[] createDataset(Sensitivity.Result r) {
        String step = TuningText.step(r.step()).substring(1);
        DefaultCategoryDataset down = new DefaultCategoryDataset();
        DefaultCategoryDataset up = new DefaultCategoryDataset();
        for (Sensitivity.Bar b : drawn(r)) {
            Row knob = new Row(b);
            down.addValue(change(r, b.down(), b.down().headline(), r.headline()), REOPTIMISED + " −" + step, knob);
            down.addValue(change(r, b.down(), b.down().fixed(), r.fixed()), FIXED + " −" + step, knob);
            up.addValue(change(r, b.up(), b.up().headline(), r.headline()), REOPTIMISED + " +" + step, knob);
            up.addValue(change(r, b.up(), b.up().fixed(), r.fixed()), FIXED + " +" + step, knob);
        }
        return new DefaultCategoryDataset[] {down, up};
    }

    private static Double change(Sensitivity.Result r, Sensitivity.Move m, double moved, double base) {
        return m.refused() != null ? null : ObjectiveText.change(r.objective(), moved, base);
    }

    static DefaultCategoryDataset[] emptyDataset() {
        return new DefaultCategoryDataset[] {new DefaultCategoryDataset(), new DefaultCategoryDataset()};
    }

    static JFreeChart createChart(DefaultCategoryDataset[] data) {
        CategoryAxis knobs = new CategoryAxis();
        knobs.setTickLabelFont(Palette.SMALL);
        knobs.setTickLabelPaint(Palette.INK);
        knobs.setCategoryMargin(0.25);
        knobs.setLowerMargin(0.02);
        knobs.setUpperMargin(0.02);
        knobs.setMaximumCategoryLabelWidthRatio(0.42f);
        knobs.setMaximumCategoryLabelLines(2);
        NumberAxis change = new NumberAxis("change of tokens/s per card");
        change.setLabelFont(Palette.LABEL);
        change.setTickLabelFont(Palette.SMALL);
        change.setLabelPaint(Palette.MUTED);
        change.setAutoRangeIncludesZero(true);
        change.setLowerMargin(0.22); // room for the labels of the bars at either end
        change.setUpperMargin(0.22);
        CategoryPlot plot = new CategoryPlot(data[DOWN], knobs, change, renderer(REOPT_DOWN, FIXED_DOWN, false));
        plot.setDataset(UP, data[UP]);
        plot.setRenderer(UP, renderer(REOPT_UP, FIXED_UP, true));
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(org.jfree.chart.axis.AxisLocation.BOTTOM_OR_RIGHT);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setRangeGridlinePaint(Palette.GRID);
        plot.setRangeZeroBaselineVisible(true);
        plot.setRangeZeroBaselinePaint(Palette.INK);
        plot.setRangeZeroBaselineStroke(new BasicStroke(1f));
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        JFreeChart chart = new JFreeChart(null, Palette.LABEL, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        Palette.legendBelow(chart.getLegend());
        return chart;
    }

    /** The renderers' own legend and one item more: the hatch of a bar within the uncertainty. */
    private static org.jfree.chart.LegendItemCollection legend(CategoryPlot plot) {
        plot.setFixedLegendItems(null);
        org.jfree.chart.LegendItemCollection items = plot.getLegendItems();
        items.add(new org.jfree.chart.LegendItem("shaded: the headline's P10–P90", null, null, null,
                new java.awt.geom.Rectangle2D.Double(-5, -5, 10, 10), UNCERTAINTY));
        items.add(new org.jfree.chart.LegendItem("hatched: within the uncertainty", null, null, null,
                new java.awt.geom.Rectangle2D.Double(-5, -5, 10, 10), Bars.hatched(REOPT_UP)));
        return items;
    }

    private static BarRenderer renderer(Color reoptimised, Color fixed, boolean up) {
        BarRenderer r = new Bars();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setDrawBarOutline(false);
        r.setItemMargin(0.08);
        r.setSeriesPaint(0, reoptimised);
        r.setSeriesPaint(1, fixed);
        r.setDefaultItemLabelGenerator(new DeltaLabels(Objective.THROUGHPUT));
        r.setDefaultItemLabelsVisible(true);
        r.setDefaultItemLabelFont(Palette.SMALL);
        r.setDefaultItemLabelPaint(Palette.INK);
        r.setItemLabelAnchorOffset(3);
        r.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
        r.setDefaultNegativeItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE9, TextAnchor.CENTER_RIGHT));
        r.setDefaultToolTipGenerator(new StandardCategoryToolTipGenerator("{0}, {1}: {2} tokens/s per card",
                java.text.NumberFormat.getIntegerInstance(java.util.Locale.ROOT)));
        r.setSeriesVisibleInLegend(0, true);
        return r;
    }

    /** A bar's label: its change, "+140", "−50.2", "−$0.012". */
    static final class DeltaLabels extends org.jfree.chart.labels.StandardCategoryItemLabelGenerator {
        private static final long serialVersionUID = 1L;
        private final Objective objective;

        DeltaLabels(Objective objective) {
            this.objective = objective;
        }

        @Override
        public String generateLabel(org.jfree.data.category.CategoryDataset dataset, int row, int column) {
            Number v = dataset.getValue(row, column);
            return v == null ? null : ObjectiveText.delta(objective, v.doubleValue());
        }
    }

    /**
     * The bars' renderer: a re-optimised bar that ends inside the headline's P10-P90 (the strip) is hatched, "within the
     * uncertainty": it moves the headline by less than the model can tell (the legend and tooltip say so).
     */
    static final class Bars extends BarRenderer {
        private static final long serialVersionUID = 1L;
        /** The headline's band as changes, or null. */
        transient double[] strip;

        /** True when the re-optimised change of this row lies inside the strip. */
        boolean within(int row, int column) {
            org.jfree.data.category.CategoryDataset d = getPlot().getDataset(getPlot().getIndexOf(this));
            Number v = d.getValue(row, column);
            return strip != null && v != null && v.doubleValue() != 0 && d.getRowKey(row).toString().startsWith(REOPTIMISED)
                    && v.doubleValue() >= strip[0] && v.doubleValue() <= strip[1];
        }

        @Override
        public java.awt.Paint getItemPaint(int row, int column) {
            java.awt.Paint p = super.getItemPaint(row, column);
            return within(row, column) && p instanceof Color ? hatched((Color) p) : p;
        }

        static java.awt.Paint hatched(Color c) {
            // white stripes two pixels wide on a five-pixel pitch: visible on the darkest bar at the window's size
            java.awt.image.BufferedImage tile = new java.awt.image.BufferedImage(5, 5, java.awt.image.BufferedImage.TYPE_INT_ARGB);
            java.awt.Graphics2D g = tile.createGraphics();
            g.setColor(c);
            g.fillRect(0, 0, 5, 5);
            g.setColor(Color.WHITE);
            for (int i = 0; i < 5; i++) {
                g.fillRect(i, 4 - i, 1, 1);
                g.fillRect((i + 1) % 5, 4 - i, 1, 1);
            }
            g.dispose();
            return new java.awt.TexturePaint(tile, new java.awt.geom.Rectangle2D.Double(0, 0, 5, 5));
        }
    }

    /** Swaps in the datasets of {@code r} with one redraw (STYLE 11), without an uncertainty band. */
    static void show(JFreeChart chart, Sensitivity.Result r) {
        show(chart, r, null);
    }

    /**
     * Swaps in the datasets of {@code r} and the headline's P10-P90 (calibrated fidelity; null: none) as a shaded strip
     * around zero, the whiskers of every re-optimised bar: a bar that ends inside it moves the headline by less than
     * the model can tell, and its label says so.
     */
    static void show(JFreeChart chart, Sensitivity.Result r, Band headlineBand) {
        DefaultCategoryDataset[] data = createDataset(r);
        CategoryPlot plot = chart.getCategoryPlot();
        chart.setNotify(false);
        try {
            plot.setDataset(DOWN, data[DOWN]);
            plot.setDataset(UP, data[UP]);
            plot.getRangeAxis().setLabel("change of " + ObjectiveText.axis(r.objective())
                    + (r.objective().figureFalls() ? " (less is better)" : ""));
            for (int k : new int[] {DOWN, UP}) {
                BarRenderer renderer = (BarRenderer) plot.getRenderer(k);
                renderer.setDefaultItemLabelGenerator(new DeltaLabels(r.objective()));
                renderer.setDefaultToolTipGenerator(r.objective().perCard()
                        ? new StandardCategoryToolTipGenerator("{0}, {1}: {2} " + r.objective().figureName(),
                                java.text.NumberFormat.getIntegerInstance(java.util.Locale.ROOT))
                        : (dataset, row, column) -> dataset.getRowKey(row) + ", " + dataset.getColumnKey(column) + ": "
                                + ObjectiveText.delta(r.objective(), dataset.getValue(row, column).doubleValue())
                                + " " + r.objective().unit());
            }
            plot.clearRangeMarkers();
            double[] strip = strip(r, headlineBand);
            for (int i = 0; i < 2; i++) {
                ((Bars) plot.getRenderer(i)).strip = strip;
            }
            plot.setFixedLegendItems(strip == null ? null : legend(plot));
            if (strip != null) {
                // named in the legend: a label on the plot sat under the longest bar
                plot.addRangeMarker(new IntervalMarker(strip[0], strip[1], UNCERTAINTY), org.jfree.chart.ui.Layer.BACKGROUND);
            }
        } finally {
            chart.setNotify(true);
        }
    }

    /** The headline's band as changes of the headline, {@code [low - headline, high - headline]}; null without one. */
    static double[] strip(Sensitivity.Result r, Band b) {
        return b == null || !(r.headline() > 0) ? null : new double[] {b.low() - r.headline(), b.high() - r.headline()};
    }

    /** The strip's colour: a light grey behind the bars. */
    static final Color UNCERTAINTY = new Color(0xE6, 0xE9, 0xED);
}
