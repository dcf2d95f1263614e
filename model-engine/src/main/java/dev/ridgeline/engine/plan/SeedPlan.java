package dev.ridgeline.engine.plan;

import dev.ridgeline.engine.model.Assumptions;
import dev.ridgeline.engine.model.Chip;
import dev.ridgeline.engine.model.Deployment;
import dev.ridgeline.engine.model.Dtype;
import dev.ridgeline.engine.model.Fa3Mode;
import dev.ridgeline.engine.model.ModelConfig;
import dev.ridgeline.engine.model.Nic;
import dev.ridgeline.engine.model.Numerics;
import dev.ridgeline.engine.model.Prefill;
import dev.ridgeline.engine.model.Readings;
import dev.ridgeline.engine.model.ThroughputReading;
import dev.ridgeline.engine.ops.OpKind;

/**
 * Seed fidelity: the decode model of seed 000 as published, with the readings that reproduce its tables
 * (docs/validation.md). The chip's GB figures are read as GiB; Q down and Q up charge no weights; the shared expert
 * runs the sequences; FlashMLA computes whole chunks and adds the cross-SM reduction per sequence and chunk; each
 * local expert is timed over the rows the scenario's {@code ExpertLoad} says; dispatch is FP8 and combine uses the
 * non-expert element size; GEMMs reach the tensor peak unless DeepGEMM's promotion discount or a manual efficiency
 * applies; no work outside the layers, no reserve; throughput in the scenario's reading.
 */
public final class SeedPlan extends Plan {
    /** H800 FP8 dense peak the DeepGEMM figures are divided by, TFLOPS (seed 000). */
    private static final double PEAK_TFLOPS = 1979;
    static final String SEED = "seed 000";

    /** Seconds per byte over the scale-up link and over the NIC. */
    private final double invScaleUp;
    private final double invNic;
    private final double inverseChunk;
    /** DeepGEMM's promotion discount applies to this chip's FP8 expert GEMMs when the scenario enables it. */
    private final boolean promotionMatters;

    SeedPlan(ModelConfig model, Chip chip, Nic nic, Readings readings, Assumptions assumptions) {
        super(model, chip, SeedRules.INSTANCE, nic, readings, assumptions);
        this.promotionMatters = SeedRules.INSTANCE.promotionMatters(chip);
        this.invScaleUp = 1 / chip.scaleUpBandwidthBytesPerSec();
        this.invNic = 1 / nic.bandwidthBytesPerSec();
        this.inverseChunk = 1.0 / readings.faChunkTokens();
    }

    /**
     * Seed 000's table from the DeepGEMM README (grouped GEMMs, H800): achieved TFLOPS by M for the up (N = 4096)
     * and down (N = 7168) projections, over 1979. Keyed on M: >=1024, >=512, >=256, >=128, else the M = 64 figure.
     */
    public static double promotionFactor(double m, Role role) {
        boolean up = role == Role.EXPERT_UP;
        double tflops;
        if (m >= 1024) {
            tflops = up ? 1233 : 925;
        } else if (m >= 512) {
            tflops = up ? 1040 : 916;
        } else if (m >= 256) {
            tflops = up ? 932 : 815;
        } else if (m >= 128) {
            tflops = up ? 533 : 510;
        } else {
            tflops = up ? 287 : 295;
        }
        return tflops / PEAK_TFLOPS;
    }

    @Override
    boolean normsAndRouter() {
        return false;
    }

    @Override
    double qProjectionWeightBytes(double weightBytes) {
        return 0;
    }

    @Override
    double sharedRows(double sequences, double tokens) {
        return sequences;
    }

    @Override
    int chunks(int context) {
        // ceil(context / chunk) without an integer division: estimate with the reciprocal, then correct by one
        int chunk = readings.faChunkTokens();
        int q = (int) (context * inverseChunk);
        if ((long) q * chunk < context) {
            q++;
        } else if ((long) (q - 1) * chunk >= context) {
            q--;
        }
        return q;
    }

    @Override
    int computedKeys(int context, int chunks) {
        return chunks * readings.faChunkTokens();
    }

    @Override
    public FidelityRules rules() {
        return SeedRules.INSTANCE;
    }

    /** {@code ceil(routedExperts / ep)} experts a card (seed 000: no redundant copies), kept per EP degree. */
    @Override
    int slots(Deployment d) {
        int ep = d.ep();
        int e = expertsByEp[ep];
        if (e == 0) {
            e = SeedRules.INSTANCE.expertSlots(model, d);
            expertsByEp[ep] = e;
        }
        return e;
    }

    /**
     * Experts per card by EP degree, 0 until first asked (a benign race: every thread stores the same value). They
     * depend on the model's routed experts alone, so plans of one model share the table ({@link #slotsTable}).
     */
    private final int[] expertsByEp = slotsTable(model.routedExperts());

    /** The last table of experts per card handed out, with the routed experts it is for. */
    private record SlotsTable(int routedExperts, int[] byEp) {
        private static volatile SlotsTable last;
    }

    /**
     * The table of experts per card by EP for a model of {@code routedExperts}: the last one handed out when it is for
     * as many experts (the fidelity contrast makes a seed plan per lever on every chip edit; each allocated 16 kB).
     */
    private static int[] slotsTable(int routedExperts) {
        SlotsTable t = SlotsTable.last;
        if (t == null || t.routedExperts() != routedExperts) {
            t = new SlotsTable(routedExperts, new int[Deployment.MAX_EP + 1]);
            SlotsTable.last = t;
        }
        return t.byEp();
    }

    /** Perfect balance: every card gets the mean; all its experts are timed, over the rows the expert load says. */
    @Override
    void expertLoad(Summary acc, Deployment d, double pairs) {
        int e = slots(d);
        acc.meanPairs = pairs;
        acc.hotPairs = pairs;
        acc.slots = e;
        acc.expertsHit = e;
        acc.expertRows = readings.expertLoad().rowsPerExpert(pairs, e);
    }

    @Override
    double dispatchBytesPerPair() {
        return hidden * (double) Dtype.FP8.bytes();
    }

    @Override
    double combineBytesPerElement(double weightBytes) {
        return weightBytes;
    }

    /** A manual efficiency wins; else the promotion discount on FP8 expert GEMMs of chips that need it. */
    @Override
    double computeEfficiency(Role role, double m, int rate, Numerics n) {
        if (n.gemmEfficiency() > 0) {
            return n.gemmEfficiency();
        }
        if (n.promotion() && role != Role.ATTENTION && rate == FP8 && promotionMatters) {
            return promotionFactor(m, role);
        }
        return 1.0;
    }

    @Override
    double rooflineFraction(Summary acc, OpKind kind, GemmVariant g, double m, Numerics n, double compute,
                            double memory) {
        return 1;
    }

    @Override
    dev.ridgeline.engine.calibration.GemmCurve gemmCurve(OpKind kind, int key, int k, int nOut) {
        return null;
    }

    @Override
    double gemmOverhead(Numerics n) {
        return 0;
    }

    /** Seed 000 has no kernel floor: a GEMM is its roofline. */
    @Override
    double gemmFloor(OpKind kind) {
        return 0;
    }

    /** Seed 000 times the two GEMMs alone. */
    @Override
    double routedBlock(Summary acc) {
        return 0;
    }

    @Override
    boolean gemmExtrapolated(OpKind kind, GemmVariant g, double m, int rate, Numerics n) {
        return false;
    }

    @Override
    String gemmBasis(OpKind kind, GemmVariant g, int rate, Numerics n) {
        return SEED;
    }

    @Override
    double attentionComputeScale() {
        return 1;
    }

    @Override
    double attentionSecondsPerByte() {
        return invHbm;
    }

    /** {@code threadAllReduceLatency · sequences · chunks} (seed 000's cross-SM reduction). */
    @Override
    double attentionOverhead(double sequences, int chunks) {
        return chip.threadAllReduceLatencySec() * sequences * chunks;
    }

    @Override
    boolean attentionExtrapolated(OpKind kind, Dtype kvDtype) {
        return false;
    }

    @Override
    String attentionBasis(OpKind kind) {
        return SEED;
    }

    /**
     * Bytes over the EP link: the scale-up link when EP fits in its domain, else the NIC plus its latency (seed 000
     * models no NVLink; its EP144 and EP320 exceed any domain; {@code scaleUpPeers} is calibrated fidelity's).
     */
    @Override
    double networkSeconds(OpKind kind, double bytes, int cards, boolean scaleUpPeers) {
        return chip.scaleUpCovers(cards) ? bytes * invScaleUp : bytes * invNic + nic.latencySec();
    }

    @Override
    double networkFixedSeconds(OpKind kind, int cards) {
        return 0;
    }

    @Override
    boolean networkExtrapolated(OpKind kind, double bytes, int cards, boolean scaleUpPeers) {
        return false;
    }

    @Override
    String networkBasis(OpKind kind, double bytes, int cards, boolean scaleUpPeers) {
        return chip.scaleUpCovers(cards) ? "seed 000 roofline over the scale-up link" : SEED;
    }

    /** Seed fidelity has no tensor parallelism ({@code Scenario} refuses it), so no all-reduce is ever costed. */
    @Override
    double collectiveSeconds(double bytes, int cards) {
        throw new IllegalStateException("seed fidelity has no all-reduce");
    }

    @Override
    double collectiveFixedSeconds(int cards) {
        return 0;
    }

    /** Seed fidelity's prefill attention runs at the roofline, as its GEMMs do. */
    @Override
    double prefillAttentionFraction(double length, double prefixPairs, double trianglePairs, double newTokens) {
        return 1;
    }

    @Override
    boolean prefillAttentionExtrapolated(int headDimQk, int headDimV) {
        return false;
    }

    @Override
    String prefillAttentionBasis(int headDimQk, int headDimV) {
        return "roofline (seed fidelity)";
    }

    /** Seed 000's reading of the link: every token-expert pair is a message, as in its decode. */
    @Override
    double prefillDestinations(Deployment d) {
        return topk;
    }

    @Override
    double prefillNetworkSeconds(OpKind kind, double bytes, int cards) {
        return networkSeconds(kind, bytes, cards, false);
    }

    @Override
    double prefillNetworkFixedSeconds() {
        return 0;
    }

    @Override
    boolean prefillNetworkExtrapolated(OpKind kind, int cards) {
        return false;
    }

    @Override
    String prefillNetworkBasis(OpKind kind, int cards) {
        return networkBasis(kind, 0, cards, false);
    }

    /** Seed 000 times one MoE layer and multiplies by every layer; so does its prefill. */
    @Override
    double prefillStep(Summary acc, Deployment d, Numerics n, Prefill p, double tokens, int microBatches,
                       double layerSec) {
        return layerSec * model.numLayers();
    }

    /** Seed 000 times one MoE layer and multiplies by every layer. */
    @Override
    double step(Summary acc, Deployment d, Numerics n, Fa3Mode fa3, double layerSec) {
        return layerSec * model.numLayers();
    }

    @Override
    boolean mtpModuleResident(Deployment d) {
        return false;
    }

    @Override
    double reserveBytes() {
        return 0;
    }

    /** Seed 000 prints {@code B × user tokens/s / q}; its later version, and the accepted reading, drop the q. */
    @Override
    double throughputPerCard(double batchTimesUserTokens, int tokensPerStep, int attentionTp) {
        return readings.throughputReading() == ThroughputReading.SEED_DIVIDES_BY_Q
                ? batchTimesUserTokens / tokensPerStep : batchTimesUserTokens;
    }
}
