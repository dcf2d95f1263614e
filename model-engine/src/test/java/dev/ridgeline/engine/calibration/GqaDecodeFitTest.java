package dev.ridgeline.engine.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.engine.Fixtures;
import dev.ridgeline.engine.evidence.Spread;
import dev.ridgeline.engine.evidence.Uncertainty;
import dev.ridgeline.engine.io.CalibrationTables;
import dev.ridgeline.engine.model.CalibrationKey;
import dev.ridgeline.engine.model.Chip;
import org.junit.jupiter.api.Test;

/**
 * GQA decode calibrated from FlashInfer's published decode runs on H20 (calibration/gqa-decode.csv, from
 * https://github.com/TheRainstorm/attention_tests at 0dbbd92: benchmark_flashinfer_h20_cuda12.4.log and readme.md).
 */
class GqaDecodeFitTest {
    private static final GqaDecodeFit FIT = CalibrationTables.builtIn().gqaDecode();

    @Test
    void theTensorCoreFractionIsTheH20RowsBandwidthOverTheDatasheets() {
        // readme.md, GQA table, H20, FlashInfer (tensor core): 5.05 ms for batch 128 x 16,384 keys x 16 KV heads x
        // 128 x (K and V) x 2 bytes = 17,179,869,184 bytes: 3,402 GB/s, over H20's 4,000 GB/s = 0.8505
        assertEquals(17_179_869_184.0 / 5.05e-3 / 4.0e12, FIT.memory(CalibrationKey.H20, 8).fraction(), 1e-9);
        assertFalse(FIT.memory(CalibrationKey.H20, 8).extrapolated());
        // a group below 4 runs the CUDA-core kernel: the line through its bandwidth-bound runs
        assertEquals(FIT.cudaCores().get(CalibrationKey.H20), FIT.memory(CalibrationKey.H20, 1).fraction(), 0.0);
        // a chip without rows borrows H20's, marked
        assertTrue(FIT.memory(CalibrationKey.H800, 8).extrapolated());
    }

    @Test
    void theCudaCoreLineIsTheBandwidthBoundRunsAndItsHeldOutRunsAreNear() {
        // ten runs with one query head per KV head (4/4 and 32/32), batch 16 and 128, 2,000 to 32,000 keys
        assertEquals(10, FIT.runs().size());
        // near the tensor-core kernel's fraction: both stream the cache (0.85 there; 0.80-0.95 here)
        double f = FIT.cudaCores().get(CalibrationKey.H20);
        assertTrue(f > 0.80 && f < 0.95, "fraction " + f);
        // each run predicted by the line through the other nine lies within 12 % (the runs' spread: the smallest,
        // 65 MB in 30 us, carries the launch time the line's intercept averages)
        for (HeldOut.Row r : HeldOut.gqaDecode(FIT)) {
            assertTrue(Math.abs(r.logResidual()) < 0.12, r.what() + " " + r.logResidual());
        }
    }

    /**
     * The widening carries H20's fraction to another chip: the A800 SXM's tensor-core row (9.18 ms, same readme
     * table; not used by the fit) predicted from H20's fraction at its datasheet bandwidth (the A100 SXM4 80GB preset:
     * the A800 differs only in NVLink) lies inside the GQA band widened by its distance from H20.
     */
    @Test
    void anotherChipsRowLiesInsideTheBandWidenedByItsDistance() {
        Chip a800 = Fixtures.CATALOG.chip("A100 SXM4 80GB");
        double predicted = 17_179_869_184.0 / (FIT.memory(CalibrationKey.H20, 8).fraction()
                * a800.hbmBandwidthBytesPerSec());
        double residual = Math.log(9.18e-3 / predicted);
        Uncertainty u = Uncertainty.of(CalibrationTables.builtIn());
        Chip h20 = Fixtures.CATALOG.chip("H20");
        double distance = Math.abs(Math.log(a800.fp8FlopsPerSec() / h20.fp8FlopsPerSec()))
                + Math.abs(Math.log(a800.hbmBandwidthBytesPerSec() / h20.hbmBandwidthBytesPerSec()));
        Spread band = u.gqaDecode().widened(u.perUnit() * distance);
        assertTrue(residual > band.p10() && residual < band.p90(), residual + " outside " + band);
    }
}
