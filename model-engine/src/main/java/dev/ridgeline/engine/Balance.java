package dev.ridgeline.engine;

import dev.ridgeline.engine.model.ModelConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * Seed 002's computation/communication balance (DeepSeek-V4 report, "EP Scheme"): a token-expert pair costs
 * {@code 6·h·d} FLOPs (SwiGLU gate, up, down; d the expert width) and moves {@code h·(dispatch + combine)} bytes,
 * so communication hides behind compute while {@code C / B <= 6·d / (dispatchBytes + combineBytes)}, which is
 * {@code 2d} for FP8 dispatch and BF16 combine.
 *
 * @param computePerByte   chip FLOP/s over link bytes/s (FLOP per byte; ×1e-3 gives TFLOPS per GB/s)
 * @param thresholdPerByte the model's threshold for FP8 dispatch and BF16 combine, FLOP per byte
 * @param linkBytesPerSec  the EP link's bandwidth: the scale-up fabric inside its domain, else the NIC
 * @param byPrecision      the threshold for each message precision of {@link #PRECISIONS}, in that order
 */
public record Balance(double computePerByte, double thresholdPerByte, double linkBytesPerSec,
                      List<Threshold> byPrecision) {

    /** The model's threshold for one pair of message precisions. */
    public record Threshold(String messages, double dispatchBytes, double combineBytes, double thresholdPerByte) {
        public double thresholdTflopsPerGBps() {
            return thresholdPerByte / 1000;
        }
    }

    /** Message precisions seed 002 discusses: names, dispatch and combine bytes per element. */
    public static final List<Threshold> PRECISIONS = List.of(new Threshold("FP8 dispatch + BF16 combine", 1, 2, 0),
            new Threshold("FP8 + FP8", 1, 1, 0), new Threshold("FP4 + BF16", 0.5, 2, 0), new Threshold("BF16 + BF16", 2, 2, 0));

    public Balance {
        byPrecision = List.copyOf(byPrecision);
    }

    /**
     * @param expertWidth the expert's intermediate width d (seed 002 calls it the "hidden dim" of V4-Pro, 3072; in
     *                    its derivation 6hd FLOPs over 3h bytes, h is the model width and d the expert width)
     */
    public static Balance of(double flopsPerSec, double linkBytesPerSec, int expertWidth, double dispatchBytes,
                             double combineBytes) {
        List<Threshold> all = new ArrayList<>();
        for (Threshold p : PRECISIONS) {
            all.add(new Threshold(p.messages(), p.dispatchBytes(), p.combineBytes(),
                    threshold(expertWidth, p.dispatchBytes(), p.combineBytes())));
        }
        return new Balance(flopsPerSec / linkBytesPerSec, threshold(expertWidth, dispatchBytes, combineBytes),
                linkBytesPerSec, all);
    }

    private static double threshold(int expertWidth, double dispatchBytes, double combineBytes) {
        return 6.0 * expertWidth / (dispatchBytes + combineBytes);
    }

    /** FP8 compute, FP8 dispatch and BF16 combine, over the given link: the case seed 002 checks. */
    public static Balance ofFp8(dev.ridgeline.engine.model.Chip chip, double linkBytesPerSec, ModelConfig model) {
        return of(chip.fp8FlopsPerSec(), linkBytesPerSec, model.moeIntermediateSize(), 1, 2);
    }

    /** C/B in TFLOPS per GB/s, the unit seed 002 quotes. */
    public double tflopsPerGBps() {
        return computePerByte / 1000;
    }

    public double thresholdTflopsPerGBps() {
        return thresholdPerByte / 1000;
    }

    /** True when the link is fast enough to hide dispatch and combine behind the expert GEMMs. */
    public boolean communicationHidden() {
        return computePerByte <= thresholdPerByte;
    }

    /** True when communication hides at the given precision's threshold. */
    public boolean hiddenAt(Threshold t) {
        return computePerByte <= t.thresholdPerByte();
    }
}
