package dev.ridgeline.engine.calibration;

import java.util.List;
import java.util.Locale;

/**
 * DeepEP low-latency kernels on H800 + CX7 (calibration/deepep.csv, v1 README): per EP size, dispatch (FP8 with
 * scales) and combine (BF16) of 128 tokens x top-8 x hidden 7168 give two (bytes, latency) points, fitted as
 * {@code latency = fixed + bytes / bandwidth}. Between measured EP sizes, fixed latency and 1/bandwidth are
 * interpolated in ln EP; beyond them the end fit holds (extrapolated). Other NICs scale the bandwidth by their
 * effective bandwidth over CX7's (extrapolated).
 */
public record DeepEpFit(List<Point> points, String citation) {

    /** The fit at one EP size. */
    public record Point(int ep, double fixedSec, double bytesPerSec, double dispatchSec, double combineSec) {
    }

    public DeepEpFit {
        points = List.copyOf(points);
        if (points.isEmpty()) {
            throw new IllegalArgumentException("DeepEP fit needs at least one EP size");
        }
    }

    /** Seconds to move {@code bytes} per rank at EP size {@code ep}, with the NIC at {@code nicScale} x CX7. */
    public double seconds(int ep, double bytes, double nicScale) {
        Point lo = points.get(0);
        Point hi = points.get(points.size() - 1);
        double fixed;
        double inverseBw;
        if (ep <= lo.ep()) {
            fixed = lo.fixedSec();
            inverseBw = 1 / lo.bytesPerSec();
        } else if (ep >= hi.ep()) {
            fixed = hi.fixedSec();
            inverseBw = 1 / hi.bytesPerSec();
        } else {
            int i = 1;
            while (points.get(i).ep() < ep) {
                i++;
            }
            Point a = points.get(i - 1);
            Point b = points.get(i);
            double t = Math.log((double) ep / a.ep()) / Math.log((double) b.ep() / a.ep());
            fixed = a.fixedSec() + t * (b.fixedSec() - a.fixedSec());
            inverseBw = 1 / a.bytesPerSec() + t * (1 / b.bytesPerSec() - 1 / a.bytesPerSec());
        }
        return fixed + bytes * inverseBw / nicScale;
    }

    public Basis basis(int ep, boolean otherNic) {
        boolean outside = ep < points.get(0).ep() || ep > points.get(points.size() - 1).ep();
        return new Basis(1, outside || otherNic, String.format(Locale.ROOT, "DeepEP low-latency, EP %d..%d (%s)",
                points.get(0).ep(), points.get(points.size() - 1).ep(), citation));
    }
}
