package dev.ridgeline.app.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.app.explorer.charts.WhiskerBars;
import dev.ridgeline.engine.report.FigureData;
import java.util.List;
import org.jfree.chart.plot.CategoryPlot;
import org.junit.jupiter.api.Test;

/** The report's tornado carries each bar's whisker from the headline's band (issue 19), as the window's does. */
class ReportTornadoTest {

    @Test
    void eachBarsWhiskerIsTheBandOfTheMovedHeadline() {
        // a headline with P10-P90 at 0.9-1.1 of itself; a knob moving it by -5 % and +20 %, another by 0 and +1 %
        FigureData.Tornado t = new FigureData.Tornado("the headline", List.of(new FigureData.Bar("HBM bandwidth", -0.05, 0.20),
                new FigureData.Bar("NIC bandwidth", 0, 0.01)), 0.9, 1.1);
        CategoryPlot plot = ReportFigures.tornado(t).getCategoryPlot();
        WhiskerBars bars = (WhiskerBars) plot.getRenderer();
        // down: 0.95 x [0.9, 1.1] - 1 = [-14.5 %, +4.5 %]: spans no change, within the uncertainty
        assertArrayEquals(new double[] {-14.5, 4.5}, bars.whisker(0, 0));
        assertTrue(bars.within(0, 0));
        // up: 1.2 x [0.9, 1.1] - 1 = [+8 %, +32 %]: a change the model can tell
        assertArrayEquals(new double[] {8, 32}, bars.whisker(1, 0));
        assertFalse(bars.within(1, 0));
        // a side that did not move has no whisker; +1 %: 1.01 x [0.9, 1.1] - 1 = [-9.1 %, +11.1 %]
        assertNull(bars.whisker(0, 1));
        assertArrayEquals(new double[] {-9.1, 11.1}, bars.whisker(1, 1));
        assertTrue(bars.within(1, 1));
    }

    @Test
    void withoutABandThereAreNoWhiskers() {
        FigureData.Tornado t = new FigureData.Tornado("the headline", List.of(new FigureData.Bar("HBM", -0.05, 0.2)));
        assertFalse(t.banded());
        WhiskerBars bars = (WhiskerBars) ReportFigures.tornado(t).getCategoryPlot().getRenderer();
        assertNull(bars.whisker(0, 0));
        assertFalse(bars.within(0, 0));
    }

    private static void assertArrayEquals(double[] expected, double[] actual) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-9, "at " + i);
        }
    }
}
