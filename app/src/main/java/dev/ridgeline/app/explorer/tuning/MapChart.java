package dev.ridgeline.app.explorer.tuning;

import dev.ridgeline.app.explorer.charts.Palette;
import dev.ridgeline.engine.model.Checks;
import dev.ridgeline.engine.space.FieldMap;
import dev.ridgeline.engine.space.Knob;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The map as a chart (STYLE 19): the headline over the grid as a heat map ({@link GridBlockRenderer} with
 * {@link HeadlinePaintScale}) on log axes, contour lines from {@link Contours} drawn as series (segments separated by
 * NaN), the target's contour thick, and the current chip and every catalogue chip marked at their two values.
 */
final class MapChart {
    static final int MARKS = 0;
    static final int CONTOURS = 1;
    static final int HEAT = 2;
    static final Color TARGET = new Color(0xCF, 0x22, 0x2E);
    static final Color CONTOUR = new Color(0x24, 0x29, 0x2F, 150);
    static final int LEVELS = 6;

    /** A chip marked on the map at its two field values. */
    record Mark(String name, double x, double y, boolean current) {
    }

    private MapChart() {
    }

    static JFreeChart createChart() {
        XYPlot plot = new XYPlot();
        plot.setDomainAxis(new RoundLogAxis("x"));
        plot.setRangeAxis(new RoundLogAxis("y"));
        GridBlockRenderer heat = new GridBlockRenderer();
        heat.setPaintScale(new HeadlinePaintScale(0, 1));
        plot.setDataset(HEAT, MapData.empty());
        plot.setRenderer(HEAT, heat);
        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, false);
        lines.setDrawSeriesLineAsPath(false);
        plot.setDataset(CONTOURS, new XYSeriesCollection());
        plot.setRenderer(CONTOURS, lines);
        XYLineAndShapeRenderer marks = new XYLineAndShapeRenderer(false, true);
        marks.setSeriesShape(0, new Ellipse2D.Double(-6, -6, 12, 12));
        marks.setSeriesPaint(0, Color.WHITE);
        marks.setSeriesOutlinePaint(0, Palette.INK);
        marks.setSeriesOutlineStroke(0, new BasicStroke(2.5f));
        marks.setSeriesShape(1, new Rectangle2D.Double(-3.5, -3.5, 7, 7));
        marks.setSeriesPaint(1, Color.WHITE);
        marks.setSeriesOutlinePaint(1, Palette.INK);
        marks.setSeriesOutlineStroke(1, new BasicStroke(1f));
        marks.setUseFillPaint(false);
        marks.setUseOutlinePaint(true);
        marks.setDrawOutlines(true);
        plot.setDataset(MARKS, new XYSeriesCollection());
        plot.setRenderer(MARKS, marks);
        plot.setBackgroundPaint(HeadlinePaintScale.NONE);
        plot.setNoDataMessageFont(Palette.LABEL);
        plot.setNoDataMessagePaint(Palette.INK);
        plot.setOutlineVisible(false);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        JFreeChart chart = new JFreeChart(null, Palette.LABEL, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        Palette.legendBelow(chart.getLegend());
        return chart;
    }

    /**
     * Draws {@code r} with the chips marked and the target contour at {@code targetPerCard} (the objective's figure:
     * tokens/s per card, $ per million output tokens, J per output token), in one redraw. The map shows the figure;
     * for dollars and joules, less is better and darker.
     *
     * @param plotPx the plot's size in pixels {width, height} (about: the chip labels that would overprint each other
     *               at that size share one label)
     */
    static void show(JFreeChart chart, FieldMap.Result r, List<Mark> marks, double targetPerCard, double[] plotPx) {
        show(chart, r, marks, targetPerCard, plotPx, null);
    }

    /**
     * As above, hatching the cells whose P10-P90 band is wider than a contour step ({@code bandWidths}: relative
     * widths per cell, {@link dev.ridgeline.engine.evidence.MapBands}; null: none).
     */
    static void show(JFreeChart chart, FieldMap.Result r, List<Mark> marks, double targetPerCard, double[] plotPx,
                     double[][] bandWidths) {
        XYPlot plot = chart.getXYPlot();
        double[][] z = figures(r);
        double max = 0;
        double min = Double.MAX_VALUE;
        boolean unreached = false;
        for (double[] row : z) {
            for (double v : row) {
                unreached |= !(v > 0);
                if (v > 0) {
                    max = Math.max(max, v);
                    min = Math.min(min, v);
                }
            }
        }
        chart.setNotify(false);
        try {
            MapData data = new MapData(r.xs(), r.ys(), z);
            plot.setDataset(HEAT, data);
            GridBlockRenderer heat = (GridBlockRenderer) plot.getRenderer(HEAT);
            HeadlinePaintScale scale = new HeadlinePaintScale(min, max, r.objective().figureFalls());
            heat.setPaintScale(scale);
            heat.setDefaultToolTipGenerator((dataset, series, item) -> tooltip(r, z, item));
            double[] xe = {MapData.edges(r.xs(), 0)[0], MapData.edges(r.xs(), r.xs().length - 1)[1]};
            double[] ye = {MapData.edges(r.ys(), 0)[0], MapData.edges(r.ys(), r.ys().length - 1)[1]};
            plot.getDomainAxis().setLabel(r.x().label());
            plot.getRangeAxis().setLabel(r.y().label());
            plot.getDomainAxis().setTickLabelsVisible(true);
            plot.getRangeAxis().setTickLabelsVisible(true);
            plot.getDomainAxis().setRange(xe[0], xe[1]);
            plot.getRangeAxis().setRange(ye[0], ye[1]);
            double[] levels = Contours.levels(max, LEVELS);
            data.hatch(bandWidths, levels.length > 1 ? levels[1] - levels[0] : Double.MAX_VALUE);
            XYSeriesCollection lines = new XYSeriesCollection();
            plot.clearAnnotations();
            List<MapLabels.Value> values = new java.util.ArrayList<>();
            lines.addSeries(contour(r, z, "target", targetPerCard, true, values));
            for (double level : levels) {
                if (Math.abs(level - targetPerCard) > 1e-9 * level) { // the target's own line says it
                    lines.addSeries(contour(r, z, ObjectiveText.number(r.objective(), level), level, false, values));
                }
            }
            plot.setDataset(CONTOURS, lines);
            XYLineAndShapeRenderer lineRenderer = (XYLineAndShapeRenderer) plot.getRenderer(CONTOURS);
            lineRenderer.setSeriesPaint(0, TARGET);
            lineRenderer.setSeriesStroke(0, new BasicStroke(3f));
            for (int k = 1; k < lines.getSeriesCount(); k++) {
                lineRenderer.setSeriesPaint(k, CONTOUR);
                lineRenderer.setSeriesStroke(k, new BasicStroke(1f));
            }
            List<Mark> shown = marks.stream().filter(m -> inside(m, xe, ye)).toList();
            plot.setDataset(MARKS, marks(shown));
            MapLabels.Layout layout = MapLabels.place(shown, values, xe, ye, plotPx);
            for (MapLabels.PlacedValue value : layout.values()) {
                plot.addAnnotation(valueLabel(value), false);
            }
            for (MapLabels.Placed label : layout.names()) {
                plot.addAnnotation(chipLabel(label), false);
            }
            plot.setFixedLegendItems(legend(r, levels, targetPerCard, unreached, data.anyHatched()));
            for (Object t : List.copyOf(chart.getSubtitles())) {
                if (t instanceof PaintScaleLegend) {
                    chart.removeSubtitle((PaintScaleLegend) t);
                }
            }
            PaintScaleLegend bar = new PaintScaleLegend(scale, colourAxis(r, scale));
            bar.setPosition(RectangleEdge.RIGHT);
            bar.setStripWidth(12);
            bar.setAxisOffset(4);
            bar.setMargin(new RectangleInsets(4, 8, 4, 4));
            bar.setBackgroundPaint(Color.WHITE);
            chart.addSubtitle(bar);
        } finally {
            chart.setNotify(true);
        }
    }

    /**
     * The map before its first result: the two fields named on their axes (no ticks: their range comes with the
     * result) and {@code message} in the empty plot, instead of placeholder axes.
     */
    static void pending(JFreeChart chart, Knob x, Knob y, String message) {
        XYPlot plot = chart.getXYPlot();
        chart.setNotify(false);
        try {
            plot.setDataset(HEAT, MapData.empty());
            plot.setDataset(CONTOURS, new XYSeriesCollection());
            plot.setDataset(MARKS, new XYSeriesCollection());
            plot.clearAnnotations();
            plot.setFixedLegendItems(new LegendItemCollection());
            plot.getDomainAxis().setLabel(x.label());
            plot.getRangeAxis().setLabel(y.label());
            plot.getDomainAxis().setTickLabelsVisible(false);
            plot.getRangeAxis().setTickLabelsVisible(false);
            plot.setNoDataMessage(message);
        } finally {
            chart.setNotify(true);
        }
    }

    /** The window's device pixels per chart pixel (2 on a HiDPI screen): the heat map's image is painted at that size. */
    static void pixelScale(JFreeChart chart, double scale) {
        ((GridBlockRenderer) chart.getXYPlot().getRenderer(HEAT)).setPixelScale(scale);
    }

    private static boolean inside(Mark m, double[] xe, double[] ye) {
        return m.x() >= xe[0] && m.x() <= xe[1] && m.y() >= ye[0] && m.y() <= ye[1];
    }

    /** A chip's name (or a group's names) where {@link MapLabels} put it, on a light ground so that it reads on the darkest cells. */
    private static XYTextAnnotation chipLabel(MapLabels.Placed p) {
        XYTextAnnotation a = new XYTextAnnotation(p.text(), p.x(), p.y());
        a.setFont(p.current() ? Palette.TITLE : Palette.SMALL);
        a.setPaint(Palette.INK);
        a.setBackgroundPaint(new Color(255, 255, 255, 210));
        a.setTextAnchor(p.rightOf() ? TextAnchor.CENTER_LEFT : TextAnchor.CENTER_RIGHT);
        return a;
    }

    /** Series 0 the current chip, series 1 the catalogue's. */
    private static XYSeriesCollection marks(List<Mark> marks) {
        XYSeries current = new XYSeries("current chip", false, true);
        XYSeries catalogue = new XYSeries("catalogue chips", false, true);
        for (Mark m : marks) {
            (m.current() ? current : catalogue).add(m.x(), m.y());
        }
        XYSeriesCollection out = new XYSeriesCollection();
        out.addSeries(current);
        out.addSeries(catalogue);
        return out;
    }

    /**
     * The objective's figure in each cell (tokens/s per card, $ per million output tokens, J per output token); 0 where
     * nothing reaches the target or the chip has no price or power, NaN where the chip refuses the pair.
     */
    static double[][] figures(FieldMap.Result r) {
        double[][] z = new double[r.ys().length][r.xs().length];
        for (int j = 0; j < z.length; j++) {
            for (int i = 0; i < z[j].length; i++) {
                double v = r.headline()[j][i];
                z[j][i] = v > 0 ? r.objective().figure(v) : v;
            }
        }
        return z;
    }

    /**
     * The contour at {@code level} as one series, segments separated by NaN; its value, with the points of its line
     * where {@link MapLabels} may write it (each segment's middle), added to {@code values}.
     */
    private static XYSeries contour(FieldMap.Result r, double[][] z, String key, double level, boolean target,
                                    List<MapLabels.Value> values) {
        XYSeries s = new XYSeries(key, false, true);
        List<double[]> points = new java.util.ArrayList<>();
        for (Contours.Segment g : Contours.of(r.xs(), r.ys(), z, level)) {
            s.add(g.x0(), g.y0());
            s.add(g.x1(), g.y1());
            s.add(g.x1(), Double.NaN);
            points.add(new double[] {Math.sqrt(g.x0() * g.x1()), Math.sqrt(g.y0() * g.y1())});
        }
        values.add(new MapLabels.Value((target ? "target " : "") + ObjectiveText.number(r.objective(), level), target,
                points));
        return s;
    }

    /** A contour's value where {@link MapLabels} put it, hanging below its point, on a light ground. */
    private static XYTextAnnotation valueLabel(MapLabels.PlacedValue v) {
        XYTextAnnotation label = new XYTextAnnotation(v.text(), v.x(), v.y());
        label.setFont(v.bold() ? Palette.TITLE : Palette.SMALL);
        label.setPaint(v.bold() ? TARGET : Palette.INK);
        label.setBackgroundPaint(new Color(255, 255, 255, 200));
        // near a side, the text runs inwards so that it is not cut by the plot's edge
        label.setTextAnchor(v.align() < 0 ? TextAnchor.TOP_LEFT : v.align() > 0 ? TextAnchor.TOP_RIGHT : TextAnchor.TOP_CENTER);
        return label;
    }

    private static LegendItemCollection legend(FieldMap.Result r, double[] levels, double targetPerCard,
                                               boolean unreached, boolean hatched) {
        dev.ridgeline.engine.space.Objective o = r.objective();
        LegendItemCollection items = new LegendItemCollection();
        items.add(new LegendItem("current chip", null, null, null, new Ellipse2D.Double(-5, -5, 10, 10), Color.WHITE,
                new BasicStroke(2.5f), Palette.INK));
        items.add(new LegendItem("catalogue chips", null, null, null, new Rectangle2D.Double(-3.5, -3.5, 7, 7),
                Color.WHITE, new BasicStroke(1f), Palette.INK));
        items.add(new LegendItem("target " + ObjectiveText.reaches(o) + " " + ObjectiveText.figure(o, targetPerCard), null, null, null,
                new java.awt.geom.Line2D.Double(-8, 0, 8, 0), new BasicStroke(3f), TARGET));
        if (levels.length > 1) {
            items.add(new LegendItem("contours every " + ObjectiveText.number(o, levels[1] - levels[0]), null, null, null,
                    new java.awt.geom.Line2D.Double(-8, 0, 8, 0), new BasicStroke(1f), CONTOUR));
        }
        if (unreached) {
            items.add(new LegendItem(o.available(r.scenario().chip()) || r.x().costOnly() || r.y().costOnly()
                    ? "no deployment reaches the tokens/s per user" : o.missing(r.scenario().chip()), null, null, null,
                    new Rectangle2D.Double(-5, -5, 10, 10), HeadlinePaintScale.NONE));
        }
        if (hatched) {
            // the hatching's own lines in an outlined box (a TexturePaint of them showed nothing in the window)
            java.awt.geom.Path2D.Double diagonals = new java.awt.geom.Path2D.Double();
            for (double d = -5; d <= 5; d += 5) {
                diagonals.moveTo(Math.max(-5, d - 5), Math.min(5, d + 5));
                diagonals.lineTo(Math.min(5, d + 5), Math.max(-5, d - 5));
            }
            // darker than on the cells: on white, the cells' translucent grey hardly shows
            Color ink = new Color(0, 0, 0, 140);
            BasicStroke thin = new BasicStroke(0.8f);
            items.add(new LegendItem("P10–P90 wider than a contour step", null, null, null, true,
                    new Rectangle2D.Double(-5, -5, 10, 10), false, Color.WHITE, true, ink, thin, true, diagonals, thin, ink));
        }
        return items;
    }

    private static NumberAxis colourAxis(FieldMap.Result r, HeadlinePaintScale scale) {
        NumberAxis a = new NumberAxis(ObjectiveText.axis(r.objective()) + " at ≥ " + Checks.number(r.targetTps())
                + " per user");
        a.setRange(scale.getLowerBound(), scale.getUpperBound());
        a.setLabelFont(Palette.SMALL);
        a.setTickLabelFont(Palette.SMALL);
        if (r.objective().perCard()) {
            a.setNumberFormatOverride(java.text.NumberFormat.getIntegerInstance(java.util.Locale.ROOT));
        }
        // dollars and joules: less is better, so the bar runs from the dearest (light) at the bottom to dark at the top
        a.setInverted(r.objective().figureFalls());
        return a;
    }

    private static String tooltip(FieldMap.Result r, double[][] z, int item) {
        int i = item % r.xs().length;
        int j = item / r.xs().length;
        double v = z[j][i];
        return TuningText.withUnit(r.x(), r.xs()[i]) + ", " + TuningText.withUnit(r.y(), r.ys()[j]) + ": "
                + (Double.isNaN(v) ? "refused by the chip" : v > 0 ? ObjectiveText.figure(r.objective(), v)
                : "no figure (nothing reaches the target, or no price or power)");
    }
}
