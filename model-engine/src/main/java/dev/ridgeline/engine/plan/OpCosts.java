package dev.ridgeline.engine.plan;

import dev.ridgeline.engine.model.Assumptions;
import dev.ridgeline.engine.model.Chip;
import dev.ridgeline.engine.model.Dtype;
import dev.ridgeline.engine.model.Fa3Mode;
import dev.ridgeline.engine.model.Numerics;
import dev.ridgeline.engine.ops.OpKind;
import dev.ridgeline.engine.roofline.Bound;
import dev.ridgeline.engine.roofline.OpResult;

/**
 * The cost of each kind of operator on a chip (DESIGN 3.3-3.5, 3.8, 3.10): GEMMs on the roofline at the fidelity's
 * efficiency and measured fraction, the attention core under the FA3 mode, memory-bound vector work, dispatch and
 * combine over the EP link, all-reduces over the scale-up link. Reciprocal rates and per-kind coefficients are
 * prepared once; each op adds its time to the caller's {@link Summary} and, on the detailed path, records an
 * {@link OpResult}. The fidelity's part is a set of small methods the JIT inlines (and, in seed fidelity, folds to
 * constants); their signatures name only classes every fidelity loads, since the JIT does not inline a call whose
 * signature names a class not yet loaded. {@link Plan} builds the layer from these.
 */
abstract class OpCosts {
    /** What a GEMM's efficiency depends on: the promotion discount touches only the expert GEMMs. */
    public enum Role { ATTENTION, EXPERT_UP, EXPERT_DOWN }

    /** Tensor rates a GEMM runs at: FP8, BF16, FP4 (indexes of {@link #invRate}). */
    static final int FP8 = 0;
    static final int BF16 = 1;
    static final int FP4 = 2;
    /**
     * Variants of one GEMM kind within a plan: its dtype (4: FP8, BF16, NVFP4, MXFP4) times its tensor-parallel
     * split (4: 1, 2, 4, 8), in decode or in prefill ({@link #PREFILL_VARIANT} added: prefill's routed experts run
     * DeepGEMM's contiguous layout). A kind's shape and bytes are fixed by the model and these.
     */
    static final int VARIANTS = 32;
    /** Added to a variant for prefill's kernel of the same GEMM. */
    static final int PREFILL_VARIANT = 16;

    final Chip chip;
    final Assumptions assumptions;
    final double invHbm;
    /** Seconds per FLOP at the FP8, BF16 and FP4 tensor rates (FP4 infinite on a chip without it: never used). */
    final double[] invRate;
    final double invAdd;
    /** Softmax vector seconds per attention score: one exp2 and two FP32 additions (seed 000). */
    final double vectorPerScore;

    OpCosts(Chip chip, double hbmBytesPerSec, Assumptions assumptions) {
        this.chip = chip;
        this.assumptions = assumptions;
        this.invHbm = 1 / hbmBytesPerSec;
        this.invRate = new double[] {1 / chip.fp8FlopsPerSec(), 1 / chip.bf16FlopsPerSec(),
            chip.hasFp4() ? 1 / chip.fp4FlopsPerSec() : Double.POSITIVE_INFINITY};
        this.invAdd = 1 / chip.fp32AddPerSec();
        this.vectorPerScore = 1 / chip.exp2PerSec() + 2 / chip.fp32AddPerSec();
    }

    /**
     * {@code x / tp} for a tensor-parallel degree {@code tp} of 1, 2, 4 or 8 (the only ones a {@code Deployment} takes)
     * and {@code x >= 0}: a shift, the same int; a division by a value the JIT cannot see compiles to {@code idiv}, some
     * 26 cycles on the kernel's path, several per evaluation (decision 0005, addendum "2026-12-07, evening").
     */
    static int perRank(int x, int tp) {
        return x >> Integer.numberOfTrailingZeros(tp);
    }

    /** The variant of a GEMM kind: dtype index (0-3) and tensor-parallel degree (1, 2, 4 or 8). */
    static int variant(int dtype, int tp) {
        return dtype * 4 + Integer.numberOfTrailingZeros(tp);
    }

    /**
     * {@code count} GEMMs of {@code m x k -> n} (count may be fractional: the expected experts a card reads):
     * FLOPs {@code 2·m·k·n}, bytes {@code m·k·inBytes + k·n·weightBytes + m·n·outBytes} each;
     * {@code t = max(max(FLOPs / (rate·e), bytes / hbm) / f, floor) + overhead} with the fidelity's compute efficiency
     * e, roofline fraction f, a small kernel's time floor and overhead (DESIGN 3.3, 3.5, 3.8). {@code rate} is
     * {@link #FP8}, {@link #BF16} or {@link #FP4}; {@code variant} ({@link #variant}) keys the prepared coefficients.
     * Returns the seconds of one invocation.
     */
    final double gemm(Summary acc, OpKind kind, Role role, int variant, double m, int k, int nOut, double count,
                      int rate, double inBytes, double weightBytes, double outBytes, Numerics n) {
        // the detailed path's record is made in a method of its own: the summary path's code then holds none of it
        return acc.rec == null ? gemmSeconds(acc, kind, role, variant, m, k, nOut, count, rate, inBytes, weightBytes,
                outBytes, n, null)
                : recordGemm(acc, kind, role, variant, m, k, nOut, count, rate, inBytes, weightBytes, outBytes, n);
    }

    /**
     * {@link #gemm}'s seconds, accounted under their bound; {@code parts}, when given, gets compute, memory, overhead,
     * efficiency, fraction and 1 when floored (the detailed record's).
     */
    private double gemmSeconds(Summary acc, OpKind kind, Role role, int variant, double m, int k, int nOut,
                               double count, int rate, double inBytes, double weightBytes, double outBytes, Numerics n,
                               double[] parts) {
        int key = kind.ordinal() * VARIANTS + variant;
        GemmVariant g = gemmVariants[key];
        if (g == null) {
            g = prepare(kind, key, k, nOut, rate, inBytes, weightBytes, outBytes);
        }
        double e = computeEfficiency(role, m, rate, n);
        double atPeak = m * count * g.computePerRow;
        double compute = e == 1 ? atPeak : atPeak / e;
        double memory = count * (g.weights + m * g.activationsPerRow);
        double f = rooflineFraction(acc, kind, g, m, n, compute, memory);
        double overhead = gemmOverhead(n);
        boolean computeBound = compute >= memory;
        double roof = computeBound ? compute : memory;
        double kernel = f == 1 ? roof : roof / f;
        double floor = gemmFloor(kind);
        boolean floored = kernel < floor;
        double t = (floored ? floor : kernel) + overhead;
        if (floored) {
            acc.boundLatency += t * acc.times;
        } else {
            account(acc, t, computeBound);
        }
        if (parts != null) {
            parts[0] = compute;
            parts[1] = memory;
            parts[2] = overhead;
            parts[3] = e;
            parts[4] = f;
            parts[5] = floored ? 1 : 0;
        }
        return t;
    }

    /** {@link #gemm} on the detailed path: its seconds, and its record with the bound they were accounted under. */
    private double recordGemm(Summary acc, OpKind kind, Role role, int variant, double m, int k, int nOut, double count,
                              int rate, double inBytes, double weightBytes, double outBytes, Numerics n) {
        double[] p = new double[6];
        double t = gemmSeconds(acc, kind, role, variant, m, k, nOut, count, rate, inBytes, weightBytes, outBytes, n, p);
        GemmVariant g = gemmVariants[kind.ordinal() * VARIANTS + variant];
        double mk = m * k;
        Bound bound = p[5] == 1 ? Bound.LATENCY : p[0] >= p[1] ? Bound.COMPUTE : Bound.MEMORY;
        acc.rec.add(OpResult.of(kind, acc.scope, acc.inv, 2.0 * mk * nOut * count, (double) k * nOut * weightBytes * count,
                (mk * inBytes + m * nOut * outBytes) * count, 0, 0, p[0], p[1], 0, p[2], t, bound, p[4] == 1 ? p[3] : p[4],
                gemmExtrapolated(kind, g, m, rate, n), () -> gemmBasis(kind, g, rate, n)));
        return t;
    }

    /** The GEMM variant, prepared and kept (outside {@link #gemm}, to keep it small). */
    private GemmVariant prepare(OpKind kind, int key, int k, int nOut, int rate, double inBytes, double weightBytes,
                                double outBytes) {
        GemmVariant g = new GemmVariant(2.0 * k * nOut * invRate[rate], (double) k * nOut * weightBytes * invHbm,
                ((double) k * inBytes + (double) nOut * outBytes) * invHbm, gemmCurve(kind, key, k, nOut));
        gemmVariants[key] = g;
        return g;
    }

    /** The GEMM variants by {@code kind.ordinal() * VARIANTS + variant}, prepared on first use (a benign race). */
    private final GemmVariant[] gemmVariants = new GemmVariant[OpKind.values().length * VARIANTS];

    /**
     * An attention core (seed 000's FlashMLA model, also timing GQA): QK^T over {@code qkWidth} and PV over
     * {@code pvWidth} for every query row and computed key; softmax one exp2 and two FP32 additions per score; the
     * FA3 mode combines them. KV read {@code sequences·L·kvElements·kvBytes}. {@code t = max(compute·s, kv / (hbm·f))
     * + overhead} with the fidelity's compute scale s, memory fraction f and overhead. Returns the seconds.
     */
    final double core(Summary acc, OpKind kind, double sequences, int queries, int context, int keys, int chunks,
                      int qkWidth, int pvWidth, double kvElements, Dtype kvDtype, boolean fp8, Fa3Mode fa3) {
        double scores = sequences * queries * (double) keys;
        double flops = 2.0 * scores * (qkWidth + pvWidth);
        double perFlop = fp8 ? fp8CoreSecondsPerFlop(kind) : invRate[BF16];
        double compute = fa3.combine(2.0 * scores * qkWidth * perFlop, 2.0 * scores * pvWidth * perFlop,
                scores * vectorPerScore) * attentionComputeScale();
        double kv = sequences * context * kvElements * kvDtype.bytes();
        double memory = kv * attentionSecondsPerByte();
        double overhead = attentionOverhead(sequences, chunks);
        boolean computeBound = compute >= memory;
        double t = (computeBound ? compute : memory) + overhead;
        account(acc, t, computeBound);
        if (acc.rec != null) {
            recordCore(acc, kind, flops, kv, compute, memory, overhead, t, kvDtype);
        }
        return t;
    }

    /** The detailed path's record of an attention core ({@link #core}). */
    private void recordCore(Summary acc, OpKind kind, double flops, double kv, double compute, double memory,
                            double overhead, double t, Dtype kvDtype) {
        acc.rec.add(OpResult.of(kind, acc.scope, acc.inv, flops, 0, 0, kv, 0, compute, memory, 0, overhead, t,
                compute >= memory ? Bound.COMPUTE : Bound.MEMORY, 1 / attentionComputeScale(),
                attentionExtrapolated(kind, kvDtype), () -> attentionBasis(kind)));
    }

    /** Seconds per FLOP of an attention core's GEMMs in FP8: the chip's FP8 rate (seed 000). */
    double fp8CoreSecondsPerFlop(OpKind kind) {
        return invRate[FP8];
    }

    /** Memory-bound vector work: {@code max(bytes / hbm, flops / FP32-add rate)} plus the kernel gap. */
    final double elementwise(Summary acc, OpKind kind, double bytes, double flops) {
        double memory = bytes * invHbm;
        double compute = flops * invAdd;
        double gap = assumptions.kernelGapSec();
        boolean computeBound = compute >= memory;
        double t = (computeBound ? compute : memory) + gap;
        account(acc, t, computeBound);
        if (acc.rec != null) {
            recordElementwise(acc, kind, bytes, flops, compute, memory, gap, t);
        }
        return t;
    }

    /** The detailed path's record of vector work ({@link #elementwise}). */
    private static void recordElementwise(Summary acc, OpKind kind, double bytes, double flops, double compute,
                                          double memory, double gap, double t) {
        acc.rec.add(OpResult.of(kind, acc.scope, acc.inv, flops, 0, bytes, 0, 0, compute, memory, 0, gap, t,
                compute >= memory ? Bound.COMPUTE : Bound.MEMORY, 1.0, true, "roofline; no measurement (" + kind.label() + ")"));
    }

    /** Kernels timed as a measured fixed cost of {@code t} seconds, with no bytes or FLOPs of their own. */
    final double fixedCost(Summary acc, OpKind kind, double t, boolean extrapolated,
                           java.util.function.Supplier<String> basis) {
        account(acc, t, false);
        if (acc.rec != null) {
            recordFixedCost(acc, kind, t, extrapolated, basis);
        }
        return t;
    }

    /** The detailed path's record of a fixed cost ({@link #fixedCost}). */
    private static void recordFixedCost(Summary acc, OpKind kind, double t, boolean extrapolated,
                                        java.util.function.Supplier<String> basis) {
        acc.rec.add(OpResult.of(kind, acc.scope, acc.inv, 0, 0, 0, 0, 0, 0, 0, 0, t, t, Bound.MEMORY, 1.0,
                extrapolated, basis));
    }

    /**
     * Dispatch or combine of {@code bytes} per card among {@code cards} cards: the fidelity's network model;
     * {@code scaleUpPeers}: the peers in the card's own scale-up domain are reached over the scale-up link.
     */
    final double network(Summary acc, OpKind kind, double bytes, int cards, boolean scaleUpPeers) {
        double t = networkSeconds(kind, bytes, cards, scaleUpPeers);
        acc.boundNetwork += t * acc.times;
        if (acc.rec != null) {
            recordDecodeNetwork(acc, kind, bytes, cards, scaleUpPeers, t);
        }
        return t;
    }

    /** The detailed path's record of decode's dispatch or combine ({@link #network}). */
    private void recordDecodeNetwork(Summary acc, OpKind kind, double bytes, int cards, boolean scaleUpPeers, double t) {
        recordNetwork(acc, kind, bytes, t, networkFixedSeconds(kind, cards),
                networkExtrapolated(kind, bytes, cards, scaleUpPeers), () -> networkBasis(kind, bytes, cards, scaleUpPeers));
    }

    /**
     * Prefill's dispatch or combine of {@code bytes} per card among {@code cards} cards: the fidelity's model of the
     * throughput (normal) kernels, {@code bytes} counted as they count them (see {@link #prefillNetworkSeconds}).
     */
    final double prefillNetwork(Summary acc, OpKind kind, double bytes, int cards) {
        double t = prefillNetworkSeconds(kind, bytes, cards);
        acc.boundNetwork += t * acc.times;
        if (acc.rec != null) {
            recordNetwork(acc, kind, bytes, t, prefillNetworkFixedSeconds(), prefillNetworkExtrapolated(kind, cards),
                    () -> prefillNetworkBasis(kind, cards));
        }
        return t;
    }

    private static void recordNetwork(Summary acc, OpKind kind, double bytes, double t, double fixed,
                                      boolean extrapolated, java.util.function.Supplier<String> basis) {
        acc.rec.add(OpResult.of(kind, acc.scope, acc.inv, 0, 0, 0, 0, bytes, 0, 0, t - fixed, fixed, t, Bound.NETWORK,
                1.0, extrapolated, basis));
    }

    /**
     * An all-reduce of {@code tokens} BF16 hidden states of width {@code hidden} over {@code cards} cards of the
     * scale-up domain: each card sends and receives {@link Collectives#ringAllReduceBytes} (a ring, or its equal in a
     * reduce-scatter plus an all-gather), timed by the fidelity ({@link #collectiveSeconds}).
     */
    final double allReduce(Summary acc, OpKind kind, double tokens, int hidden, int cards) {
        double bytes = Collectives.ringAllReduceBytes(tokens, hidden, cards);
        double t = collectiveSeconds(bytes, cards);
        acc.boundNetwork += t * acc.times;
        if (acc.rec != null) {
            recordAllReduce(acc, kind, bytes, t, cards);
        }
        return t;
    }

    /** The detailed path's record of an all-reduce ({@link #allReduce}). */
    private void recordAllReduce(Summary acc, OpKind kind, double bytes, double t, int cards) {
        double fixed = collectiveFixedSeconds(cards);
        acc.rec.add(OpResult.of(kind, acc.scope, acc.inv, 0, 0, 0, 0, bytes, 0, 0, t - fixed, fixed, t,
                Bound.NETWORK, 1.0, true, () -> Collectives.citation(cards)));
    }

    /** Adds an op's time over all its invocations to its bound's sum (the dominant bound of the MoE layer). */
    static void account(Summary acc, double t, boolean computeBound) {
        if (computeBound) {
            acc.boundCompute += t * acc.times;
        } else {
            acc.boundMemory += t * acc.times;
        }
    }

    // ---- the fidelity's costs ----

    /** Fraction of the tensor peak the compute side of a GEMM uses. */
    abstract double computeEfficiency(Role role, double m, int rate, Numerics n);

    /**
     * Fraction of the roofline the GEMM of variant {@code g} reaches at {@code m} rows (1 = the roofline);
     * {@code compute} and {@code memory} are its roofline terms, seconds.
     */
    abstract double rooflineFraction(Summary acc, OpKind kind, GemmVariant g, double m, Numerics n, double compute,
                                     double memory);

    /** The curve of the roofline's fraction along M a GEMM variant reads (null: none, seed 000). */
    abstract dev.ridgeline.engine.calibration.GemmCurve gemmCurve(OpKind kind, int key, int k, int nOut);

    abstract double gemmOverhead(Numerics n);

    /** The least time a GEMM kernel of this kind takes, however small (0: none), seconds. */
    abstract double gemmFloor(OpKind kind);

    abstract boolean gemmExtrapolated(OpKind kind, GemmVariant g, double m, int rate, Numerics n);

    abstract String gemmBasis(OpKind kind, GemmVariant g, int rate, Numerics n);

    abstract double attentionComputeScale();

    /** Seconds per KV byte the attention core reads: 1 / (HBM bandwidth x the fraction of it the kernel reaches). */
    abstract double attentionSecondsPerByte();

    abstract double attentionOverhead(double sequences, int chunks);

    abstract boolean attentionExtrapolated(OpKind kind, Dtype kvDtype);

    abstract String attentionBasis(OpKind kind);

    abstract double networkSeconds(OpKind kind, double bytes, int cards, boolean scaleUpPeers);

    abstract double networkFixedSeconds(OpKind kind, int cards);

    abstract boolean networkExtrapolated(OpKind kind, double bytes, int cards, boolean scaleUpPeers);

    abstract String networkBasis(OpKind kind, double bytes, int cards, boolean scaleUpPeers);

    /**
     * Seconds of prefill's dispatch or combine (DeepEP's normal kernels) of {@code bytes} per card among {@code cards}
     * cards, a kernel gap included; bytes count a token once per destination (node, or card inside one node).
     */
    abstract double prefillNetworkSeconds(OpKind kind, double bytes, int cards);

    /** The fixed part of {@link #prefillNetworkSeconds} (a kernel gap). */
    abstract double prefillNetworkFixedSeconds();

    abstract boolean prefillNetworkExtrapolated(OpKind kind, int cards);

    abstract String prefillNetworkBasis(OpKind kind, int cards);

    /** Seconds of an all-reduce moving {@code bytes} per card among {@code cards} cards. */
    abstract double collectiveSeconds(double bytes, int cards);

    abstract double collectiveFixedSeconds(int cards);
}
