package dev.ridgeline.app.explorer.frontier;

import dev.ridgeline.app.explorer.charts.Palette;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.chart.ui.VerticalAlignment;
import org.jfree.fx.FXHints;

/**
 * The throughput-interactivity chart (DESIGN 4b): tokens/s per card against tokens/s per user (log) over every
 * deployment, the Pareto frontier coloured by what changes along it, A's frontier as a ghost, the target as a
 * vertical line with the region below it shaded, the best deployment at the target ringed and the current scenario
 * as a diamond; the answer's settings and figures in a column on the right, the legend below the plot (never over
 * the curve). A factory pair (STYLE 11): {@link FrontierData#of} builds the data, {@link #createChart} the chart
 * once, {@link #show} swaps everything in with one redraw.
 */
public final class FrontierChart {
    static final int CLOUD = 0;
    static final int GHOST = 1;
    static final int FRONTIER = 2;
    static final int MARKS = 3;
    /** The P10-P90 band along the frontier: a veil over the line, light enough to read the line and marks under it. */
    static final int BAND = 4;
    static final Color BAND_COLOUR = new Color(0x1F, 0x6F, 0xD1, 46);

    /** The faint dots: light enough that the frontier and the marks stand out, dark enough to read the cloud's shape. */
    public static final Color CLOUD_COLOUR = new Color(0xBF, 0xC6, 0xCE);
    static final Color GHOST_COLOUR = new Color(0x6E, 0x77, 0x81);
    static final Color BELOW_TARGET = new Color(0xF3, 0xF4, 0xF6);
    static final Stroke FRONTIER_STROKE = new BasicStroke(2.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    static final Stroke GHOST_STROKE = new BasicStroke(1.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
            new float[] {6f, 4f}, 0f);
    static final Shape RING = new Ellipse2D.Double(-7, -7, 14, 14);
    static final Shape DIAMOND = diamond(6);
    static final Font HEADING = Palette.SMALL.deriveFont(Font.BOLD);

    private FrontierChart() {
    }

    public static JFreeChart createChart(FrontierData data) {
        LogTicksAxis x = new LogTicksAxis("Tokens/s per user (interactivity)");
        NumberAxis y = new NumberAxis(DECODE_AXIS);
        y.setStandardTickUnits(NumberAxis.createIntegerTickUnits(Locale.ROOT));
        for (org.jfree.chart.axis.ValueAxis a : new org.jfree.chart.axis.ValueAxis[] {x, y}) {
            a.setLabelFont(Palette.LABEL);
            a.setTickLabelFont(Palette.SMALL);
            a.setLabelPaint(Palette.INK);
            a.setTickLabelPaint(Palette.MUTED);
        }
        XYPlot plot = new CloudPlot(data.cloud, x, y, new CloudRenderer(3));
        plot.getRenderer(CLOUD).setSeriesPaint(0, CLOUD_COLOUR);
        plot.setRenderer(GHOST, lines(GHOST_STROKE));
        plot.getRenderer(GHOST).setSeriesPaint(0, GHOST_COLOUR);
        plot.setRenderer(FRONTIER, lines(FRONTIER_STROKE));
        plot.setRenderer(MARKS, marksRenderer());
        DeviationRenderer band = new DeviationRenderer(false, false);
        band.setSeriesFillPaint(0, BAND_COLOUR);
        band.setAlpha(1f);
        band.setSeriesVisibleInLegend(0, true);
        plot.setRenderer(BAND, band);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Palette.GRID);
        plot.setRangeGridlinePaint(Palette.GRID);
        plot.setOutlineVisible(false);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);

        JFreeChart chart = new JFreeChart(null, Palette.TITLE, plot, true);
        // on the canvas, measure text with Java2D's cached metrics: JavaFX's build a Text node per string, and the
        // legend, ticks and text column measure some fifty strings per redraw (files ignore the hint)
        chart.getRenderingHints().put(FXHints.KEY_USE_FX_FONT_METRICS, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(6, 6, 4, 10));
        Palette.legendBelow(chart.getLegend());
        TextColumn side = new TextColumn(Palette.SMALL, HEADING, Palette.MUTED, Palette.INK);
        side.setPosition(RectangleEdge.RIGHT);
        side.setVerticalAlignment(VerticalAlignment.TOP);
        side.setPadding(new RectangleInsets(4, 12, 4, 2));
        chart.addSubtitle(side);
        show(chart, data);
        return chart;
    }

    /**
     * The chart is drawn on {@code canvas} (the window's): the cloud's image goes on it as a JavaFX image made once
     * per data ({@link CloudRenderer}).
     */
    public static void drawOn(JFreeChart chart, javafx.scene.canvas.GraphicsContext canvas) {
        ((CloudRenderer) chart.getXYPlot().getRenderer(CLOUD)).drawOn(new CanvasCloud(canvas));
    }

    /** The y axis with decode heights, and with the served switch on (issue 20). */
    static final String DECODE_AXIS = "Tokens/s per card (throughput)";
    static final String SERVED_AXIS = "Served tokens/s per card (prefill + decode)";

    /** Swaps in {@code data} (datasets, colours, legend, target, ranges, text) with one chart change event. */
    public static void show(JFreeChart chart, FrontierData data) {
        XYPlot plot = chart.getXYPlot();
        chart.setNotify(false);
        try {
            plot.setDataset(CLOUD, data.cloud);
            plot.setDataset(GHOST, data.ghostLine);
            plot.setDataset(FRONTIER, data.frontier);
            plot.setDataset(MARKS, data.marks);
            plot.setDataset(BAND, data.band);
            XYLineAndShapeRenderer runs = (XYLineAndShapeRenderer) plot.getRenderer(FRONTIER);
            runs.clearSeriesPaints(false);
            for (int i = 0; i < data.runColours.size(); i++) {
                runs.setSeriesPaint(i, data.runColours.get(i), false);
            }
            plot.clearDomainMarkers();
            plot.getDomainAxis().setRange(data.xLow, data.xHigh);
            plot.getRangeAxis().setRange(0, data.yHigh);
            String yLabel = data.lens == null ? DECODE_AXIS : SERVED_AXIS;
            if (!yLabel.equals(plot.getRangeAxis().getLabel())) {
                plot.getRangeAxis().setLabel(yLabel);
            }
            if (data.target > data.xLow) {
                IntervalMarker below = new IntervalMarker(data.xLow, Math.min(data.target, data.xHigh), BELOW_TARGET);
                plot.addDomainMarker(below, Layer.BACKGROUND);
                plot.addDomainMarker(targetLine(data.target), Layer.BACKGROUND);
            }
            plot.setFixedLegendItems(legend(data));
            side(chart).setLines(data.text);
        } finally {
            chart.setNotify(true);
        }
    }

    private static ValueMarker targetLine(double target) {
        ValueMarker m = new ValueMarker(target, Palette.INK, new BasicStroke(1.2f, BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_MITER, 10f, new float[] {4f, 3f}, 0f));
        m.setLabel("target " + AnswerText.target(target));
        m.setLabelBackgroundColor(new Color(255, 255, 255, 230));
        m.setLabelFont(Palette.SMALL);
        m.setLabelPaint(Palette.INK);
        m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        m.setLabelOffset(new RectangleInsets(2, 4, 2, 4));
        return m;
    }

    /** The column of text on the right. */
    static TextColumn side(JFreeChart chart) {
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            if (chart.getSubtitle(i) instanceof TextColumn) {
                return (TextColumn) chart.getSubtitle(i);
            }
        }
        throw new IllegalStateException("the frontier chart has no text column");
    }

    private static LegendItemCollection legend(FrontierData data) {
        LegendItemCollection items = new LegendItemCollection();
        items.add(new LegendItem(String.format(Locale.ROOT, "every deployment (%,d)", data.cloud.getSeriesCount() > 0
                ? data.cloud.getItemCount(0) : 0), null, null, null, new Rectangle2D.Double(-2, -2, 4, 4), CLOUD_COLOUR));
        for (Map.Entry<String, Color> g : data.groups.entrySet()) {
            items.add(line(g.getKey(), g.getValue(), FRONTIER_STROKE));
        }
        if (data.ghost != null) {
            items.add(line("A's frontier", GHOST_COLOUR, GHOST_STROKE));
        }
        if (data.band.getSeriesCount() > 0) {
            items.add(new LegendItem("P10–P90", null, null, null, new Rectangle2D.Double(-6, -4, 12, 8), BAND_COLOUR));
        }
        LegendItem best = new LegendItem("best at ≥ " + AnswerText.target(data.target), null, null, null, true, RING,
                false, Palette.INK, true, Palette.INK, new BasicStroke(2.2f), false, new Line2D.Double(), new BasicStroke(1f),
                Palette.INK);
        items.add(best);
        items.add(new LegendItem("current scenario", null, null, null, DIAMOND, Palette.CRITICAL));
        return items;
    }

    private static LegendItem line(String label, Color colour, Stroke stroke) {
        return new LegendItem(label, null, null, null, new Line2D.Double(-9, 0, 9, 0), stroke, colour);
    }

    private static XYLineAndShapeRenderer lines(Stroke stroke) {
        XYLineAndShapeRenderer r = new LinesOnly();
        r.setDefaultStroke(stroke, false);
        r.setAutoPopulateSeriesStroke(false);
        r.setDefaultCreateEntities(false);
        return r;
    }

    /**
     * Lines without shapes, labels or entities, drawn in their one pass: the renderer's second pass (shapes, item
     * labels, entities) draws nothing here, and it was called for every point of every line on each redraw.
     */
    static final class LinesOnly extends XYLineAndShapeRenderer {
        private static final long serialVersionUID = 1L;

        LinesOnly() {
            super(true, false);
        }

        @Override
        public int getPassCount() {
            return 1;
        }
    }

    private static XYLineAndShapeRenderer marksRenderer() {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
        r.setSeriesShape(FrontierData.BEST, RING);
        r.setSeriesShapesFilled(FrontierData.BEST, false);
        r.setSeriesPaint(FrontierData.BEST, Palette.INK);
        r.setSeriesOutlinePaint(FrontierData.BEST, Palette.INK);
        r.setSeriesOutlineStroke(FrontierData.BEST, new BasicStroke(2.4f));
        r.setSeriesShape(FrontierData.CURRENT, DIAMOND);
        r.setSeriesShapesFilled(FrontierData.CURRENT, true);
        r.setSeriesPaint(FrontierData.CURRENT, Palette.CRITICAL);
        r.setSeriesOutlinePaint(FrontierData.CURRENT, Color.WHITE);
        r.setSeriesOutlineStroke(FrontierData.CURRENT, new BasicStroke(1.2f));
        r.setUseOutlinePaint(true);
        r.setDrawOutlines(true);
        r.setDefaultCreateEntities(false);
        return r;
    }

    private static Shape diamond(double r) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(0, -r);
        p.lineTo(r, 0);
        p.lineTo(0, r);
        p.lineTo(-r, 0);
        p.closePath();
        return p;
    }
}
