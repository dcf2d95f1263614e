package dev.ridgeline.app.explorer.tuning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Marching squares on grids whose contours are known by hand. */
class ContoursTest {
    private static final double E = Math.E;

    @Test
    void aValueLinearInLnXCrossesALevelOnOneVerticalLine() {
        // z = ln x at x = 1, e, e^2 (columns 0, 1, 2), two rows: z = 0.5 where x = e^0.5, at both heights
        double[] xs = {1, E, E * E};
        double[] ys = {1, E};
        double[][] z = {{0, 1, 2}, {0, 1, 2}};
        List<Contours.Segment> s = Contours.of(xs, ys, z, 0.5);
        assertEquals(1, s.size());
        Contours.Segment g = s.get(0);
        assertEquals(Math.sqrt(E), g.x0(), 1e-12);
        assertEquals(Math.sqrt(E), g.x1(), 1e-12);
        assertEquals(1, Math.min(g.y0(), g.y1()), 1e-12);
        assertEquals(E, Math.max(g.y0(), g.y1()), 1e-12);
        // 1.5 lies in the second column only, halfway from z = 1 (x = e) to z = 2 (x = e^2): x = e^1.5
        List<Contours.Segment> t = Contours.of(xs, ys, z, 1.5);
        assertEquals(1, t.size());
        assertEquals(Math.pow(E, 1.5), t.get(0).x0(), 1e-12);
    }

    @Test
    void aCornerAboveTheLevelIsCutOffByOneSegment() {
        // only the top right corner (z = 4) is above 2: the level crosses the right edge at 2/4 of the way up and the
        // top edge at 2/4 of the way across, in ln (the cell spans 1..e on both axes): at e^0.5
        double[][] z = {{0, 0}, {0, 4}};
        List<Contours.Segment> s = Contours.of(new double[] {1, E}, new double[] {1, E}, z, 2);
        assertEquals(1, s.size());
        Contours.Segment g = s.get(0);
        double[] right = {E, Math.sqrt(E)};
        double[] top = {Math.sqrt(E), E};
        boolean forward = Math.abs(g.x0() - right[0]) < 1e-12;
        assertArrayEquals(forward ? right : top, new double[] {g.x0(), g.y0()}, 1e-12);
        assertArrayEquals(forward ? top : right, new double[] {g.x1(), g.y1()}, 1e-12);
    }

    @Test
    void aSaddleIsResolvedByItsCentreAndNaNCellsDrawNothing() {
        // corners a (bottom left) and c (top right) at 1, b and d at 0; centre 0.5 >= level 0.5: a and c are joined
        // through the centre, so the segments cut off b (bottom, right edges) and d (top, left edges)
        double[][] z = {{1, 0}, {0, 1}};
        List<Contours.Segment> s = Contours.of(new double[] {1, E}, new double[] {1, E}, z, 0.5);
        assertEquals(2, s.size());
        for (Contours.Segment g : s) {
            boolean cutsB = g.y0() == 1 || g.y1() == 1;   // touches the bottom edge: with the right edge, b's corner
            boolean cutsD = g.y0() == E || g.y1() == E;   // touches the top edge: with the left edge, d's corner
            assertTrue(cutsB != cutsD, g.toString());
            if (cutsB) {
                assertTrue(g.x0() == E || g.x1() == E, "b's segment ends on the right edge: " + g);
            } else {
                assertTrue(g.x0() == 1 || g.x1() == 1, "d's segment ends on the left edge: " + g);
            }
        }
        assertEquals(List.of(), Contours.of(new double[] {1, E}, new double[] {1, E}, new double[][] {{1, Double.NaN}, {0, 1}}, 0.5));
    }

    @Test
    void levelsAreRoundStepsBelowTheMaximum() {
        // 5,400 over 7 parts is 771: rounded to a step of 1,000
        assertArrayEquals(new double[] {1000, 2000, 3000, 4000, 5000}, Contours.levels(5400, 6), 0.0);
        // 90 over 7 parts is 12.9: a step of 10
        assertArrayEquals(new double[] {10, 20, 30, 40, 50, 60, 70, 80}, Contours.levels(90, 6), 1e-9);
        assertEquals(0, Contours.levels(0, 6).length);
    }
}
