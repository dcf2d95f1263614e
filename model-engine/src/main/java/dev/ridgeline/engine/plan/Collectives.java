package dev.ridgeline.engine.plan;

import dev.ridgeline.engine.calibration.Calibration;
import java.util.Locale;

/**
 * The collectives of tensor parallelism over the scale-up link (DESIGN 3.10), as pure functions.
 * <p><b>Bytes.</b> An all-reduce of {@code S} bytes among t cards moves {@code 2·(t − 1)/t · S} bytes into (and out
 * of) each card, whether as a ring or as a reduce-scatter followed by an all-gather: each card reduces one t-th of
 * the data, receiving the other t − 1 shares of it, then gathers the t − 1 reduced shares it does not own
 * (Patarasuk and Yuan, "Bandwidth optimal all-reduce algorithms", 2009; NCCL's bus bandwidth is defined the same way,
 * https://github.com/NVIDIA/nccl-tests/blob/master/doc/PERFORMANCE.md). The data is the attention group's hidden
 * states in BF16: {@code S = tokens · hidden · 2}.
 * <p><b>Time</b> (calibrated fidelity): {@code t = fixed(t) + bytes / (scale-up bandwidth · f)}, with f DeepEP's
 * intranode fraction of NVLink ({@link Calibration#SCALE_UP_FRACTION}) and the fixed part the latency of a custom
 * (one-shot) all-reduce of a message too small to cost bandwidth: 3.7, 4.8 and 5.9 µs at 2, 4 and 8 H100s (512 bytes,
 * SGLang's custom all-reduce, https://github.com/sgl-project/sglang/pull/2904), held at 5.9 µs beyond 8. Neither part
 * was measured on the chip being modelled, so the op is always marked extrapolated.
 */
final class Collectives {
    /** Latency of a custom all-reduce among 2, 4 and 8 H100s at 512 bytes, seconds (SGLang PR 2904). */
    static final double[] FIXED_SEC = {3.7e-6, 4.8e-6, 5.9e-6};

    private Collectives() {
    }

    /** Bytes each card moves in an all-reduce of {@code tokens} BF16 hidden states among {@code cards} cards. */
    static double ringAllReduceBytes(double tokens, int hidden, int cards) {
        return movedShare(cards) * tokens * hidden * 2;
    }

    /** {@code 2·(t − 1)/t}, from a table up to 8 cards (every TP degree): the same double, without a division per call. */
    static double movedShare(int cards) {
        return cards < MOVED_SHARE.length ? MOVED_SHARE[cards] : 2.0 * (cards - 1) / cards;
    }

    /** {@code 2·(t − 1)/t} for t = 1..8 (index 0 unused). */
    private static final double[] MOVED_SHARE = new double[9];

    static {
        for (int t = 1; t < MOVED_SHARE.length; t++) {
            MOVED_SHARE[t] = 2.0 * (t - 1) / t;
        }
    }

    /** The fixed latency of an all-reduce among {@code cards} cards (0 for one card). */
    static double fixedSeconds(int cards) {
        if (cards <= 1) {
            return 0;
        }
        int i = Math.min(FIXED_SEC.length, 31 - Integer.numberOfLeadingZeros(cards)) - 1;
        return FIXED_SEC[i];
    }

    /** Seconds of an all-reduce moving {@code bytes} per card at {@code bytesPerSec} of link bandwidth (one direction). */
    static double seconds(double bytes, int cards, double bytesPerSec) {
        return fixedSeconds(cards) + bytes / (bytesPerSec * Calibration.SCALE_UP_FRACTION);
    }

    static String citation(int cards) {
        return String.format(Locale.ROOT, "ring all-reduce 2(t-1)/t of the BF16 hidden states, t = %d; bytes at DeepEP's "
                + "intranode fraction of the scale-up link (%s); fixed %.1f µs: SGLang custom all-reduce on H100 at 512 "
                + "bytes (https://github.com/sgl-project/sglang/pull/2904); not measured on this chip", cards,
                Calibration.SCALE_UP_CITATION, fixedSeconds(cards) * 1e6);
    }
}
