package dev.ridgeline.app.explorer.tuning;

import dev.ridgeline.app.explorer.charts.Palette;
import dev.ridgeline.app.explorer.charts.WhiskerBars;
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
    /** Room either side of the bars (and whiskers) for their labels, as a share of the range. */
    static final double LABEL_MARGIN = 0.28;
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
        change.setLowerMargin(LABEL_MARGIN); // room for the labels of the bars at either end
        change.setUpperMargin(LABEL_MARGIN);
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

    /** The renderers' own legend and the whiskers' two items: a whisker, a hollow bar within the uncertainty. */
    private static org.jfree.chart.LegendItemCollection legend(CategoryPlot plot) {
        plot.setFixedLegendItems(null);
        org.jfree.chart.LegendItemCollection items = plot.getLegendItems();
        for (org.jfree.chart.LegendItem i : WhiskerBars.legendItems(REOPT_UP)) {
            items.add(i);
        }
        return items;
    }

    private static BarRenderer renderer(Color reoptimised, Color fixed, boolean up) {
        BarRenderer r = new Bars();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
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
        // a knob's down and up bars share a slot: their whiskers run above and below its middle, not on one line
        ((Bars) r).setWhiskerOffset(up ? 0.2 : -0.2);
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
     * The bars' renderer: each bar with its whisker, the P10-P90 of the figure it moves to as a change from the figure
     * it moves from; a bar whose whisker spans zero is hollow, "within the uncertainty" (the legend and tooltip say so).
     */
    static final class Bars extends WhiskerBars {
        private static final long serialVersionUID = 1L;

        /**
         * A bar of no change is labelled on the side away from its row's other bar, whose label is on that bar's own
         * side: at the side panel's width a "0" put right of the axis ran into the other bar's "+186".
         */
        @Override
        protected void drawItemLabel(java.awt.Graphics2D g2, org.jfree.data.category.CategoryDataset data, int row,
                                     int column, CategoryPlot plot, org.jfree.chart.labels.CategoryItemLabelGenerator generator,
                                     java.awt.geom.Rectangle2D bar, boolean negative) {
            Number v = data.getValue(row, column);
            boolean side = negative;
            if (v != null && v.doubleValue() == 0) {
                org.jfree.data.category.CategoryDataset other = plot.getDataset(plot.getIndexOf(this) == DOWN ? UP : DOWN);
                Number w = other == null || row >= other.getRowCount() || column >= other.getColumnCount() ? null
                        : other.getValue(row, column);
                side = w != null && w.doubleValue() > 0;
            }
            super.drawItemLabel(g2, data, row, column, plot, generator, bar, side);
        }
    }

    /**
     * Swaps in the datasets of {@code r} and, with the headline's P10-P90 (calibrated fidelity, throughput; null: none),
     * a whisker on every bar: the band of the figure the knob moves the headline (or the deployment on screen) to, as a
     * change from the figure before (the band's width relative to its figure, the deployment on screen's, carried to
     * both: {@code FrontierBands.headline}). A bar whose whisker spans zero moves its figure by less than the model can
     * tell; it is drawn hollow and its tooltip says so.
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
            double[][][][] whiskers = whiskers(r, headlineBand);
            for (int k : new int[] {DOWN, UP}) {
                Bars renderer = (Bars) plot.getRenderer(k);
                renderer.setWhiskers(whiskers == null ? null : whiskers[k]);
                renderer.setDefaultItemLabelGenerator(new DeltaLabels(r.objective()));
                renderer.setDefaultToolTipGenerator((dataset, row, column) -> dataset.getRowKey(row) + ", "
                        + dataset.getColumnKey(column).toString().replace('\n', ' ') + ": "
                        + ObjectiveText.delta(r.objective(), dataset.getValue(row, column).doubleValue()) + " "
                        + r.objective().figureName() + (renderer.within(row, column) ? " (" + WhiskerBars.WITHIN + ")" : ""));
            }
            plot.clearRangeMarkers();
            plot.setFixedLegendItems(whiskers == null ? null : legend(plot));
            WhiskerBars.fitRange(plot, LABEL_MARGIN);
        } finally {
            chart.setNotify(true);
        }
    }

    /**
     * The whiskers of every bar, {@code [DOWN|UP][series][column] -> {low, high}} in the datasets' unit (series 0 the
     * re-optimised headline, 1 the fixed deployment; columns as {@link #drawn}); null without a band.
     */
    static double[][][][] whiskers(Sensitivity.Result r, Band headlineBand) {
        if (headlineBand == null || !(r.headline() > 0) || !r.objective().perCard()) {
            return null;
        }
        double lo = headlineBand.low() / r.headline();
        double hi = headlineBand.high() / r.headline();
        List<Sensitivity.Bar> bars = drawn(r);
        double[][][][] out = new double[2][2][bars.size()][];
        for (int c = 0; c < bars.size(); c++) {
            Sensitivity.Bar b = bars.get(c);
            Sensitivity.Move[] moves = {b.down(), b.up()};
            for (int k : new int[] {DOWN, UP}) {
                Sensitivity.Move m = moves[k];
                if (m.refused() != null) {
                    continue;
                }
                if (m.headline() > 0) {
                    out[k][0][c] = WhiskerBars.whisker(m.headline(), r.headline(), lo, hi);
                }
                if (m.fixed() > 0 && r.fixed() > 0) {
                    out[k][1][c] = WhiskerBars.whisker(m.fixed(), r.fixed(), lo, hi);
                }
            }
        }
        return out;
    }
}
