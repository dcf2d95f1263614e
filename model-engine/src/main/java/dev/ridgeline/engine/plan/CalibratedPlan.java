package dev.ridgeline.engine.plan;

import dev.ridgeline.engine.calibration.Basis;
import dev.ridgeline.engine.calibration.Calibration;
import dev.ridgeline.engine.calibration.GemmCurve;
import dev.ridgeline.engine.model.AttentionKind;
import dev.ridgeline.engine.model.Assumptions;
import dev.ridgeline.engine.model.CalibrationKey;
import dev.ridgeline.engine.model.Chip;
import dev.ridgeline.engine.model.Deployment;
import dev.ridgeline.engine.model.Dtype;
import dev.ridgeline.engine.model.Fa3Mode;
import dev.ridgeline.engine.model.ModelConfig;
import dev.ridgeline.engine.model.Nic;
import dev.ridgeline.engine.model.Numerics;
import dev.ridgeline.engine.model.Policy;
import dev.ridgeline.engine.model.Prefill;
import dev.ridgeline.engine.model.Readings;
import dev.ridgeline.engine.ops.OpKind;
import dev.ridgeline.engine.ops.OpKind.Scope;

/**
 * Calibrated fidelity (DESIGN 3.8): physical readings of the op graph and published kernel measurements. The chip's
 * datasheet figures; every weight read; the shared expert over every token; FlashMLA over the context; each routed
 * expert over its own tokens, redundant experts included; dispatch FP8 with one scale per 128 channels and combine
 * BF16 (DeepEP); norms and the router gate timed. GEMMs at the fraction of the roofline DeepGEMM reaches at that
 * shape (FP4 routed experts as the FP4 MoE kernel measured on a B300 runs them, {@link GemmReadings}) but never below
 * a small library GEMM's measured floor, FlashMLA at its measured fractions, dispatch and combine from DeepEP's
 * low-latency fit, a kernel gap after each kernel, each decode routed-expert block's measured
 * fixed cost (FlashInfer on B300); outside the layers the dense layers, the LM head, sampling, the MTP module and the
 * host's share; a memory reserve and the MTP module resident. Throughput per card is always B × user tokens/s. Calibration follows
 * the chip's {@link CalibrationKey}; anything used beyond what was measured is marked extrapolated.
 */
final class CalibratedPlan extends Plan {
    /** The chip DeepGEMM and DeepEP were measured on. */
    static final CalibrationKey MEASURED_CHIP = CalibrationKey.H800;

    private final Calibration cal;
    private final double gap;
    private final double mlaComputeScale;
    /** Seconds per KV byte FlashMLA reads: HBM at the fraction FlashMLA reaches. */
    private final double mlaSecondsPerByte;
    private final boolean mlaExtrapolated;
    private final String mlaCitation;
    /** FP8 FlashMLA's seconds per FLOP: the BF16 kernel's sped up as measured ({@link Calibration#FP8_MLA_SPEEDUP}). */
    private final double fp8MlaPerFlop;
    /** Dispatch and combine over the EP link, from DeepEP's fits. */
    private final DeepEpLink link;
    /** GEMMs' fractions of the roofline: DeepGEMM's, and the FP4 MoE kernel's measured on a B300. */
    private final GemmReadings gemms;
    /** The hottest card's routed traffic, per EP, redundant experts and balancer (shared: {@link ExpertTraffic#of}). */
    private final ExpertTraffic traffic;

    /** The routed traffic this plan reads (tests: which plans share one). */
    ExpertTraffic traffic() {
        return traffic;
    }
    /** Prefill's calibrated readings: attention forward, destinations, DeepEP's normal kernels. */
    private final PrefillReadings prefill;
    /** The routed-expert block's fixed cost beyond its two GEMMs' gaps, seconds, and where it comes from. */
    private final double routedBlockSec;
    /** One object per plan: a method reference made per call would be allocated on the summary path. */
    private final java.util.function.Supplier<String> routedBlockBasis = this::routedBlockBasis;
    /** The least time of a small library GEMM ({@link dev.ridgeline.engine.calibration.GemmFloorFit}), seconds. */
    private final double gemmFloorSec;

    CalibratedPlan(ModelConfig model, Chip chip, Nic nic, Readings readings, Assumptions assumptions, Calibration cal) {
        super(model, chip, CalibratedRules.INSTANCE, nic, readings, assumptions);
        this.cal = cal;
        this.gap = assumptions.kernelGapSec();
        this.gemms = new GemmReadings(cal, chip.calibration());
        Basis compute = cal.flashMla().compute(chip.calibration());
        // GQA streams its KV cache at the fraction FlashInfer's decode kernel for the model's group reaches; MLA at
        // FlashMLA's. Both compute at FlashMLA's scale (a GQA core of up to 16 query heads per KV head stays
        // memory-bound on every chip in the catalogue)
        Basis memory = model.attention() == AttentionKind.GQA
                ? cal.gqaDecode().memory(chip.calibration(), model.numHeads() / model.numKeyValueHeads())
                : cal.flashMla().memory(chip.calibration());
        this.mlaComputeScale = compute.fraction();
        this.mlaSecondsPerByte = invHbm / memory.fraction();
        this.mlaExtrapolated = memory.extrapolated() || compute.extrapolated();
        this.mlaCitation = memory.citation() + "; compute: " + compute.citation()
                + (model.attention() == AttentionKind.GQA ? "" : "; " + Calibration.FP8_MLA_CITATION);
        this.fp8MlaPerFlop = Math.max(invRate[FP8], invRate[BF16] / Calibration.FP8_MLA_SPEEDUP);
        this.link = new DeepEpLink(chip, cal, nic.bandwidthBytesPerSec(), gap);
        this.traffic = ExpertTraffic.of(model.routedExperts(), model.expertsPerToken(), model.expertGroups(),
                chip.scaleUpDomain(), cal.expertPopularity());
        this.prefill = new PrefillReadings(cal.prefill(), model, chip, link.nicScale, gap);
        this.routedBlockSec = Math.max(0, cal.moeBlock().fixedSec() - 2 * gap);
        this.gemmFloorSec = cal.gemmFloor().floorSec();
    }

    @Override
    boolean normsAndRouter() {
        return true;
    }

    @Override
    double qProjectionWeightBytes(double weightBytes) {
        return weightBytes;
    }

    @Override
    double sharedRows(double sequences, double tokens) {
        return tokens;
    }

    @Override
    int chunks(int context) {
        return 0;
    }

    @Override
    int computedKeys(int context, int chunks) {
        return context;
    }

    @Override
    int slots(Deployment d) {
        return traffic.stats(d).slots();
    }

    /** The hottest card under the fitted expert popularity; each expert it reads over its own rows. */
    @Override
    void expertLoad(Summary acc, Deployment d, double pairs) {
        ExpertTraffic.Stats st = traffic.stats(d);
        double hot = ExpertTraffic.hottest(st, pairs);
        double hit = ExpertTraffic.expertsRead(st, hot);
        acc.meanPairs = pairs;
        acc.hotPairs = hot;
        acc.slots = st.slots();
        acc.expertsHit = hit;
        acc.expertRows = hot / hit;
    }

    /** FP8 plus one FP32 scale per 128 channels (DeepEP's low-latency dispatch). */
    @Override
    double dispatchBytesPerPair() {
        return dispatchBytesPerPair;
    }

    /** {@link #dispatchBytesPerPair()}: {@code hidden + hidden / 128 · 4}, prepared once. */
    private final double dispatchBytesPerPair = hidden + hidden / 128 * 4.0;

    @Override
    double combineBytesPerElement(double weightBytes) {
        return Dtype.BF16.bytes();
    }

    @Override
    double computeEfficiency(Role role, double m, int rate, Numerics n) {
        return n.gemmEfficiency() > 0 ? n.gemmEfficiency() : 1.0;
    }

    @Override
    double rooflineFraction(Summary acc, OpKind kind, GemmVariant g, double m, Numerics n, double compute,
                            double memory) {
        return n.gemmEfficiency() > 0 ? 1 : gemms.fraction(kind, g, m, n, acc, compute, memory);
    }

    @Override
    GemmCurve gemmCurve(OpKind kind, int key, int k, int nOut) {
        return gemms.curve(kind, key, k, nOut);
    }

    @Override
    double gemmOverhead(Numerics n) {
        return gap;
    }

    /**
     * A library GEMM's measured floor ({@link dev.ridgeline.engine.calibration.GemmFloorFit}); none for the routed
     * experts (their block's measured fixed cost holds it, {@link #routedBlock}) nor for the router gate, which
     * DeepSeek's deployments run as a kernel written for its shape, measured below the floor at up to 8 tokens.
     */
    @Override
    double gemmFloor(OpKind kind) {
        return kind == OpKind.ROUTED_UP || kind == OpKind.ROUTED_DOWN || kind == OpKind.ROUTER_GATE ? 0 : gemmFloorSec;
    }

    /**
     * The measured fixed cost of the routed-expert block ({@link dev.ridgeline.engine.calibration.MoeBlockFit}) less
     * the two kernel gaps its GEMMs already carry; measured on a B300 only, so always marked extrapolated.
     */
    @Override
    double routedBlock(Summary acc) {
        return fixedCost(acc, OpKind.ROUTED_BLOCK, routedBlockSec, true, routedBlockBasis);
    }

    /**
     * Where the routed block's fixed cost comes from: formatted when a detailed evaluation's basis is first read, not
     * when the plan is built (a map builds a plan per chip it draws).
     */
    private String routedBlockBasis() {
        return String.format(java.util.Locale.ROOT, "fixed %.1f µs of the routed block less two kernel gaps; %s",
                cal.moeBlock().fixedSec() * 1e6, cal.moeBlock().citation());
    }

    @Override
    boolean gemmExtrapolated(OpKind kind, GemmVariant g, double m, int rate, Numerics n) {
        return n.gemmEfficiency() > 0 || gemms.extrapolated(kind, g, m, rate, n);
    }

    /** The measured rows used ({@link GemmReadings#basis}), and the small-GEMM floor where it applies. */
    @Override
    String gemmBasis(OpKind kind, GemmVariant g, int rate, Numerics n) {
        if (n.gemmEfficiency() > 0) {
            return "manual efficiency " + n.gemmEfficiency();
        }
        String floor = gemmFloor(kind) > 0 ? String.format(java.util.Locale.ROOT, "; at least %.2f µs a kernel (%s)",
                gemmFloorSec * 1e6, cal.gemmFloor().citation()) : "";
        return gemms.basis(kind, g, n) + floor;
    }

    @Override
    double attentionComputeScale() {
        return mlaComputeScale;
    }

    @Override
    double fp8CoreSecondsPerFlop(OpKind kind) {
        return kind == OpKind.FLASH_MLA ? fp8MlaPerFlop : invRate[FP8];
    }

    @Override
    double attentionSecondsPerByte() {
        return mlaSecondsPerByte;
    }

    @Override
    double attentionOverhead(double sequences, int chunks) {
        return gap;
    }

    /**
     * Measured on the chip's own key in the KV dtype measured (BF16; FlashInfer's FP16 runs read as many bytes); a GQA
     * core computes at FlashMLA's scale, which no GQA run measures, but stays memory-bound.
     */
    @Override
    boolean attentionExtrapolated(OpKind kind, Dtype kvDtype) {
        return mlaExtrapolated || kvDtype != Dtype.BF16;
    }

    @Override
    String attentionBasis(OpKind kind) {
        return mlaCitation;
    }

    /** Decode's dispatch and combine ({@link DeepEpLink}). */
    @Override
    double networkSeconds(OpKind kind, double bytes, int cards, boolean scaleUpPeers) {
        return link.seconds(kind, bytes, cards, scaleUpPeers);
    }

    @Override
    double networkFixedSeconds(OpKind kind, int ep) {
        return link.fixedSeconds(kind, ep);
    }

    @Override
    boolean networkExtrapolated(OpKind kind, double bytes, int ep, boolean scaleUpPeers) {
        return link.extrapolated(kind, bytes, ep, scaleUpPeers);
    }

    @Override
    String networkBasis(OpKind kind, double bytes, int ep, boolean scaleUpPeers) {
        return link.basis(kind, bytes, ep, scaleUpPeers);
    }

    @Override
    double prefillAttentionFraction(double length, double prefixPairs, double trianglePairs, double newTokens) {
        return prefill.attentionFraction(length, prefixPairs, trianglePairs, newTokens);
    }

    @Override
    boolean prefillAttentionExtrapolated(int headDimQk, int headDimV) {
        return prefill.attentionBasis(headDimQk, headDimV).extrapolated();
    }

    @Override
    String prefillAttentionBasis(int headDimQk, int headDimV) {
        return prefill.attentionBasis(headDimQk, headDimV).citation();
    }

    @Override
    double prefillDestinations(Deployment d) {
        return prefill.destinations(d);
    }

    @Override
    double prefillNetworkSeconds(OpKind kind, double bytes, int cards) {
        return prefill.networkSeconds(DeepEpLink.kind(kind), bytes, cards);
    }

    @Override
    double prefillNetworkFixedSeconds() {
        return gap;
    }

    @Override
    boolean prefillNetworkExtrapolated(OpKind kind, int cards) {
        return prefill.networkBasis(DeepEpLink.kind(kind), cards).extrapolated();
    }

    @Override
    String prefillNetworkBasis(OpKind kind, int cards) {
        return prefill.networkBasis(DeepEpLink.kind(kind), cards).citation();
    }

    @Override
    double prefillStep(Summary acc, Deployment d, Numerics n, Prefill p, double tokens, int microBatches,
                       double layerSec) {
        return PrefillPass.calibratedStep(this, acc, d, n, p, tokens, microBatches, layerSec);
    }

    /** A custom all-reduce over the scale-up link ({@link Collectives}). */
    @Override
    double collectiveSeconds(double bytes, int cards) {
        return Collectives.seconds(bytes, cards, chip.scaleUpBandwidthBytesPerSec());
    }

    @Override
    double collectiveFixedSeconds(int cards) {
        return Collectives.fixedSeconds(cards);
    }

    /**
     * The MoE layers, then per step: the dense layers (each op x denseLayers), the LM head over every token,
     * sampling, per MTP token one MoE layer at q = 1 (the MTP module), its projection and the LM head again, and
     * finally the host's share of the GPU step ({@code Assumptions.hostOverheadFraction}). Under attention TP t the
     * attention group splits the dense layers (by head, and the FFN by width, each followed by an all-reduce) and the
     * LM head (by vocabulary) over its t cards, each running the group's tokens.
     */
    @Override
    double step(Summary acc, Deployment d, Numerics n, Fa3Mode fa3, double layerSec) {
        int b = acc.batch;
        int q = 1 + d.mtpDepth();
        int t = d.attentionTp();
        double tokens = (double) b * q;
        int rate = rate(n.weightDtype());
        double wb = n.weightDtype().bytes();
        double out = ATTENTION_OUT_BYTES;
        int v = variant(n.weightDtype().ordinal(), t);
        int inter = perRank(model.denseIntermediateSize(), t);
        int vocab = perRank(model.vocabSize(), t);
        acc.sink(Scope.DENSE_LAYER, model.denseLayers(), acc.stepRec);
        // a dense layer's attention is the MoE layer's over the same tokens: with one micro-batch the summary path
        // reuses those seconds (the detailed path costs them again, to record them; the values are the same)
        boolean reuse = acc.stepRec == null && d.policy() == Policy.NAIVE;
        double norm = rmsNorm(acc, OpKind.ATTENTION_NORM, tokens);
        double attention0 = reuse ? acc.attention0Sec : attention0(acc, n, t, b, q);
        double attention1 = reuse ? acc.attention1Sec : attention1(acc, d.contextTokens(), n, fa3, t, b, q);
        double dense = norm + attention0 + attention1 + rmsNorm(acc, OpKind.FFN_NORM, tokens)
                + gemm(acc, OpKind.DENSE_FFN_UP, Role.ATTENTION, v, tokens, hidden, 2 * inter, 1, rate, wb, wb, out, n)
                + gemm(acc, OpKind.DENSE_FFN_DOWN, Role.ATTENTION, v, tokens, inter, hidden, 1, rate, wb, wb, out, n);
        if (t > 1) {
            dense += allReduce(acc, OpKind.ATTENTION_ALL_REDUCE, tokens, hidden, t)
                    + allReduce(acc, OpKind.FFN_ALL_REDUCE, tokens, hidden, t);
        }
        acc.sink(Scope.STEP, 1, acc.stepRec);
        double logits = tokens * vocab;
        double outside = dense * model.denseLayers()
                + gemm(acc, OpKind.LM_HEAD, Role.ATTENTION, v, tokens, hidden, vocab, 1, rate, wb, wb, out, n)
                + elementwise(acc, OpKind.SAMPLING, 8.0 * logits, 3.0 * logits);
        if (d.mtpDepth() > 0) {
            double module = mtpLayer(acc, d, n, fa3);
            acc.sink(Scope.STEP, d.mtpDepth(), acc.stepRec);
            int whole = variant(n.weightDtype().ordinal(), 1);
            outside += (module
                    + gemm(acc, OpKind.MTP_PROJECTION, Role.ATTENTION, whole, b, 2 * hidden, hidden, 1, rate, wb, wb, out, n)
                    + gemm(acc, OpKind.MTP_LM_HEAD, Role.ATTENTION, v, b, hidden, vocab, 1, rate, wb, wb, out, n))
                    * d.mtpDepth();
        }
        double gpu = layerSec * model.moeLayers() + outside;
        double host = hostShare(acc, gpu);
        return gpu + host;
    }

    @Override
    public FidelityRules rules() {
        return CalibratedRules.INSTANCE;
    }

    @Override
    boolean mtpModuleResident(Deployment d) {
        return d.mtpDepth() > 0 && model.mtpModules() > 0;
    }

    @Override
    double reserveBytes() {
        return assumptions.memoryReserveBytes();
    }

    /** B × user tokens/s over the attention group's t cards: t cards serve the B sequences of a group. */
    @Override
    double throughputPerCard(double batchTimesUserTokens, int tokensPerStep, int attentionTp) {
        return attentionTp == 1 ? batchTimesUserTokens : batchTimesUserTokens / attentionTp;
    }
}