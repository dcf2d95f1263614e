package dev.ridgeline.engine.calibration;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Achieved fraction of the roofline for GEMM shapes, from one DeepGEMM table. Rule: take the measured (N, K) shape
 * nearest in {@code |ln N/N'| + |ln K/K'|}; interpolate the roofline fraction linearly in ln M between the measured
 * M on either side; outside the measured M range hold the end value. A shape that is not measured exactly, or an M
 * outside the range, is marked extrapolated.
 */
public final class GemmTable {
    private final List<GemmPoint> points;
    private final double refFlops;
    private final double refHbm;
    private final java.util.concurrent.ConcurrentHashMap<Long, GemmCurve> curves = new java.util.concurrent.ConcurrentHashMap<>();

    /** Measurements taken on a chip whose preset has these FP8 FLOP/s and HBM bytes/s. */
    public GemmTable(List<GemmPoint> points, double refFp8FlopsPerSec, double refHbmBytesPerSec) {
        if (points.isEmpty()) {
            throw new IllegalArgumentException("a GEMM table needs at least one measurement");
        }
        this.points = List.copyOf(points);
        this.refFlops = refFp8FlopsPerSec;
        this.refHbm = refHbmBytesPerSec;
    }

    private double fraction(GemmPoint p) {
        return p.rooflineFraction(refFlops, refHbm);
    }

    public List<GemmPoint> points() {
        return points;
    }

    /** This table without one of its measurements (a held-out check predicts the row from the others). */
    public GemmTable without(GemmPoint p) {
        return new GemmTable(points.stream().filter(o -> o != p).toList(), refFlops, refHbm);
    }

    /** Roofline seconds of a measured row on the chip the table was measured on. */
    public double rooflineSec(GemmPoint p) {
        return Math.max(p.flops() / refFlops, p.bytes() / refHbm);
    }

    /**
     * The curve of the measured (N, K) shape nearest to ({@code n}, {@code k}) in {@code |ln N/N'| + |ln K/K'|}.
     * Prepared once per shape and kept (models share their shapes across chips and plans).
     */
    public GemmCurve curve(int n, int k) {
        return curves.computeIfAbsent(((long) n << 32) | (k & 0xffffffffL), key -> prepare(n, k));
    }

    private GemmCurve prepare(int n, int k) {
        GemmPoint nearest = points.stream()
                .min(Comparator.comparingDouble(p -> Math.abs(Math.log((double) n / p.n())) + Math.abs(Math.log((double) k / p.k()))))
                .orElseThrow();
        List<GemmPoint> shape = points.stream().filter(p -> p.n() == nearest.n() && p.k() == nearest.k())
                .sorted(Comparator.comparingInt(GemmPoint::m)).toList();
        double[] m = new double[shape.size()];
        double[] lnM = new double[shape.size()];
        double[] fractions = new double[shape.size()];
        for (int i = 0; i < m.length; i++) {
            m[i] = shape.get(i).m();
            lnM[i] = Math.log(m[i]);
            fractions[i] = fraction(shape.get(i));
        }
        GemmPoint lo = shape.get(0);
        String citation = String.format(Locale.ROOT, "DeepGEMM %s N=%d K=%d, M %d..%d (%s)", lo.kernel(), lo.n(), lo.k(),
                lo.m(), shape.get(shape.size() - 1).m(), lo.source());
        return new GemmCurve(m, lnM, fractions, nearest.n() == n && nearest.k() == k, citation);
    }

    /** The fraction of the roofline at {@code m x k -> n}, with its basis (see {@link #curve}). */
    public Basis lookup(double m, int n, int k) {
        GemmCurve c = curve(n, k);
        return new Basis(c.fraction(m, Math.log(m)), c.extrapolated(m), c.citation());
    }
}
