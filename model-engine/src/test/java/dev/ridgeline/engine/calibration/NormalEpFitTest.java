package dev.ridgeline.engine.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.engine.io.PrefillTables;
import org.junit.jupiter.api.Test;

/**
 * DeepEP's normal kernels as read from calibration/deepep.csv, V1 README at d8dd185 (2025-06-05,
 * https://github.com/deepseek-ai/DeepEP/blob/d8dd185c686cddff0c13b49f640ce9cad4030d03/README.md): internode dispatch /
 * combine 43/43 GB/s at EP16, 58/57 at EP32, 51/50 at EP64; intranode 153/158 GB/s.
 */
class NormalEpFitTest {
    static final NormalEpFit FIT = PrefillTables.normalEp();

    @Test
    void measuredSizesReadTheTable() {
        assertEquals(1 / 58e9, FIT.inverseBandwidth(DeepEpFit.Kind.DISPATCH, 32), 1e-24);
        assertEquals(1 / 57e9, FIT.inverseBandwidth(DeepEpFit.Kind.COMBINE, 32), 1e-24);
        assertEquals(1 / 43e9, FIT.inverseBandwidth(DeepEpFit.Kind.DISPATCH, 16), 1e-24);
        assertEquals(1 / 153e9, FIT.intranodeInverseBandwidth(DeepEpFit.Kind.DISPATCH), 1e-24);
        assertFalse(FIT.basis(DeepEpFit.Kind.DISPATCH, 32, false, false).extrapolated());
    }

    @Test
    void betweenSizesTheInverseIsInterpolatedInLnEpAndBeyondHeld() {
        // EP 45.25 = 32 x sqrt(2): halfway in ln EP between 1/58 and 1/51 GB/s; EP 48 is not a power of that, so check
        // the midpoint of the logs by hand at EP 45 (ln(45/32)/ln 2 = 0.4919).
        double t = Math.log(45.0 / 32) / Math.log(2);
        assertEquals(1 / 58e9 + t * (1 / 51e9 - 1 / 58e9), FIT.inverseBandwidth(DeepEpFit.Kind.DISPATCH, 45), 1e-24);
        assertEquals(1 / 51e9, FIT.inverseBandwidth(DeepEpFit.Kind.DISPATCH, 256), 1e-24);
        assertTrue(FIT.basis(DeepEpFit.Kind.DISPATCH, 256, false, false).extrapolated());
    }
}
