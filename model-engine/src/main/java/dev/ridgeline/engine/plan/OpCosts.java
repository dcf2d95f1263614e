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
 * The cost of each kind of operator on a chip (DESIGN 3.3-3.5, 3.8): GEMMs on the roofline at the fidelity's
 * efficiency and measured fraction, the attention core under the FA3 mode, memory-bound vector work, dispatch and
 * combine over the EP link. Reciprocal rates and per-kind coefficients are prepared once; each op adds its time to
 * the caller's {@link Summary} and, on the detailed path, records an {@link OpResult}. The fidelity's part is a set of
 * small methods the JIT inlines (and, in seed fidelity, folds to constants); their signatures name only classes every
 * fidelity loads, since the JIT does not inline a call whose signature names a class not yet loaded. {@link Plan}
 * builds the layer from these.
 */
abstract class OpCosts {
    /** What a GEMM's efficiency depends on: the promotion discount touches only the expert GEMMs. */
    public enum Role { ATTENTION, EXPERT_UP, EXPERT_DOWN }

    final Chip chip;
    final Assumptions assumptions;
    final double invHbm;
    final double invFp8;
    final double invBf16;
    final double invAdd;
    /** Softmax vector seconds per attention score: one exp2 and two FP32 additions (seed 000). */
    final double vectorPerScore;

    OpCosts(Chip chip, double hbmBytesPerSec, Assumptions assumptions) {
        this.chip = chip;
        this.assumptions = assumptions;
        this.invHbm = 1 / hbmBytesPerSec;
        this.invFp8 = 1 / chip.fp8FlopsPerSec();
        this.invBf16 = 1 / chip.bf16FlopsPerSec();
        this.invAdd = 1 / chip.fp32AddPerSec();
        this.vectorPerScore = 1 / chip.exp2PerSec() + 2 / chip.fp32AddPerSec();
    }

    /**
     * {@code count} GEMMs of {@code m x k -> n}: FLOPs {@code 2·m·k·n}, bytes {@code m·k·inBytes + k·n·weightBytes +
     * m·n·outBytes} each; {@code t = max(FLOPs / (rate·e), bytes / hbm) / f + overhead} with the fidelity's compute
     * efficiency e, roofline fraction f and overhead (DESIGN 3.3, 3.5, 3.8). The rate is FP8 for 1-byte inputs
     * ({@code fp8}), else BF16. Returns the seconds of one invocation.
     */
    final double gemm(Summary acc, OpKind kind, Role role, double m, int k, int nOut, int count, boolean fp8,
                      double inBytes, double weightBytes, double outBytes, Numerics n) {
        GemmCoefficients c = gemmCoefficients[kind.ordinal() * 2 + n.weightDtype().ordinal()];
        if (c == null) {
            c = prepare(kind, k, nOut, fp8, inBytes, weightBytes, outBytes, n);
        }
        double e = computeEfficiency(role, m, fp8, n);
        double atPeak = m * count * c.computePerRow;
        double compute = e == 1 ? atPeak : atPeak / e;
        double memory = count * (c.weights + m * c.activationsPerRow);
        double f = rooflineFraction(acc, kind, m, k, nOut, n);
        double overhead = gemmOverhead(n);
        boolean computeBound = compute >= memory;
        double roof = computeBound ? compute : memory;
        double t = (f == 1 ? roof : roof / f) + overhead;
        account(acc, t, computeBound);
        if (acc.rec != null) {
            recordGemm(acc, kind, m, k, nOut, count, fp8, inBytes, weightBytes, outBytes, n,
                    new double[] {compute, memory, overhead, t, e, f});
        }
        return t;
    }

    /** The GEMM kind's coefficients at this weight dtype, prepared and kept (outside {@link #gemm}, to keep it small). */
    private GemmCoefficients prepare(OpKind kind, int k, int nOut, boolean fp8, double inBytes, double weightBytes,
                                     double outBytes, Numerics n) {
        GemmCoefficients c = new GemmCoefficients(2.0 * k * nOut * (fp8 ? invFp8 : invBf16),
                (double) k * nOut * weightBytes * invHbm, ((double) k * inBytes + (double) nOut * outBytes) * invHbm);
        gemmCoefficients[kind.ordinal() * 2 + n.weightDtype().ordinal()] = c;
        return c;
    }

    /** The detailed path's record of one GEMM; {@code times} = compute, memory, overhead, time, efficiency, fraction. */
    private void recordGemm(Summary acc, OpKind kind, double m, int k, int nOut, int count, boolean fp8, double inBytes,
                            double weightBytes, double outBytes, Numerics n, double[] times) {
        double mk = m * k;
        double f = times[5];
        acc.rec.add(OpResult.of(kind, acc.scope, acc.inv, 2.0 * mk * nOut * count, (double) k * nOut * weightBytes * count,
                (mk * inBytes + m * nOut * outBytes) * count, 0, 0, times[0], times[1], 0, times[2], times[3],
                times[0] >= times[1] ? Bound.COMPUTE : Bound.MEMORY, f == 1 ? times[4] : f,
                gemmExtrapolated(kind, m, k, nOut, fp8, n), gemmBasis(kind, k, nOut, n)));
    }

    /**
     * One GEMM kind's cost per row and per copy at one weight dtype: seconds of tensor work per row at the peak rate,
     * seconds to read the weights, seconds of activation traffic per row. The shape and byte sizes of a kind are fixed
     * by the model, the plan's readings and the weight dtype, so they are prepared on first use and kept (a benign
     * race: every thread computes the same immutable object).
     */
    private record GemmCoefficients(double computePerRow, double weights, double activationsPerRow) {
    }

    private final GemmCoefficients[] gemmCoefficients = new GemmCoefficients[OpKind.values().length * 2];

    /**
     * An attention core (seed 000's FlashMLA model, also timing GQA): QK^T over {@code qkWidth} and PV over
     * {@code pvWidth} for every query row and computed key; softmax one exp2 and two FP32 additions per score; the
     * FA3 mode combines them. KV read {@code sequences·L·kvElements·kvBytes}. {@code t = max(compute·s, kv / (hbm·f))
     * + overhead} with the fidelity's compute scale s, memory fraction f and overhead. Returns the seconds.
     */
    final double core(Summary acc, OpKind kind, double sequences, int queries, int context, int keys, int chunks,
                      int qkWidth, int pvWidth, int kvElements, Dtype kvDtype, boolean fp8, Fa3Mode fa3) {
        double scores = sequences * queries * (double) keys;
        double flops = 2.0 * scores * (qkWidth + pvWidth);
        double perFlop = fp8 ? invFp8 : invBf16;
        double compute = fa3.combine(2.0 * scores * qkWidth * perFlop, 2.0 * scores * pvWidth * perFlop,
                scores * vectorPerScore) * attentionComputeScale();
        double kv = sequences * context * (double) kvElements * kvDtype.bytes();
        double memory = kv * attentionSecondsPerByte();
        double overhead = attentionOverhead(sequences, chunks);
        boolean computeBound = compute >= memory;
        double t = (computeBound ? compute : memory) + overhead;
        account(acc, t, computeBound);
        if (acc.rec != null) {
            acc.rec.add(OpResult.of(kind, acc.scope, acc.inv, flops, 0, 0, kv, 0, compute, memory, 0, overhead, t,
                    computeBound ? Bound.COMPUTE : Bound.MEMORY, 1 / attentionComputeScale(),
                    attentionExtrapolated(kind, kvDtype), attentionBasis(kind)));
        }
        return t;
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
            acc.rec.add(OpResult.of(kind, acc.scope, acc.inv, flops, 0, bytes, 0, 0, compute, memory, 0, gap, t,
                    computeBound ? Bound.COMPUTE : Bound.MEMORY, 1.0, true, "roofline; no measurement (" + kind.label() + ")"));
        }
        return t;
    }

    /** Dispatch or combine of {@code bytes} per card at EP {@code ep}: the fidelity's network model. */
    final double network(Summary acc, OpKind kind, double bytes, int ep) {
        double t = networkSeconds(kind, bytes, ep);
        acc.boundNetwork += t * acc.inv;
        if (acc.rec != null) {
            double fixed = networkFixedSeconds(kind, ep);
            acc.rec.add(OpResult.of(kind, acc.scope, acc.inv, 0, 0, 0, 0, bytes, 0, 0, t - fixed, fixed, t,
                    Bound.NETWORK, 1.0, networkExtrapolated(kind, bytes, ep), networkBasis(kind, bytes, ep)));
        }
        return t;
    }

    /** Adds an op's time over all its invocations to its bound's sum (the dominant bound of the MoE layer). */
    static void account(Summary acc, double t, boolean computeBound) {
        if (computeBound) {
            acc.boundCompute += t * acc.inv;
        } else {
            acc.boundMemory += t * acc.inv;
        }
    }

    // ---- the fidelity's costs ----

    /** Fraction of the tensor peak the compute side of a GEMM uses. */
    abstract double computeEfficiency(Role role, double m, boolean fp8, Numerics n);

    /** Fraction of the roofline the GEMM reaches (1 = the roofline). */
    abstract double rooflineFraction(Summary acc, OpKind kind, double m, int k, int nOut, Numerics n);

    abstract double gemmOverhead(Numerics n);

    abstract boolean gemmExtrapolated(OpKind kind, double m, int k, int nOut, boolean fp8, Numerics n);

    abstract String gemmBasis(OpKind kind, int k, int nOut, Numerics n);

    abstract double attentionComputeScale();

    /** Seconds per KV byte the attention core reads: 1 / (HBM bandwidth x the fraction of it the kernel reaches). */
    abstract double attentionSecondsPerByte();

    abstract double attentionOverhead(double sequences, int chunks);

    abstract boolean attentionExtrapolated(OpKind kind, Dtype kvDtype);

    abstract String attentionBasis(OpKind kind);

    abstract double networkSeconds(OpKind kind, double bytes, int ep);

    abstract double networkFixedSeconds(OpKind kind, int ep);

    abstract boolean networkExtrapolated(OpKind kind, double bytes, int ep);

    abstract String networkBasis(OpKind kind, double bytes, int ep);
}
