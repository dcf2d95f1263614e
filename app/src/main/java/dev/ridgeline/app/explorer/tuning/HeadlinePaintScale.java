package dev.ridgeline.app.explorer.tuning;

import java.awt.Color;
import java.awt.Paint;
import org.jfree.chart.renderer.PaintScale;

/**
 * Colours of the map (the heat map's {@link PaintScale}): a sequential scale from yellow (the map's worst figure) to
 * dark violet (its best), perceptually ordered (viridis stops, reversed so that dark is better: more throughput, fewer
 * dollars or joules); grey where nothing reaches the target (0) and for a pair a chip refuses (NaN).
 */
final class HeadlinePaintScale implements PaintScale {
    static final Color NONE = new Color(0xE6, 0xE8, 0xEB);
    private static final Color[] STOPS = {new Color(0xFD, 0xE7, 0x25), new Color(0x5E, 0xC9, 0x62),
        new Color(0x21, 0x91, 0x8C), new Color(0x3B, 0x52, 0x8B), new Color(0x44, 0x01, 0x54)};
    private final double lower;
    private final double upper;
    private final boolean lessIsBetter;

    /** @param lower the lowest throughput on the map above 0; @param upper the highest */
    HeadlinePaintScale(double lower, double upper) {
        this(lower, upper, false);
    }

    /**
     * @param lower        the lowest figure on the map above 0
     * @param upper        the highest
     * @param lessIsBetter dollars or joules: the lowest figure is the darkest
     */
    HeadlinePaintScale(double lower, double upper, boolean lessIsBetter) {
        this.upper = upper > 0 ? upper : 1;
        this.lower = lower > 0 && lower < this.upper ? lower : 0;
        this.lessIsBetter = lessIsBetter;
    }

    @Override
    public double getLowerBound() {
        return lower;
    }

    @Override
    public double getUpperBound() {
        return upper;
    }

    @Override
    public Paint getPaint(double value) {
        if (!(value > 0)) {
            return NONE;
        }
        double t0 = Math.max(0, Math.min(1, (value - lower) / (upper - lower)));
        double f = (lessIsBetter ? 1 - t0 : t0) * (STOPS.length - 1);
        int k = Math.min(STOPS.length - 2, (int) f);
        double t = f - k;
        Color a = STOPS[k];
        Color b = STOPS[k + 1];
        return new Color(mix(a.getRed(), b.getRed(), t), mix(a.getGreen(), b.getGreen(), t), mix(a.getBlue(), b.getBlue(), t));
    }

    private static int mix(int a, int b, double t) {
        return (int) Math.round(a + (b - a) * t);
    }
}
