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
 * grouped-masked table in decode, grouped-contiguous in prefill); FP4 routed experts from 32 rows an expert up at the
 * fraction TensorRT-LLM's fused NVFP4 MoE reaches on a B300 ({@link Fp4MoeFit}), below it at DeepGEMM's FP8 fractions
 * (no FP4 grouped GEMM is measured there apart from the block's fixed cost). Curves are kept per op kind and variant,
 * filled on first use (a benign race: curves are immutable and equal).
 */
final class GemmReadings {
    private final Calibration cal;
    private final CalibrationKey chip;
    private final GemmCurve[] curves = new GemmCurve[OpKind.values().length * OpCosts.VARIANTS];

    GemmReadings(Calibration cal, CalibrationKey chip) {
        this.cal = cal;
        this.chip = chip;
    }

    /** Fraction of the roofline at {@code m} rows ({@code lnM} = ln m, used only between measured M). */
    double fraction(OpKind kind, int key, double m, int k, int nOut, Numerics n, Summary acc) {
        GemmCurve c = curve(kind, key, m, k, nOut, n);
        // ln m only where the curve interpolates: at or beyond its ends the end value holds
        return c.interior(m) ? c.fraction(m, acc.lnM(m)) : c.endFraction(m);
    }

    /** Beyond the measurements: another chip, dtype (FP4 was measured on a B300, in no catalogue), shape or M. */
    boolean extrapolated(OpKind kind, int key, double m, int k, int nOut, int rate, Numerics n) {
        return curve(kind, key, m, k, nOut, n).extrapolated(m) || rate != OpCosts.FP8 || chip != CalibratedPlan.MEASURED_CHIP;
    }

    /** The measured rows used, with their source. */
    String basis(OpKind kind, int key, double m, int k, int nOut, int rate, Numerics n) {
        if (fp4Measured(kind, m, n)) {
            return n.expertDtype().label() + " at the chip's FP4 tensor rate with the fraction of the roofline "
                    + cal.fp4Moe().citation() + " reaches (held beyond its largest M)";
        }
        String fp4 = rate == OpCosts.FP4 ? n.expertDtype().label() + " at the chip's FP4 tensor rate with DeepGEMM's "
                + "FP8 fractions (no FP4 grouped GEMM measured below " + Math.round(cal.fp4Moe().smallestM())
                + " rows an expert); " : "";
        return fp4 + curve(kind, key, m, k, nOut, n).citation();
    }

    /** FP4 routed experts at or above the smallest measured M of the Blackwell fit. */
    private boolean fp4Measured(OpKind kind, double m, Numerics n) {
        return n.expertDtype().fp4() && (kind == OpKind.ROUTED_UP || kind == OpKind.ROUTED_DOWN)
                && m >= cal.fp4Moe().smallestM();
    }

    private GemmCurve curve(OpKind kind, int key, double m, int k, int nOut, Numerics n) {
        if (fp4Measured(kind, m, n)) {
            return cal.fp4Moe().curve();
        }
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
