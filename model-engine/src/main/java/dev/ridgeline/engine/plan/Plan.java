package dev.ridgeline.engine.plan;

import dev.ridgeline.engine.calibration.Calibration;
import dev.ridgeline.engine.memory.MemoryBreakdown;
import dev.ridgeline.engine.memory.MemoryModel;
import dev.ridgeline.engine.model.Assumptions;
import dev.ridgeline.engine.model.Chip;
import dev.ridgeline.engine.model.Deployment;
import dev.ridgeline.engine.model.Fa3Mode;
import dev.ridgeline.engine.model.Fidelity;
import dev.ridgeline.engine.model.ModelConfig;
import dev.ridgeline.engine.model.Nic;
import dev.ridgeline.engine.model.Numerics;
import dev.ridgeline.engine.model.Policy;
import dev.ridgeline.engine.model.Prefill;
import dev.ridgeline.engine.model.Readings;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.ops.OpKind;
import dev.ridgeline.engine.ops.OpKind.Scope;
import dev.ridgeline.engine.roofline.Bound;
import dev.ridgeline.engine.roofline.OpResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The decode model of one (model, chip, NIC, fidelity, readings, assumptions), prepared once: chip reciprocals and
 * model shapes in final fields, so that a design point (a {@link Deployment} and its {@link Numerics}) costs only
 * straight-line arithmetic. One subclass per fidelity owns that fidelity's readings of the op graph, its op costs,
 * its work outside the layers, its memory budget and its throughput reading ({@link SeedPlan},
 * {@link CalibratedPlan}); this class holds what they share: the kernel over the operators of one MoE layer
 * ({@link MoeLayerGraph}), the step, memory and throughput, and the bookkeeping.
 * <p>One kernel serves both paths: {@link #summarize} runs it with nothing recorded and allocates nothing; a detailed
 * evaluation runs the same kernel recording every op. So the two agree by construction. Immutable and thread-safe;
 * all per-point state lives in the caller's {@link Summary}.
 */
public abstract class Plan extends MoeLayerGraph {
    /** The chip's memory and HBM bandwidth as this fidelity reads it (seed 000 reads GB as GiB). */
    final double memoryBytes;
    final double hbmBytesPerSec;
    final Fidelity fidelity;
    final Nic nic;
    final Readings readings;
    final CardMemory cardMemory;

    Plan(ModelConfig model, Chip chip, FidelityRules rules, Nic nic, Readings readings, Assumptions assumptions) {
        super(model, chip, rules.hbmBytesPerSec(chip), assumptions);
        this.memoryBytes = rules.memoryBytes(chip);
        this.hbmBytesPerSec = rules.hbmBytesPerSec(chip);
        this.fidelity = readings.fidelity();
        this.nic = nic;
        this.readings = readings;
        this.cardMemory = new CardMemory(model);
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

    /** What this plan's fidelity decides (the chip's reading, expert slots, the readings in force, ...). */
    public abstract FidelityRules rules();

    /**
     * What the scenario's fidelity decides, without preparing a plan: the one place the fidelity is turned into
     * readings (issue 19, item 5).
     */
    public static FidelityRules rules(Scenario s) {
        return rules(s.fidelity());
    }

    /** What a fidelity decides, for a caller that has not built the scenario yet (the window moving to it). */
    public static FidelityRules rules(Fidelity fidelity) {
        switch (fidelity) {
            case CALIBRATED:
                return CalibratedRules.INSTANCE;
            default:
                return SeedRules.INSTANCE;
        }
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

    /**
     * The chip prefill's compute runs on (see {@link PrefillPass#prefillChip}): the scenario's, or in calibrated
     * fidelity with dispatch and combine overlapped, its compute rates less the share DeepEP's kernels hold.
     */
    public static Chip prefillChip(Scenario s) {
        return PrefillPass.prefillChip(s);
    }

    /** True when this plan was prepared for the scenario's model, chip, NIC, fidelity, readings and assumptions. */
    public final boolean serves(Scenario s) {
        // the same object first: a sweep's configurations share their model and hardware, and a record's equals
        // compares every field (a sweep and its headline ask this once per configuration)
        return s.fidelity() == fidelity && same(s.model(), model) && same(s.chip(), chip) && same(s.nic(), nic)
                && same(s.readings(), readings) && same(s.assumptions(), assumptions);
    }

    private static boolean same(Object a, Object b) {
        return a == b || a.equals(b);
    }

    /** The headline figures of one design point, into {@code out}; allocates nothing. */
    public final void summarize(Deployment d, Numerics n, Summary out) {
        run(d, d.batchPerCard(), n, out, null, null);
    }

    /**
     * The headline figures of {@code d} at batch {@code batch} per card (d's own batch unread), into {@code out}: the
     * same as {@code summarize(d.withBatch(batch), n, out)} without the copy, which a sweep made per point and which
     * escaped into the heap (SummaryAtBatchTest).
     */
    public final void summarize(Deployment d, int batch, Numerics n, Summary out) {
        if (batch < 1 || batch > Deployment.MAX_BATCH) {
            throw new IllegalArgumentException("batch must be in [1, " + Deployment.MAX_BATCH + "], was " + batch);
        }
        run(d, batch, n, out, null, null);
    }

    /**
     * The detailed path: the same kernel as {@link #summarize}, recording every op of the MoE layer into
     * {@code layerOps} and every op outside it into {@code stepOps}.
     */
    public final void record(Deployment d, Numerics n, Summary out, List<OpResult> layerOps, List<OpResult> stepOps) {
        run(d, d.batchPerCard(), n, out, layerOps, stepOps);
    }

    /**
     * The prefill of one step (DESIGN 4c) into {@code out}: the same layer graph with prefill's readings (the chunk's
     * tokens, non-absorbed attention, DeepEP's normal kernels), prefill's pipeline, the step, tokens/s per card and a
     * request's TTFT. Allocates nothing but the prefill's small records.
     */
    public final void summarizePrefill(Deployment d, Numerics n, Prefill p, Summary out) {
        PrefillPass.run(this, d, n, p, out, null, null);
    }

    /** {@link #summarizePrefill} recording every op of the MoE layer and of the step. */
    public final void recordPrefill(Deployment d, Numerics n, Prefill p, Summary out, List<OpResult> layerOps,
                                    List<OpResult> stepOps) {
        PrefillPass.run(this, d, n, p, out, layerOps, stepOps);
    }

    /**
     * The kernel: the MoE layer, the pipeline, the step, throughput and memory. A detailed evaluation passes lists
     * to record the layer's ops and the step's ops into; the summary path passes null and nothing is built.
     * {@code batch} is the batch per card run (the deployment's own is not read).
     */
    final void run(Deployment d, int batch, Numerics n, Summary acc, List<OpResult> layerOps, List<OpResult> stepOps) {
        acc.stepRec = stepOps;
        acc.batch = batch;
        int microBatches = d.policy() == Policy.DUAL_MICRO_BATCH ? 2 : 1;
        int q = 1 + d.mtpDepth();
        Fa3Mode fa3 = n.fa3().resolve(chip);
        acc.lastM = Double.NaN;
        acc.boundCompute = 0;
        acc.boundMemory = 0;
        acc.boundNetwork = 0;
        acc.boundLatency = 0;
        acc.sink(Scope.MOE_LAYER, microBatches, layerOps);
        double layer = layer(acc, d, n, fa3, perMicroBatch(batch, microBatches), q, null, acc.stage);
        acc.hottestLoad = acc.hotPairs / acc.meanPairs;
        acc.expertsReadShown = acc.expertsHit;
        acc.slotsShown = acc.slots;
        acc.dominantBound = dominant(acc.boundCompute, acc.boundMemory, acc.boundNetwork, acc.boundLatency);
        double tpot = step(acc, d, n, fa3, layer);
        double raw = 1.0 / tpot;
        double accepted = acceptedTokensPerStep(d);
        acc.layerTimeSec = layer;
        acc.tpotSec = tpot;
        acc.rawTokensPerSec = raw;
        acc.userTokensPerSec = raw * accepted;
        acc.throughputPerCard = throughputPerCard(raw * batch * accepted, q, d.attentionTp());
        // memory's parts as numbers, not its record: the record escaped C2's analysis in the sweep's compiled code
        boolean mtp = mtpModuleResident(d);
        double perSequence = kvBytesPerSequence(d, n, mtp);
        double nonExpert = nonExpertBytes(d, n, mtp);
        double experts = localExpertBytes(d, n, mtp);
        double reserve = reserveBytes();
        acc.maxBatch = MemoryModel.maxBatch(memoryBytes, nonExpert, experts, reserve, perSequence);
        acc.fits = MemoryBreakdown.freeBytes(memoryBytes, nonExpert, experts, perSequence * batch, reserve) >= 0;
    }

    /**
     * The sequences of one micro-batch, {@code batch / microBatches} for one or two micro-batches: halving is exact in
     * binary, so the product by 0.5 is the quotient's double without a division.
     */
    static double perMicroBatch(int batch, int microBatches) {
        return microBatches == 1 ? batch : batch * 0.5;
    }

    /** The MTP module: one MoE layer at q = 1 for the card's batch, under the same pipeline; returns its time. */
    final double mtpLayer(Summary acc, Deployment d, Numerics n, Fa3Mode fa3) {
        int microBatches = d.policy() == Policy.DUAL_MICRO_BATCH ? 2 : 1;
        List<OpResult> stepRec = acc.stepRec;
        List<OpResult> nested = stepRec == null ? null : new ArrayList<>();
        acc.sink(Scope.MOE_LAYER, microBatches, nested);
        double t = layer(acc, d, n, fa3, perMicroBatch(acc.batch, microBatches), 1, null, null);
        if (stepRec != null) {
            recordMtpLayer(stepRec, nested, d, t);
        }
        return t;
    }

    /** The detailed path's record of the MTP module's layer, its ops {@code nested} inside it. */
    private static void recordMtpLayer(List<OpResult> stepRec, List<OpResult> nested, Deployment d, double t) {
        double[] byBound = new double[Bound.values().length];
        for (OpResult op : nested) {
            byBound[op.bound().ordinal()] += op.timePerLayerSec();
        }
        stepRec.add(OpResult.of(OpKind.MTP_LAYER, Scope.STEP, d.mtpDepth(), 0, 0, 0, 0, 0, 0, 0, 0, 0, t,
                dominant(byBound[Bound.COMPUTE.ordinal()], byBound[Bound.MEMORY.ordinal()],
                        byBound[Bound.NETWORK.ordinal()], byBound[Bound.LATENCY.ordinal()]), 1.0, nested.stream().anyMatch(OpResult::extrapolated),
                "one MoE layer at q = 1, timed as above"));
    }

    /**
     * The host's share of a GPU step ({@code Assumptions.hostOverheadFraction}), not overlapped; recorded on the
     * detailed path. Returns its seconds.
     */
    final double hostShare(Summary acc, double gpu) {
        double host = assumptions.hostOverheadFraction() * gpu;
        if (acc.stepRec != null) {
            recordHost(acc.stepRec, host);
        }
        return host;
    }

    /** The detailed path's record of the host's share ({@link #hostShare}). */
    private void recordHost(List<OpResult> stepRec, double host) {
        stepRec.add(OpResult.of(OpKind.HOST, Scope.STEP, 1, 0, 0, 0, 0, 0, 0, 0, 0, host, host, Bound.HOST, 1.0,
                true, "assumption: " + Math.round(assumptions.hostOverheadFraction() * 100) + " % of the GPU "
                        + "step, not overlapped (SGLang v0.4 zero-overhead scheduler: 1.1x from overlapping it, "
                        + "https://lmsys.org/blog/2024-12-04-sglang-v0-4/)"));
    }

    /** The bound with the most time; a tie keeps the earlier of memory, compute, network, latency. */
    static Bound dominant(double compute, double memory, double network, double latency) {
        Bound best = Bound.MEMORY;
        double most = memory;
        if (compute > most) {
            best = Bound.COMPUTE;
            most = compute;
        }
        if (network > most) {
            best = Bound.NETWORK;
            most = network;
        }
        if (latency > most) {
            best = Bound.LATENCY;
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

    /** The largest batch per card whose KV cache fits beside the weights; independent of the batch itself. */
    public final int maxBatch(Deployment d, Numerics n) {
        return MemoryModel.maxBatch(memory(d, n));
    }

    /** Bandwidth of the link EP traffic takes: the scale-up fabric when the MoE's cards fit in its domain, else the NIC. */
    public final double linkBytesPerSec(Deployment d) {
        int cards = d.moeCards();
        return chip.scaleUpCovers(cards) ? chip.scaleUpBandwidthBytesPerSec() : nic.bandwidthBytesPerSec();
    }

    /**
     * HBM of one card (seed 000's memory formula, DESIGN 3.6, with the layout of DESIGN 3.10): the non-expert weights
     * a card holds (plus the MTP module when the fidelity keeps it resident) in the weight dtype, its expert slots in
     * the expert dtype, the KV cache of its attention group's batch (whole for MLA, its heads' share for GQA), and the
     * fidelity's reserve. A small record, so the summary path keeps it in registers.
     */
    public final MemoryBreakdown memory(Deployment d, Numerics n) {
        boolean mtp = mtpModuleResident(d);
        double perSequence = kvBytesPerSequence(d, n, mtp);
        return new MemoryBreakdown(memoryBytes, nonExpertBytes(d, n, mtp), localExpertBytes(d, n, mtp),
                perSequence * d.batchPerCard(), reserveBytes(), perSequence);
    }

    /** The KV cache of one sequence on a card, all layers ({@link #memory}'s part). */
    private double kvBytesPerSequence(Deployment d, Numerics n, boolean mtp) {
        return cardMemory.kvBytesPerSequence(d, n, mtp, kvShare(d.attentionTp()));
    }

    /** The non-expert weights a card holds ({@link #memory}'s part). */
    private double nonExpertBytes(Deployment d, Numerics n, boolean mtp) {
        return cardMemory.nonExpertParams(d, mtp) * n.weightDtype().bytes();
    }

    /** The routed experts' slots a card holds ({@link #memory}'s part). */
    private double localExpertBytes(Deployment d, Numerics n, boolean mtp) {
        return cardMemory.localExpertBytes(d, n, mtp, slots(d));
    }

    // ---- the fidelity's readings of the op graph ----

    /** Expert slots a card holds ({@link FidelityRules#expertSlots}). */
    abstract int slots(Deployment d);

    /** Routed-expert slots each card holds (redundant copies included), as the memory model counts them. */
    public int expertSlots(Deployment d) {
        return slots(d);
    }

    /**
     * The bytes per hidden element of the EP messages as this fidelity's op table counts them: {@code [dispatch,
     * combine]} (seed: FP8 dispatch, combine in the weight dtype; calibrated: FP8 dispatch with one 4-byte scale per
     * 128 channels, BF16 combine). The report states the balance threshold and prefill's traffic in these.
     */
    public double[] messageBytesPerElement(Numerics n) {
        return new double[] {dispatchBytesPerPair() / hidden, combineBytesPerElement(n.weightDtype().bytes())};
    }

    // ---- the step, memory and throughput ----

    /**
     * Seconds of a prefill step from its MoE layer time: every layer and the work outside them (the fidelity's);
     * {@code tokens} is the micro-batch's share of the chunk.
     */
    abstract double prefillStep(Summary acc, Deployment d, Numerics n, Prefill p, double tokens, int microBatches,
                                double layerSec);

    /** Time per output step from the layer time, adding (and recording) any work outside the layers. */
    abstract double step(Summary acc, Deployment d, Numerics n, Fa3Mode fa3, double layerSec);

    /** The MTP module's weights and KV cache stay resident (calibrated, when MTP is on). */
    abstract boolean mtpModuleResident(Deployment d);

    abstract double reserveBytes();

    /** Throughput per card from {@code B × user tokens/s}, in the fidelity's reading. */
    abstract double throughputPerCard(double batchTimesUserTokens, int tokensPerStep, int attentionTp);
}
