package dev.ridgeline.app.explorer.charts;

import dev.ridgeline.engine.TokenCost;
import dev.ridgeline.engine.space.ChipComparison;
import java.awt.Color;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainCategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Chip against chip as a chart (DESIGN 4d): one row per chip (the scenario's chip first), three panels side by side
 * sharing the rows: tokens/s per card, dollars per million output tokens and joules per output token at each chip's
 * best deployment, each bar labelled with its value. A chip without a price or power has no bar in that panel (the
 * table beside says why). Shared by the window, the export and the report.
 */
public final class CompareChart {
    /** The panels, left to right. */
    static final int THROUGHPUT = 0;
    static final int DOLLARS = 1;
    static final int JOULES = 2;
    private static final String[] TITLES = {"tokens/s per card", "$ per M output tokens", "J per output token"};
    private static final Color[] COLOURS = {Palette.MEMORY, Palette.COMPUTE, Palette.NETWORK};
    private static final String[] FORMATS = {"#,##0", "$0.000", "0.000"};

    private CompareChart() {
    }

    /** The three panels' datasets: one series each, one column per chip; null where a figure is missing. */
    public static DefaultCategoryDataset[] createDataset(ChipComparison.Result r) {
        DefaultCategoryDataset[] out = {new DefaultCategoryDataset(), new DefaultCategoryDataset(),
            new DefaultCategoryDataset()};
        for (ChipComparison.Row row : r.rows()) {
            String chip = row.chip().name();
            TokenCost t = row.tokenCost();
            out[THROUGHPUT].addValue(row.answer() == null ? null : row.answer().throughputPerCard(), TITLES[THROUGHPUT], chip);
            out[DOLLARS].addValue(t == null || t.dollarsPerMillionOutputTokens().isEmpty() ? null
                    : t.dollarsPerMillionOutputTokens().getAsDouble(), TITLES[DOLLARS], chip);
            out[JOULES].addValue(t == null || t.joulesPerOutputToken().isEmpty() ? null
                    : t.joulesPerOutputToken().getAsDouble(), TITLES[JOULES], chip);
        }
        return out;
    }

    public static JFreeChart createChart(DefaultCategoryDataset[] data) {
        CategoryAxis chips = new CategoryAxis();
        chips.setTickLabelFont(Palette.SMALL);
        chips.setTickLabelPaint(Palette.INK);
        chips.setCategoryMargin(0.3);
        CombinedDomainCategoryPlot plot = new CombinedDomainCategoryPlot(chips);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setGap(44); // room between the panels for the last tick label of one and the first of the next (CompareChartTest)
        for (int k = 0; k < data.length; k++) {
            NumberAxis values = new NumberAxis(TITLES[k]);
            values.setLabelFont(Palette.SMALL);
            values.setTickLabelFont(Palette.SMALL);
            values.setLabelPaint(Palette.MUTED);
            values.setUpperMargin(0.35); // room for the bar labels
            values.setNumberFormatOverride(format(k));
            CategoryPlot panel = new CategoryPlot(data[k], null, values, renderer(COLOURS[k], format(k)));
            panel.setBackgroundPaint(Color.WHITE);
            panel.setOutlineVisible(false);
            panel.setRangeGridlinePaint(Palette.GRID);
            plot.add(panel, 1);
        }
        JFreeChart chart = new JFreeChart(null, Palette.LABEL, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new org.jfree.chart.ui.RectangleInsets(4, 4, 4, 22)); // the last tick label on the right
        return chart;
    }

    /** Swaps in the datasets of {@code r} with one redraw (STYLE 11). */
    public static void show(JFreeChart chart, ChipComparison.Result r) {
        DefaultCategoryDataset[] data = createDataset(r);
        CombinedDomainCategoryPlot plot = (CombinedDomainCategoryPlot) chart.getPlot();
        chart.setNotify(false);
        try {
            for (int k = 0; k < data.length; k++) {
                ((CategoryPlot) plot.getSubplots().get(k)).setDataset(data[k]);
            }
        } finally {
            chart.setNotify(true);
        }
    }

    private static NumberFormat format(int panel) {
        return new DecimalFormat(FORMATS[panel], DecimalFormatSymbols.getInstance(Locale.ROOT));
    }

    private static BarRenderer renderer(Color colour, NumberFormat format) {
        BarRenderer r = new BarRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setDrawBarOutline(false);
        r.setSeriesPaint(0, colour);
        r.setMaximumBarWidth(0.5);
        r.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", format));
        r.setDefaultItemLabelsVisible(true);
        r.setDefaultItemLabelFont(Palette.SMALL);
        r.setDefaultItemLabelPaint(Palette.INK);
        r.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
        return r;
    }
}
