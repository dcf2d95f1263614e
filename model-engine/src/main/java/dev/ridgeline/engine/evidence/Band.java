package dev.ridgeline.engine.evidence;

import java.util.Locale;

/** A figure's P10-P90 range: its low and high ends, in the figure's unit. */
public record Band(double low, double high) {
    public Band {
        if (!(low > 0) || !(high >= low) || Double.isInfinite(high)) {
            throw new IllegalArgumentException("a band needs 0 < low <= high, finite; was " + low + ".." + high);
        }
    }

    public boolean contains(double v) {
        return v >= low && v <= high;
    }

    /** {@code (high - low) / v}: the band's width relative to the figure it surrounds. */
    public double relativeWidth(double v) {
        return (high - low) / v;
    }

    /** This band scaled by a factor (the same figure in another unit, or per node). */
    public Band times(double factor) {
        return new Band(low * factor, high * factor);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.4g-%.4g", low, high);
    }
}
