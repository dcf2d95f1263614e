package dev.ridgeline.engine.model;

import static dev.ridgeline.engine.model.Checks.present;

/**
 * Number formats and kernel choices.
 *
 * @param kvDtype        KV-cache element type
 * @param weightDtype    element type of the non-expert weights and activations (attention, dense layers, LM head):
 *                       FP8 or BF16, as deployments run them; the shared experts stay FP8, as seed 000 has them
 * @param expertDtype    element type of the routed experts' weights (FP8 by default; NVFP4 or MXFP4 at the chip's
 *                       FP4 rate); seed 000 keeps every expert in FP8
 * @param fa3            the chip's FlashAttention-3 stage mode, or a what-if override
 * @param promotion      apply DeepGEMM's FP8 promotion discount to the MoE GEMMs on chips that need it
 * @param gemmEfficiency manual GEMM efficiency (MFU) in [0.01, 1]; 0 = none. Overrides the promotion discount
 */
public record Numerics(Dtype kvDtype, Dtype weightDtype, ExpertDtype expertDtype, Fa3Setting fa3, boolean promotion,
                       double gemmEfficiency) {
    /** The smallest manual GEMM efficiency accepted (1 %); below it a step time is absurd, not a design point. */
    public static final double MIN_GEMM_EFFICIENCY = 0.01;

    public Numerics {
        String owner = "scenario";
        present(kvDtype, "kvDtype", owner);
        present(weightDtype, "weightDtype", owner);
        present(expertDtype, "expertDtype", owner);
        present(fa3, "fa3", owner);
        Checks.zeroOrInRange(gemmEfficiency, MIN_GEMM_EFFICIENCY, 1.0, "gemmEfficiency", owner);
    }

    /** Routed experts in FP8, as seed 000 and DeepSeek's FP8 checkpoints run them. */
    public Numerics(Dtype kvDtype, Dtype weightDtype, Fa3Setting fa3, boolean promotion, double gemmEfficiency) {
        this(kvDtype, weightDtype, ExpertDtype.FP8, fa3, promotion, gemmEfficiency);
    }

    public Numerics withKvDtype(Dtype v) {
        return new Numerics(v, weightDtype, expertDtype, fa3, promotion, gemmEfficiency);
    }

    /** The non-expert weights' dtype; the experts keep theirs. */
    public Numerics withWeightDtype(Dtype v) {
        return new Numerics(kvDtype, v, expertDtype, fa3, promotion, gemmEfficiency);
    }

    public Numerics withExpertDtype(ExpertDtype v) {
        return new Numerics(kvDtype, weightDtype, v, fa3, promotion, gemmEfficiency);
    }

    public Numerics withFa3(Fa3Setting v) {
        return new Numerics(kvDtype, weightDtype, expertDtype, v, promotion, gemmEfficiency);
    }

    public Numerics withPromotion(boolean v) {
        return new Numerics(kvDtype, weightDtype, expertDtype, fa3, v, gemmEfficiency);
    }

    public Numerics withGemmEfficiency(double v) {
        return new Numerics(kvDtype, weightDtype, expertDtype, fa3, promotion, v);
    }
}
