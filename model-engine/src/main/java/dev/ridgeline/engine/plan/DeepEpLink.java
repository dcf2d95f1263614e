package dev.ridgeline.engine.plan;

import dev.ridgeline.engine.calibration.Calibration;
import dev.ridgeline.engine.calibration.DeepEpFit;
import dev.ridgeline.engine.calibration.ExpertPopularity;
import dev.ridgeline.engine.model.Chip;
import dev.ridgeline.engine.model.Deployment;
import dev.ridgeline.engine.ops.OpKind;

/**
 * Decode's EP traffic in calibrated fidelity: dispatch and combine over the link the MoE's cards take. Inside the
 * scale-up domain: bytes at DeepEP's intranode fraction of the link plus a kernel gap (measured on H800 only). Over
 * the NIC: DeepEP's low-latency fit of that op, its bandwidth scaled by the NIC's over CX7's. {@code bytes} are the
 * hottest card's; DeepEP's benchmark routes randomly (uniform popularity, Poisson spread), so its latencies already
 * hold that benchmark's hottest rank, {@code 1 + z_EP / sqrt(1024)} of the mean: the fitted seconds per byte are
 * divided by it, so that the hottest card's bytes are not charged that spread twice.
 */
final class DeepEpLink {
    /** Routed pairs per rank in DeepEP's low-latency benchmark: 128 tokens x top-8 (calibration/deepep.csv). */
    static final double DEEPEP_PAIRS_PER_RANK = 128 * 8;

    private final Chip chip;
    private final Calibration cal;
    private final double gap;
    /** The NIC's bandwidth over CX7's, the NIC DeepEP was measured on. */
    final double nicScale;
    /** DeepEP seconds per byte by EP size and kind, filled on first use (0 = not yet; a benign race: equal values). */
    private final double[][] inverse = new double[2][Deployment.MAX_EP + 1];

    DeepEpLink(Chip chip, Calibration cal, double nicBytesPerSec, double gap) {
        this.chip = chip;
        this.cal = cal;
        this.gap = gap;
        this.nicScale = nicBytesPerSec / cal.cx7BytesPerSec();
    }

    static DeepEpFit.Kind kind(OpKind kind) {
        return kind == OpKind.DISPATCH ? DeepEpFit.Kind.DISPATCH : DeepEpFit.Kind.COMBINE;
    }

    /** Seconds of {@code bytes} (the hottest card's) of a dispatch or combine over {@code cards} cards. */
    double seconds(OpKind kind, double bytes, int cards) {
        if (chip.scaleUpCovers(cards)) {
            return bytes / (chip.scaleUpBandwidthBytesPerSec() * Calibration.SCALE_UP_FRACTION) + gap;
        }
        DeepEpFit.Kind k = kind(kind);
        double[] cache = inverse[k.ordinal()];
        double perByte = cache[cards];
        if (perByte == 0) {
            perByte = cal.deepEp().inverseBandwidth(k, cards) / benchmarkHottest(cards);
            cache[cards] = perByte;
        }
        return cal.deepEp().fixedSec(k) + bytes * perByte / nicScale;
    }

    /** The hottest rank of DeepEP's low-latency benchmark over its mean: {@code 1 + z_EP / sqrt(1024)}. */
    static double benchmarkHottest(int cards) {
        return 1 + ExpertPopularity.expectedMaxNormal(cards) / Math.sqrt(DEEPEP_PAIRS_PER_RANK);
    }

    double fixedSeconds(OpKind kind, int ep) {
        return chip.scaleUpCovers(ep) ? gap : cal.deepEp().fixedSec(kind(kind));
    }

    boolean extrapolated(OpKind kind, double bytes, int ep) {
        if (chip.scaleUpCovers(ep)) {
            return chip.calibration() != CalibratedPlan.MEASURED_CHIP;
        }
        return cal.deepEp().basis(kind(kind), ep, bytes / benchmarkHottest(ep), nicScale != 1.0).extrapolated();
    }

    String basis(OpKind kind, double bytes, int ep) {
        return chip.scaleUpCovers(ep) ? Calibration.SCALE_UP_CITATION
                : cal.deepEp().basis(kind(kind), ep, bytes / benchmarkHottest(ep), nicScale != 1.0).citation()
                + "; the hottest card's bytes, over the benchmark's own hottest rank";
    }
}
