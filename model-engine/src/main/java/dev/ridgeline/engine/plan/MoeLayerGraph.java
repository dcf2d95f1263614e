package dev.ridgeline.engine.plan;

import dev.ridgeline.engine.model.Assumptions;
import dev.ridgeline.engine.model.Chip;
import dev.ridgeline.engine.model.Deployment;
import dev.ridgeline.engine.model.ExpertDtype;
import dev.ridgeline.engine.model.Fa3Mode;
import dev.ridgeline.engine.model.ModelConfig;
import dev.ridgeline.engine.model.Numerics;
import dev.ridgeline.engine.model.Prefill;
import dev.ridgeline.engine.ops.OpKind;
import dev.ridgeline.engine.ops.Stage;
import dev.ridgeline.engine.schedule.Pipelines;

/**
 * The operators of one MoE layer (DESIGN 3.2) for any layout (DESIGN 3.10: attention TP and MoE TP x EP are inputs
 * of this one graph): the attention of {@link AttentionGraph}, then the norms and router, the shared expert, dispatch,
 * the routed experts of the hottest card, combine and the all-reduces, timed under the deployment's pipeline. The
 * fidelity's readings of the experts and the EP messages are the abstract methods below ({@link Plan} and its
 * subclasses).
 */
abstract class MoeLayerGraph extends AttentionGraph {
    /** Bytes of an expert GEMM output (FP32 accumulators, seed 000's {@code acc_size=4}). */
    static final double EXPERT_OUT_BYTES = 4;

    final int topk;
    final int sharedWidth;

    MoeLayerGraph(ModelConfig model, Chip chip, double hbmBytesPerSec, Assumptions assumptions) {
        super(model, chip, hbmBytesPerSec, assumptions);
        this.topk = model.expertsPerToken();
        this.sharedWidth = model.moeIntermediateSize() * model.sharedExperts();
    }

    /**
     * The operators of one MoE layer for {@code sequences} sequences of an attention group (B, or B/2 per
     * micro-batch), each costed: attention (split over the group's {@code t = attentionTp} cards) and its all-reduce,
     * then, on each card's t-th of the group's tokens, (calibrated) norms and router, the shared expert, dispatch, the
     * routed experts of the hottest card, combine, and the all-reduce that gives the group its tokens back. Returns
     * the layer time under the deployment's pipeline; writes the seconds of each stage into {@code stageOut} (by
     * {@code Stage.ordinal()}) when given.
     */
    final double layer(Summary acc, Deployment d, Numerics n, Fa3Mode fa3, double sequences, int q, Prefill p,
                       double[] stageOut) {
        int t = d.attentionTp();
        double tokens = sequences * q;
        double share = t == 1 ? tokens : tokens / t;
        double a0 = 0;
        double a1 = 0;
        if (normsAndRouter()) {
            a0 += rmsNorm(acc, OpKind.ATTENTION_NORM, tokens);
        }
        if (p == null) {
            double attention0 = attention0(acc, n, t, sequences, q);
            double attention1 = attention1(acc, d.contextTokens(), n, fa3, t, sequences, q);
            acc.attention0Sec = attention0;
            acc.attention1Sec = attention1;
            a0 += attention0;
            a1 += attention1;
        } else {
            double part = tokens / p.chunkTokens();
            a0 += prefillProjections(acc, n, t, tokens, p.decompressedKeys() * part);
            a1 += prefillAttention(acc, n, t, p, part);
        }
        double attnReduce = t == 1 ? 0 : allReduce(acc, OpKind.ATTENTION_ALL_REDUCE, tokens, hidden, t);
        if (normsAndRouter()) {
            a1 += rmsNorm(acc, OpKind.FFN_NORM, share);
            a1 += gemm(acc, OpKind.ROUTER_GATE, Role.ATTENTION, 0, share, hidden, model.routedExperts(), 1, BF16, 2, 2, 4, n);
        }
        double shared = sharedExpert(acc, d, n, sequences, tokens, share);
        if (p != null && sharedWidth > 0 && normsAndRouter()) {
            shared += sharedActivation(acc, d, tokens, share);
        }
        double moe = routedExperts(acc, d, n, share, p != null);
        double moeReduce = t == 1 ? 0 : allReduce(acc, OpKind.MOE_ALL_REDUCE, tokens, hidden, t);
        if (stageOut != null) {
            stageOut[Stage.ATTN_0.ordinal()] = a0;
            stageOut[Stage.ATTN_1.ordinal()] = a1;
            stageOut[Stage.SHARED.ordinal()] = shared;
            stageOut[Stage.DISPATCH.ordinal()] = acc.dispatchSec;
            stageOut[Stage.MOE.ordinal()] = moe;
            stageOut[Stage.COMBINE.ordinal()] = acc.combineSec;
            stageOut[Stage.ATTN_REDUCE.ordinal()] = attnReduce;
            stageOut[Stage.MOE_REDUCE.ordinal()] = moeReduce;
        }
        return Pipelines.layerTime(d.policy(), a0, a1, attnReduce, shared, acc.dispatchSec, moe, acc.combineSec, moeReduce);
    }

    /**
     * The shared expert, in FP8: on each card's share of the tokens with its whole weights, or, when the tokens are on
     * every card of the MoE (attention TP over all of its cards), split over those cards like the routed experts.
     */
    private double sharedExpert(Summary acc, Deployment d, Numerics n, double sequences, double tokens, double share) {
        if (sharedWidth == 0) {
            return 0;
        }
        int split = tokensOnEveryCard(d) ? d.attentionTp() : 1;
        double rows = split == 1 ? sharedRows(sequences, share) : tokens;
        int width = perRank(sharedWidth, split);
        int v = variant(0, split);
        return gemm(acc, OpKind.SHARED_UP, Role.EXPERT_UP, v, rows, hidden, 2 * width, 1, FP8, 1, 1, EXPERT_OUT_BYTES, n)
                + gemm(acc, OpKind.SHARED_DOWN, Role.EXPERT_DOWN, v, rows, width, hidden, 1, FP8, 1, 1, EXPERT_OUT_BYTES, n);
    }

    /**
     * Prefill's elementwise passes around the shared expert (SGLang's DeepEP MoE at its large-scale EP deployment,
     * https://lmsys.org/blog/2025-05-05-large-scale-ep/: the FP8 linears quantize their input per token group, {@code
     * SiluAndMul} between them, and the shared output added to the routed experts' combined one): the card's rows of
     * the hidden state quantized, the up output's SiLU of gate times up read and quantized for the down GEMM (as the
     * routed experts' {@link OpKind#EXPERT_ACTIVATION}), and the sum (two BF16 reads, one write) on the card's share.
     */
    private double sharedActivation(Summary acc, Deployment d, double tokens, double share) {
        int split = tokensOnEveryCard(d) ? d.attentionTp() : 1;
        double rows = split == 1 ? share : tokens;
        int width = perRank(sharedWidth, split);
        return elementwise(acc, OpKind.SHARED_ACTIVATION, rows * (hidden * QUANTIZE_BYTES
                + width * (2 * EXPERT_OUT_BYTES + 1)) + share * hidden * 6.0, 3.0 * rows * width);
    }

    /** True when attention TP spans every card of the MoE: each card holds all of the tokens, no dispatch is needed. */
    static boolean tokensOnEveryCard(Deployment d) {
        return d.attentionTp() > 1 && d.attentionTp() == d.moeCards();
    }

    /**
     * Dispatch, the routed experts of the hottest card and combine. The mean card receives {@code P = share·k·moeTp}
     * token-expert pairs (each pair reaches every one of an expert's moeTp shards); the fidelity says what the
     * hottest card receives and how many of its experts that hits ({@link #expertLoad}); each hit expert's shard runs
     * a GEMM over its own rows. Dispatch and combine carry the hottest card's pairs over the link of the MoE's
     * {@code ep·moeTp} cards, unless every card already holds the tokens. Sets the dispatch and combine seconds in
     * {@code acc}; returns the routed experts' seconds.
     */
    private double routedExperts(Summary acc, Deployment d, Numerics n, double share, boolean prefill) {
        int tm = d.moeTp();
        int cards = d.moeCards();
        double pairs = tm == 1 ? share * topk : share * topk * tm;
        expertLoad(acc, d, pairs);
        boolean local = tokensOnEveryCard(d);
        double copies = prefill ? share * prefillDestinations(d) * acc.hotPairs / acc.meanPairs : 0;
        acc.dispatchSec = local ? 0 : prefill ? prefillNetwork(acc, OpKind.DISPATCH, copies * dispatchBytesPerPair(), cards)
                : network(acc, OpKind.DISPATCH, acc.hotPairs * dispatchBytesPerPair(), cards,
                d.localPeersOverScaleUp());
        ExpertDtype ed = n.expertDtype();
        int rate = ed.fp4() ? FP4 : ed == ExpertDtype.BF16 ? BF16 : FP8;
        double eb = ed.bytesPerElement();
        double in = ed.fp4() ? eb : ed == ExpertDtype.BF16 ? 2 : 1;
        int inter = perRank(model.moeIntermediateSize(), tm);
        int v = variant(ed.ordinal(), tm) + (prefill ? PREFILL_VARIANT : 0);
        double rows = acc.expertRows;
        double hit = acc.expertsHit;
        double moe = gemm(acc, OpKind.ROUTED_UP, Role.EXPERT_UP, v, rows, hidden, 2 * inter, hit, rate, in, eb,
                EXPERT_OUT_BYTES, n)
                + gemm(acc, OpKind.ROUTED_DOWN, Role.EXPERT_DOWN, v, rows, inter, hidden, hit, rate, in, eb,
                EXPERT_OUT_BYTES, n);
        if (!prefill) {
            moe += routedBlock(acc);
        }
        if (prefill && normsAndRouter()) {
            moe += elementwise(acc, OpKind.EXPERT_ACTIVATION, acc.hotPairs * inter * (2 * EXPERT_OUT_BYTES + in),
                    3.0 * acc.hotPairs * inter)
                    + elementwise(acc, OpKind.TOKEN_PERMUTE, acc.hotPairs * hidden * (2 * in + 2 * 2.0), 0);
        }
        double combineBytes = hidden * combineBytesPerElement(n.weightDtype().bytes());
        acc.combineSec = local ? 0 : prefill ? prefillNetwork(acc, OpKind.COMBINE, copies * combineBytes, cards)
                : network(acc, OpKind.COMBINE, acc.hotPairs * combineBytes, cards,
                d.localPeersOverScaleUp());
        return moe;
    }

    // ---- the fidelity's readings of the experts and the EP messages ----

    /** Rows the shared expert runs: the sequences (seed 000) or every token of the card's share. */
    abstract double sharedRows(double sequences, double tokens);

    /**
     * The routed experts of the hottest card when the mean card receives {@code pairs} pairs: sets
     * {@code acc.hotPairs}, {@code acc.expertsHit} (experts it reads) and {@code acc.expertRows} (rows each runs).
     */
    abstract void expertLoad(Summary acc, Deployment d, double pairs);

    /**
     * Decode's routed-expert block beyond its two GEMMs: the fidelity's fixed cost of routing, quantizing and finalizing
     * (0 in seed fidelity, which has no such kernels), recorded as {@link OpKind#ROUTED_BLOCK} when positive; returns
     * its seconds.
     */
    abstract double routedBlock(Summary acc);

    /** Dispatch bytes per token-expert pair (per token and destination in prefill). */
    abstract double dispatchBytesPerPair();

    /**
     * Copies of a token prefill's dispatch sends: one per destination its experts fall on (calibrated: nodes over the
     * NIC, cards inside the scale-up domain, under the model's group-limited routing), or one per expert (seed).
     */
    abstract double prefillDestinations(Deployment d);

    /** Combine bytes per element. */
    abstract double combineBytesPerElement(double weightBytes);
}
