package dev.ridgeline.app.explorer.tuning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.app.Engines;
import dev.ridgeline.app.explorer.charts.WhiskerBars;
import dev.ridgeline.engine.Engine;
import dev.ridgeline.engine.evidence.Band;
import dev.ridgeline.engine.evidence.FrontierBands;
import dev.ridgeline.engine.io.Presets;
import dev.ridgeline.engine.model.Fidelity;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.space.Sensitivity;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.data.category.CategoryDataset;
import org.junit.jupiter.api.Test;

/**
 * Issue 19: the tornado's bars carry their own P10-P90 as whiskers (replacing the one shaded strip around zero), as the
 * Sensitivity tab and its export draw them; a bar whose whisker spans zero is drawn hollow, "within the uncertainty". The
 * expected whiskers are derived here from the engine's moves and the headline's band, not read from the chart.
 */
class TornadoWhiskersTest {
    static final Engine ENGINE = Engines.builtIn();
    static final Scenario S = Presets.builtInScenario("default");
    static final Sensitivity.Result R = Sensitivity.compute(ENGINE, S, 20, 0.10);
    static final Band BAND = FrontierBands.headline(ENGINE, S, R.headline());

    @Test
    void everyBarCarriesTheBandOfTheFigureItMovesTo() {
        assertNotNull(BAND, "the default scenario is calibrated: its headline has a band");
        JFreeChart chart = TuningFigures.tornado(R, BAND);
        CategoryPlot plot = chart.getCategoryPlot();
        double lo = BAND.low() / R.headline();
        double hi = BAND.high() / R.headline();
        assertTrue(lo < 1 && hi > 1, BAND + " around " + R.headline());
        List<Sensitivity.Bar> drawn = TornadoChart.drawn(R);
        int whiskers = 0;
        for (int k : new int[] {TornadoChart.DOWN, TornadoChart.UP}) {
            WhiskerBars bars = (WhiskerBars) plot.getRenderer(k);
            CategoryDataset data = plot.getDataset(k);
            for (int c = 0; c < drawn.size(); c++) {
                Sensitivity.Move m = k == TornadoChart.DOWN ? drawn.get(c).down() : drawn.get(c).up();
                double[] w = bars.whisker(0, c);
                if (m.refused() != null) {
                    assertNull(w, "a refused move has no bar and no whisker");
                    continue;
                }
                whiskers++;
                // the moved headline's band as changes from the headline before the move
                assertEquals(m.headline() * lo - R.headline(), w[0], 1e-9 * R.headline());
                assertEquals(m.headline() * hi - R.headline(), w[1], 1e-9 * R.headline());
                double v = data.getValue(0, c).doubleValue();
                assertTrue(w[0] <= v && v <= w[1], "a band holds its own figure: " + v + " in " + w[0] + ".." + w[1]);
                // within the uncertainty: the headline before the move lies inside the moved one's band
                boolean inside = new Band(m.headline() * lo, m.headline() * hi).contains(R.headline());
                assertEquals(inside, bars.within(0, c), drawn.get(c).knob().name());
                assertEquals(inside, java.awt.Color.WHITE.equals(bars.getItemPaint(0, c)), "hollow");
                String tip = bars.getDefaultToolTipGenerator().generateToolTip(data, 0, c);
                assertEquals(inside, tip.endsWith("(" + WhiskerBars.WITHIN + ")"), tip);
                // the fixed deployment's bar: the same relative band around the deployment's moved figure
                double[] f = bars.whisker(1, c);
                assertEquals(m.fixed() * lo - R.fixed(), f[0], 1e-9 * R.fixed());
                assertEquals(m.fixed() * hi - R.fixed(), f[1], 1e-9 * R.fixed());
            }
        }
        assertTrue(whiskers > 0);
        List<String> legend = new ArrayList<>();
        org.jfree.chart.LegendItemCollection items = plot.getLegendItems();
        for (int i = 0; i < items.getItemCount(); i++) {
            legend.add(items.get(i).getLabel());
        }
        assertTrue(legend.contains("whisker: the bar's P10–P90"), legend.toString());
        assertTrue(legend.contains("hollow: " + WhiskerBars.WITHIN), legend.toString());
        assertTrue(plot.getRangeMarkers(org.jfree.chart.ui.Layer.BACKGROUND) == null
                || plot.getRangeMarkers(org.jfree.chart.ui.Layer.BACKGROUND).isEmpty(), "no shaded strip any more");
    }

    @Test
    void theWhiskersAreDrawn() {
        // the whiskers' grey lines and caps: none without a band (bars, labels and axes use other colours)
        assertEquals(0, ink(TuningFigures.tornado(R, null)));
        assertTrue(ink(TuningFigures.tornado(R, BAND)) > 100);
    }

    @Test
    void seedFidelityAndOtherObjectivesHaveNone() {
        Scenario seed = S.withFidelity(Fidelity.SEED);
        assertNull(FrontierBands.headline(ENGINE, seed, R.headline()));
        CategoryPlot plot = TuningFigures.tornado(R, null).getCategoryPlot();
        for (int k : new int[] {TornadoChart.DOWN, TornadoChart.UP}) {
            assertNull(((WhiskerBars) plot.getRenderer(k)).whisker(0, 0));
        }
    }

    private static int ink(JFreeChart chart) {
        chart.setAntiAlias(false); // lines in exactly the ink's colour
        BufferedImage img = new BufferedImage(1000, 900, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        chart.draw(g, new Rectangle2D.Double(0, 0, 1000, 900));
        g.dispose();
        int n = 0;
        int ink = WhiskerBars.WHISKER_INK.getRGB() & 0xFFFFFF;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                n += (img.getRGB(x, y) & 0xFFFFFF) == ink ? 1 : 0;
            }
        }
        return n;
    }
}
