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

    public Basis lookup(double m, int n, int k) {
        GemmPoint nearest = points.stream()
                .min(Comparator.comparingDouble(p -> Math.abs(Math.log((double) n / p.n())) + Math.abs(Math.log((double) k / p.k()))))
                .orElseThrow();
        List<GemmPoint> shape = points.stream().filter(p -> p.n() == nearest.n() && p.k() == nearest.k())
                .sorted(Comparator.comparingInt(GemmPoint::m)).toList();
        boolean exactShape = nearest.n() == n && nearest.k() == k;
        GemmPoint lo = shape.get(0);
        GemmPoint hi = shape.get(shape.size() - 1);
        double fraction;
        boolean inRange = m >= lo.m() && m <= hi.m();
        if (m <= lo.m()) {
            fraction = fraction(lo);
        } else if (m >= hi.m()) {
            fraction = fraction(hi);
        } else {
            int i = 1;
            while (shape.get(i).m() < m) {
                i++;
            }
            GemmPoint a = shape.get(i - 1);
            GemmPoint b = shape.get(i);
            double t = Math.log(m / a.m()) / Math.log((double) b.m() / a.m());
            fraction = fraction(a) + t * (fraction(b) - fraction(a));
        }
        String citation = String.format(Locale.ROOT, "DeepGEMM %s N=%d K=%d, M %d..%d (%s)", lo.kernel(), lo.n(), lo.k(),
                lo.m(), hi.m(), lo.source());
        return new Basis(fraction, !(exactShape && inRange), citation);
    }
}
