package dev.ridgeline.engine.roofline;

import dev.ridgeline.engine.calibration.Basis;
import dev.ridgeline.engine.calibration.Calibration;
import dev.ridgeline.engine.calibration.DeepEpFit;
import dev.ridgeline.engine.model.CalibrationKey;
import dev.ridgeline.engine.model.Chip;
import dev.ridgeline.engine.model.Dtype;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.ops.Op;
import dev.ridgeline.engine.ops.Op.AllToAll;
import dev.ridgeline.engine.ops.Op.Attention;
import dev.ridgeline.engine.ops.Op.GqaAttention;
import dev.ridgeline.engine.ops.Op.Gemm;
import dev.ridgeline.engine.ops.Stage;

/**
 * Operator cost in calibrated fidelity (DESIGN 3.8): the roofline divided by the fraction of it the published
 * kernels reach, plus a kernel gap; network ops from the DeepEP low-latency fit. Each result names its basis and
 * says whether it is extrapolated (another chip, dtype, shape or range than measured).
 */
public final class CalibratedRoofline {
    /** The chip DeepGEMM and DeepEP were measured on. */
    static final CalibrationKey MEASURED_CHIP = CalibrationKey.H800;

    private CalibratedRoofline() {
    }

    public static OpResult cost(Op op, Scenario s, Calibration cal, int invocations) {
        if (op instanceof Gemm) {
            return gemm((Gemm) op, s, cal, invocations);
        }
        if (op instanceof Attention) {
            return attention((Attention) op, s, cal, invocations);
        }
        if (op instanceof AllToAll) {
            return allToAll((AllToAll) op, s, cal, invocations);
        }
        OpResult r = Roofline.elementwise((Op.Elementwise) op, s, invocations);
        double gap = s.assumptions().kernelGapSec();
        return with(r, r.timeSec() + gap, gap, 1, true, "roofline; no measurement (" + op.name() + ")");
    }

    static OpResult gemm(Gemm g, Scenario s, Calibration cal, int invocations) {
        double gap = s.assumptions().kernelGapSec();
        OpResult r = Roofline.gemm(g, s.withGemmEfficiency(0).withPromotion(false), invocations);
        if (s.gemmEfficiency() > 0) {
            OpResult manual = Roofline.gemm(g, s, invocations);
            return with(manual, manual.timeSec() + gap, gap, s.gemmEfficiency(), true,
                    "manual efficiency " + s.gemmEfficiency());
        }
        boolean routed = g.stage() == Stage.MOE;
        Basis b = (routed ? cal.groupedGemm() : cal.denseGemm()).lookup(g.m(), g.n(), g.k());
        boolean extrapolated = b.extrapolated() || g.dtype() != Dtype.FP8 || s.chip().calibration() != MEASURED_CHIP;
        double t = r.timeSec() / b.fraction();
        return with(r, t + gap, gap, b.fraction(), extrapolated, b.citation());
    }

    /**
     * FlashMLA's measured fractions of the roofline applied to the attention core. A GQA core has no measurement of
     * its own: it borrows FlashMLA's fractions and is always marked extrapolated.
     */
    static OpResult attention(Attention a, Scenario s, Calibration cal, int invocations) {
        Chip chip = s.chip();
        Basis mem = cal.flashMla().memory(chip.calibration());
        Basis cmp = cal.flashMla().compute(chip.calibration());
        double gap = s.assumptions().kernelGapSec();
        boolean gqa = a instanceof GqaAttention;
        double scores = MlaCompute.scores(a);
        double compute = MlaCompute.seconds(chip, s.fa3Mode(), a) * cmp.fraction();
        double kv = MlaCompute.kvBytes(a);
        double memory = kv / (chip.hbmBandwidthBytesPerSec() * mem.fraction());
        double flops = 2.0 * scores * (a.qkWidth() + a.pvWidth());
        double t = Math.max(compute, memory) + gap;
        return new OpResult(a.name(), a.stage(), flops, 0, 0, kv, 0, compute, memory, 0, gap, t,
                compute >= memory ? Bound.COMPUTE : Bound.MEMORY, 1 / cmp.fraction(), invocations,
                gqa || mem.extrapolated() || cmp.extrapolated() || a.kvDtype() != Dtype.BF16,
                (gqa ? "GQA core timed with FlashMLA's fractions (no measurement); " : "") + cmp.citation() + "; "
                        + mem.citation());
    }

    /**
     * Dispatch or combine. Inside the scale-up domain: bytes at DeepEP's intranode fraction of the link plus a kernel
     * gap (measured on H800 only). Over the NIC: the DeepEP low-latency fit of that op, its bandwidth scaled by the
     * NIC's over CX7's.
     */
    static OpResult allToAll(AllToAll n, Scenario s, Calibration cal, int invocations) {
        if (s.chip().scaleUpCovers(s.ep())) {
            double gap = s.assumptions().kernelGapSec();
            double t = n.bytes() / (s.chip().scaleUpBandwidthBytesPerSec() * Calibration.SCALE_UP_FRACTION) + gap;
            return new OpResult(n.name(), n.stage(), 0, 0, 0, 0, n.bytes(), 0, 0, t, gap, t,
                    Bound.NETWORK, Calibration.SCALE_UP_FRACTION, invocations,
                    s.chip().calibration() != MEASURED_CHIP, Calibration.SCALE_UP_CITATION);
        }
        DeepEpFit.Kind kind = n.stage() == Stage.DISPATCH ? DeepEpFit.Kind.DISPATCH : DeepEpFit.Kind.COMBINE;
        double nic = s.nic().bandwidthBytesPerSec();
        double t = cal.deepEp().seconds(kind, s.ep(), n.bytes(), nic / cal.cx7BytesPerSec());
        Basis b = cal.deepEp().basis(kind, s.ep(), n.bytes(), nic != cal.cx7BytesPerSec());
        double fixed = cal.deepEp().fixedSec(kind);
        return new OpResult(n.name(), n.stage(), 0, 0, 0, 0, n.bytes(), 0, 0, t - fixed, fixed, t, Bound.NETWORK, 1.0,
                invocations, b.extrapolated(), b.citation());
    }

    private static OpResult with(OpResult r, double time, double overhead, double efficiency, boolean extrapolated,
                                 String basis) {
        return new OpResult(r.name(), r.stage(), r.flops(), r.weightBytes(), r.activationBytes(), r.kvBytes(),
                r.networkBytes(), r.computeSec(), r.memorySec(), r.networkSec(), overhead, time, r.bound(), efficiency,
                r.invocations(), extrapolated, basis);
    }
}
