package dev.ridgeline.engine.ops;

/**
 * Every operator the engine times, identified by kind rather than by its display name. Layer kinds run in each MoE
 * layer (and, under {@link Scope#DENSE_LAYER}, in each dense layer); step kinds run once per decode step outside the
 * layers (calibrated fidelity).
 */
public enum OpKind {
    ATTENTION_NORM("Attention norm", Stage.ATTN_0),
    Q_DOWN("Q down", Stage.ATTN_0),
    KV_DOWN("KV down", Stage.ATTN_0),
    Q_UP("Q up", Stage.ATTN_0),
    Q_PROJECTION("Q projection", Stage.ATTN_0),
    QKV_PROJECTION("QKV projection", Stage.ATTN_0),
    Q_NOPE_ABSORB("Q-nope absorb", Stage.ATTN_0),
    /** Prefill, MLA non-absorbed: K-nope and V decompressed from the latent for every key a chunk attends to. */
    KV_UP("KV up", Stage.ATTN_0),
    /**
     * Prefill, MLA non-absorbed: the elementwise passes around the projections as open implementations run them
     * unfused: the latents' RMS norms and FP8 quantization, the rotary embedding of Q and K, Q's rotary part written
     * back, and K assembled per head from K-nope and the shared rotary key.
     */
    MLA_PREFILL_ASSEMBLY("Q/K norms, RoPE, assembly", Stage.ATTN_0),
    FLASH_MLA("FlashMLA", Stage.ATTN_1),
    GQA_ATTENTION("GQA attention", Stage.ATTN_1),
    /** Prefill: causal attention of a chunk over its prefix and itself (FlashAttention forward). */
    PREFILL_ATTENTION("Causal attention", Stage.ATTN_1),
    /** Prefill: the chunk's KV cache written to HBM. */
    KV_WRITE("KV cache write", Stage.ATTN_1),
    V_ABSORB("V absorb", Stage.ATTN_1),
    /** Prefill: the attention output quantized to FP8 (one 4-byte scale per 128 values) for the O projection. */
    ATTENTION_OUT_QUANTIZE("Attention out quantize", Stage.ATTN_1),
    O_PROJECTION("O projection", Stage.ATTN_1),
    FFN_NORM("FFN norm", Stage.ATTN_1),
    ROUTER_GATE("Router gate", Stage.ATTN_1),
    SHARED_UP("Shared expert up", Stage.SHARED),
    SHARED_DOWN("Shared expert down", Stage.SHARED),
    /**
     * Prefill: the shared expert's input quantized to FP8, its SiLU of gate times up quantized for the down GEMM, and
     * its output added to the routed experts' combined output.
     */
    SHARED_ACTIVATION("Shared SiLU, quantize, sum", Stage.SHARED),
    DISPATCH("Dispatch", Stage.DISPATCH),
    ROUTED_UP("Routed experts up", Stage.MOE),
    ROUTED_DOWN("Routed experts down", Stage.MOE),
    /** Prefill: SiLU of the experts' gate times up, quantized for the down GEMM (one pass over the up output). */
    EXPERT_ACTIVATION("Expert SiLU and quantize", Stage.MOE),
    /** Prefill: received tokens laid out expert by expert for the contiguous grouped GEMM, and the outputs back. */
    TOKEN_PERMUTE("Token permute and unpermute", Stage.MOE),
    /**
     * Calibrated decode: the routed-expert block's fixed cost beyond the two GEMM launches (top-k routing, activation
     * quantization, the GEMMs' prologues and tails, the finalize that sums each token's expert outputs), measured.
     */
    ROUTED_BLOCK("Routed block overhead", Stage.MOE),
    COMBINE("Combine", Stage.COMBINE),
    ATTENTION_ALL_REDUCE("Attention all-reduce", Stage.ATTN_REDUCE),
    MOE_ALL_REDUCE("MoE all-reduce", Stage.MOE_REDUCE),
    DENSE_FFN_UP("FFN up", Stage.STEP),
    DENSE_FFN_DOWN("FFN down", Stage.STEP),
    FFN_ALL_REDUCE("FFN all-reduce", Stage.STEP),
    LM_HEAD("LM head", Stage.STEP),
    SAMPLING("Sampling", Stage.STEP),
    MTP_LAYER("MTP: module layer", Stage.STEP),
    MTP_PROJECTION("MTP: eh projection", Stage.STEP),
    MTP_LM_HEAD("MTP: LM head", Stage.STEP),
    HOST("Host: scheduling and sampling", Stage.STEP);

    /** Where an op runs: in the MoE layer, in a dense layer, or once per step. */
    public enum Scope { MOE_LAYER, DENSE_LAYER, STEP }

    private final String label;
    private final Stage stage;

    OpKind(String label, Stage stage) {
        this.label = label;
        this.stage = stage;
    }

    /** The display name. */
    public String label() {
        return label;
    }

    /** The stage of the MoE layer pipeline it belongs to ({@link Stage#STEP} for step work). */
    public Stage stage() {
        return stage;
    }
}
