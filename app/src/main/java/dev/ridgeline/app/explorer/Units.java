package dev.ridgeline.app.explorer;

import java.util.Locale;

/** Human-readable numbers for labels, tiles and tooltips; SI prefixes, decimal GB (1e9) for bytes. */
public final class Units {
    private Units() {
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
            return String.format(Locale.ROOT, "%.1f µs", sec * 1e6);
        }
        return String.format(Locale.ROOT, "%.2f ms", sec * 1e3);
    }

    public static String tokens(double perSec) {
        return perSec >= 10_000 ? String.format(Locale.ROOT, "%,.0f", perSec) : String.format(Locale.ROOT, "%.1f", perSec);
    }

    public static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }

    /** "46.1k", "950": a plain count in at most five characters. */
    public static String compact(double v) {
        return Math.abs(v) >= 1000 ? String.format(Locale.ROOT, "%.1fk", v / 1000) : String.format(Locale.ROOT, "%.0f", v);
    }

    /** "12.3 GB", "450 kB", "1.46 TFLOP". */
    public static String si(double v, String unit) {
        String[] prefixes = {"", "k", "M", "G", "T", "P", "E"};
        double a = Math.abs(v);
        int i = 0;
        while (a >= 1000 && i < prefixes.length - 1) {
            a /= 1000;
            v /= 1000;
            i++;
        }
        String digits = a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : "%.2f";
        return String.format(Locale.ROOT, digits + " %s%s", v, prefixes[i], unit);
    }
}
