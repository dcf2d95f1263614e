package dev.ridgeline.engine;

import dev.ridgeline.engine.model.Chip;
import dev.ridgeline.engine.model.ModelConfig;

/**
 * Seed 002's computation/communication balance (DeepSeek-V4 report, "EP Scheme"): a token-expert pair costs
 * {@code 6·h·d} FLOPs (SwiGLU gate, up, down; d the expert width) and moves {@code h·(dispatch + combine)} bytes,
 * so communication hides behind compute while {@code C / B <= 6·d / (dispatchBytes + combineBytes)}, which is
 * {@code 2d} for FP8 dispatch and BF16 combine.
 *
 * @param computePerByte   chip FLOP/s over link bytes/s (FLOP per byte; ×1e-3 gives TFLOPS per GB/s)
 * @param thresholdPerByte the model's threshold, FLOP per byte
 */
public record Balance(double computePerByte, double thresholdPerByte) {

    /**
     * @param expertWidth the expert's intermediate width d (seed 002 calls it the "hidden dim" of V4-Pro, 3072; in
     *                    its derivation 6hd FLOPs over 3h bytes, h is the model width and d the expert width)
     */
    public static Balance of(double flopsPerSec, double linkBytesPerSec, int expertWidth, double dispatchBytes,
                             double combineBytes) {
        return new Balance(flopsPerSec / linkBytesPerSec, 6.0 * expertWidth / (dispatchBytes + combineBytes));
    }

    /** FP8 compute, FP8 dispatch and BF16 combine, over the given link: the case seed 002 checks. */
    public static Balance ofFp8(Chip chip, double linkBytesPerSec, ModelConfig model) {
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
}
