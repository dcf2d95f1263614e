package dev.ridgeline.engine.plan;

import dev.ridgeline.engine.memory.MemoryBreakdown;
import dev.ridgeline.engine.memory.MemoryModel;
import dev.ridgeline.engine.calibration.Calibration;
import dev.ridgeline.engine.model.AttentionKind;
import dev.ridgeline.engine.model.Fidelity;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.model.Assumptions;
import dev.ridgeline.engine.model.Chip;
import dev.ridgeline.engine.model.Deployment;
import dev.ridgeline.engine.model.Dtype;
import dev.ridgeline.engine.model.Fa3Mode;
import dev.ridgeline.engine.model.ModelConfig;
import dev.ridgeline.engine.model.Nic;
import dev.ridgeline.engine.model.Numerics;
import dev.ridgeline.engine.model.Policy;
import dev.ridgeline.engine.model.Readings;
import dev.ridgeline.engine.ops.OpKind;
import dev.ridgeline.engine.ops.OpKind.Scope;
import dev.ridgeline.engine.ops.Stage;
import dev.ridgeline.engine.roofline.Bound;
import dev.ridgeline.engine.roofline.MlaCompute;
import dev.ridgeline.engine.roofline.OpResult;
import dev.ridgeline.engine.schedule.Pipelines;
import java.util.List;

/**
 * The decode model of one (model, chip, NIC, fidelity, readings, assumptions), prepared once: chip reciprocals and
 * model shapes in final fields, so that a design point (a {@link Deployment} and its {@link Numerics}) costs only
 * straight-line arithmetic. One subclass per fidelity owns that fidelity's readings of the op graph, its op costs,
 * its work outside the layers, its memory budget and its throughput reading ({@link SeedPlan},
 * {@link CalibratedPlan}); this class holds what they share: the operators of one MoE layer (DESIGN 3.2), the
 * pipelines, and the bookkeeping.
 * <p>One kernel serves both paths: {@link #summarize} runs it with nothing recorded and allocates nothing; a detailed
 * evaluation runs the same kernel recording every op ({@link Evaluator}). So the two agree by construction.
 * Immutable and thread-safe; all per-point state lives in the caller's {@link Summary}.
 */
public abstract class Plan {
    /** Bytes of an attention GEMM output (BF16). */
    static final double ATTENTION_OUT_BYTES = 2;
    /** Bytes of an expert GEMM output (FP32 accumulators, seed 000's {@code acc_size=4}). */
    static final double EXPERT_OUT_BYTES = 4;

    /** What a GEMM's efficiency depends on: the promotion discount touches only the expert GEMMs. */
    public enum Role { ATTENTION, EXPERT_UP, EXPERT_DOWN }

    final ModelConfig model;
    /** The chip as the scenario gives it. */
    final Chip sourceChip;
    /** The chip as this fidelity reads it. */
    final Chip chip;
    final Fidelity fidelity;
    final Nic nic;
    final Readings readings;
    final Assumptions assumptions;
    final double invHbm;
    final double fp8Rate;
    final double bf16Rate;
    final double invAdd;
    final int hidden;
    final int heads;
    final int topk;
    final int sharedWidth;
    final boolean mla;

    Plan(ModelConfig model, Chip sourceChip, Chip chip, Nic nic, Readings readings, Assumptions assumptions) {
        this.model = model;
        this.sourceChip = sourceChip;
        this.chip = chip;
        this.fidelity = readings.fidelity();
        this.nic = nic;
        this.readings = readings;
        this.assumptions = assumptions;
        this.invHbm = 1 / chip.hbmBandwidthBytesPerSec();
        this.fp8Rate = chip.fp8FlopsPerSec();
        this.bf16Rate = chip.bf16FlopsPerSec();
        this.invAdd = 1 / chip.fp32AddPerSec();
        this.hidden = model.hiddenSize();
        this.heads = model.numHeads();
        this.topk = model.expertsPerToken();
        this.sharedWidth = model.moeIntermediateSize() * model.sharedExperts();
        this.mla = model.attention() == AttentionKind.MLA;
    }

    /** The chip as this plan's fidelity reads it. */
    public Chip chip() {
        return chip;
    }

    public ModelConfig model() {
        return model;
    }

    public Nic nic() {
        return nic;
    }

    /** The plan for the scenario's model, chip, NIC, fidelity, readings and assumptions. */
    public static Plan of(Scenario s, Calibration calibration) {
        switch (s.fidelity()) {
            case CALIBRATED:
                return new CalibratedPlan(s.model(), s.chip(), s.nic(), s.readings(), s.assumptions(), calibration);
            default:
                return new SeedPlan(s.model(), s.chip(), s.nic(), s.readings(), s.assumptions());
        }
    }

    /** True when this plan was prepared for the scenario's model, chip, NIC, fidelity, readings and assumptions. */
    public final boolean serves(Scenario s) {
        return s.fidelity() == fidelity && s.model().equals(model) && s.chip().equals(sourceChip)
                && s.nic().equals(nic) && s.readings().equals(readings) && s.assumptions().equals(assumptions);
    }

    /** The headline figures of one design point, into {@code out}; allocates nothing. */
    public final void summarize(Deployment d, Numerics n, Summary out) {
        run(d, n, out, null, null);
    }

    /**
     * The detailed path: the same kernel as {@link #summarize}, recording every op of the MoE layer into
     * {@code layerOps} and every op outside it into {@code stepOps}.
     */
    public final void record(Deployment d, Numerics n, Summary out, List<OpResult> layerOps, List<OpResult> stepOps) {
        run(d, n, out, layerOps, stepOps);
    }

    /**
     * The kernel: the MoE layer, the pipeline, the step, throughput and memory. A detailed evaluation passes lists
     * to record the layer's ops and the step's ops into; the summary path passes null and nothing is built.
     */
    final void run(Deployment d, Numerics n, Summary acc, List<OpResult> layerOps, List<OpResult> stepOps) {
        acc.stepRec = stepOps;
        int microBatches = d.policy() == Policy.DUAL_MICRO_BATCH ? 2 : 1;
        int q = 1 + d.mtpDepth();
        Fa3Mode fa3 = n.fa3().resolve(chip);
        acc.lastM = Double.NaN;
        acc.clear(acc.stage);
        acc.clear(acc.byBound);
        acc.sink(acc.stage, acc.byBound, Scope.MOE_LAYER, microBatches, layerOps);
        layer(acc, d, n, fa3, d.batchPerCard() / (double) microBatches, q);
        double layer = Pipelines.layerTime(d.policy(), acc.stage);
        double tpot = step(acc, d, n, fa3, layer);
        double raw = 1.0 / tpot;
        double accepted = acceptedTokensPerStep(d);
        acc.layerTimeSec = layer;
        acc.tpotSec = tpot;
        acc.rawTokensPerSec = raw;
        acc.userTokensPerSec = raw * accepted;
        acc.throughputPerCard = throughputPerCard(raw * d.batchPerCard() * accepted, q);
        MemoryBreakdown m = memory(d, n);
        acc.maxBatch = MemoryModel.maxBatch(m);
        acc.fits = m.freeBytes() >= 0;
        acc.dominantBound = dominant(acc.byBound);
    }

    /** The bound with the most time; ties go to the first in {@link Bound} order after MEMORY's start. */
    static Bound dominant(double[] byBound) {
        Bound best = Bound.MEMORY;
        for (Bound b : BOUNDS) {
            if (byBound[b.ordinal()] > byBound[best.ordinal()]) {
                best = b;
            }
        }
        return best;
    }

    private static final Bound[] BOUNDS = Bound.values();

    /** Tokens accepted per decode step: {@code 1 + Σ_{i=1..mtpDepth} α^i} (seed 000). */
    public static double acceptedTokensPerStep(Deployment d) {
        double sum = 1;
        double p = 1;
        for (int i = 1; i <= d.mtpDepth(); i++) {
            p *= d.mtpAcceptance();
            sum += p;
        }
        return sum;
    }

    /**
     * The operators of one MoE layer for {@code sequences} sequences per card (B, or B/2 per micro-batch), each
     * costed and added to the sink's sums: attention, (calibrated) norms and router, shared expert, dispatch, routed
     * experts, combine.
     */
    final void layer(Summary acc, Deployment d, Numerics n, Fa3Mode fa3, double sequences, int q) {
        double tokens = sequences * q;
        int experts = expertsPerCard(d.ep());
        double pairs = tokens * topk;
        double wb = n.weightDtype().bytes();
        if (normsAndRouter()) {
            rmsNorm(acc, OpKind.ATTENTION_NORM, tokens);
        }
        attention(acc, d, n, fa3, sequences, q);
        if (normsAndRouter()) {
            rmsNorm(acc, OpKind.FFN_NORM, tokens);
            gemm(acc, OpKind.ROUTER_GATE, Role.ATTENTION, tokens, hidden, model.routedExperts(), 1, false, 2, 2, 4, n);
        }
        if (sharedWidth > 0) {
            double rows = sharedRows(sequences, tokens);
            gemm(acc, OpKind.SHARED_UP, Role.EXPERT_UP, rows, hidden, 2 * sharedWidth, 1, true, 1, 1, EXPERT_OUT_BYTES, n);
            gemm(acc, OpKind.SHARED_DOWN, Role.EXPERT_DOWN, rows, sharedWidth, hidden, 1, true, 1, 1, EXPERT_OUT_BYTES, n);
        }
        network(acc, OpKind.DISPATCH, pairs * dispatchBytesPerPair(), d.ep());
        double rows = expertRows(pairs, experts);
        int inter = model.moeIntermediateSize();
        gemm(acc, OpKind.ROUTED_UP, Role.EXPERT_UP, rows, hidden, 2 * inter, experts, true, 1, 1, EXPERT_OUT_BYTES, n);
        gemm(acc, OpKind.ROUTED_DOWN, Role.EXPERT_DOWN, rows, inter, hidden, experts, true, 1, 1, EXPERT_OUT_BYTES, n);
        network(acc, OpKind.COMBINE, pairs * hidden * combineBytesPerElement(wb), d.ep());
    }

    /**
     * The attention block: MLA (attn-0 projections; attn-1 FlashMLA, V absorb, O projection; without query
     * compression one Q projection replaces Q down and Q up) or GQA (a fused QKV projection; the attention core and
     * the O projection). Non-expert GEMMs take inputs in the weight dtype and write BF16.
     */
    final void attention(Summary acc, Deployment d, Numerics n, Fa3Mode fa3, double sequences, int q) {
        double tokens = sequences * q;
        Dtype w = n.weightDtype();
        boolean fp8 = w == Dtype.FP8;
        double wb = w.bytes();
        boolean coreFp8 = n.kvDtype() == Dtype.FP8 && fp8;
        int context = d.contextTokens();
        int chunks = chunks(context);
        int keys = computedKeys(context, chunks);
        double out = ATTENTION_OUT_BYTES;
        if (!mla) {
            int headDim = model.headDim();
            int kvHeads = model.numKeyValueHeads();
            gemm(acc, OpKind.QKV_PROJECTION, Role.ATTENTION, tokens, hidden, (heads + 2 * kvHeads) * headDim, 1, fp8, wb, wb, out, n);
            core(acc, OpKind.GQA_ATTENTION, sequences, q * heads, context, keys, chunks, headDim, headDim,
                    2 * kvHeads * headDim, n.kvDtype(), coreFp8, fa3);
            gemm(acc, OpKind.O_PROJECTION, Role.ATTENTION, tokens, heads * headDim, hidden, 1, fp8, wb, wb, out, n);
            return;
        }
        double qWeights = qProjectionWeightBytes(wb);
        int entry = model.kvEntryWidth();
        int qkHead = model.qkHeadDim();
        if (model.compressesQueries()) {
            gemm(acc, OpKind.Q_DOWN, Role.ATTENTION, tokens, hidden, model.qLoraRank(), 1, fp8, wb, qWeights, out, n);
            gemm(acc, OpKind.KV_DOWN, Role.ATTENTION, tokens, hidden, entry, 1, fp8, wb, wb, out, n);
            gemm(acc, OpKind.Q_UP, Role.ATTENTION, tokens, model.qLoraRank(), heads * qkHead, 1, fp8, wb, qWeights, out, n);
        } else {
            gemm(acc, OpKind.Q_PROJECTION, Role.ATTENTION, tokens, hidden, heads * qkHead, 1, fp8, wb, qWeights, out, n);
            gemm(acc, OpKind.KV_DOWN, Role.ATTENTION, tokens, hidden, entry, 1, fp8, wb, wb, out, n);
        }
        gemm(acc, OpKind.Q_NOPE_ABSORB, Role.ATTENTION, tokens, model.qkNopeHeadDim(), model.kvLoraRank(), heads, fp8, wb, wb, out, n);
        core(acc, OpKind.FLASH_MLA, sequences, q * heads, context, keys, chunks, entry, model.kvLoraRank(), entry,
                n.kvDtype(), coreFp8, fa3);
        gemm(acc, OpKind.V_ABSORB, Role.ATTENTION, tokens, model.kvLoraRank(), model.vHeadDim(), heads, fp8, wb, wb, out, n);
        gemm(acc, OpKind.O_PROJECTION, Role.ATTENTION, tokens, heads * model.vHeadDim(), hidden, 1, fp8, wb, wb, out, n);
    }

    /**
     * {@code count} GEMMs of {@code m x k -> n}: FLOPs {@code 2·m·k·n}, bytes {@code m·k·inBytes + k·n·weightBytes +
     * m·n·outBytes} each; {@code t = max(FLOPs / (rate·e), bytes / hbm) / f + overhead} with the fidelity's compute
     * efficiency e, roofline fraction f and overhead (DESIGN 3.3, 3.5, 3.8). The rate is FP8 for 1-byte inputs
     * ({@code fp8}), else BF16.
     */
    final void gemm(Summary acc, OpKind kind, Role role, double m, int k, int nOut, int count, boolean fp8,
                    double inBytes, double weightBytes, double outBytes, Numerics n) {
        double mk = m * k;
        double flops = 2.0 * mk * nOut * count;
        double weights = (double) k * nOut * weightBytes * count;
        double activations = (mk * inBytes + m * nOut * outBytes) * count;
        double e = computeEfficiency(role, m, fp8, n);
        double compute = flops / ((fp8 ? fp8Rate : bf16Rate) * e);
        double memory = (weights + activations) * invHbm;
        double f = rooflineFraction(acc, kind, m, k, nOut, n);
        double overhead = gemmOverhead(n);
        double t = Math.max(compute, memory) / f + overhead;
        Bound bound = compute >= memory ? Bound.COMPUTE : Bound.MEMORY;
        account(acc, kind, t, bound);
        if (acc.rec != null) {
            acc.rec.add(OpResult.of(kind, acc.scope, acc.inv, flops, weights, activations, 0, 0, compute, memory, 0,
                    overhead, t, bound, f == 1 ? e : f, gemmExtrapolated(kind, m, k, nOut, fp8, n), gemmBasis(kind, k, nOut, n)));
        }
    }

    /**
     * An attention core (seed 000's FlashMLA model, also timing GQA): QK^T over {@code qkWidth} and PV over
     * {@code pvWidth} for every query row and computed key; softmax one exp2 and two FP32 additions per score; the
     * FA3 mode combines them. KV read {@code sequences·L·kvElements·kvBytes}. {@code t = max(compute·s, kv / (hbm·f))
     * + overhead} with the fidelity's compute scale s, memory fraction f and overhead.
     */
    final void core(Summary acc, OpKind kind, double sequences, int queries, int context, int keys, int chunks,
                    int qkWidth, int pvWidth, int kvElements, Dtype kvDtype, boolean fp8, Fa3Mode fa3) {
        double scores = sequences * queries * (double) keys;
        double flops = 2.0 * scores * (qkWidth + pvWidth);
        double compute = MlaCompute.seconds(chip, fa3, scores, qkWidth, pvWidth, fp8 ? Dtype.FP8 : Dtype.BF16)
                * attentionComputeScale();
        double kv = sequences * context * (double) kvElements * kvDtype.bytes();
        double memory = kv * invHbm / attentionMemoryFraction();
        double overhead = attentionOverhead(sequences, chunks);
        double t = Math.max(compute, memory) + overhead;
        Bound bound = compute >= memory ? Bound.COMPUTE : Bound.MEMORY;
        account(acc, kind, t, bound);
        if (acc.rec != null) {
            acc.rec.add(OpResult.of(kind, acc.scope, acc.inv, flops, 0, 0, kv, 0, compute, memory, 0, overhead, t, bound,
                    1 / attentionComputeScale(), attentionExtrapolated(kind, kvDtype), attentionBasis(kind)));
        }
    }

    /** RMSNorm: reads and writes BF16 activations, 4·tokens·hidden bytes and about as many FLOPs; roofline + gap. */
    final void rmsNorm(Summary acc, OpKind kind, double tokens) {
        elementwise(acc, kind, 4.0 * tokens * hidden, 4.0 * tokens * hidden);
    }

    /** Memory-bound vector work: {@code max(bytes / hbm, flops / FP32-add rate)} plus the kernel gap. */
    final void elementwise(Summary acc, OpKind kind, double bytes, double flops) {
        double memory = bytes * invHbm;
        double compute = flops * invAdd;
        double gap = assumptions.kernelGapSec();
        double t = Math.max(compute, memory) + gap;
        Bound bound = compute >= memory ? Bound.COMPUTE : Bound.MEMORY;
        account(acc, kind, t, bound);
        if (acc.rec != null) {
            acc.rec.add(OpResult.of(kind, acc.scope, acc.inv, flops, 0, bytes, 0, 0, compute, memory, 0, gap, t, bound,
                    1.0, true, "roofline; no measurement (" + kind.label() + ")"));
        }
    }

    /** Dispatch or combine of {@code bytes} per card at EP {@code ep}: the fidelity's network model. */
    final void network(Summary acc, OpKind kind, double bytes, int ep) {
        double t = networkSeconds(kind, bytes, ep);
        account(acc, kind, t, Bound.NETWORK);
        if (acc.rec != null) {
            double fixed = networkFixedSeconds(kind, ep);
            acc.rec.add(OpResult.of(kind, acc.scope, acc.inv, 0, 0, 0, 0, bytes, 0, 0, t - fixed, fixed, t,
                    Bound.NETWORK, 1.0, networkExtrapolated(kind, bytes, ep), networkBasis(kind, bytes, ep)));
        }
    }

    /**
     * Adds an op's time to the sink: per stage of one micro-batch and per bound over all invocations in the MoE
     * layer; the scope's total otherwise.
     */
    static void account(Summary acc, OpKind kind, double t, Bound bound) {
        if (acc.scope == Scope.MOE_LAYER) {
            acc.sinkStage[kind.stage().ordinal()] += t;
            acc.sinkBound[bound.ordinal()] += t * acc.inv;
        } else {
            acc.sinkStage[Stage.STEP.ordinal()] += t * acc.inv;
        }
    }

    /** The largest batch per card whose KV cache fits beside the weights; independent of the batch itself. */
    public final int maxBatch(Deployment d, Numerics n) {
        return MemoryModel.maxBatch(memory(d, n));
    }

    /** Bandwidth of the link EP traffic takes: the scale-up fabric when EP fits in its domain, else the NIC. */
    public final double linkBytesPerSec(int ep) {
        return chip.scaleUpCovers(ep) ? chip.scaleUpBandwidthBytesPerSec() : nic.bandwidthBytesPerSec();
    }

    /**
     * HBM of one card (seed 000's memory formula, DESIGN 3.6): non-expert weights (all attention blocks, embeddings,
     * dense FFNs, shared experts; plus the MTP module when the fidelity keeps it resident) in the weight dtype, the
     * local experts in FP8, the KV cache of the batch, and the fidelity's reserve. A small record, so the summary
     * path keeps it in registers.
     */
    public final MemoryBreakdown memory(Deployment d, Numerics n) {
        double perSequence = kvBytesPerSequence(d, n);
        return new MemoryBreakdown(chip.memoryBytes(), nonExpertParams(d) * n.weightDtype().bytes(),
                localExpertBytes(d), perSequence * d.batchPerCard(), reserveBytes(), perSequence);
    }

    final double nonExpertParams(Deployment d) {
        return model.nonExpertParams() + (mtpModuleResident(d)
                ? model.attentionParams() + model.sharedExperts() * model.expertParams() + 2.0 * hidden * hidden : 0);
    }

    final double localExpertBytes(Deployment d) {
        int layers = model.moeLayers() + (mtpModuleResident(d) ? 1 : 0);
        return (double) expertsPerCard(d.ep()) * layers * model.expertParams() * Dtype.FP8.bytes();
    }

    /** KV cache of one sequence at the context, every layer (and the MTP module's when resident). */
    final double kvBytesPerSequence(Deployment d, Numerics n) {
        int layers = model.numLayers() + (mtpModuleResident(d) ? 1 : 0);
        return (double) d.contextTokens() * model.kvEntryWidth() * layers * n.kvDtype().bytes();
    }

    // ---- the fidelity's readings of the op graph ----

    /** Norms and the router gate are timed (calibrated) or left out (seed 000). */
    abstract boolean normsAndRouter();

    /** Weight bytes per element charged for Q down / Q up (seed 000's dump charges none). */
    abstract double qProjectionWeightBytes(double weightBytes);

    /** Rows the shared expert runs: the sequences (seed 000) or every token. */
    abstract double sharedRows(double sequences, double tokens);

    /** FlashMLA chunks per sequence (seed 000 computes whole chunks; 0 when keys are the context). */
    abstract int chunks(int context);

    /** Keys the attention core computes. */
    abstract int computedKeys(int context, int chunks);

    /** Routed experts a card holds. */
    abstract int expertsPerCard(int ep);

    /** Rows each local routed expert is timed with, for {@code pairs} token-expert pairs on a card. */
    abstract double expertRows(double pairs, int experts);

    /** Dispatch bytes per token-expert pair. */
    abstract double dispatchBytesPerPair();

    /** Combine bytes per element. */
    abstract double combineBytesPerElement(double weightBytes);

    // ---- the fidelity's costs ----

    /** Fraction of the tensor peak the compute side of a GEMM uses. */
    abstract double computeEfficiency(Role role, double m, boolean fp8, Numerics n);

    /** Fraction of the roofline the GEMM reaches (1 = the roofline). */
    abstract double rooflineFraction(Summary acc, OpKind kind, double m, int k, int nOut, Numerics n);

    abstract double gemmOverhead(Numerics n);

    abstract boolean gemmExtrapolated(OpKind kind, double m, int k, int nOut, boolean fp8, Numerics n);

    abstract String gemmBasis(OpKind kind, int k, int nOut, Numerics n);

    abstract double attentionComputeScale();

    abstract double attentionMemoryFraction();

    abstract double attentionOverhead(double sequences, int chunks);

    abstract boolean attentionExtrapolated(OpKind kind, Dtype kvDtype);

    abstract String attentionBasis(OpKind kind);

    abstract double networkSeconds(OpKind kind, double bytes, int ep);

    abstract double networkFixedSeconds(OpKind kind, int ep);

    abstract boolean networkExtrapolated(OpKind kind, double bytes, int ep);

    abstract String networkBasis(OpKind kind, double bytes, int ep);

    // ---- the step, memory and throughput ----

    /** Time per output step from the layer time, adding (and recording) any work outside the layers. */
    abstract double step(Summary acc, Deployment d, Numerics n, Fa3Mode fa3, double layerSec);

    /** The MTP module's weights and KV cache stay resident (calibrated, when MTP is on). */
    abstract boolean mtpModuleResident(Deployment d);

    abstract double reserveBytes();

    /** Throughput per card from {@code B × user tokens/s}, in the fidelity's reading. */
    abstract double throughputPerCard(double batchTimesUserTokens, int tokensPerStep);
}
