package dev.ridgeline.engine.calibration;

import java.util.List;
import java.util.Locale;

/**
 * DeepEP's low-latency kernels on H800 + CX7 (calibration/deepep.csv, v1 README): one latency per EP size for
 * dispatch (FP8 with scales) and one for combine (BF16), each of 128 tokens per rank x top-8 x hidden 7168. Each op
 * is fitted separately as {@code latency = fixed + bytes / bandwidth(EP)}. One token count was published, so the
 * data cannot split a latency into its fixed and per-byte parts: the fixed part is a named assumption,
 * {@link #dispatchFixedSec} and {@link #combineFixedSec}, taken from DeepEP's EP8 low-latency run over NVLink (PR
 * 173), where the bytes cross the fast intranode link and what is left of the latency is the kernels' own cost
 * (see {@code CalibrationTables.deepEp}). {@code bandwidth(EP) = bytes / (latency - fixed)} at each measured EP;
 * between measured EP sizes 1/bandwidth is interpolated in ln EP, beyond them the end value holds.
 * <p>Measured, and not marked extrapolated, is exactly what DeepEP published: an EP size in the table, the
 * benchmark's bytes per rank (128 tokens, top-8, hidden 7168), CX7. Anything else is extrapolated.
 */
public record DeepEpFit(List<Point> dispatch, List<Point> combine, double dispatchFixedSec, double combineFixedSec,
                        double measuredDispatchBytes, double measuredCombineBytes, String citation,
                        String fixedCitation) {

    /** One measured EP size: the published latency and the bandwidth left once the fixed part is taken off. */
    public record Point(int ep, double latencySec, double bytesPerSec) {
    }

    /** Dispatch or combine. */
    public enum Kind { DISPATCH, COMBINE }

    public DeepEpFit {
        dispatch = List.copyOf(dispatch);
        combine = List.copyOf(combine);
        if (dispatch.isEmpty() || combine.isEmpty()) {
            throw new IllegalArgumentException("DeepEP fit needs at least one EP size for dispatch and combine");
        }
    }

    public List<Point> points(Kind kind) {
        return kind == Kind.DISPATCH ? dispatch : combine;
    }

    public double fixedSec(Kind kind) {
        return kind == Kind.DISPATCH ? dispatchFixedSec : combineFixedSec;
    }

    double measuredBytes(Kind kind) {
        return kind == Kind.DISPATCH ? measuredDispatchBytes : measuredCombineBytes;
    }

    /** Seconds to move {@code bytes} per rank at EP size {@code ep}, with the NIC at {@code nicScale} x CX7. */
    public double seconds(Kind kind, int ep, double bytes, double nicScale) {
        return fixedSec(kind) + bytes * inverseBandwidth(kind, ep) / nicScale;
    }

    /** Seconds per byte at EP size {@code ep} on CX7: interpolated in ln EP between measured sizes, held at the ends. */
    public double inverseBandwidth(Kind kind, int ep) {
        return inverseBandwidth(points(kind), ep);
    }

    static double inverseBandwidth(List<Point> points, int ep) {
        Point lo = points.get(0);
        Point hi = points.get(points.size() - 1);
        if (ep <= lo.ep()) {
            return 1 / lo.bytesPerSec();
        }
        if (ep >= hi.ep()) {
            return 1 / hi.bytesPerSec();
        }
        int i = 1;
        while (points.get(i).ep() < ep) {
            i++;
        }
        Point a = points.get(i - 1);
        Point b = points.get(i);
        double t = Math.log((double) ep / a.ep()) / Math.log((double) b.ep() / a.ep());
        return 1 / a.bytesPerSec() + t * (1 / b.bytesPerSec() - 1 / a.bytesPerSec());
    }

    /** Where the figure comes from, and whether it lies outside what DeepEP measured. */
    public Basis basis(Kind kind, int ep, double bytes, boolean otherNic) {
        boolean measuredEp = measuredEp(kind, ep);
        boolean measuredBytes = measuredBytes(kind, bytes);
        List<Point> pts = points(kind);
        String why = (measuredEp ? "" : "; EP " + ep + " not measured")
                + (measuredBytes ? "" : "; " + Math.round(bytes / 1024) + " KiB per rank, measured "
                        + Math.round(measuredBytes(kind) / 1024) + " KiB (128 tokens)")
                + (otherNic ? "; another NIC, bandwidth scaled from CX7" : "");
        return new Basis(1, extrapolated(kind, ep, bytes, otherNic), String.format(Locale.ROOT,
                "DeepEP low-latency %s, EP %d..%d, fixed %.1f µs assumed (%s)%s (%s)",
                kind.name().toLowerCase(Locale.ROOT), pts.get(0).ep(), pts.get(pts.size() - 1).ep(),
                fixedSec(kind) * 1e6, fixedCitation, why, citation));
    }

    /** {@link #basis}'s flag alone, without writing its text (a detailed evaluation asks for it on every op). */
    public boolean extrapolated(Kind kind, int ep, double bytes, boolean otherNic) {
        return !(measuredEp(kind, ep) && measuredBytes(kind, bytes)) || otherNic;
    }

    private boolean measuredEp(Kind kind, int ep) {
        for (Point p : points(kind)) {
            if (p.ep() == ep) {
                return true;
            }
        }
        return false;
    }

    private boolean measuredBytes(Kind kind, double bytes) {
        return Math.abs(bytes - measuredBytes(kind)) <= 1e-9 * measuredBytes(kind);
    }
}
