package dev.ridgeline.app;

/**
 * Human-readable numbers for labels, tiles and tooltips; SI prefixes, decimal GB (1e9) for bytes. Formatting is done
 * by hand rather than with {@code String.format}: a redraw formats a few hundred numbers, and the formatter was a
 * tenth of the redraw's time.
 */
public final class Units {
    private static final long[] POW10 = {1, 10, 100, 1000, 10_000};
    private static final String[] PREFIXES = {"", "k", "M", "G", "T", "P", "E"};

    private Units() {
    }

    /** {@code v} with {@code decimals} (0-4) digits after the point, rounded half up; "-0.0" shows as "0.0". */
    public static String fixed(double v, int decimals) {
        return fixed(v, decimals, false);
    }

    private static String fixed(double v, int decimals, boolean grouped) {
        if (!Double.isFinite(v)) {
            return String.valueOf(v);
        }
        double x = Math.abs(v) * POW10[decimals];
        double fraction = x - Math.floor(x);
        long scaled = Math.abs(fraction - 0.5) > 1e-6 && x < 1e15 ? Math.round(x)
                // near a tie (1.005 to 2 places) or huge: round the shortest decimal form, as String.format does
                : new java.math.BigDecimal(Double.toString(Math.abs(v))).setScale(decimals, java.math.RoundingMode.HALF_UP)
                        .movePointRight(decimals).toBigInteger().min(java.math.BigInteger.valueOf(Long.MAX_VALUE)).longValue();
        StringBuilder out = new StringBuilder(24);
        if (v < 0 && scaled != 0) {
            out.append('-');
        }
        String whole = Long.toString(scaled / POW10[decimals]);
        if (grouped) {
            for (int i = 0; i < whole.length(); i++) {
                if (i > 0 && (whole.length() - i) % 3 == 0) {
                    out.append(',');
                }
                out.append(whole.charAt(i));
            }
        } else {
            out.append(whole);
        }
        if (decimals > 0) {
            String frac = Long.toString(scaled % POW10[decimals]);
            out.append('.');
            for (int i = frac.length(); i < decimals; i++) {
                out.append('0');
            }
            out.append(frac);
        }
        return out.toString();
    }

    public static String bytes(double b) {
        return si(b, "B");
    }

    public static String flops(double f) {
        return si(f, "FLOP");
    }

    public static String flopsPerSec(double f) {
        return si(f, "FLOP/s");
    }

    /** Seconds shown in µs below 1 ms, in ms above. */
    public static String time(double sec) {
        if (Math.abs(sec) < 1e-3) {
            return fixed(sec * 1e6, 1) + " µs";
        }
        return fixed(sec * 1e3, 2) + " ms";
    }

    /**
     * Tokens/s, "2,680", "15.7": whole tokens grouped in thousands from 100 up, one decimal below. The same rule as
     * its band beside it ("2,680 (2,450–2,890)"): neither figure is known to a tenth at that size.
     */
    public static String tokens(double perSec) {
        return perSec >= 99.95 ? fixed(perSec, 0, true) : fixed(perSec, 1); // 99.96 is "100", not "100.0"
    }

    /** A P10-P90 range of tokens/s, "(2,341–3,033)", each end as {@link #tokens} writes it. */
    public static String tokensBand(double low, double high) {
        return "(" + tokens(low) + "–" + tokens(high) + ")";
    }

    /** A P10-P90 range of times in the unit of the lower end, "(42.2–54.7 ms)". */
    public static String timeBand(double lowSec, double highSec) {
        boolean micro = Math.abs(lowSec) < 1e-3;
        double scale = micro ? 1e6 : 1e3;
        return "(" + fixed(lowSec * scale, 1) + "–" + fixed(highSec * scale, 1) + (micro ? " µs)" : " ms)");
    }

    public static String percent(double fraction) {
        return fixed(fraction * 100, 1) + "%";
    }

    /** "46.1k", "950": a plain count in at most five characters. */
    public static String compact(double v) {
        return Math.abs(v) >= 1000 ? fixed(v / 1000, 1) + "k" : fixed(v, 0);
    }

    /** "12.3 GB", "450 kB", "1.46 TFLOP". */
    public static String si(double v, String unit) {
        double a = Math.abs(v);
        int i = 0;
        while (a >= 1000 && i < PREFIXES.length - 1) {
            a /= 1000;
            v /= 1000;
            i++;
        }
        return fixed(v, a >= 100 ? 0 : a >= 10 ? 1 : 2) + " " + PREFIXES[i] + unit;
    }
}
