package dev.ridgeline.engine.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.engine.Evaluation;
import dev.ridgeline.engine.Fixtures;
import dev.ridgeline.engine.io.CalibrationTables;
import dev.ridgeline.engine.model.Fidelity;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.ops.OpKind;
import dev.ridgeline.engine.roofline.OpResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The routed-expert block's fixed cost, from FlashInfer's DeepSeek MoE benchmark on a B300 (calibration/moe-block.csv:
 * https://github.com/flashinfer-ai/flashinfer/pull/4985 and https://github.com/flashinfer-ai/flashinfer/pull/5301).
 */
class MoeBlockFitTest {
    private static final MoeBlockFit FIT = CalibrationTables.builtIn().moeBlock();
    /** Bytes of one DeepSeek-V3 expert (gate, up and down: 3 x 7168 x 2048 parameters) in NVFP4 (0.5 + 1/16 byte). */
    private static final double NVFP4_EXPERT = 3.0 * 7168 * 2048 * 0.5625;

    @Test
    void theLineGoesThroughTensorRtLlmsNvfp4RunsAndHasALargeFixedPart() {
        // PR 4985's six TRTLLM NVFP4 runs, 1-32 tokens hitting 2-21 of the 32 local experts
        assertEquals(6, FIT.fitted().size());
        // by hand: x = 2, 4, 7, 10, 13, 21 experts, y = 34, 46, 60, 74, 86, 116 us; mean x 9.5, mean y 69.33;
        // Sxy = 1014, Sxx = 237.5: slope 4.2695 us an expert, intercept 69.333 - 9.5 x 4.2695 = 28.77 us
        assertEquals(28.77e-6, FIT.fixedSec(), 0.01e-6);
        assertEquals(4.2695e-6, FIT.secondsPerByte() * NVFP4_EXPERT, 0.0001e-6);
        // the fixed part is most of a one-token block: its 2 experts' 49.5 MB take 6.2 us at B300's full 8 TB/s, of
        // the 34 us measured
        assertTrue(FIT.fixedSec() > 4 * 2 * NVFP4_EXPERT / 8e12);
    }

    @Test
    void bf16RunsGiveTheSameFixedPart() {
        // four times the bytes an expert, the same kernels around them: a fixed cost, not a bandwidth effect. The
        // BF16 line's own intercept lies within 10 % of the NVFP4 one (the spread between the two PRs' repeats of the
        // same cell: 34.0 against 36.7 us for NVFP4 at one token, 8 %); it is 29.04 against 28.77 us
        double[] bf16 = GqaDecodeFit.line(FIT.bf16());
        assertEquals(FIT.fixedSec(), bf16[0], 0.10 * FIT.fixedSec());
    }

    @Test
    void heldOutRunsLieWithinTenPerCent() {
        // 6 BF16 runs (the NVFP4 fixed part, the slope through the other five) and 3 NVFP4 runs at 128-512 tokens
        // from a later repeat (every local expert hit): within 10 %, the repeat-to-repeat spread above
        List<HeldOut.Row> rows = HeldOut.moeBlock(FIT);
        assertEquals(9, rows.size());
        for (HeldOut.Row r : rows) {
            assertTrue(Math.abs(r.error()) < 0.10, r.what() + " " + r.error());
        }
    }

    @Test
    void calibratedDecodeAddsTheBlockLessTwoGapsOnceAMicroBatchAndSeedNothing() {
        Scenario s = Scenario.defaults(Fixtures.CATALOG.model("DeepSeek-V3"), Fixtures.CATALOG.chip("B200"),
                Fixtures.CATALOG.nic("CX7")).withFidelity(Fidelity.CALIBRATED).withEp(8).withBatch(1).withMtp(0, 0.85);
        Evaluation e = Fixtures.ENGINE.evaluate(s);
        List<OpResult> block = e.ops().stream().filter(o -> o.kind() == OpKind.ROUTED_BLOCK).toList();
        assertFalse(block.isEmpty());
        double gap = s.assumptions().kernelGapSec();
        for (OpResult o : block) {
            assertEquals(FIT.fixedSec() - 2 * gap, o.timeSec(), 1e-12);
            assertTrue(o.extrapolated());
        }
        Evaluation seed = Fixtures.ENGINE.evaluate(s.withFidelity(Fidelity.SEED));
        assertTrue(seed.ops().stream().noneMatch(o -> o.kind() == OpKind.ROUTED_BLOCK));
    }
}
