package dev.ridgeline.engine.calibration;

/**
 * The achieved fraction of the roofline along M for one measured (N, K) shape of a DeepGEMM table, prepared once per
 * model shape so that a lookup is a short interpolation: linear in ln M between the measured M on either side, held
 * at the ends.
 *
 * @param lnM        ln of the measured M, ascending
 * @param fractions  the fraction of the roofline at each measured M
 * @param exactShape the shape looked up is the measured one (else the nearest was taken)
 * @param citation   the table rows used, with their source
 */
public record GemmCurve(double[] m, double[] lnM, double[] fractions, boolean exactShape, String citation,
                        double[] slope) {

    /** A curve through the measured points; {@code slope[i]} is the fraction's change per unit ln M from i - 1 to i. */
    public GemmCurve(double[] m, double[] lnM, double[] fractions, boolean exactShape, String citation) {
        this(m, lnM, fractions, exactShape, citation, slopes(lnM, fractions));
    }

    private static double[] slopes(double[] lnM, double[] fractions) {
        double[] out = new double[lnM.length];
        for (int i = 1; i < lnM.length; i++) {
            out[i] = (fractions[i] - fractions[i - 1]) / (lnM[i] - lnM[i - 1]);
        }
        return out;
    }

    /** Fraction of the roofline at {@code m} rows, given {@code lnm = ln m}. */
    public double fraction(double m, double lnm) {
        double[] ms = this.m;
        int last = ms.length - 1;
        if (m <= ms[0]) {
            return fractions[0];
        }
        if (m >= ms[last]) {
            return fractions[last];
        }
        return between(m, lnm);
    }

    /**
     * {@link #fraction} at an {@code m} strictly between the smallest and largest measured M (a caller that has
     * checked the ends itself): linear in ln m between the measured M on either side.
     */
    public double between(double m, double lnm) {
        double[] ms = this.m;
        int i = 1;
        while (ms[i] < m) {
            i++;
        }
        return along(fractions[i - 1], lnM[i - 1], slope[i], lnm);
    }

    /**
     * A segment's fraction at {@code lnm}: from the fraction and ln M where it starts, at its slope. The one formula of
     * {@link #between} and of any caller that keeps a segment's operands in fields of its own (the kernel's prepared
     * GEMM variants), so that both give the same bits.
     */
    public static double along(double startFraction, double startLnM, double slope, double lnm) {
        return startFraction + (lnm - startLnM) * slope;
    }

    /** True when {@code m} or the shape lies outside what was measured. */
    public boolean extrapolated(double m) {
        return !exactShape || m < this.m[0] || m > this.m[this.m.length - 1];
    }
}
