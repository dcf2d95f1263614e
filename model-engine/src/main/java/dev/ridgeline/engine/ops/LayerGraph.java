package dev.ridgeline.engine.ops;

import dev.ridgeline.engine.model.Dtype;
import dev.ridgeline.engine.model.ModelConfig;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.ops.Op.AllToAll;
import dev.ridgeline.engine.ops.Op.Gemm;
import dev.ridgeline.engine.ops.Op.GemmRole;
import dev.ridgeline.engine.ops.Op.MlaAttention;

/**
 * The operators of one MoE layer for a given number of sequences per card (DESIGN 3.2, seed 000).
 * Non-expert GEMMs take inputs in the weight dtype and write 2-byte outputs; expert GEMMs are FP8 with 4-byte
 * accumulators. Dispatch is FP8; combine uses the non-expert element size, as seed 000's
 * {@code combine_elem_size = self.non_moe_elem_size}.
 */
public final class LayerGraph {
    /** Bytes of an attention GEMM output (BF16). */
    public static final double ATTENTION_OUT_BYTES = 2;
    /** Bytes of an expert GEMM output (FP32 accumulators, seed 000's {@code acc_size=4}). */
    public static final double EXPERT_OUT_BYTES = 4;

    private LayerGraph() {
    }

    /** The ops of one layer for {@code sequences} sequences per card (B, or B/2 per micro-batch). */
    public static Op[] build(Scenario s, double sequences) {
        ModelConfig m = s.model();
        int q = s.tokensPerStep();
        double tokens = sequences * q;
        Dtype w = s.weightDtype();
        double wb = w.bytes();
        int heads = m.numHeads();
        int h = m.hiddenSize();
        int experts = s.expertsPerCard();
        double pairs = tokens * m.expertsPerToken();
        double perExpertM = s.expertLoad().rowsPerExpert(pairs, experts);
        Dtype mlaGemm = s.kvDtype() == Dtype.FP8 && w == Dtype.FP8 ? Dtype.FP8 : Dtype.BF16;
        int chunks = (s.contextTokens() + s.faChunkTokens() - 1) / s.faChunkTokens();
        int sharedWidth = m.moeIntermediateSize() * m.sharedExperts();
        return new Op[] {
            // attn-0: the seed's console dump charges no weight bytes for Q down and Q up (DESIGN 3.8, reading 4).
            new Gemm("Q down", Stage.ATTN_0, GemmRole.ATTENTION, tokens, h, m.qLoraRank(), 1, w, wb, 0, ATTENTION_OUT_BYTES),
            new Gemm("KV down", Stage.ATTN_0, GemmRole.ATTENTION, tokens, h, m.kvEntryWidth(), 1, w, wb, wb, ATTENTION_OUT_BYTES),
            new Gemm("Q up", Stage.ATTN_0, GemmRole.ATTENTION, tokens, m.qLoraRank(), heads * m.qkHeadDim(), 1, w, wb, 0, ATTENTION_OUT_BYTES),
            new Gemm("Q-nope absorb", Stage.ATTN_0, GemmRole.ATTENTION, tokens, m.qkNopeHeadDim(), m.kvLoraRank(), heads, w, wb, wb, ATTENTION_OUT_BYTES),
            new MlaAttention("FlashMLA", Stage.ATTN_1, sequences, q * heads, s.contextTokens(), chunks * s.faChunkTokens(),
                    chunks, m.kvEntryWidth(), m.kvLoraRank(), s.kvDtype(), mlaGemm),
            new Gemm("V absorb", Stage.ATTN_1, GemmRole.ATTENTION, tokens, m.kvLoraRank(), m.vHeadDim(), heads, w, wb, wb, ATTENTION_OUT_BYTES),
            new Gemm("O projection", Stage.ATTN_1, GemmRole.ATTENTION, tokens, heads * m.vHeadDim(), h, 1, w, wb, wb, ATTENTION_OUT_BYTES),
            // Seed 000 runs the shared expert with M = sequences, not tokens (console dump: "Shared Expert bs=32").
            new Gemm("Shared expert up", Stage.SHARED, GemmRole.EXPERT_UP, sequences, h, 2 * sharedWidth, 1, Dtype.FP8, 1, 1, EXPERT_OUT_BYTES),
            new Gemm("Shared expert down", Stage.SHARED, GemmRole.EXPERT_DOWN, sequences, sharedWidth, h, 1, Dtype.FP8, 1, 1, EXPERT_OUT_BYTES),
            new AllToAll("Dispatch", Stage.DISPATCH, pairs * h * Dtype.FP8.bytes()),
            new Gemm("Routed experts up", Stage.MOE, GemmRole.EXPERT_UP, perExpertM, h, 2 * m.moeIntermediateSize(), experts, Dtype.FP8, 1, 1, EXPERT_OUT_BYTES),
            new Gemm("Routed experts down", Stage.MOE, GemmRole.EXPERT_DOWN, perExpertM, m.moeIntermediateSize(), h, experts, Dtype.FP8, 1, 1, EXPERT_OUT_BYTES),
            new AllToAll("Combine", Stage.COMBINE, pairs * h * wb),
        };
    }
}
