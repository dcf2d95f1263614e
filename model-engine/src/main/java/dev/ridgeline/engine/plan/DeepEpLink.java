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
 * <p><b>Which bytes cross the NIC.</b> The fit's rows ran "pure RDMA" (DeepEP v1 README): every peer but the card
 * itself over the NIC, its copy to itself a local warp copy ({@code internode_ll.cu} at ebfe47e: {@code if (dst_rank
 * != rank) nvshmemi_ibgda_put_nbi_warp(...) else UNROLLED_WARP_COPY(...)}), so the fitted seconds per byte, counted
 * over all of a rank's bytes, moved {@code (EP − 1)/EP} of them. Since PR 173 (2025-05-23, on by default as
 * {@code allow_nvlink_for_low_latency_mode}) the peers on the card's own scale-up domain, {@code u} cards with itself,
 * are written over NVLink by the sending warps: the NIC then moves {@code (EP − u)/EP}, i.e. the fit's seconds times
 * {@code (EP − u)/(EP − 1)}, while the scale-up link moves {@code u/EP} at DeepEP's intranode rate. The RDMA puts
 * are non-blocking, so the two run together and the slower sets the op: {@code fixed + max(NIC, scale-up)}. PR 173's
 * own table (EP16-64) is held out to check it (DeepEpLocalPeersTest).
 */
final class DeepEpLink {
    /** Routed pairs per rank in DeepEP's low-latency benchmark: 128 tokens x top-8 (calibration/deepep.csv). */
    static final double DEEPEP_PAIRS_PER_RANK = 128 * 8;

    private final Chip chip;
    private final Calibration cal;
    private final double gap;
    /** The NIC's bandwidth over CX7's, the NIC DeepEP was measured on. */
    final double nicScale;
    /** The scale-up link at the fraction DeepEP's intranode kernels reach on H800. */
    private final double scaleUpBytesPerSec;
    /**
     * DeepEP seconds per byte by kind and EP size, filled on first use (0 = not yet; a benign race: equal values). It
     * depends on the calibration's fit alone, so every plan of that fit shares it: a plan per chip edit (the fidelity
     * contrast makes 32) no longer allocates its own 64 kB (decision 0006, "Still fast").
     */
    private final double[][] inverse;

    DeepEpLink(Chip chip, Calibration cal, double nicBytesPerSec, double gap) {
        this.chip = chip;
        this.cal = cal;
        this.gap = gap;
        this.nicScale = nicBytesPerSec / cal.cx7BytesPerSec();
        this.scaleUpBytesPerSec = chip.scaleUpBandwidthBytesPerSec() * Calibration.SCALE_UP_FRACTION;
        this.inverse = Shared.table(cal.deepEp());
    }

    /** The table this link reads (shared by the links of its calibration's fit). */
    double[][] secondsPerByteTable() {
        return inverse;
    }

    /** The last fit's table of seconds per byte (one calibration per process in practice; another gets its own). */
    private record Shared(DeepEpFit fit, double[][] table) {
        private static volatile Shared last;

        static double[][] table(DeepEpFit fit) {
            Shared s = last;
            if (s == null || s.fit != fit) {
                s = new Shared(fit, new double[2][Deployment.MAX_EP + 1]);
                last = s;
            }
            return s.table;
        }
    }

    static DeepEpFit.Kind kind(OpKind kind) {
        return kind == OpKind.DISPATCH ? DeepEpFit.Kind.DISPATCH : DeepEpFit.Kind.COMBINE;
    }

    /**
     * Seconds of {@code bytes} (the hottest card's) of a dispatch or combine over {@code cards} cards; with
     * {@code scaleUpPeers} the peers of the card's own scale-up domain over that link (see above).
     */
    double seconds(OpKind kind, double bytes, int cards, boolean scaleUpPeers) {
        if (chip.scaleUpCovers(cards)) {
            return bytes / scaleUpBytesPerSec + gap;
        }
        DeepEpFit.Kind k = kind(kind);
        double[] cache = inverse[k.ordinal()];
        double perByte = cache[cards];
        if (perByte == 0) {
            perByte = cal.deepEp().inverseBandwidth(k, cards) / benchmarkHottest(cards);
            cache[cards] = perByte;
        }
        int local = localPeers(cards, scaleUpPeers);
        // local > 1 only beyond the scale-up domain, so cards > local >= 2; pure RDMA keeps the fit's seconds as is
        double nicShare = local == 1 ? 1 : (double) (cards - local) / (cards - 1);
        double nic = bytes * perByte * nicShare / nicScale;
        double scaleUp = local == 1 ? 0 : bytes * local / cards / scaleUpBytesPerSec;
        return cal.deepEp().fixedSec(k) + Math.max(nic, scaleUp);
    }


    /**
     * Cards a card reaches without its NIC, itself included: its scale-up domain with {@code scaleUpPeers}, else only
     * itself. {@code cards} exceeds the domain (else the whole op runs inside it).
     */
    int localPeers(int cards, boolean scaleUpPeers) {
        return scaleUpPeers ? Math.min(chip.scaleUpDomain(), cards) : 1;
    }

    /** The hottest rank of DeepEP's low-latency benchmark over its mean: {@code 1 + z_EP / sqrt(1024)}. */
    static double benchmarkHottest(int cards) {
        return 1 + ExpertPopularity.expectedMaxNormal(cards) / Math.sqrt(DEEPEP_PAIRS_PER_RANK);
    }

    double fixedSeconds(OpKind kind, int ep) {
        return chip.scaleUpCovers(ep) ? gap : cal.deepEp().fixedSec(kind(kind));
    }

    /** Measured: inside the domain on H800; over the NIC as DeepEP's table ran (pure RDMA, its EP, bytes and NIC). */
    boolean extrapolated(OpKind kind, double bytes, int ep, boolean scaleUpPeers) {
        if (chip.scaleUpCovers(ep)) {
            return chip.calibration() != CalibratedPlan.MEASURED_CHIP;
        }
        return localPeers(ep, scaleUpPeers) > 1
                || cal.deepEp().extrapolated(kind(kind), ep, bytes / benchmarkHottest(ep), nicScale != 1.0);
    }

    String basis(OpKind kind, double bytes, int ep, boolean scaleUpPeers) {
        if (chip.scaleUpCovers(ep)) {
            return Calibration.SCALE_UP_CITATION;
        }
        int local = localPeers(ep, scaleUpPeers);
        return cal.deepEp().basis(kind(kind), ep, bytes / benchmarkHottest(ep), nicScale != 1.0).citation()
                + "; the hottest card's bytes, over the benchmark's own hottest rank"
                + (local == 1 ? "; every peer but the card itself over the NIC (pure RDMA, as measured)"
                : "; the " + local + " of " + ep + " cards on the card's own scale-up domain over it, in parallel with "
                + "the NIC's share (DeepEP PR 173, allow_nvlink_for_low_latency_mode; the NIC's seconds from the "
                + "pure-RDMA fit, scaled to its bytes)");
    }
}
