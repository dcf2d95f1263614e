package dev.ridgeline.engine.ops;

import dev.ridgeline.engine.model.Labelled;

/** Pipeline stages of one MoE layer (DESIGN 3.2), each on the compute or the communication lane. */
public enum Stage implements Labelled {
    ATTN_0("attn-0", true), ATTN_1("attn-1", true), SHARED("shared", true), DISPATCH("dispatch", false),
    MOE("moe", true), COMBINE("combine", false),
    /** Attention TP: the all-reduce of the attention group's output over the scale-up link (calibrated fidelity). */
    ATTN_REDUCE("attn all-reduce", true),
    /** Attention TP: the all-reduce after the MoE that gives every card of the group its tokens back. */
    MOE_REDUCE("moe all-reduce", false),
    /** Work once per decode step outside the MoE layers (calibrated fidelity): dense layers, LM head, MTP. */
    STEP("step", true);

    private final String label;
    private final boolean compute;

    Stage(String label, boolean compute) {
        this.label = label;
        this.compute = compute;
    }

    @Override
    public String label() {
        return label;
    }

    /** True for stages on the compute stream, false for the communication stream. */
    public boolean onComputeLane() {
        return compute;
    }
}
