package dev.ridgeline.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.engine.model.Dtype;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Seed 002, section 4: DeepSeek-V4's C/B <= 2d rule (the V4 technical report, section EP Scheme,
 * https://huggingface.co/deepseek-ai/DeepSeek-V4-Pro/resolve/main/DeepSeek_V4.pdf) on GB300.
 */
class BalanceTest {
    @ParameterizedTest(name = "{0}: C/B {3} TFLOPS per GB/s")
    @CsvSource(textBlock = """
            # precision, C (FLOP/s), B (bytes/s), C/B printed by seed 002
            FP4,         15e15,      1800e9,      8.33
            FP8,         5e15,       1800e9,      2.78
            BF16,        2.5e15,     1800e9,      1.39
            FP8 NVL72,   360e15,     130000e9,    2.77
            """)
    void gb300RatiosMatchSeed002(String precision, double flops, double link, double printed) {
        // d = 3072 (DeepSeek-V4-Pro), FP8 dispatch + BF16 combine: threshold 6·3072/3 = 6144 FLOP/B = 6.1 TFLOPS per GB/s
        Balance b = Balance.of(flops, link, 3072, 1, 2);
        assertEquals(printed, b.tflopsPerGBps(), 0.005);
        assertEquals(6.144, b.thresholdTflopsPerGBps(), 1e-12);
    }

    @Test
    void gb300Fp8HidesCommunicationAndFp4DoesNot() {
        assertTrue(Balance.of(5e15, 1800e9, 3072, 1, 2).communicationHidden());
        assertFalse(Balance.of(15e15, 1800e9, 3072, 1, 2).communicationHidden());
    }

    @Test
    void fp4DispatchRaisesTheThreshold() {
        // seed 002: FP4 dispatch (0.5 B) cuts traffic by 1/6 -> threshold 6d / 2.5 = 2.4 d
        assertEquals(2.4 * 3072, Balance.of(1, 1, 3072, 0.5, 2).thresholdPerByte(), 1e-9);
    }

    @Test
    void evaluationUsesTheScaleUpLinkInsideTheDomainAndTheNicOutside() {
        // H800 SXM5: NVLink 400 GB/s bidirectional -> 200 GB/s a direction; DeepSeek-V3 d = 2048 -> threshold 4.096
        var chip = Fixtures.CATALOG.chip("H800 SXM5");
        var inside = Fixtures.ENGINE.evaluate(Fixtures.seed("H800", "CX7").withChip(chip).withEp(8).withKvDtype(Dtype.FP8));
        assertEquals(1979e12 / 200e9, inside.balance().computePerByte(), 1e-6);
        assertEquals(4096, inside.balance().thresholdPerByte(), 1e-9);
        var outside = Fixtures.ENGINE.evaluate(Fixtures.seed("H800", "CX7").withChip(chip).withEp(144));
        assertEquals(1979e12 / (40.0 * (1L << 30)), outside.balance().computePerByte(), 1e-6);
        // and the dispatch itself moves over NVLink at EP8: 64 x 8 x 7168 B / 200 GB/s
        assertEquals(64.0 / 2 * 8 * 7168 / 200e9, inside.op("Dispatch").timeSec(), 1e-15);
    }

    @Test
    void theEngineGivesTheThresholdOfEveryMessagePrecision() {
        // 6d over dispatch + combine bytes (seed 002): FP8+BF16 6d/3 = 2d, FP8+FP8 6d/2 = 3d, FP4+BF16 6d/2.5 = 2.4d,
        // BF16+BF16 6d/4 = 1.5d; DeepSeek-V3 d = 2048.
        Evaluation e = Fixtures.ENGINE.evaluate(Fixtures.seed("H800", "CX7"));
        double[] expected = {2 * 2048, 3 * 2048, 2.4 * 2048, 1.5 * 2048};
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], e.balance().byPrecision().get(i).thresholdPerByte(), 1e-9);
        }
        assertEquals(e.balance().thresholdPerByte(), e.balance().byPrecision().get(0).thresholdPerByte(), 0.0);
    }
}
