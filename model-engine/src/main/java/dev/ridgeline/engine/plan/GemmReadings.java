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
 * fraction of the roofline follows the op's own balance of the two). Readings are kept per op kind and variant, filled
 * on first use (a benign race: readings are immutable and equal).
 */
final class GemmReadings {
    private final Calibration cal;
    private final CalibrationKey chip;
    private final Reading[] readings = new Reading[OpKind.values().length * OpCosts.VARIANTS];

    /**
     * One GEMM variant's reading, prepared on first use: its DeepGEMM curve, with the curve's ends in fields (most
     * lookups fall at or beyond an end, and then read no array and take no logarithm), and whether it is a routed
     * expert's (grouped: FP4 experts read the FP4 MoE kernel's fit instead).
     */
    private static final class Reading {
        final GemmCurve curve;
        final boolean grouped;
        final double firstM;
        final double lastM;
        final double firstFraction;
        final double lastFraction;

        Reading(GemmCurve curve, boolean grouped) {
            this.curve = curve;
            this.grouped = grouped;
            double[] m = curve.m();
            double[] f = curve.fractions();
            this.firstM = m[0];
            this.lastM = m[m.length - 1];
            this.firstFraction = f[0];
            this.lastFraction = f[f.length - 1];
        }
    }

    GemmReadings(Calibration cal, CalibrationKey chip) {
        this.cal = cal;
        this.chip = chip;
    }

    /** Fraction of the roofline at {@code m} rows, given the GEMM's roofline terms {@code compute} and {@code memory}. */
    double fraction(OpKind kind, int key, double m, int k, int nOut, Numerics n, Summary acc, double compute,
                    double memory) {
        Reading r = reading(kind, key, k, nOut);
        if (r.grouped && n.expertDtype().fp4()) {
            return Math.max(compute, memory) / cal.fp4Moe().gemmSec(memory, compute);
        }
        // ln m only where the curve interpolates: at or beyond its ends the end value holds
        if (m <= r.firstM) {
            return r.firstFraction;
        }
        return m < r.lastM ? r.curve.between(m, acc.lnM(m)) : r.lastFraction;
    }

    /** Beyond the measurements: another chip, dtype (FP4 was measured on a B300, in no catalogue), shape or M. */
    boolean extrapolated(OpKind kind, int key, double m, int k, int nOut, int rate, Numerics n) {
        return fp4Experts(kind, n) || reading(kind, key, k, nOut).curve.extrapolated(m) || rate != OpCosts.FP8
                || chip != CalibratedPlan.MEASURED_CHIP;
    }

    /** The measured rows used, with their source. */
    String basis(OpKind kind, int key, double m, int k, int nOut, int rate, Numerics n) {
        if (fp4Experts(kind, n)) {
            return n.expertDtype().label() + " at the chip's HBM and FP4 tensor rate as " + cal.fp4Moe().citation()
                    + " (measured on a B300, in no catalogue)";
        }
        return reading(kind, key, k, nOut).curve.citation();
    }

    /** FP4 routed experts (NVFP4, MXFP4). */
    private static boolean fp4Experts(OpKind kind, Numerics n) {
        return n.expertDtype().fp4() && grouped(kind);
    }

    /** The routed experts' GEMMs, which run grouped (one per expert). */
    private static boolean grouped(OpKind kind) {
        return kind == OpKind.ROUTED_UP || kind == OpKind.ROUTED_DOWN;
    }

    private Reading reading(OpKind kind, int key, int k, int nOut) {
        Reading r = readings[key];
        return r != null ? r : prepare(kind, key, k, nOut);
    }

    /** The variant's reading, kept (a benign race: readings are immutable and equal). */
    private Reading prepare(OpKind kind, int key, int k, int nOut) {
        boolean grouped = grouped(kind);
        boolean prefill = key % OpCosts.VARIANTS >= OpCosts.PREFILL_VARIANT;
        GemmCurve c = (!grouped ? cal.denseGemm() : prefill ? cal.prefill().contiguousGemm() : cal.groupedGemm())
                .curve(nOut, k);
        Reading r = new Reading(c, grouped);
        readings[key] = r;
        return r;
    }
}
