package dev.ridgeline.engine.roofline;

import dev.ridgeline.engine.model.Chip;
import dev.ridgeline.engine.model.Dtype;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.ops.Op.Gemm;
import dev.ridgeline.engine.ops.Op.GemmRole;

/**
 * GEMM efficiency in seed fidelity (DESIGN 3.5). A manual efficiency (MFU) wins; otherwise the DeepGEMM promotion
 * discount applies to FP8 expert GEMMs on chips flagged {@code fp8LowAccPrecision} when the scenario enables it.
 */
public final class Efficiency {
    /** H800 FP8 dense peak the DeepGEMM figures are divided by, TFLOPS (seed 000). */
    private static final double PEAK_TFLOPS = 1979;

    private Efficiency() {
    }

    /**
     * Seed 000's table from the DeepGEMM README (grouped GEMMs, H800): achieved TFLOPS by M for the up (N = 4096)
     * and down (N = 7168) projections, over 1979. Keyed on M: >=1024, >=512, >=256, >=128, else the M = 64 figure.
     */
    public static double promotionFactor(double m, GemmRole role) {
        boolean up = role == GemmRole.EXPERT_UP;
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

    /** Fraction of the chip's tensor peak the GEMM reaches. */
    public static double of(Gemm g, Scenario s) {
        if (s.gemmEfficiency() > 0) {
            return s.gemmEfficiency();
        }
        Chip chip = s.chip();
        if (s.promotion() && g.role() != GemmRole.ATTENTION && g.dtype() == Dtype.FP8 && chip.fp8LowAccPrecision()) {
            return promotionFactor(g.m(), g.role());
        }
        return 1.0;
    }
}
