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
public abstract class Plan extends OpCosts {
    /** Bytes of an attention GEMM output (BF16). */
    static final double ATTENTION_OUT_BYTES = 2;
    /** Bytes of an expert GEMM output (FP32 accumulators, seed 000's {@code acc_size=4}). */
    static final double EXPERT_OUT_BYTES = 4;


    final ModelConfig model;
    /** The chip's memory and HBM bandwidth as this fidelity reads them (seed 000 reads GB as GiB). */
    final double memoryBytes;
    final double hbmBytesPerSec;
    final Fidelity fidelity;
    final Nic nic;
    final Readings readings;
    /** Non-expert parameters without and with the MTP module, and the parameters of one expert. */
    final double nonExpertParams;
    final double nonExpertParamsWithMtp;
    final double expertParams;
    final int kvEntryWidth;
    final int hidden;
    final int heads;
    final int topk;
    final int sharedWidth;
    final boolean mla;

    Plan(ModelConfig model, Chip chip, double memoryBytes, double hbmBytesPerSec, Nic nic, Readings readings,
         Assumptions assumptions) {
        super(chip, hbmBytesPerSec, assumptions);
        this.model = model;
        this.memoryBytes = memoryBytes;
        this.hbmBytesPerSec = hbmBytesPerSec;
        this.fidelity = readings.fidelity();
        this.nic = nic;
        this.readings = readings;
        this.nonExpertParams = model.nonExpertParams();
        this.nonExpertParamsWithMtp = nonExpertParams + (model.attentionParams()
                + model.sharedExperts() * model.expertParams() + 2.0 * model.hiddenSize() * model.hiddenSize());
        this.expertParams = model.expertParams();
        this.kvEntryWidth = model.kvEntryWidth();
        this.hidden = model.hiddenSize();
        this.heads = model.numHeads();
        this.topk = model.expertsPerToken();
        this.sharedWidth = model.moeIntermediateSize() * model.sharedExperts();
        this.mla = model.attention() == AttentionKind.MLA;
    }

    public Chip chip() {
        return chip;
    }

    /** The chip's HBM bandwidth as this plan's fidelity reads it. */
    public double hbmBytesPerSec() {
        return hbmBytesPerSec;
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
        return s.fidelity() == fidelity && s.model().equals(model) && s.chip().equals(chip)
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
        acc.boundCompute = 0;
        acc.boundMemory = 0;
        acc.boundNetwork = 0;
        acc.sink(Scope.MOE_LAYER, microBatches, layerOps);
        double layer = layer(acc, d, n, fa3, d.batchPerCard() / (double) microBatches, q, acc.stage);
        acc.dominantBound = dominant(acc.boundCompute, acc.boundMemory, acc.boundNetwork);
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
    }

    /** The bound with the most time; a tie keeps the earlier of memory, compute, network. */
    static Bound dominant(double compute, double memory, double network) {
        Bound best = Bound.MEMORY;
        double most = memory;
        if (compute > most) {
            best = Bound.COMPUTE;
            most = compute;
        }
        if (network > most) {
            best = Bound.NETWORK;
        }
        return best;
    }

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
     * costed: attention, (calibrated) norms and router, shared expert, dispatch, routed experts, combine. Returns the
     * layer time under the deployment's pipeline; writes the seconds of each stage into {@code stageOut} (by
     * {@code Stage.ordinal()}) when given.
     */
    final double layer(Summary acc, Deployment d, Numerics n, Fa3Mode fa3, double sequences, int q,
                       double[] stageOut) {
        double tokens = sequences * q;
        int experts = experts(d.ep());
        double pairs = tokens * topk;
        double wb = n.weightDtype().bytes();
        double a0 = 0;
        double a1 = 0;
        if (normsAndRouter()) {
            a0 += rmsNorm(acc, OpKind.ATTENTION_NORM, tokens);
        }
        a0 += attention0(acc, n, sequences, q);
        a1 += attention1(acc, d, n, fa3, sequences, q);
        if (normsAndRouter()) {
            a1 += rmsNorm(acc, OpKind.FFN_NORM, tokens);
            a1 += gemm(acc, OpKind.ROUTER_GATE, Role.ATTENTION, tokens, hidden, model.routedExperts(), 1, false, 2, 2, 4, n);
        }
        double shared = 0;
        if (sharedWidth > 0) {
            double rows = sharedRows(sequences, tokens);
            shared += gemm(acc, OpKind.SHARED_UP, Role.EXPERT_UP, rows, hidden, 2 * sharedWidth, 1, true, 1, 1, EXPERT_OUT_BYTES, n);
            shared += gemm(acc, OpKind.SHARED_DOWN, Role.EXPERT_DOWN, rows, sharedWidth, hidden, 1, true, 1, 1, EXPERT_OUT_BYTES, n);
        }
        double dispatch = network(acc, OpKind.DISPATCH, pairs * dispatchBytesPerPair(), d.ep());
        double rows = expertRows(pairs, experts);
        int inter = model.moeIntermediateSize();
        double moe = gemm(acc, OpKind.ROUTED_UP, Role.EXPERT_UP, rows, hidden, 2 * inter, experts, true, 1, 1, EXPERT_OUT_BYTES, n)
                + gemm(acc, OpKind.ROUTED_DOWN, Role.EXPERT_DOWN, rows, inter, hidden, experts, true, 1, 1, EXPERT_OUT_BYTES, n);
        double combine = network(acc, OpKind.COMBINE, pairs * hidden * combineBytesPerElement(wb), d.ep());
        if (stageOut != null) {
            stageOut[Stage.ATTN_0.ordinal()] = a0;
            stageOut[Stage.ATTN_1.ordinal()] = a1;
            stageOut[Stage.SHARED.ordinal()] = shared;
            stageOut[Stage.DISPATCH.ordinal()] = dispatch;
            stageOut[Stage.MOE.ordinal()] = moe;
            stageOut[Stage.COMBINE.ordinal()] = combine;
        }
        return Pipelines.layerTime(d.policy(), a0, a1, shared, dispatch, moe, combine);
    }

    /**
     * Attn-0, the projections before the attention core: MLA's Q down, KV down, Q up and Q-nope absorb (without query
     * compression one Q projection replaces Q down and Q up), or GQA's fused QKV projection. Non-expert GEMMs take
     * inputs in the weight dtype and write BF16. Returns their seconds.
     */
    final double attention0(Summary acc, Numerics n, double sequences, int q) {
        double tokens = sequences * q;
        boolean fp8 = n.weightDtype() == Dtype.FP8;
        double wb = n.weightDtype().bytes();
        if (!mla) {
            return gemm(acc, OpKind.QKV_PROJECTION, Role.ATTENTION, tokens, hidden,
                    (heads + 2 * model.numKeyValueHeads()) * model.headDim(), 1, fp8, wb, wb, ATTENTION_OUT_BYTES, n);
        }
        return model.compressesQueries() ? mlaProjections(acc, n, tokens, fp8, wb) : mlaDirectQuery(acc, n, tokens, fp8, wb);
    }

    /** MLA with query compression: Q down, KV down, Q up, Q-nope absorb. */
    private double mlaProjections(Summary acc, Numerics n, double tokens, boolean fp8, double wb) {
        double qWeights = qProjectionWeightBytes(wb);
        double out = ATTENTION_OUT_BYTES;
        return gemm(acc, OpKind.Q_DOWN, Role.ATTENTION, tokens, hidden, model.qLoraRank(), 1, fp8, wb, qWeights, out, n)
                + gemm(acc, OpKind.KV_DOWN, Role.ATTENTION, tokens, hidden, kvEntryWidth, 1, fp8, wb, wb, out, n)
                + gemm(acc, OpKind.Q_UP, Role.ATTENTION, tokens, model.qLoraRank(), heads * model.qkHeadDim(), 1, fp8, wb,
                        qWeights, out, n)
                + qNopeAbsorb(acc, n, tokens, fp8, wb);
    }

    /** MLA without query compression (DeepSeek-V2-Lite): one Q projection, KV down, Q-nope absorb. */
    private double mlaDirectQuery(Summary acc, Numerics n, double tokens, boolean fp8, double wb) {
        double out = ATTENTION_OUT_BYTES;
        return gemm(acc, OpKind.Q_PROJECTION, Role.ATTENTION, tokens, hidden, heads * model.qkHeadDim(), 1, fp8, wb,
                qProjectionWeightBytes(wb), out, n)
                + gemm(acc, OpKind.KV_DOWN, Role.ATTENTION, tokens, hidden, kvEntryWidth, 1, fp8, wb, wb, out, n)
                + qNopeAbsorb(acc, n, tokens, fp8, wb);
    }

    private double qNopeAbsorb(Summary acc, Numerics n, double tokens, boolean fp8, double wb) {
        return gemm(acc, OpKind.Q_NOPE_ABSORB, Role.ATTENTION, tokens, model.qkNopeHeadDim(), model.kvLoraRank(), heads,
                fp8, wb, wb, ATTENTION_OUT_BYTES, n);
    }

    /**
     * Attn-1, the attention core and what follows it: MLA's FlashMLA, V absorb and O projection, or GQA's core and O
     * projection. The core's GEMMs run at the FP8 rate only when the KV cache and the weights are both FP8 (seed 000).
     * Returns their seconds.
     */
    final double attention1(Summary acc, Deployment d, Numerics n, Fa3Mode fa3, double sequences, int q) {
        double tokens = sequences * q;
        boolean fp8 = n.weightDtype() == Dtype.FP8;
        double wb = n.weightDtype().bytes();
        boolean coreFp8 = n.kvDtype() == Dtype.FP8 && fp8;
        int context = d.contextTokens();
        int chunks = chunks(context);
        int keys = computedKeys(context, chunks);
        double out = ATTENTION_OUT_BYTES;
        if (!mla) {
            int headDim = model.headDim();
            return core(acc, OpKind.GQA_ATTENTION, sequences, q * heads, context, keys, chunks, headDim, headDim,
                    kvEntryWidth, n.kvDtype(), coreFp8, fa3)
                    + gemm(acc, OpKind.O_PROJECTION, Role.ATTENTION, tokens, heads * headDim, hidden, 1, fp8, wb, wb, out, n);
        }
        return core(acc, OpKind.FLASH_MLA, sequences, q * heads, context, keys, chunks, kvEntryWidth, model.kvLoraRank(),
                kvEntryWidth, n.kvDtype(), coreFp8, fa3)
                + gemm(acc, OpKind.V_ABSORB, Role.ATTENTION, tokens, model.kvLoraRank(), model.vHeadDim(), heads, fp8, wb, wb, out, n)
                + gemm(acc, OpKind.O_PROJECTION, Role.ATTENTION, tokens, heads * model.vHeadDim(), hidden, 1, fp8, wb, wb, out, n);
    }

    /** RMSNorm: reads and writes BF16 activations, 4·tokens·hidden bytes and about as many FLOPs; roofline + gap. */
    final double rmsNorm(Summary acc, OpKind kind, double tokens) {
        return elementwise(acc, kind, 4.0 * tokens * hidden, 4.0 * tokens * hidden);
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
        return new MemoryBreakdown(memoryBytes, nonExpertParams(d) * n.weightDtype().bytes(),
                localExpertBytes(d), perSequence * d.batchPerCard(), reserveBytes(), perSequence);
    }

    final double nonExpertParams(Deployment d) {
        return mtpModuleResident(d) ? nonExpertParamsWithMtp : nonExpertParams;
    }

    final double localExpertBytes(Deployment d) {
        int layers = model.moeLayers() + (mtpModuleResident(d) ? 1 : 0);
        return (double) experts(d.ep()) * layers * expertParams * Dtype.FP8.bytes();
    }

    /** KV cache of one sequence at the context, every layer (and the MTP module's when resident). */
    final double kvBytesPerSequence(Deployment d, Numerics n) {
        int layers = model.numLayers() + (mtpModuleResident(d) ? 1 : 0);
        return (double) d.contextTokens() * kvEntryWidth * layers * n.kvDtype().bytes();
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

    /** {@link #expertsPerCard} kept per EP degree (an integer division costs more than the rest of an op). */
    final int experts(int ep) {
        int e = expertsByEp[ep];
        if (e == 0) {
            e = expertsPerCard(ep);
            expertsByEp[ep] = e;
        }
        return e;
    }

    /** Experts per card by EP degree, 0 until first asked (a benign race: every thread stores the same value). */
    private final int[] expertsByEp = new int[Deployment.MAX_EP + 1];

    /** Rows each local routed expert is timed with, for {@code pairs} token-expert pairs on a card. */
    abstract double expertRows(double pairs, int experts);

    /** Dispatch bytes per token-expert pair. */
    abstract double dispatchBytesPerPair();

    /** Combine bytes per element. */
    abstract double combineBytesPerElement(double weightBytes);

    // ---- the step, memory and throughput ----

    /** Time per output step from the layer time, adding (and recording) any work outside the layers. */
    abstract double step(Summary acc, Deployment d, Numerics n, Fa3Mode fa3, double layerSec);

    /** The MTP module's weights and KV cache stay resident (calibrated, when MTP is on). */
    abstract boolean mtpModuleResident(Deployment d);

    abstract double reserveBytes();

    /** Throughput per card from {@code B × user tokens/s}, in the fidelity's reading. */
    abstract double throughputPerCard(double batchTimesUserTokens, int tokensPerStep);
}
