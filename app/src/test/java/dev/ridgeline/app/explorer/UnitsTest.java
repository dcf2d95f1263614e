package dev.ridgeline.app.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ridgeline.app.Units;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class UnitsTest {
    @Test
    void handFormattingMatchesStringFormatOverSeededRandomValues() {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 20_000; i++) {
            double v = (random.nextBoolean() ? 1 : -1) * Math.pow(10, random.nextDouble(-3, 7));
            int d = random.nextInt(5);
            String expected = String.format(Locale.ROOT, "%." + d + "f", v);
            if (expected.matches("-0(\\.0*)?")) {
                expected = expected.substring(1); // by design: a value that rounds to zero shows no sign
            }
            assertEquals(expected, Units.fixed(v, d), "value " + v + ", " + d + " decimals");
        }
    }

    @Test
    void decimalTiesRoundLikeStringFormat() {
        for (double v : new double[] {1.005, 0.285, 9.995, 2.5, 0.125, 1234.5, -1.005, 99.95, 0.05}) {
            for (int d = 0; d < 4; d++) {
                String expected = String.format(Locale.ROOT, "%." + d + "f", v);
                assertEquals(expected.matches("-0(\\.0*)?") ? expected.substring(1) : expected, Units.fixed(v, d),
                        "value " + v + ", " + d + " decimals");
            }
        }
    }

    @Test
    void labelsReadAsBefore() {
        assertEquals("655 kB", Units.bytes(655_360));
        assertEquals("4.66 MB", Units.bytes(4.66e6));
        assertEquals("1.41 GFLOP", Units.flops(1.41e9));
        assertEquals("0.00 B", Units.bytes(0));
        assertEquals("615.6 µs", Units.time(615.6e-6));
        assertEquals("37.55 ms", Units.time(37.55e-3));
        assertEquals("27,269", Units.tokens(27_269.4));
        assertEquals("1,234,567", Units.tokens(1_234_567));
        assertEquals("3,409", Units.tokens(3408.6));
        assertEquals("100", Units.tokens(99.96), "rounds up to the whole-token form's threshold");
        assertEquals("15.7", Units.tokens(15.74));
        assertEquals("(2,450–2,890)", Units.tokensBand(2450.2, 2889.7), "the band as its figure");
        assertEquals("44.8%", Units.percent(0.448));
        assertEquals("46.1k", Units.compact(46_080));
        assertEquals("0.0", Units.fixed(-0.01, 1));
        assertEquals("NaN", Units.fixed(Double.NaN, 1));
    }
}
