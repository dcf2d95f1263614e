package dev.ridgeline.engine.plan;

import dev.ridgeline.engine.calibration.Calibration;
import dev.ridgeline.engine.calibration.Fp4MoeFit;
import dev.ridgeline.engine.calibration.GemmCurve;
import dev.ridgeline.engine.model.CalibrationKey;
import dev.ridgeline.engine.model.Numerics;
import dev.ridgeline.engine.ops.OpKind;

/**
 * Calibrated fidelity's GEMM readings: the fraction of the roofline a GEMM reaches, whether that is beyond what was
 * measured, and what it stands on. Dense GEMMs and FP8/BF16 grouped ones at DeepGEMM's H800 fractions (the
 * grouped-masked table in decode, grouped-contiguous in prefill); FP4 routed experts as TensorRT-LLM's fused NVFP4 MoE
 * runs on a B300 ({@link Fp4MoeFit}: bytes at a fraction of HBM plus FLOPs at a fraction of the FP4 rate, so the
 * fraction of the roofline follows the op's own balance of the two). Each GEMM variant keeps its curve, with the
 * curve's ends in fields ({@link GemmVariant}).
 */
final class GemmReadings {
    private final Calibration cal;
    private final CalibrationKey chip;

    GemmReadings(Calibration cal, CalibrationKey chip) {
        this.cal = cal;
        this.chip = chip;
    }

    /**
     * Fraction of the roofline of variant {@code g} at {@code m} rows, given the GEMM's roofline terms {@code compute}
     * and {@code memory}.
     */
    double fraction(OpKind kind, GemmVariant g, double m, Numerics n, Summary acc, double compute, double memory) {
        if (grouped(kind) && n.expertDtype().fp4()) {
            return fp4Fraction(compute, memory);
        }
        // ln m only where the curve interpolates: at or beyond its ends the end value holds
        if (m <= g.firstM) {
            return g.firstFraction;
        }
        if (!(m < g.lastM)) {
            return g.lastFraction;
        }
        if (!g.twoSegments) {
            return interpolated(g, m, acc);
        }
        // GemmCurve.between's segment (the first measured M at or above m), its operands from fields; the logarithm
        // is taken out of line, once per distinct row count in a row (Summary.lnM)
        double lnm = m == acc.lastM ? acc.lastLnM : acc.lnM(m);
        return m <= g.midM ? GemmCurve.along(g.lowFraction, g.lowLnM, g.lowSlope, lnm)
                : GemmCurve.along(g.highFraction, g.highLnM, g.highSlope, lnm);
    }

    /**
     * A curve of four or more measured M between its ends: its search and logarithm, kept out of line by the compiler
     * directives (decision 0005), so that each GEMM's inlined code holds a call here instead of its own copy of them.
     */
    static double interpolated(GemmVariant g, double m, Summary acc) {
        return g.curve.between(m, acc.lnM(m));
    }

    /** FP4 routed experts' fraction of their roofline ({@link Fp4MoeFit}); out of line like {@link #interpolated}. */
    double fp4Fraction(double compute, double memory) {
        return Math.max(compute, memory) / cal.fp4Moe().gemmSec(memory, compute);
    }

    /** Beyond the measurements: another chip, dtype (FP4 was measured on a B300, in no catalogue), shape or M. */
    boolean extrapolated(OpKind kind, GemmVariant g, double m, int rate, Numerics n) {
        return fp4Experts(kind, n) || g.curve.extrapolated(m) || rate != OpCosts.FP8
                || chip != CalibratedPlan.MEASURED_CHIP;
    }

    /** The measured rows used, with their source. */
    String basis(OpKind kind, GemmVariant g, Numerics n) {
        if (fp4Experts(kind, n)) {
            return n.expertDtype().label() + " at the chip's HBM and FP4 tensor rate as " + cal.fp4Moe().citation()
                    + " (measured on a B300, in no catalogue)";
        }
        return g.curve.citation();
    }

    /** FP4 routed experts (NVFP4, MXFP4). */
    private static boolean fp4Experts(OpKind kind, Numerics n) {
        return n.expertDtype().fp4() && grouped(kind);
    }

    /** The routed experts' GEMMs, which run grouped (one per expert). */
    private static boolean grouped(OpKind kind) {
        return kind == OpKind.ROUTED_UP || kind == OpKind.ROUTED_DOWN;
    }

    /**
     * The DeepGEMM curve of a GEMM variant ({@code key}: its kind and variant, {@link OpCosts#variant}) of
     * {@code k -> nOut}: the dense table's, or for the routed experts the grouped-masked table's in decode and the
     * grouped-contiguous one's in prefill.
     */
    GemmCurve curve(OpKind kind, int key, int k, int nOut) {
        boolean prefill = key % OpCosts.VARIANTS >= OpCosts.PREFILL_VARIANT;
        return (!grouped(kind) ? cal.denseGemm() : prefill ? cal.prefill().contiguousGemm() : cal.groupedGemm())
                .curve(nOut, k);
    }
}
