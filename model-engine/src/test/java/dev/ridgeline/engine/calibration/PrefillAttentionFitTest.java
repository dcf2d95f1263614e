package dev.ridgeline.engine.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.engine.io.CalibrationTables;
import dev.ridgeline.engine.io.PrefillTables;
import dev.ridgeline.engine.model.CalibrationKey;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The prefill attention fit, checked on rows of calibration/prefill-attention.csv it was not fitted on. */
class PrefillAttentionFitTest {
    static final List<Map<String, String>> ROWS = CalibrationTables.rows("prefill-attention.csv");
    static final PrefillAttentionFit FIT = PrefillTables.attention();

    static double tflops(String gpu, String causal, int headDim, int seqlen) {
        return ROWS.stream().filter(r -> r.get("gpu").equals(gpu) && r.get("causal").equals(causal)
                        && r.get("head_dim_qk").equals(String.valueOf(headDim)) && r.get("seqlen").equals(String.valueOf(seqlen)))
                .mapToDouble(r -> Double.parseDouble(r.get("tflops"))).findFirst().orElseThrow();
    }

    @Test
    void theUnmaskedCurvePredictsTheH100RowsItWasNotFittedOn() {
        // Fitted on 1K and 8K; 2K and 4K held out. Tolerance 5 %: the two-parameter curve is a smooth reading of a
        // kernel whose tile schedule steps with the length.
        for (int s : new int[] {2048, 4096}) {
            double predicted = FIT.unmasked(CalibrationKey.H800, s) * 989.4;
            assertEquals(tflops("H100", "False", 128, s), predicted, 0.05 * predicted, s + " tokens");
        }
        // and it passes through the rows it was fitted on
        assertEquals(541.291, FIT.unmasked(CalibrationKey.H800, 1024) * 989.4, 1e-6);
        assertEquals(638.572, FIT.unmasked(CalibrationKey.H800, 8192) * 989.4, 1e-6);
    }

    @Test
    void theCausalLossPredictsTheOtherHeadWidthsCausalRow() {
        // b from H20's head-dim-128 pair: 2048 x (126.2 / 107.8 - 1) = 349.6 tokens. Held out: head dim 64, whose
        // unmasked 120.1 TFLOPS predict 120.1 x 2048 / 2397.6 = 102.6 causal, measured 100.3 (2.3 %). Tolerance 5 %.
        assertEquals(349.6, FIT.causalLoss(), 0.1);
        double predicted = tflops("H20", "False", 64, 2048) * 2048 / (2048 + FIT.causalLoss());
        assertEquals(tflops("H20", "True", 64, 2048), predicted, 0.05 * predicted);
    }

    @Test
    void aCausalChunkAfterAPrefixLosesOnlyOnItsTriangle() {
        // No prefix: the whole pass is the triangle, fraction = unmasked x n / (n + b).
        double n = 4096;
        double alone = FIT.fraction(CalibrationKey.H800, n, 0, n * n / 2, n);
        assertEquals(FIT.unmasked(CalibrationKey.H800, n) * n / (n + FIT.causalLoss()), alone, 1e-12);
        // A long cached prefix dilutes the mask's loss.
        double withPrefix = FIT.fraction(CalibrationKey.H800, 4 * n, 3 * n * n, n * n / 2, n);
        assertTrue(withPrefix > alone);
    }

    @Test
    void otherChipsAndDeepSeeksHeadWidthsAreExtrapolated() {
        assertFalse(FIT.basis(CalibrationKey.H800, 128, 128).extrapolated());
        assertTrue(FIT.basis(CalibrationKey.H800, 192, 128).extrapolated());
        assertTrue(FIT.basis(CalibrationKey.NONE, 128, 128).extrapolated());
        assertEquals(FIT.unmasked(CalibrationKey.H800, 4096), FIT.unmasked(CalibrationKey.NONE, 4096));
    }
}
