package dev.ridgeline.engine.plan;

import dev.ridgeline.engine.calibration.Basis;
import dev.ridgeline.engine.calibration.Calibration;
import dev.ridgeline.engine.calibration.DeepEpFit;
import dev.ridgeline.engine.calibration.GemmCurve;
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
import dev.ridgeline.engine.model.Readings;
import dev.ridgeline.engine.ops.OpKind;
import dev.ridgeline.engine.ops.OpKind.Scope;
import dev.ridgeline.engine.roofline.Bound;
import dev.ridgeline.engine.roofline.OpResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Calibrated fidelity (DESIGN 3.8): physical readings of the op graph and published kernel measurements. The chip's
 * datasheet figures; every weight read; the shared expert over every token; FlashMLA over the context; each routed
 * expert over its own tokens, redundant experts included; dispatch FP8 with one scale per 128 channels and combine
 * BF16 (DeepEP); norms and the router gate timed. GEMMs at the fraction of the roofline DeepGEMM reaches at that
 * shape, FlashMLA at its measured fractions, dispatch and combine from DeepEP's low-latency fit, a kernel gap after
 * each kernel; outside the layers the dense layers, the LM head, sampling, the MTP module and the host's share; a
 * memory reserve and the MTP module resident. Throughput per card is always B × user tokens/s. Calibration follows
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
    private final double nicScale;
    /** DeepEP seconds per byte by EP size and kind, filled on first use (0 = not yet; a benign race, as below). */
    private final double[][] deepEpInverse = new double[2][Deployment.MAX_EP + 1];
    /** DeepGEMM curves by op kind, filled on first use (a benign race: curves are immutable and equal). */
    private final GemmCurve[] curves = new GemmCurve[OpKind.values().length];

    CalibratedPlan(ModelConfig model, Chip chip, Nic nic, Readings readings, Assumptions assumptions, Calibration cal) {
        super(model, chip, chip.memoryBytes(), chip.hbmBandwidthBytesPerSec(), nic, readings, assumptions);
        this.cal = cal;
        this.gap = assumptions.kernelGapSec();
        Basis memory = cal.flashMla().memory(chip.calibration());
        Basis compute = cal.flashMla().compute(chip.calibration());
        this.mlaComputeScale = compute.fraction();
        this.mlaSecondsPerByte = invHbm / memory.fraction();
        this.mlaExtrapolated = memory.extrapolated() || compute.extrapolated();
        this.mlaCitation = compute.citation() + "; " + memory.citation();
        this.nicScale = nic.bandwidthBytesPerSec() / cal.cx7BytesPerSec();
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
    int expertsPerCard(int ep) {
        return Calibration.expertsPerCard(model.routedExperts(), ep);
    }

    @Override
    double expertRows(double pairs, int experts) {
        return pairs / experts;
    }

    /** FP8 plus one FP32 scale per 128 channels (DeepEP's low-latency dispatch). */
    @Override
    double dispatchBytesPerPair() {
        return hidden + hidden / 128 * 4.0;
    }

    @Override
    double combineBytesPerElement(double weightBytes) {
        return Dtype.BF16.bytes();
    }

    @Override
    double computeEfficiency(Role role, double m, boolean fp8, Numerics n) {
        return n.gemmEfficiency() > 0 ? n.gemmEfficiency() : 1.0;
    }

    @Override
    double rooflineFraction(Summary acc, OpKind kind, double m, int k, int nOut, Numerics n) {
        return n.gemmEfficiency() > 0 ? 1 : curve(kind, k, nOut).fraction(m, acc.lnM(m));
    }

    private GemmCurve curve(OpKind kind, int k, int nOut) {
        GemmCurve c = curves[kind.ordinal()];
        if (c == null) {
            boolean grouped = kind == OpKind.ROUTED_UP || kind == OpKind.ROUTED_DOWN;
            c = (grouped ? cal.groupedGemm() : cal.denseGemm()).curve(nOut, k);
            curves[kind.ordinal()] = c;
        }
        return c;
    }

    @Override
    double gemmOverhead(Numerics n) {
        return gap;
    }

    @Override
    boolean gemmExtrapolated(OpKind kind, double m, int k, int nOut, boolean fp8, Numerics n) {
        return n.gemmEfficiency() > 0 || curve(kind, k, nOut).extrapolated(m) || !fp8
                || chip.calibration() != MEASURED_CHIP;
    }

    @Override
    String gemmBasis(OpKind kind, int k, int nOut, Numerics n) {
        return n.gemmEfficiency() > 0 ? "manual efficiency " + n.gemmEfficiency() : curve(kind, k, nOut).citation();
    }

    @Override
    double attentionComputeScale() {
        return mlaComputeScale;
    }

    @Override
    double attentionSecondsPerByte() {
        return mlaSecondsPerByte;
    }

    @Override
    double attentionOverhead(double sequences, int chunks) {
        return gap;
    }

    /** A GQA core has no measurement of its own: it borrows FlashMLA's fractions and is always extrapolated. */
    @Override
    boolean attentionExtrapolated(OpKind kind, Dtype kvDtype) {
        return kind == OpKind.GQA_ATTENTION || mlaExtrapolated || kvDtype != Dtype.BF16;
    }

    @Override
    String attentionBasis(OpKind kind) {
        return (kind == OpKind.GQA_ATTENTION ? "GQA core timed with FlashMLA's fractions (no measurement); " : "")
                + mlaCitation;
    }

    private static DeepEpFit.Kind deepEpKind(OpKind kind) {
        return kind == OpKind.DISPATCH ? DeepEpFit.Kind.DISPATCH : DeepEpFit.Kind.COMBINE;
    }

    /**
     * Inside the scale-up domain: bytes at DeepEP's intranode fraction of the link plus a kernel gap (measured on
     * H800 only). Over the NIC: DeepEP's low-latency fit of that op, its bandwidth scaled by the NIC's over CX7's.
     */
    @Override
    double networkSeconds(OpKind kind, double bytes, int ep) {
        if (chip.scaleUpCovers(ep)) {
            return bytes / (chip.scaleUpBandwidthBytesPerSec() * Calibration.SCALE_UP_FRACTION) + gap;
        }
        DeepEpFit.Kind k = deepEpKind(kind);
        double[] cache = deepEpInverse[k.ordinal()];
        double inverse = cache[ep];
        if (inverse == 0) {
            inverse = cal.deepEp().inverseBandwidth(k, ep);
            cache[ep] = inverse;
        }
        return cal.deepEp().fixedSec(k) + bytes * inverse / nicScale;
    }

    @Override
    double networkFixedSeconds(OpKind kind, int ep) {
        return chip.scaleUpCovers(ep) ? gap : cal.deepEp().fixedSec(deepEpKind(kind));
    }

    @Override
    boolean networkExtrapolated(OpKind kind, double bytes, int ep) {
        if (chip.scaleUpCovers(ep)) {
            return chip.calibration() != MEASURED_CHIP;
        }
        return cal.deepEp().basis(deepEpKind(kind), ep, bytes, nicScale != 1.0).extrapolated();
    }

    @Override
    String networkBasis(OpKind kind, double bytes, int ep) {
        return chip.scaleUpCovers(ep) ? Calibration.SCALE_UP_CITATION
                : cal.deepEp().basis(deepEpKind(kind), ep, bytes, nicScale != 1.0).citation();
    }

    /**
     * The MoE layers, then per step: the dense layers (each op x denseLayers), the LM head over every token,
     * sampling, per MTP token one MoE layer at q = 1 (the MTP module), its projection and the LM head again, and
     * finally the host's share of the GPU step ({@code Assumptions.hostOverheadFraction}).
     */
    @Override
    double step(Summary acc, Deployment d, Numerics n, Fa3Mode fa3, double layerSec) {
        int b = d.batchPerCard();
        int q = 1 + d.mtpDepth();
        double tokens = (double) b * q;
        boolean fp8 = n.weightDtype() == Dtype.FP8;
        double wb = n.weightDtype().bytes();
        double out = ATTENTION_OUT_BYTES;
        int inter = model.denseIntermediateSize();
        acc.sink(Scope.DENSE_LAYER, model.denseLayers(), acc.stepRec);
        double dense = rmsNorm(acc, OpKind.ATTENTION_NORM, tokens) + attention0(acc, n, b, q)
                + attention1(acc, d, n, fa3, b, q) + rmsNorm(acc, OpKind.FFN_NORM, tokens)
                + gemm(acc, OpKind.DENSE_FFN_UP, Role.ATTENTION, tokens, hidden, 2 * inter, 1, fp8, wb, wb, out, n)
                + gemm(acc, OpKind.DENSE_FFN_DOWN, Role.ATTENTION, tokens, inter, hidden, 1, fp8, wb, wb, out, n);
        acc.sink(Scope.STEP, 1, acc.stepRec);
        double logits = tokens * model.vocabSize();
        double outside = dense * model.denseLayers()
                + gemm(acc, OpKind.LM_HEAD, Role.ATTENTION, tokens, hidden, model.vocabSize(), 1, fp8, wb, wb, out, n)
                + elementwise(acc, OpKind.SAMPLING, 8.0 * logits, 3.0 * logits);
        if (d.mtpDepth() > 0) {
            double module = mtpLayer(acc, d, n, fa3);
            acc.sink(Scope.STEP, d.mtpDepth(), acc.stepRec);
            outside += (module
                    + gemm(acc, OpKind.MTP_PROJECTION, Role.ATTENTION, b, 2 * hidden, hidden, 1, fp8, wb, wb, out, n)
                    + gemm(acc, OpKind.MTP_LM_HEAD, Role.ATTENTION, b, hidden, model.vocabSize(), 1, fp8, wb, wb, out, n))
                    * d.mtpDepth();
        }
        double gpu = layerSec * model.moeLayers() + outside;
        double host = assumptions.hostOverheadFraction() * gpu;
        if (acc.stepRec != null) {
            acc.stepRec.add(OpResult.of(OpKind.HOST, Scope.STEP, 1, 0, 0, 0, 0, 0, 0, 0, 0, host, host, Bound.HOST, 1.0,
                    true, "assumption: " + Math.round(assumptions.hostOverheadFraction() * 100) + " % of the GPU "
                            + "step, not overlapped (SGLang v0.4 zero-overhead scheduler: 1.1x from overlapping it, "
                            + "https://lmsys.org/blog/2024-12-04-sglang-v0-4/)"));
        }
        return gpu + host;
    }

    /** The MTP module: one MoE layer at q = 1 for the card's batch, under the same pipeline; returns its time. */
    private double mtpLayer(Summary acc, Deployment d, Numerics n, Fa3Mode fa3) {
        int microBatches = d.policy() == Policy.DUAL_MICRO_BATCH ? 2 : 1;
        List<OpResult> stepRec = acc.stepRec;
        List<OpResult> nested = stepRec == null ? null : new ArrayList<>();
        acc.sink(Scope.MOE_LAYER, microBatches, nested);
        double t = layer(acc, d, n, fa3, d.batchPerCard() / (double) microBatches, 1, null);
        if (stepRec != null) {
            double[] byBound = new double[Bound.values().length];
            for (OpResult op : nested) {
                byBound[op.bound().ordinal()] += op.timePerLayerSec();
            }
            stepRec.add(OpResult.of(OpKind.MTP_LAYER, Scope.STEP, d.mtpDepth(), 0, 0, 0, 0, 0, 0, 0, 0, 0, t,
                    dominant(byBound[Bound.COMPUTE.ordinal()], byBound[Bound.MEMORY.ordinal()],
                            byBound[Bound.NETWORK.ordinal()]), 1.0, nested.stream().anyMatch(OpResult::extrapolated),
                    "one MoE layer at q = 1, timed as above"));
        }
        return t;
    }

    @Override
    boolean mtpModuleResident(Deployment d) {
        return d.mtpDepth() > 0 && model.mtpModules() > 0;
    }

    @Override
    double reserveBytes() {
        return assumptions.memoryReserveBytes();
    }

    @Override
    double throughputPerCard(double batchTimesUserTokens, int tokensPerStep) {
        return batchTimesUserTokens;
    }
}
