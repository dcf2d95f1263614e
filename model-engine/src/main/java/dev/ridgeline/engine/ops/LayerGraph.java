package dev.ridgeline.engine.ops;

import dev.ridgeline.engine.calibration.Calibration;
import dev.ridgeline.engine.model.AttentionKind;
import dev.ridgeline.engine.model.Dtype;
import dev.ridgeline.engine.model.Fidelity;
import dev.ridgeline.engine.model.ModelConfig;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.ops.Op.AllToAll;
import dev.ridgeline.engine.ops.Op.Elementwise;
import dev.ridgeline.engine.ops.Op.Gemm;
import dev.ridgeline.engine.ops.Op.GemmRole;
import dev.ridgeline.engine.ops.Op.GqaAttention;
import dev.ridgeline.engine.ops.Op.MlaAttention;
import java.util.ArrayList;
import java.util.List;

/**
 * The operators of one MoE layer for a given number of sequences per card (DESIGN 3.2, seed 000).
 * Non-expert GEMMs take inputs in the weight dtype and write 2-byte outputs; expert GEMMs are FP8 with 4-byte
 * accumulators.
 * <p>Seed fidelity follows seed 000: Q down and Q up charge no weights, the shared expert runs M = sequences,
 * FlashMLA computes whole chunks, dispatch is FP8, combine uses the non-expert element size
 * ({@code combine_elem_size = self.non_moe_elem_size}). Calibrated fidelity is physical: every weight is read,
 * the shared expert runs every token, FlashMLA computes the context, dispatch carries FP8 plus one scale per 128
 * channels and combine BF16 (DeepEP), experts include redundant copies, and the router gate and the two RMSNorms
 * are timed.
 */
public final class LayerGraph {
    /** Bytes of an attention GEMM output (BF16). */
    public static final double ATTENTION_OUT_BYTES = 2;
    /** Bytes of an expert GEMM output (FP32 accumulators, seed 000's {@code acc_size=4}). */
    public static final double EXPERT_OUT_BYTES = 4;

    private LayerGraph() {
    }

    /** Routed experts a card holds: {@code ceil(routed / EP)}; calibrated adds redundant copies. */
    public static int expertsPerCard(Scenario s) {
        return s.fidelity() == Fidelity.CALIBRATED
                ? Calibration.expertsPerCard(s.model().routedExperts(), s.ep()) : s.expertsPerCard();
    }

    /** The ops of one layer for {@code sequences} sequences per card (B, or B/2 per micro-batch). */
    public static Op[] build(Scenario s, double sequences) {
        boolean cal = s.fidelity() == Fidelity.CALIBRATED;
        Shape x = Shape.of(s, sequences);
        ModelConfig m = x.m();
        double tokens = x.tokens();
        double wb = x.wb();
        int h = x.h();
        int experts = expertsPerCard(s);
        double pairs = tokens * m.expertsPerToken();
        double perExpertM = cal ? pairs / experts : s.expertLoad().rowsPerExpert(pairs, experts);
        int sharedWidth = m.moeIntermediateSize() * m.sharedExperts();
        double sharedM = cal ? tokens : sequences;
        double dispatchBytes = pairs * (cal ? h + h / 128 * 4.0 : h * (double) Dtype.FP8.bytes());
        double combineBytes = pairs * h * (cal ? Dtype.BF16.bytes() : wb);
        List<Op> ops = new ArrayList<>(16);
        if (cal) {
            ops.add(rmsNorm("Attention norm", Stage.ATTN_0, tokens, h));
        }
        ops.addAll(attention(s, sequences, cal));
        if (cal) {
            ops.add(rmsNorm("FFN norm", Stage.ATTN_1, tokens, h));
            ops.add(new Gemm("Router gate", Stage.ATTN_1, GemmRole.ATTENTION, tokens, h, m.routedExperts(), 1, Dtype.BF16, 2, 2, 4));
        }
        if (sharedWidth > 0) {
            ops.add(new Gemm("Shared expert up", Stage.SHARED, GemmRole.EXPERT_UP, sharedM, h, 2 * sharedWidth, 1, Dtype.FP8, 1, 1, EXPERT_OUT_BYTES));
            ops.add(new Gemm("Shared expert down", Stage.SHARED, GemmRole.EXPERT_DOWN, sharedM, sharedWidth, h, 1, Dtype.FP8, 1, 1, EXPERT_OUT_BYTES));
        }
        ops.add(new AllToAll("Dispatch", Stage.DISPATCH, dispatchBytes));
        ops.add(new Gemm("Routed experts up", Stage.MOE, GemmRole.EXPERT_UP, perExpertM, h, 2 * m.moeIntermediateSize(), experts, Dtype.FP8, 1, 1, EXPERT_OUT_BYTES));
        ops.add(new Gemm("Routed experts down", Stage.MOE, GemmRole.EXPERT_DOWN, perExpertM, m.moeIntermediateSize(), h, experts, Dtype.FP8, 1, 1, EXPERT_OUT_BYTES));
        ops.add(new AllToAll("Combine", Stage.COMBINE, combineBytes));
        return ops.toArray(new Op[0]);
    }

    /** The attention block of the model's kind: {@link #mla} or {@link #gqa}. */
    static List<Op> attention(Scenario s, double sequences, boolean cal) {
        Shape x = Shape.of(s, sequences);
        return s.model().attention() == AttentionKind.MLA ? mla(s, x, cal) : gqa(s, x, cal);
    }

    /**
     * MLA attention: attn-0 (projections) and attn-1 (FlashMLA, V absorb, O projection). Without query compression
     * ({@code qLoraRank} 0, DeepSeek-V2-Lite) one Q projection {@code hidden -> heads·(nope+rope)} replaces the
     * Q down / Q up pair.
     */
    static List<Op> mla(Scenario s, Shape x, boolean cal) {
        ModelConfig m = x.m();
        double tokens = x.tokens();
        Dtype w = s.weightDtype();
        double wb = x.wb();
        int heads = m.numHeads();
        int h = x.h();
        // Seed: the console dump charges no weight bytes for Q down and Q up (DESIGN 3.8, reading 4); the direct Q
        // projection of an uncompressed model is read the same way.
        double qWeights = cal ? wb : 0;
        Dtype mlaGemm = coreGemmDtype(s);
        int chunks = chunks(s, cal);
        int keys = computedKeys(s, cal, chunks);
        Gemm kvDown = new Gemm("KV down", Stage.ATTN_0, GemmRole.ATTENTION, tokens, h, m.kvEntryWidth(), 1, w, wb, wb, ATTENTION_OUT_BYTES);
        List<Op> ops = new ArrayList<>(7);
        if (m.compressesQueries()) {
            ops.add(new Gemm("Q down", Stage.ATTN_0, GemmRole.ATTENTION, tokens, h, m.qLoraRank(), 1, w, wb, qWeights, ATTENTION_OUT_BYTES));
            ops.add(kvDown);
            ops.add(new Gemm("Q up", Stage.ATTN_0, GemmRole.ATTENTION, tokens, m.qLoraRank(), heads * m.qkHeadDim(), 1, w, wb, qWeights, ATTENTION_OUT_BYTES));
        } else {
            ops.add(new Gemm("Q projection", Stage.ATTN_0, GemmRole.ATTENTION, tokens, h, heads * m.qkHeadDim(), 1, w, wb, qWeights, ATTENTION_OUT_BYTES));
            ops.add(kvDown);
        }
        ops.add(new Gemm("Q-nope absorb", Stage.ATTN_0, GemmRole.ATTENTION, tokens, m.qkNopeHeadDim(), m.kvLoraRank(), heads, w, wb, wb, ATTENTION_OUT_BYTES));
        ops.add(new MlaAttention("FlashMLA", Stage.ATTN_1, x.sequences(), x.q() * heads, s.contextTokens(), keys, chunks,
                m.kvEntryWidth(), m.kvLoraRank(), s.kvDtype(), mlaGemm));
        ops.add(new Gemm("V absorb", Stage.ATTN_1, GemmRole.ATTENTION, tokens, m.kvLoraRank(), m.vHeadDim(), heads, w, wb, wb, ATTENTION_OUT_BYTES));
        ops.add(new Gemm("O projection", Stage.ATTN_1, GemmRole.ATTENTION, tokens, heads * m.vHeadDim(), h, 1, w, wb, wb, ATTENTION_OUT_BYTES));
        return ops;
    }

    /**
     * GQA attention (Qwen3-MoE): attn-0 a fused QKV projection {@code hidden -> (heads + 2·kvHeads)·headDim};
     * attn-1 the attention core (QK^T and PV over headDim per query head, KV read {@code 2·kvHeads·headDim·L·kvBytes}
     * per sequence, each KV head read once for its group of query heads) and the O projection
     * {@code heads·headDim -> hidden}. Every weight is charged in both fidelities: not charging Q weights is a reading
     * of DeepSeek-V3's console dump (DESIGN 3.8) with no GQA counterpart. The per-head q/k RMSNorms are ignored.
     */
    static List<Op> gqa(Scenario s, Shape x, boolean cal) {
        ModelConfig m = x.m();
        Dtype w = s.weightDtype();
        int heads = m.numHeads();
        int chunks = chunks(s, cal);
        int qkv = (heads + 2 * m.numKeyValueHeads()) * m.headDim();
        return List.of(
            new Gemm("QKV projection", Stage.ATTN_0, GemmRole.ATTENTION, x.tokens(), x.h(), qkv, 1, w, x.wb(), x.wb(), ATTENTION_OUT_BYTES),
            new GqaAttention("GQA attention", Stage.ATTN_1, x.sequences(), x.q() * heads, s.contextTokens(),
                    computedKeys(s, cal, chunks), chunks, m.numKeyValueHeads(), m.headDim(), s.kvDtype(), coreGemmDtype(s)),
            new Gemm("O projection", Stage.ATTN_1, GemmRole.ATTENTION, x.tokens(), heads * m.headDim(), x.h(), 1, w, x.wb(), x.wb(), ATTENTION_OUT_BYTES));
    }

    /** The attention core's GEMMs run at the FP8 rate only when the KV cache and the weights are both FP8 (seed 000). */
    private static Dtype coreGemmDtype(Scenario s) {
        return s.kvDtype() == Dtype.FP8 && s.weightDtype() == Dtype.FP8 ? Dtype.FP8 : Dtype.BF16;
    }

    /** Seed fidelity computes whole chunks of {@code faChunkTokens} keys; calibrated computes the context (0 chunks). */
    private static int chunks(Scenario s, boolean cal) {
        return cal ? 0 : (s.contextTokens() + s.faChunkTokens() - 1) / s.faChunkTokens();
    }

    private static int computedKeys(Scenario s, boolean cal, int chunks) {
        return cal ? s.contextTokens() : chunks * s.faChunkTokens();
    }

    /** The quantities every op of a layer is sized by, for {@code sequences} sequences per card. */
    record Shape(ModelConfig m, double sequences, int q, double tokens, double wb, int h) {
        static Shape of(Scenario s, double sequences) {
            return new Shape(s.model(), sequences, s.tokensPerStep(), sequences * s.tokensPerStep(),
                    s.weightDtype().bytes(), s.model().hiddenSize());
        }
    }

    /** RMSNorm reads and writes BF16 activations: 4·tokens·hidden bytes, a few FLOPs per element. */
    static Elementwise rmsNorm(String name, Stage stage, double tokens, int hidden) {
        return new Elementwise(name, stage, 4.0 * tokens * hidden, 4.0 * tokens * hidden);
    }
}
