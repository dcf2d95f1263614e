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
 * fraction of the roofline follows the op's own balance of the two). Curves are kept per op kind and variant, filled on
 * first use (a benign race: curves are immutable and equal).
 */
final class GemmReadings {
    private final Calibration cal;
    private final CalibrationKey chip;
    private final GemmCurve[] curves = new GemmCurve[OpKind.values().length * OpCosts.VARIANTS];

    GemmReadings(Calibration cal, CalibrationKey chip) {
        this.cal = cal;
        this.chip = chip;
    }

    /** Fraction of the roofline at {@code m} rows, given the GEMM's roofline terms {@code compute} and {@code memory}. */
    double fraction(OpKind kind, int key, double m, int k, int nOut, Numerics n, Summary acc, double compute,
                    double memory) {
        if (fp4Experts(kind, n)) {
            return Math.max(compute, memory) / cal.fp4Moe().gemmSec(memory, compute);
        }
        GemmCurve c = curve(kind, key, k, nOut);
        // ln m only where the curve interpolates: at or beyond its ends the end value holds
        return c.interior(m) ? c.fraction(m, acc.lnM(m)) : c.endFraction(m);
    }

    /** Beyond the measurements: another chip, dtype (FP4 was measured on a B300, in no catalogue), shape or M. */
    boolean extrapolated(OpKind kind, int key, double m, int k, int nOut, int rate, Numerics n) {
        return fp4Experts(kind, n) || curve(kind, key, k, nOut).extrapolated(m) || rate != OpCosts.FP8
                || chip != CalibratedPlan.MEASURED_CHIP;
    }

    /** The measured rows used, with their source. */
    String basis(OpKind kind, int key, double m, int k, int nOut, int rate, Numerics n) {
        if (fp4Experts(kind, n)) {
            return n.expertDtype().label() + " at the chip's HBM and FP4 tensor rate as " + cal.fp4Moe().citation()
                    + " (measured on a B300, in no catalogue)";
        }
        return curve(kind, key, k, nOut).citation();
    }

    /** FP4 routed experts (NVFP4, MXFP4). */
    private static boolean fp4Experts(OpKind kind, Numerics n) {
        return n.expertDtype().fp4() && (kind == OpKind.ROUTED_UP || kind == OpKind.ROUTED_DOWN);
    }

    private GemmCurve curve(OpKind kind, int key, int k, int nOut) {
        GemmCurve c = curves[key];
        if (c == null) {
            boolean grouped = kind == OpKind.ROUTED_UP || kind == OpKind.ROUTED_DOWN;
            boolean prefill = key % OpCosts.VARIANTS >= OpCosts.PREFILL_VARIANT;
            c = (!grouped ? cal.denseGemm() : prefill ? cal.prefill().contiguousGemm() : cal.groupedGemm()).curve(nOut, k);
            curves[key] = c;
        }
        return c;
    }
}
