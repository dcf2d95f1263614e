package dev.ridgeline.engine.evidence;

import dev.ridgeline.engine.calibration.HeldOut;
import java.util.Arrays;
import java.util.List;

/**
 * The P10 and P90 of held-out log residuals {@code ln(measured / predicted)}: a prediction times {@code exp(p10)} ..
 * {@code exp(p90)} covers eight in ten measurements of its kind not yet seen. The quantiles sit at positions
 * {@code q(n + 1)} among the n sorted residuals (Hyndman-Fan type 6), interpolated between them and held at the ends:
 * a new draw falls below the j-th of n values with probability j/(n + 1), so these are the ends that cover 80 % of new
 * rows, where numpy's default (type 7, positions {@code 1 + q(n - 1)}) covers less on the few rows a kernel has.
 */
public record Spread(double p10, double p90, int rows) {
    public static final Spread NONE = new Spread(0, 0, 0);

    public static Spread of(List<HeldOut.Row> held) {
        double[] r = held.stream().mapToDouble(HeldOut.Row::logResidual).sorted().toArray();
        return r.length == 0 ? NONE : new Spread(quantile(r, 0.1), quantile(r, 0.9), r.length);
    }

    /** The q-quantile of sorted values at position q(n + 1) (1-based), interpolated, held at the first and last. */
    static double quantile(double[] sorted, double q) {
        double h = (sorted.length + 1) * q - 1; // 0-based position
        if (h <= 0) {
            return sorted[0];
        }
        if (h >= sorted.length - 1) {
            return sorted[sorted.length - 1];
        }
        int lo = (int) Math.floor(h);
        return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
    }

    /** This spread widened by {@code w} on either side (log units), for a figure used beyond what was measured. */
    public Spread widened(double w) {
        return w == 0 ? this : new Spread(p10 - w, p90 + w, rows);
    }

    /** The median of |values|, for the transfer rate of a calibration to another chip. */
    static double medianAbs(double[] values) {
        double[] a = Arrays.stream(values).map(Math::abs).sorted().toArray();
        return a.length == 0 ? 0 : quantile(a, 0.5);
    }
}
