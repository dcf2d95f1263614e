package dev.ridgeline.engine.plan;

import dev.ridgeline.engine.model.Assumptions;
import dev.ridgeline.engine.model.AttentionKind;
import dev.ridgeline.engine.model.Chip;
import dev.ridgeline.engine.model.Dtype;
import dev.ridgeline.engine.model.Fa3Mode;
import dev.ridgeline.engine.model.ModelConfig;
import dev.ridgeline.engine.model.Numerics;
import dev.ridgeline.engine.model.Prefill;
import dev.ridgeline.engine.ops.OpKind;
import dev.ridgeline.engine.roofline.Bound;
import dev.ridgeline.engine.roofline.OpResult;

/**
 * The attention operators of a layer (DESIGN 3.2), for {@code sequences} sequences of an attention group split over
 * {@code tp} cards (DESIGN 3.10). Under attention TP each card runs its 1/tp of the heads over all of the group's
 * tokens: Q up, the absorbs, the attention core and O projection shrink by tp; the low-rank Q down and KV down (MLA)
 * run data-parallel, each card over its tp-th of the tokens with the whole weights (TensorRT-LLM's "Fuse_A GEMM DP8").
 * MLA's latent KV cannot be split by head, so the core reads every sequence's whole latent cache on every card; GQA
 * reads its share of the KV heads ({@code max(1/tp, 1/kvHeads)}: heads are copied once tp passes their number). With
 * tp = 1 this is seed 000's graph, unchanged.
 */
abstract class AttentionGraph extends OpCosts {
    /** Bytes of an attention GEMM output (BF16). */
    static final double ATTENTION_OUT_BYTES = 2;
    /**
     * HBM bytes per element of quantizing a BF16 activation for an FP8 GEMM: read 2, write 1, and one FP32 scale per
     * 128 elements (DeepGEMM's per-token 1x128 scaling; SGLang's {@code per_token_group_quant_fp8}).
     */
    static final double QUANTIZE_BYTES = 2 + 1 + 4 / 128.0;

    final ModelConfig model;
    final int kvEntryWidth;
    final int hidden;
    final int heads;
    final boolean mla;

    AttentionGraph(ModelConfig model, Chip chip, double hbmBytesPerSec, Assumptions assumptions) {
        super(chip, hbmBytesPerSec, assumptions);
        this.model = model;
        this.kvEntryWidth = model.kvEntryWidth();
        this.hidden = model.hiddenSize();
        this.heads = model.numHeads();
        this.mla = model.attention() == AttentionKind.MLA;
    }

    /** The non-expert GEMMs' rate: FP8 for 1-byte weights, else BF16. */
    static int rate(Dtype weights) {
        return weights == Dtype.FP8 ? FP8 : BF16;
    }

    /**
     * Attn-0, the projections before the attention core: MLA's Q down, KV down, Q up and Q-nope absorb (without query
     * compression one Q projection replaces Q down and Q up), or GQA's fused QKV projection. Non-expert GEMMs take
     * inputs in the weight dtype and write BF16. Returns their seconds.
     */
    final double attention0(Summary acc, Numerics n, int tp, double sequences, int q) {
        double tokens = sequences * q;
        int rate = rate(n.weightDtype());
        double wb = n.weightDtype().bytes();
        int v = variant(n.weightDtype().ordinal(), tp);
        if (!mla) {
            int kvHeads = model.numKeyValueHeads();
            int kvPerCard = kvHeads >= tp ? perRank(kvHeads, tp) : 1;
            return gemm(acc, OpKind.QKV_PROJECTION, Role.ATTENTION, v, tokens, hidden,
                    (perRank(heads, tp) + 2 * kvPerCard) * model.headDim(), 1, rate, wb, wb, ATTENTION_OUT_BYTES, n);
        }
        return model.compressesQueries() ? mlaProjections(acc, n, v, tp, tokens, rate, wb)
                : mlaDirectQuery(acc, n, v, tp, tokens, rate, wb);
    }

    /** MLA with query compression: Q down, KV down (each card over its share of the tokens), Q up, Q-nope absorb. */
    private double mlaProjections(Summary acc, Numerics n, int v, int tp, double tokens, int rate, double wb) {
        double qWeights = qProjectionWeightBytes(wb);
        double out = ATTENTION_OUT_BYTES;
        double share = tp == 1 ? tokens : tokens / tp;
        return gemm(acc, OpKind.Q_DOWN, Role.ATTENTION, v, share, hidden, model.qLoraRank(), 1, rate, wb, qWeights, out, n)
                + gemm(acc, OpKind.KV_DOWN, Role.ATTENTION, v, share, hidden, kvEntryWidth, 1, rate, wb, wb, out, n)
                + gemm(acc, OpKind.Q_UP, Role.ATTENTION, v, tokens, model.qLoraRank(), perRank(heads, tp) * model.qkHeadDim(), 1,
                        rate, wb, qWeights, out, n)
                + qNopeAbsorb(acc, n, v, tp, tokens, rate, wb);
    }

    /** MLA without query compression (DeepSeek-V2-Lite): one Q projection, KV down, Q-nope absorb. */
    private double mlaDirectQuery(Summary acc, Numerics n, int v, int tp, double tokens, int rate, double wb) {
        double out = ATTENTION_OUT_BYTES;
        double share = tp == 1 ? tokens : tokens / tp;
        return gemm(acc, OpKind.Q_PROJECTION, Role.ATTENTION, v, tokens, hidden, perRank(heads, tp) * model.qkHeadDim(), 1, rate,
                wb, qProjectionWeightBytes(wb), out, n)
                + gemm(acc, OpKind.KV_DOWN, Role.ATTENTION, v, share, hidden, kvEntryWidth, 1, rate, wb, wb, out, n)
                + qNopeAbsorb(acc, n, v, tp, tokens, rate, wb);
    }

    private double qNopeAbsorb(Summary acc, Numerics n, int v, int tp, double tokens, int rate, double wb) {
        return gemm(acc, OpKind.Q_NOPE_ABSORB, Role.ATTENTION, v, tokens, model.qkNopeHeadDim(), model.kvLoraRank(),
                perRank(heads, tp), rate, wb, wb, ATTENTION_OUT_BYTES, n);
    }

    /**
     * Attn-1, the attention core and what follows it: MLA's FlashMLA, V absorb and O projection, or GQA's core and O
     * projection. The core's GEMMs run at the FP8 rate only when the KV cache and the weights are both FP8 (seed 000).
     * Returns their seconds.
     */
    final double attention1(Summary acc, int context, Numerics n, Fa3Mode fa3, int tp, double sequences, int q) {
        double tokens = sequences * q;
        boolean fp8 = n.weightDtype() == Dtype.FP8;
        int rate = rate(n.weightDtype());
        double wb = n.weightDtype().bytes();
        int v = variant(n.weightDtype().ordinal(), tp);
        boolean coreFp8 = n.kvDtype() == Dtype.FP8 && fp8;
        int chunks = chunks(context);
        int keys = computedKeys(context, chunks);
        double out = ATTENTION_OUT_BYTES;
        int headsHere = perRank(heads, tp);
        if (!mla) {
            int headDim = model.headDim();
            return core(acc, OpKind.GQA_ATTENTION, sequences, q * headsHere, context, keys, chunks, headDim, headDim,
                    kvEntryWidth * kvShare(tp), n.kvDtype(), coreFp8, fa3)
                    + gemm(acc, OpKind.O_PROJECTION, Role.ATTENTION, v, tokens, headsHere * headDim, hidden, 1, rate, wb,
                    wb, out, n);
        }
        return core(acc, OpKind.FLASH_MLA, sequences, q * headsHere, context, keys, chunks, kvEntryWidth,
                model.kvLoraRank(), kvEntryWidth, n.kvDtype(), coreFp8, fa3)
                + gemm(acc, OpKind.V_ABSORB, Role.ATTENTION, v, tokens, model.kvLoraRank(), model.vHeadDim(), headsHere,
                rate, wb, wb, out, n)
                + gemm(acc, OpKind.O_PROJECTION, Role.ATTENTION, v, tokens, headsHere * model.vHeadDim(), hidden, 1, rate,
                wb, wb, out, n);
    }

    /**
     * Attn-0 of prefill (DESIGN 4c): the projections of {@code tokens} new tokens, without the decode absorbs. MLA:
     * Q down and KV down (each card over its tp-th of the tokens), Q up, and KV up, which decompresses K-nope and V
     * (128 + 128 per head for DeepSeek-V3) for the {@code keys} keys the tokens attend to: the non-absorbed form
     * every prefill kernel runs ("non absorbed version is beneficial for the prefill phase with input length 256 or
     * larger", TensorRT-LLM tech blog 3). GQA: the QKV projection. Returns their seconds.
     */
    final double prefillProjections(Summary acc, Numerics n, int tp, double tokens, double keys) {
        if (!mla) {
            return attention0(acc, n, tp, tokens, 1);
        }
        int rate = rate(n.weightDtype());
        double wb = n.weightDtype().bytes();
        int v = variant(n.weightDtype().ordinal(), tp);
        double out = ATTENTION_OUT_BYTES;
        double share = tp == 1 ? tokens : tokens / tp;
        double q = model.compressesQueries()
                ? gemm(acc, OpKind.Q_DOWN, Role.ATTENTION, v, share, hidden, model.qLoraRank(), 1, rate, wb,
                        qProjectionWeightBytes(wb), out, n)
                + gemm(acc, OpKind.Q_UP, Role.ATTENTION, v, tokens, model.qLoraRank(), perRank(heads, tp) * model.qkHeadDim(), 1,
                        rate, wb, qProjectionWeightBytes(wb), out, n)
                : gemm(acc, OpKind.Q_PROJECTION, Role.ATTENTION, v, tokens, hidden, perRank(heads, tp) * model.qkHeadDim(), 1,
                        rate, wb, qProjectionWeightBytes(wb), out, n);
        double t = q + gemm(acc, OpKind.KV_DOWN, Role.ATTENTION, v, share, hidden, kvEntryWidth, 1, rate, wb, wb, out, n)
                + gemm(acc, OpKind.KV_UP, Role.ATTENTION, v, keys, model.kvLoraRank(),
                perRank(heads, tp) * (model.qkNopeHeadDim() + model.vHeadDim()), 1, rate, wb, wb, out, n);
        return normsAndRouter() ? t + elementwise(acc, OpKind.MLA_PREFILL_ASSEMBLY,
                mlaAssemblyBytes(n, tp, share, tokens, keys), 0) : t;
    }

    /**
     * HBM bytes of the non-absorbed MLA's elementwise passes on one card (BF16 activations), as SGLang's prefill runs
     * them at its large-scale EP deployment (https://lmsys.org/blog/2025-05-05-large-scale-ep/; {@code
     * DeepseekV2AttentionMLA.forward_normal_prepare}: {@code q_a_layernorm}, {@code kv_a_layernorm},
     * {@code rotary_emb(positions, q_pe, k_pe)}, {@code q[..., qk_nope_head_dim:] = q_pe}, {@code k = empty_like(q)} filled
     * with {@code k_nope} and {@code k_pe}; each FP8 linear quantizes its input per token group) and DeepSeek-V3's
     * reference inference does them ({@code inference/model.py} at 9b4e978, MLA with {@code attn_impl == "naive"}:
     * {@code q_norm}, {@code kv_norm}, {@code apply_rotary_emb}, {@code torch.cat([k_nope, k_pe.expand(...)])}):
     * <ul>
     *   <li>the Q and KV latents of the card's {@code share} of the tokens normed (read and write, 4 bytes an
     *   element) and, with FP8 weights, quantized for Q up and KV up ({@link #QUANTIZE_BYTES});</li>
     *   <li>Q's rotary part of each of the card's heads rotated and written back into Q (8 bytes an element);</li>
     *   <li>for every key attended, K-nope read and K written whole per head (2 + 2 bytes of K-nope, 2 of the rotary
     *   part, an element), the rotary key once (4).</li>
     * </ul>
     */
    final double mlaAssemblyBytes(Numerics n, int tp, double share, double tokens, double keys) {
        double latents = (model.compressesQueries() ? model.qLoraRank() : 0) + model.kvLoraRank();
        double quantize = n.weightDtype() == Dtype.FP8 ? QUANTIZE_BYTES : 0;
        double headsHere = heads / (double) tp;
        int rope = model.qkRopeHeadDim();
        int nope = model.qkNopeHeadDim();
        return share * latents * (4 + quantize) + tokens * headsHere * rope * 8.0
                + keys * (headsHere * (4.0 * nope + 2.0 * rope) + 4.0 * rope);
    }

    /**
     * Attn-1 of prefill: causal attention of {@code part} of a step's chunk over its prefix and itself, the O
     * projection, and the chunk's KV cache written. The core counts only the pairs it must compute, as FlashAttention's
     * benchmarks do (the lower triangle for the causal part): {@code 2·heads·(d_qk + d_v)·pairs}, at the fidelity's
     * fraction of the tensor rate ({@link #prefillAttentionFraction}); it reads Q and the K and V of every key
     * (decompressed, BF16, for MLA; GQA's cache at its dtype) and writes O. FP8 when the KV cache and the weights are
     * both FP8 (FlashAttention-3's FP8 forward), else BF16. Returns the seconds.
     */
    final double prefillAttention(Summary acc, Numerics n, int tp, Prefill p, double part) {
        int headsHere = perRank(heads, tp);
        double tokens = p.chunkTokens() * part;
        double prefixPairs = p.prefixPairs() * part;
        double triangle = p.trianglePairs() * part;
        double keys = p.decompressedKeys() * part;
        int qk = model.qkHeadDim();
        int vd = model.valueHeadDim();
        double flops = 2.0 * headsHere * (qk + vd) * (prefixPairs + triangle);
        boolean fp8 = n.kvDtype() == Dtype.FP8 && n.weightDtype() == Dtype.FP8;
        double kvBytes = mla ? keys * headsHere * (model.qkNopeHeadDim() + vd) * 2.0
                + keys * model.qkRopeHeadDim() * 2.0
                : keys * kvEntryWidth * kvShare(tp) * n.kvDtype().bytes();
        double bytes = tokens * headsHere * (qk + vd) * 2.0 + kvBytes;
        double fraction = prefillAttentionFraction(p.inputTokens(), prefixPairs, triangle, p.tokensPerSequence());
        double compute = flops * invRate[fp8 ? FP8 : BF16] / fraction;
        double memory = bytes * invHbm;
        double overhead = gemmOverhead(n);
        boolean computeBound = compute >= memory;
        double core = (computeBound ? compute : memory) + overhead;
        account(acc, core, computeBound);
        if (acc.rec != null) {
            acc.rec.add(OpResult.of(OpKind.PREFILL_ATTENTION, acc.scope, acc.inv, flops, 0, bytes, 0, 0, compute, memory,
                    0, overhead, core, computeBound ? Bound.COMPUTE : Bound.MEMORY, fraction,
                    prefillAttentionExtrapolated(qk, vd), () -> prefillAttentionBasis(qk, vd)));
        }
        int rate = rate(n.weightDtype());
        double wb = n.weightDtype().bytes();
        int v = variant(n.weightDtype().ordinal(), tp);
        double quantize = normsAndRouter() && n.weightDtype() == Dtype.FP8
                ? elementwise(acc, OpKind.ATTENTION_OUT_QUANTIZE, tokens * headsHere * vd * QUANTIZE_BYTES, 0) : 0;
        double o = gemm(acc, OpKind.O_PROJECTION, Role.ATTENTION, v, tokens, headsHere * vd, hidden, 1, rate, wb, wb,
                ATTENTION_OUT_BYTES, n);
        return core + quantize + o + (normsAndRouter()
                ? elementwise(acc, OpKind.KV_WRITE, tokens * kvEntryWidth * kvShare(tp) * n.kvDtype().bytes(), 0) : 0);
    }

    /**
     * The share of a sequence's KV cache one card of an attention group of {@code tp} holds: all of it for MLA (the
     * latent is shared by every head), {@code max(1/tp, 1/kvHeads)} of it for GQA.
     */
    final double kvShare(int tp) {
        if (mla || tp == 1) {
            return 1;
        }
        int kvHeads = model.numKeyValueHeads();
        return kvHeads >= tp ? 1.0 / tp : 1.0 / kvHeads;
    }

    /** RMSNorm: reads and writes BF16 activations, 4·tokens·hidden bytes and about as many FLOPs; roofline + gap. */
    final double rmsNorm(Summary acc, OpKind kind, double tokens) {
        return elementwise(acc, kind, 4.0 * tokens * hidden, 4.0 * tokens * hidden);
    }

    /** Norms, the router gate and the other small memory-bound passes are timed (calibrated) or left out (seed 000). */
    abstract boolean normsAndRouter();

    /** Weight bytes per element charged for Q down / Q up (seed 000's dump charges none). */
    abstract double qProjectionWeightBytes(double weightBytes);

    /** FlashMLA chunks per sequence (seed 000 computes whole chunks; 0 when keys are the context). */
    abstract int chunks(int context);

    /** Keys the attention core computes. */
    abstract int computedKeys(int context, int chunks);

    /**
     * The prefill attention core's fraction of the tensor rate over a sequence of {@code length} tokens with
     * {@code prefixPairs} unmasked and {@code trianglePairs} causal pairs among {@code newTokens} tokens.
     */
    abstract double prefillAttentionFraction(double length, double prefixPairs, double trianglePairs, double newTokens);

    abstract boolean prefillAttentionExtrapolated(int headDimQk, int headDimV);

    abstract String prefillAttentionBasis(int headDimQk, int headDimV);
}
