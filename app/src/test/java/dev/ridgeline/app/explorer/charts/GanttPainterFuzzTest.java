package dev.ridgeline.app.explorer.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.engine.ops.Stage;
import dev.ridgeline.engine.schedule.Interval;
import dev.ridgeline.engine.schedule.Lane;
import dev.ridgeline.engine.schedule.Schedule;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The Gantt draws any schedule it is given and returns: every bar at a finite place, or, for a span it cannot
 * scale (infinite, NaN, zero, negative or subnormal, which the engine never returns), nothing but a note. Its axis counted ticks with
 * {@code t += step}, which never ended over an infinite span.
 */
class GanttPainterFuzzTest {
    static double span(SplittableRandom r) {
        switch (r.nextInt(4)) {
            case 0:
                return new double[] {Double.POSITIVE_INFINITY, Double.NaN, 0, -1, Double.MAX_VALUE, Double.MIN_VALUE,
                    1e-320, 1e300}[r.nextInt(8)];
            default:
                return Math.pow(10, -300 + 600 * r.nextDouble());
        }
    }

    static Schedule schedule(SplittableRandom r, double layer) {
        List<Interval> intervals = new ArrayList<>();
        double t = 0;
        Stage[] stages = Stage.values();
        for (int i = 0; i < 1 + r.nextInt(8); i++) {
            double d = layer * r.nextDouble() / 4;
            intervals.add(new Interval(stages[r.nextInt(stages.length)], r.nextInt(2), Lane.values()[r.nextInt(2)], t,
                    t + d, r.nextBoolean()));
            t += d;
        }
        return new Schedule(intervals, layer, 1 + r.nextInt(2));
    }

    @Test
    void seed103AnySpanIsDrawnOrNotedAndThePainterReturns() {
        SplittableRandom r = new SplittableRandom(103);
        BufferedImage image = new BufferedImage(800, 300, BufferedImage.TYPE_INT_RGB);
        // not a timing assertion: a hang guard, so that a regression fails instead of stopping the build
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            for (int i = 0; i < 500; i++) {
                double layer = span(r);
                Schedule s = schedule(r, layer);
                Graphics2D g = image.createGraphics();
                List<GanttPainter.Bar> bars;
                try {
                    bars = GanttPainter.paint(g, new Rectangle2D.Double(0, 0, 800, 300), s);
                } finally {
                    g.dispose();
                }
                // every bar or none; any span a decode step can have (1 ps to 1e12 s) is drawn
                assertTrue(bars.isEmpty() || bars.size() == s.intervals().size(), "span " + layer);
                if (layer >= 1e-12 && layer <= 1e12) {
                    assertEquals(s.intervals().size(), bars.size(), "span " + layer);
                }
                for (GanttPainter.Bar b : bars) {
                    assertTrue(Double.isFinite(b.rect().getX()) && Double.isFinite(b.rect().getWidth()), b.toString());
                }
            }
        });
    }
}
