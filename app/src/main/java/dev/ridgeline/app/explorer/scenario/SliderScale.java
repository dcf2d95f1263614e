package dev.ridgeline.app.explorer.scenario;

import java.util.Arrays;

/** Maps a value to a slider position and back: linear, log2, or a list of allowed values. */
interface SliderScale {
    double min();

    double max();

    double toPosition(double value);

    double fromPosition(double position);

    /** Linear, rounded to {@code step}. */
    static SliderScale linear(double min, double max, double step) {
        return new SliderScale() {
            public double min() { return min; }
            public double max() { return max; }
            public double toPosition(double v) { return v; }
            public double fromPosition(double p) { return Math.round(p / step) * step; }
        };
    }

    /** Log2 positions, integer values (context length in tokens). */
    static SliderScale log2(double min, double max) {
        double lo = Math.log(min) / Math.log(2);
        double hi = Math.log(max) / Math.log(2);
        return new SliderScale() {
            public double min() { return lo; }
            public double max() { return hi; }
            public double toPosition(double v) { return Math.log(Math.max(v, 1)) / Math.log(2); }
            public double fromPosition(double p) { return Math.round(Math.pow(2, p)); }
        };
    }

    /** Positions 0..n-1 over the allowed values; a value between two shows at the nearest. */
    static SliderScale choices(double... values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return new SliderScale() {
            public double min() { return 0; }
            public double max() { return sorted.length - 1; }
            public double toPosition(double v) {
                int best = 0;
                for (int i = 1; i < sorted.length; i++) {
                    if (Math.abs(sorted[i] - v) < Math.abs(sorted[best] - v)) {
                        best = i;
                    }
                }
                return best;
            }
            public double fromPosition(double p) {
                return sorted[(int) Math.max(0, Math.min(sorted.length - 1, Math.round(p)))];
            }
        };
    }
}
