package dev.ridgeline.app.report;

import dev.ridgeline.app.Units;
import dev.ridgeline.engine.report.Inline;
import java.util.Locale;

/** A report number as a reader sees it: the engine's SI value with a prefix, its unit and sensible digits. */
final class Numbers {
    private Numbers() {
    }

    static String format(Inline.Num n) {
        double v = n.value();
        if (!Double.isFinite(v)) {
            return String.valueOf(v);
        }
        switch (n.unit()) {
            case BYTES:
                return Units.bytes(v);
            case FLOP:
                return Units.flops(v);
            case FLOP_PER_SEC:
                return Units.flopsPerSec(v);
            case BYTES_PER_SEC:
                return Units.si(v, "B/s");
            case FLOP_PER_BYTE:
                return significant(v) + " FLOP/B";
            case SECONDS:
                return Math.abs(v) >= 10 ? Units.fixed(v, 1) + " s" : Units.time(v);
            case TOKENS_PER_SEC:
                return Units.tokens(v) + " tokens/s";
            case FRACTION:
                return Units.fixed(100 * v, 1) + " %";
            case COUNT:
                return String.format(Locale.ROOT, "%,d", Math.round(v));
            case PARAMS:
                return Units.fixed(v / 1e9, 1) + " billion";
            case TFLOPS_PER_GBPS:
                return Units.fixed(v, 2) + " TFLOPS per GB/s";
            case DOLLARS:
                return (v < 0 ? "−$" : "$") + (Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%,.0f", Math.abs(v))
                        : Math.abs(v) >= 1 ? Units.fixed(Math.abs(v), 2) : significant(Math.abs(v)));
            case JOULES:
                return significant(v) + " J";
            default:
                return significant(v);
        }
    }

    /** Four significant digits without an exponent for ordinary magnitudes: 491.9, 0.05123, 1,234. */
    static String significant(double v) {
        double a = Math.abs(v);
        if (a == 0) {
            return "0";
        }
        if (a >= 1e6 || a < 1e-3) {
            return String.format(Locale.ROOT, "%.3e", v);
        }
        int decimals = a >= 1000 ? 0 : a >= 100 ? 1 : a >= 10 ? 2 : a >= 1 ? 3 : 4;
        return Units.fixed(v, decimals);
    }
}
