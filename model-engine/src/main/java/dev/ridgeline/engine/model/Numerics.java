package dev.ridgeline.engine.model;

import static dev.ridgeline.engine.model.Checks.inRange;
import static dev.ridgeline.engine.model.Checks.present;

/**
 * Number formats and kernel choices.
 *
 * @param kvDtype        KV-cache element type
 * @param weightDtype    element type of the non-expert weights and activations; routed and shared experts stay FP8
 * @param fa3            the chip's FlashAttention-3 stage mode, or a what-if override
 * @param promotion      apply DeepGEMM's FP8 promotion discount to the MoE GEMMs on chips that need it
 * @param gemmEfficiency manual GEMM efficiency (MFU) in [0.01, 1]; 0 = none. Overrides the promotion discount
 */
public record Numerics(Dtype kvDtype, Dtype weightDtype, Fa3Setting fa3, boolean promotion, double gemmEfficiency) {
    /** The smallest manual GEMM efficiency accepted (1 %); below it a step time is absurd, not a design point. */
    public static final double MIN_GEMM_EFFICIENCY = 0.01;
    public Numerics {
        String owner = "scenario";
        present(kvDtype, "kvDtype", owner);
        present(weightDtype, "weightDtype", owner);
        present(fa3, "fa3", owner);
        Checks.zeroOrInRange(gemmEfficiency, MIN_GEMM_EFFICIENCY, 1.0, "gemmEfficiency", owner);
    }

    public Numerics withKvDtype(Dtype v) {
        return new Numerics(v, weightDtype, fa3, promotion, gemmEfficiency);
    }

    public Numerics withWeightDtype(Dtype v) {
        return new Numerics(kvDtype, v, fa3, promotion, gemmEfficiency);
    }

    public Numerics withFa3(Fa3Setting v) {
        return new Numerics(kvDtype, weightDtype, v, promotion, gemmEfficiency);
    }

    public Numerics withPromotion(boolean v) {
        return new Numerics(kvDtype, weightDtype, fa3, v, gemmEfficiency);
    }

    public Numerics withGemmEfficiency(double v) {
        return new Numerics(kvDtype, weightDtype, fa3, promotion, v);
    }
}
