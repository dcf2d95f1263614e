package dev.ridgeline.app.explorer.tuning;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.engine.io.Catalog;
import dev.ridgeline.engine.io.Presets;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.space.FieldMap;
import dev.ridgeline.engine.space.Knob;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The map's text as drawn into an image at the sizes it has in the window: every chip name and contour value lies
 * inside the plot, none cut by its right or left edge. The headline grid is made up here (a smooth rise towards more
 * of both fields); the chips are the catalogue's, marked as the view and the export mark them.
 */
class MapChartTest {
    private static final Catalog CATALOG = Presets.builtIn();

    /**
     * No chip name or contour value hides a chip's marker or another label: chips close together shared one label
     * ("Ascend 910B, A100, A100 SXM4 80GB"), which covered the markers of all but the first of them when it started at
     * the first; a contour's value, written at the contour's topmost point, was laid over a chip's name (L40S's, on the
     * dollars map) since the names were placed knowing only the markers.
     */
    @ParameterizedTest
    @CsvSource({"800, 330", "690, 290", "1100, 600"})
    void noLabelCoversAMarkerOrAnotherLabel(int width, int height) {
        assertLabelsApart(chart(width, height), width, height);
    }

    /**
     * The same on the maps the engine computes for the default scenario in dollars and joules (where a contour's value
     * was written over L40S's name), at the export's size and the window's.
     */
    @ParameterizedTest
    @CsvSource({"COST, 1366, 700", "COST, 800, 330", "POWER, 1366, 700", "POWER, 1100, 600"})
    void noLabelCoversAnotherOnTheEnginesMaps(dev.ridgeline.engine.space.Objective objective, int width, int height) {
        FieldMap.Result r = ENGINE_MAPS.computeIfAbsent(objective, o -> TuningFigures.map(dev.ridgeline.app.Engines.builtIn(),
                Presets.builtInScenario("default"), Knob.field("HBM bandwidth"), Knob.field("FP8 tensor rate"),
                FieldMap.DEFAULT_CELLS, 20, o, Runnable::run, 1, () -> false, p -> { }));
        assertLabelsApart(TuningFigures.mapChart(r, null, CATALOG.chips(), TuningFigures.defaultGoalPerCard(objective),
                width, height), width, height);
    }

    private static final java.util.Map<dev.ridgeline.engine.space.Objective, FieldMap.Result> ENGINE_MAPS =
            new java.util.EnumMap<>(dev.ridgeline.engine.space.Objective.class);

    static void assertLabelsApart(JFreeChart chart, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = image.createGraphics();
        ChartRenderingInfo info = new ChartRenderingInfo();
        chart.draw(g2, new Rectangle(width, height), info);
        Rectangle2D area = info.getPlotInfo().getDataArea();
        XYPlot plot = chart.getXYPlot();
        XYDataset marks = plot.getDataset(MapChart.MARKS);
        int names = 0;
        java.util.List<Rectangle2D> drawn = new java.util.ArrayList<>();
        java.util.List<String> texts = new java.util.ArrayList<>();
        for (XYAnnotation a : plot.getAnnotations()) {
            XYTextAnnotation t = (XYTextAnnotation) a;
            FontMetrics fm = g2.getFontMetrics(t.getFont());
            double w = fm.stringWidth(t.getText());
            double px = plot.getDomainAxis().valueToJava2D(t.getX(), area, plot.getDomainAxisEdge());
            double py = plot.getRangeAxis().valueToJava2D(t.getY(), area, plot.getRangeAxisEdge());
            TextAnchor anchor = t.getTextAnchor();
            boolean name = anchor == TextAnchor.CENTER_LEFT || anchor == TextAnchor.CENTER_RIGHT;
            double left = anchor == TextAnchor.CENTER_RIGHT || anchor == TextAnchor.TOP_RIGHT ? px - w
                    : anchor == TextAnchor.TOP_CENTER ? px - w / 2 : px;
            // a name is centred on its point; a contour's value hangs below it (ascent and descent: its ground)
            Rectangle2D box = name ? new Rectangle2D.Double(left, py - fm.getAscent() / 2.0, w, fm.getAscent())
                    : new Rectangle2D.Double(left, py + 1, w, fm.getAscent() + fm.getDescent() - 2);
            for (int series = 0; series < marks.getSeriesCount(); series++) {
                for (int i = 0; i < marks.getItemCount(series); i++) {
                    double mx = plot.getDomainAxis().valueToJava2D(marks.getXValue(series, i), area, plot.getDomainAxisEdge());
                    double my = plot.getRangeAxis().valueToJava2D(marks.getYValue(series, i), area, plot.getRangeAxisEdge());
                    assertFalse(box.contains(mx, my), "'" + t.getText() + "' " + box + " covers the marker at " + mx + "," + my);
                }
            }
            for (int k = 0; k < drawn.size(); k++) {
                assertFalse(box.intersects(drawn.get(k)), "'" + t.getText() + "' " + box + " overprints '" + texts.get(k)
                        + "' at " + drawn.get(k));
            }
            drawn.add(box);
            texts.add(t.getText());
            names += name ? 1 : 0;
        }
        g2.dispose();
        assertTrue(names >= 5, "chip names drawn: " + names);
    }

    /** The map the view draws at that size, over a made-up headline grid, with the catalogue's chips marked. */
    private static JFreeChart chart(int width, int height) {
        Scenario s = Presets.builtInScenario("default");
        Knob x = Knob.field("HBM bandwidth");
        Knob y = Knob.field("FP8 tensor rate");
        double[] xs = FieldMap.axis(x, x.of(s), FieldMap.DEFAULT_FACTOR, FieldMap.DEFAULT_CELLS);
        double[] ys = FieldMap.axis(y, y.of(s), FieldMap.DEFAULT_FACTOR, FieldMap.DEFAULT_CELLS);
        double[][] headline = new double[ys.length][xs.length];
        for (int j = 0; j < ys.length; j++) {
            for (int i = 0; i < xs.length; i++) {
                headline[j][i] = 4000 * Math.pow(xs[i] / x.of(s), 0.4) * Math.pow(ys[j] / y.of(s), 0.2);
            }
        }
        return TuningFigures.mapChart(new FieldMap.Result(s, x, y, xs, ys, headline, 20, false), null, CATALOG.chips(), 4000,
                width, height);
    }

    @ParameterizedTest
    @CsvSource({"800, 330", "690, 290", "1100, 600"})
    void everyLabelLiesInsideThePlot(int width, int height) {
        JFreeChart chart = chart(width, height);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = image.createGraphics();
        ChartRenderingInfo info = new ChartRenderingInfo();
        chart.draw(g2, new Rectangle(width, height), info);
        Rectangle2D area = info.getPlotInfo().getDataArea();
        XYPlot plot = chart.getXYPlot();
        int labels = 0;
        for (XYAnnotation a : plot.getAnnotations()) {
            XYTextAnnotation t = (XYTextAnnotation) a;
            FontMetrics fm = g2.getFontMetrics(t.getFont());
            double w = fm.stringWidth(t.getText());
            double px = plot.getDomainAxis().valueToJava2D(t.getX(), area, plot.getDomainAxisEdge());
            double left = t.getTextAnchor() == TextAnchor.CENTER_RIGHT || t.getTextAnchor() == TextAnchor.TOP_RIGHT ? px - w
                    : t.getTextAnchor() == TextAnchor.TOP_CENTER ? px - w / 2 : px;
            assertTrue(left >= area.getMinX() && left + w <= area.getMaxX() + 0.5, "'" + t.getText() + "' spans " + left
                    + " .. " + (left + w) + " px, the plot " + area.getMinX() + " .. " + area.getMaxX());
            labels++;
        }
        g2.dispose();
        assertTrue(labels >= 5, "chip names and contour values drawn: " + labels);
    }

    /**
     * Before its first result the map named its axes "x" and "y" and spanned 0.01 to 1 on both: it names the fields
     * picked, shows no ticks and says it is computing; the result brings the ticks back.
     */
    @org.junit.jupiter.api.Test
    void beforeItsResultTheMapNamesTheFieldsAndSaysItIsComputing() {
        JFreeChart chart = MapChart.createChart();
        Knob x = Knob.field("HBM bandwidth");
        Knob y = Knob.field("NIC bandwidth");
        MapChart.pending(chart, x, y, "Computing the map");
        XYPlot plot = chart.getXYPlot();
        assertTrue(plot.getDomainAxis().getLabel().equals(x.label()), plot.getDomainAxis().getLabel());
        assertTrue(plot.getRangeAxis().getLabel().equals(y.label()), plot.getRangeAxis().getLabel());
        assertFalse(plot.getDomainAxis().isTickLabelsVisible());
        assertTrue("Computing the map".equals(plot.getNoDataMessage()));
        // drawn, the plot is empty, so the message shows
        assertTrue(org.jfree.data.general.DatasetUtils.isEmptyOrNull(plot.getDataset(MapChart.HEAT)));
        assertTrue(org.jfree.data.general.DatasetUtils.isEmptyOrNull(plot.getDataset(MapChart.MARKS)));

        JFreeChart drawn = chart(800, 330);
        assertTrue(drawn.getXYPlot().getDomainAxis().isTickLabelsVisible());
    }

    /**
     * The note under a dollars map: the figure at the current chip and whether the target is reached come first, the
     * price with its source (a sentence and a web address) last, where the window's two lines may cut it to the tooltip;
     * a tokens/s map names no price.
     */
    @org.junit.jupiter.api.Test
    void theNoteSaysThePriceAndItsSourceLast() {
        Scenario s = Presets.builtInScenario("default");
        Knob x = Knob.field("HBM bandwidth");
        Knob y = Knob.field("FP8 tensor rate");
        double[] xs = FieldMap.axis(x, x.of(s), FieldMap.DEFAULT_FACTOR, 11);
        double[] ys = FieldMap.axis(y, y.of(s), FieldMap.DEFAULT_FACTOR, 11);
        double[][] headline = new double[ys.length][xs.length];
        for (double[] row : headline) {
            java.util.Arrays.fill(row, 2000);
        }
        FieldMap.Result cost = new FieldMap.Result(s, x, y, xs, ys, headline, 20,
                dev.ridgeline.engine.space.Objective.COST, false);
        String note = TuningFigures.mapNote(cost, CATALOG.chips(), 0.001);
        String price = "Price: " + s.chip().cost().priceNote() + ".";
        assertTrue(note.endsWith(price), note);
        int target = note.indexOf("The target");
        assertTrue(target > 0 && target < note.indexOf(price), note);
        assertTrue(note.startsWith(s.chip().name() + " ("), note);

        FieldMap.Result tokens = new FieldMap.Result(s, x, y, xs, ys, headline, 20, false);
        assertFalse(TuningFigures.mapNote(tokens, CATALOG.chips(), 4000).contains("Price:"));
    }
}
