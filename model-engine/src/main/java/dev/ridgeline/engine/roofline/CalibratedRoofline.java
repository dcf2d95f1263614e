package dev.ridgeline.engine.roofline;

import dev.ridgeline.engine.calibration.Basis;
import dev.ridgeline.engine.calibration.Calibration;
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
    /** The chip the measurements were taken on. */
    static final String MEASURED_CHIP = "H800";
    /** CX7's effective bandwidth as the preset states it (seed 000: 40 GiB/s); DeepEP measured on CX7. */
    static final double CX7_BYTES_PER_SEC = 40.0 * (1L << 30);

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
        return with(r, r.timeSec() + Calibration.KERNEL_GAP_SEC, Calibration.KERNEL_GAP_SEC, 1, true,
                "roofline; no measurement (norm)");
    }

    static OpResult gemm(Gemm g, Scenario s, Calibration cal, int invocations) {
        OpResult r = Roofline.gemm(g, s.withGemmEfficiency(0).withPromotion(false), invocations);
        if (s.gemmEfficiency() > 0) {
            OpResult manual = Roofline.gemm(g, s, invocations);
            return with(manual, manual.timeSec() + Calibration.KERNEL_GAP_SEC, Calibration.KERNEL_GAP_SEC,
                    s.gemmEfficiency(), true, "manual efficiency " + s.gemmEfficiency());
        }
        boolean routed = g.stage() == Stage.MOE;
        Basis b = (routed ? cal.groupedGemm() : cal.denseGemm()).lookup(g.m(), g.n(), g.k());
        boolean extrapolated = b.extrapolated() || g.dtype() != Dtype.FP8 || !s.chip().name().equals(MEASURED_CHIP);
        double t = r.timeSec() / b.fraction();
        return with(r, t + Calibration.KERNEL_GAP_SEC, Calibration.KERNEL_GAP_SEC, b.fraction(), extrapolated, b.citation());
    }

    /**
     * FlashMLA's measured fractions of the roofline applied to the attention core. A GQA core has no measurement of
     * its own: it borrows FlashMLA's fractions and is always marked extrapolated.
     */
    static OpResult attention(Attention a, Scenario s, Calibration cal, int invocations) {
        Chip chip = s.chip();
        Basis mem = cal.flashMla().memory(chip.name());
        Basis cmp = cal.flashMla().compute(chip.name());
        boolean gqa = a instanceof GqaAttention;
        double scores = MlaCompute.scores(a);
        double compute = MlaCompute.seconds(chip, s.fa3Mode(), a) * cmp.fraction();
        double kv = MlaCompute.kvBytes(a);
        double memory = kv / (chip.hbmBandwidthBytesPerSec() * mem.fraction());
        double flops = 2.0 * scores * (a.qkWidth() + a.pvWidth());
        double t = Math.max(compute, memory) + Calibration.KERNEL_GAP_SEC;
        return new OpResult(a.name(), a.stage(), flops, 0, 0, kv, 0, compute, memory, 0, Calibration.KERNEL_GAP_SEC, t,
                compute >= memory ? Bound.COMPUTE : Bound.MEMORY, 1 / cmp.fraction(), invocations,
                gqa || mem.extrapolated() || cmp.extrapolated() || a.kvDtype() != Dtype.BF16,
                (gqa ? "GQA core timed with FlashMLA's fractions (no measurement); " : "") + cmp.citation() + "; "
                        + mem.citation());
    }

    static OpResult allToAll(AllToAll n, Scenario s, Calibration cal, int invocations) {
        if (s.chip().scaleUpCovers(s.ep())) {
            double t = n.bytes() / (s.chip().scaleUpBandwidthBytesPerSec() * Calibration.SCALE_UP_FRACTION)
                    + Calibration.KERNEL_GAP_SEC;
            return new OpResult(n.name(), n.stage(), 0, 0, 0, 0, n.bytes(), 0, 0, t, Calibration.KERNEL_GAP_SEC, t,
                    Bound.NETWORK, Calibration.SCALE_UP_FRACTION, invocations, !s.chip().name().startsWith(MEASURED_CHIP),
                    Calibration.SCALE_UP_CITATION);
        }
        double scale = s.nic().bandwidthBytesPerSec() / CX7_BYTES_PER_SEC;
        double t = cal.deepEp().seconds(s.ep(), n.bytes(), scale);
        Basis b = cal.deepEp().basis(s.ep(), scale != 1.0);
        return new OpResult(n.name(), n.stage(), 0, 0, 0, 0, n.bytes(), 0, 0, t, 0, t, Bound.NETWORK, 1.0, invocations,
                b.extrapolated(), b.citation());
    }

    private static OpResult with(OpResult r, double time, double overhead, double efficiency, boolean extrapolated,
                                 String basis) {
        return new OpResult(r.name(), r.stage(), r.flops(), r.weightBytes(), r.activationBytes(), r.kvBytes(),
                r.networkBytes(), r.computeSec(), r.memorySec(), r.networkSec(), overhead, time, r.bound(), efficiency,
                r.invocations(), extrapolated, basis);
    }
}
