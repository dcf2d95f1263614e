package dev.ridgeline.app.report;

import dev.ridgeline.app.explorer.charts.DecadeAxis;
import dev.ridgeline.app.explorer.charts.GanttPainter;
import dev.ridgeline.app.explorer.charts.Palette;
import dev.ridgeline.app.explorer.charts.RooflineChart;
import dev.ridgeline.app.explorer.charts.WhiskerBars;
import dev.ridgeline.app.export.ImageExport;
import dev.ridgeline.engine.report.FigureData;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * A report figure as SVG, drawn by the window's own chart code: the roofline by {@link RooflineChart}, the Gantt by
 * {@link GanttPainter}; the frontier, the sensitivity tornado and the memory curves are JFreeChart charts in the
 * window's palette and axes. Vector output of JFreeSVG, with the font the PDF embeds named first.
 */
final class ReportFigures {
    static final int WIDTH = 760;
    static final int HEIGHT = 430;
    /** The Gantt has two lanes: a lower figure keeps its bars from looking like walls. */
    static final int GANTT_HEIGHT = 250;
    /** The served figure is rows of text and bars: about 300 px of them at this width (unmet: two lines). */
    static final int SERVED_HEIGHT = 320;

    private ReportFigures() {
    }

    /** The figure as an {@code <svg>} element; {@code id} keeps its clip-path ids apart from the other figures'. */
    static String svg(String id, FigureData data) {
        int height = height(data);
        SVGGraphics2D g = new SVGGraphics2D(WIDTH, height);
        g.setFontFunction(family -> ImageExport.SVG_FONTS);
        g.setDefsKeyPrefix("fig-" + id + "-");
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, height);
        paint(g, new Rectangle2D.Double(0, 0, WIDTH, height), data);
        return g.getSVGElement("figure-" + id, true, new ViewBox(0, 0, WIDTH, height), null, null);
    }

    /** The height a figure is drawn at, {@link #WIDTH} wide. */
    static int height(FigureData data) {
        return data instanceof FigureData.Gantt ? GANTT_HEIGHT : data instanceof FigureData.Served ? SERVED_HEIGHT : HEIGHT;
    }

    static void paint(Graphics2D g, Rectangle2D area, FigureData data) {
        if (data instanceof FigureData.Roofline) {
            RooflineChart.createChart(RooflineChart.createDataset(((FigureData.Roofline) data).evaluation())).draw(g, area);
        } else if (data instanceof FigureData.PrefillRoofline) {
            RooflineChart.createChart(RooflineChart.createDataset(((FigureData.PrefillRoofline) data).evaluation()))
                    .draw(g, area);
        } else if (data instanceof FigureData.Served) {
            dev.ridgeline.app.explorer.served.ServedPainter.paint(g, area, ((FigureData.Served) data).served());
        } else if (data instanceof FigureData.Gantt) {
            GanttPainter.paint(g, area, ((FigureData.Gantt) data).evaluation().schedule(),
                    GanttPainter.card(((FigureData.Gantt) data).evaluation()));
        } else if (data instanceof FigureData.Frontier) {
            frontier((FigureData.Frontier) data).draw(g, area);
        } else if (data instanceof FigureData.Chips) {
            dev.ridgeline.app.explorer.charts.CompareChart.createChart(dev.ridgeline.app.explorer.charts.CompareChart
                    .createDataset(((FigureData.Chips) data).comparison())).draw(g, area);
        } else if (data instanceof FigureData.Tornado) {
            tornado((FigureData.Tornado) data).draw(g, area);
        } else {
            curves((FigureData.Curves) data).draw(g, area);
        }
    }

    /** Design points as a grey cloud, the Pareto frontier as a line, this scenario and the best point marked. */
    static JFreeChart frontier(FigureData.Frontier f) {
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(series("design points", f.points()));
        data.addSeries(series("Pareto frontier", f.frontier()));
        data.addSeries(series("this scenario", java.util.List.of(f.current())));
        if (f.best() != null) {
            data.addSeries(series("best at the target", java.util.List.of(f.best())));
        }
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer();
        r.setSeriesLinesVisible(0, false);
        r.setSeriesShape(0, new Ellipse2D.Double(-1.5, -1.5, 3, 3));
        r.setSeriesPaint(0, new Color(0xB0, 0xB8, 0xC0));
        r.setSeriesShapesVisible(1, false);
        r.setSeriesPaint(1, Palette.INK);
        r.setSeriesStroke(1, new BasicStroke(2f));
        r.setSeriesLinesVisible(2, false);
        r.setSeriesShape(2, new Ellipse2D.Double(-6, -6, 12, 12));
        r.setSeriesPaint(2, Palette.MEMORY);
        r.setSeriesLinesVisible(3, false);
        r.setSeriesShape(3, new Rectangle2D.Double(-6, -6, 12, 12));
        r.setSeriesPaint(3, Palette.COMPUTE);
        XYPlot plot = new XYPlot(data, axis(new DecadeAxis("Tokens/s per user")), axis(new DecadeAxis("Tokens/s per card")), r);
        ValueMarker target = new ValueMarker(f.targetTokensPerSec(), Palette.CRITICAL, new BasicStroke(1.2f,
                BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {5f, 4f}, 0f));
        target.setLabel("target " + Numbers.significant(f.targetTokensPerSec()) + " tokens/s");
        target.setLabelFont(Palette.SMALL);
        target.setLabelPaint(Palette.CRITICAL);
        target.setLabelOffset(new RectangleInsets(6, 6, 6, 6));
        target.setLabelBackgroundColor(Color.WHITE);
        target.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.BOTTOM_RIGHT);
        target.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.BOTTOM_LEFT);
        plot.addDomainMarker(target);
        return styled(new JFreeChart(null, Palette.TITLE, plot, true), plot);
    }

    private static XYSeries series(String name, java.util.List<FigureData.Point> points) {
        XYSeries s = new XYSeries(name, false, true);
        for (FigureData.Point p : points) {
            if (p.userTokensPerSec() > 0 && p.throughputPerCard() > 0) {
                s.add(p.userTokensPerSec(), p.throughputPerCard());
            }
        }
        return s;
    }

    /**
     * Each knob's relative change at −step and +step, as horizontal bars (STYLE 19), each with its whisker when the
     * figure has a band: the band of the figure the knob moves it to, as a change (hatched when that spans zero).
     */
    static JFreeChart tornado(FigureData.Tornado t) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        double[][][] whiskers = new double[2][t.bars().size()][];
        for (int i = 0; i < t.bars().size(); i++) {
            FigureData.Bar b = t.bars().get(i);
            data.addValue(100 * b.lowChange(), "one step down", b.knob());
            data.addValue(100 * b.highChange(), "one step up", b.knob());
            // no whisker on a side that did not move (a refused move reads 0): there is no bar to qualify
            if (t.banded() && b.lowChange() != 0) {
                whiskers[0][i] = percent(WhiskerBars.whisker(1 + b.lowChange(), 1, t.bandLow(), t.bandHigh()));
            }
            if (t.banded() && b.highChange() != 0) {
                whiskers[1][i] = percent(WhiskerBars.whisker(1 + b.highChange(), 1, t.bandLow(), t.bandHigh()));
            }
        }
        CategoryAxis knobs = new CategoryAxis();
        knobs.setTickLabelFont(Palette.SMALL);
        knobs.setTickLabelPaint(Palette.INK);
        NumberAxis change = new NumberAxis("Change of " + t.metric() + " (%)");
        change.setLabelFont(Palette.LABEL);
        change.setTickLabelFont(Palette.SMALL);
        WhiskerBars r = new WhiskerBars();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setSeriesPaint(0, Palette.MEMORY);
        r.setSeriesPaint(1, Palette.COMPUTE);
        r.setItemMargin(0.0);
        r.setWhiskers(t.banded() ? whiskers : null);
        CategoryPlot plot = new CategoryPlot(data, knobs, change, r);
        WhiskerBars.fitRange(plot, 0.05);
        if (t.banded()) {
            org.jfree.chart.LegendItemCollection items = plot.getLegendItems();
            for (org.jfree.chart.LegendItem i : WhiskerBars.legendItems(Palette.COMPUTE)) {
                items.add(i);
            }
            plot.setFixedLegendItems(items);
        }
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Palette.GRID);
        plot.setOutlineVisible(false);
        plot.addRangeMarker(new ValueMarker(0, Palette.INK, new BasicStroke(1f)));
        JFreeChart chart = new JFreeChart(null, Palette.TITLE, plot, true);
        legend(chart);
        return chart;
    }

    private static double[] percent(double[] w) {
        return new double[] {100 * w[0], 100 * w[1]};
    }

    static JFreeChart curves(FigureData.Curves c) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (FigureData.Series s : c.series()) {
            XYSeries x = new XYSeries(s.name(), false, true);
            for (int i = 0; i < s.x().length; i++) {
                x.add(s.x()[i], s.y()[i]);
            }
            data.addSeries(x);
        }
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        r.setSeriesPaint(0, Palette.MEMORY);
        r.setSeriesPaint(1, Palette.COMPUTE);
        for (int i = 0; i < c.series().size(); i++) {
            r.setSeriesStroke(i, new BasicStroke(2f));
        }
        LogAxis x = new LogAxis(c.xLabel());
        x.setBase(2);
        x.setSmallestValue(1);
        x.setNumberFormatOverride(new java.text.DecimalFormat("#,##0"));
        x.setMinorTickMarksVisible(false);
        NumberAxis y = new NumberAxis(c.yLabel());
        XYPlot plot = new XYPlot(data, axis(x), axis(y), r);
        return styled(new JFreeChart(null, Palette.TITLE, plot, true), plot);
    }

    private static <A extends org.jfree.chart.axis.ValueAxis> A axis(A a) {
        a.setLabelFont(Palette.LABEL);
        a.setTickLabelFont(Palette.SMALL);
        a.setLabelPaint(Palette.INK);
        a.setTickLabelPaint(Palette.MUTED);
        return a;
    }

    private static JFreeChart styled(JFreeChart chart, XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Palette.GRID);
        plot.setRangeGridlinePaint(Palette.GRID);
        plot.setOutlineVisible(false);
        legend(chart);
        return chart;
    }

    private static void legend(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(6, 6, 4, 10));
        chart.getLegend().setPosition(RectangleEdge.BOTTOM);
        chart.getLegend().setItemFont(Palette.SMALL);
        chart.getLegend().setFrame(BlockBorder.NONE);
        chart.getLegend().setBackgroundPaint(Color.WHITE);
    }
}
