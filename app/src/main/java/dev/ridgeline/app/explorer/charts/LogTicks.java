package dev.ridgeline.app.explorer.charts;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Where a base-10 log axis puts its ticks: the one rule for every log axis of the window. */
public final class LogTicks {
    /** More ticks than this would crowd an axis: only the decades are kept then. */
    public static final int MAX_TICKS = 14;
    private static final int[] STEPS = {1, 2, 5};

    private LogTicks() {
    }

    /**
     * 1, 2 and 5 times each power of ten within [lower, upper] (ends included, to a part in 10^9), ascending, as
     * plain decimals ("0.5", "20"); only the powers of ten when the span would take more than {@link #MAX_TICKS}.
     * Empty unless 0 < lower < upper < infinity.
     */
    public static List<BigDecimal> values(double lower, double upper) {
        List<BigDecimal> out = new ArrayList<>();
        if (!(lower > 0) || !(upper > lower) || !Double.isFinite(upper)) {
            return out;
        }
        int first = (int) Math.floor(Math.log10(lower));
        int last = (int) Math.ceil(Math.log10(upper));
        boolean decadesOnly = 3 * (last - first) > MAX_TICKS;
        for (int k = first; k <= last; k++) {
            for (int m : decadesOnly ? new int[] {1} : STEPS) {
                BigDecimal v = BigDecimal.valueOf(m).scaleByPowerOfTen(k);
                double d = v.doubleValue();
                if (d >= lower * (1 - 1e-9) && d <= upper * (1 + 1e-9)) {
                    out.add(v.stripTrailingZeros().scale() < 0 ? v.setScale(0) : v.stripTrailingZeros());
                }
            }
        }
        return out;
    }
}
