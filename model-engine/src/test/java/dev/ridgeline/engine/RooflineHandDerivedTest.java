package dev.ridgeline.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ridgeline.engine.model.CalibrationKey;
import dev.ridgeline.engine.model.Chip;
import dev.ridgeline.engine.model.Dtype;
import dev.ridgeline.engine.model.Fa3Mode;
import dev.ridgeline.engine.model.Fa3Setting;
import dev.ridgeline.engine.model.Nic;
import dev.ridgeline.engine.model.Policy;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.roofline.Bound;
import dev.ridgeline.engine.roofline.OpResult;
import dev.ridgeline.engine.plan.Plan;
import dev.ridgeline.engine.plan.SeedPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Cases worked by hand; the arithmetic is in the comments. */
class RooflineHandDerivedTest {
    /**
     * A round-number chip: 1e12 B/s HBM, 1e15 FP8 and 5e14 BF16 FLOP/s, 1e12 exp2/s, 1e13 adds/s, 100 GB, as seed
     * fidelity reads it. Seed fidelity reads a chip's GB figures as GiB (seed 000), so the chip states its memory and
     * bandwidth as x·1e9/2^30, which that reading turns back into exactly x.
     */
    static final Chip ROUND = new Chip("Round", "test", asSeedReads(100e9), asSeedReads(1e12), 1e15, 5e14, 1e12, 1e13,
            0, Fa3Mode.NONE, false, "", 1, 0, CalibrationKey.NONE, dev.ridgeline.engine.model.CardCost.NONE);

    /** The datasheet figure that seed fidelity's GB-as-GiB reading turns into {@code bytes}. */
    static double asSeedReads(double bytes) {
        return bytes / (1L << 30) * 1e9;
    }
    static final Nic NIC = new Nic("Net", "test", 1e10, 0);

    static Scenario round() {
        return Scenario.defaults(Fixtures.CATALOG.model("DeepSeek-V3"), ROUND, NIC).withEp(256).withBatch(8)
                .withKvDtype(Dtype.FP8).withWeightDtype(Dtype.FP8).withPolicy(Policy.NAIVE);
    }

    @Test
    void memoryBoundGemmAtBatchEight() {
        // KV down, M = 8 tokens, K = 7168, N = 576, FP8 in/weights, BF16 out:
        // bytes = 8·7168 + 7168·576 + 8·576·2 = 57,344 + 4,128,768 + 9,216 = 4,195,328 -> 4.195328 µs at 1e12 B/s
        // FLOPs = 2·8·7168·576 = 66,060,288 -> 0.066 µs at 1e15: memory-bound
        OpResult r = Fixtures.ENGINE.evaluate(round()).op("KV down");
        assertEquals(4_195_328, r.hbmBytes(), 0.0);
        assertEquals(4.195328e-6, r.timeSec(), 1e-15);
        assertEquals(Bound.MEMORY, r.bound());
    }

    @Test
    void computeBoundGemmAtBatchFourThousand() {
        // O projection, M = 4096, K = 16384, N = 7168, BF16 weights: FLOPs = 2·4096·16384·7168 = 962,072,674,304
        // -> 1.924 ms at 5e14; bytes = 4096·16384·2 + 16384·7168·2 + 4096·7168·2 = 428,867,584 -> 0.43 ms
        OpResult r = Fixtures.ENGINE.evaluate(round().withBatch(4096).withWeightDtype(Dtype.BF16)).op("O projection");
        assertEquals(962_072_674_304.0, r.flops(), 0.0);
        assertEquals(962_072_674_304.0 / 5e14, r.timeSec(), 1e-12);
        assertEquals(Bound.COMPUTE, r.bound());
    }

    @Test
    void dispatchIsBytesOverNicBandwidth() {
        // B = 8, q = 1, top-8, hidden 7168, FP8: 8·8·7168 = 458,752 B over 1e10 B/s = 45.8752 µs
        OpResult r = Fixtures.ENGINE.evaluate(round()).op("Dispatch");
        assertEquals(45.8752e-6, r.timeSec(), 1e-15);
        assertEquals(Bound.NETWORK, r.bound());
    }

    @Test
    void combineUsesTheNonExpertElementSize() {
        // Seed 000: combine_elem_size = non_moe_elem_size -> BF16 weights double the combine bytes: 917,504 B
        assertEquals(917_504, Fixtures.ENGINE.evaluate(round().withWeightDtype(Dtype.BF16)).op("Combine").networkBytes(), 0.0);
    }

    @ParameterizedTest(name = "{0}: g0 {1}, g1 {2}, vector {3} -> {4}")
    @CsvSource(textBlock = """
            # mode,       g0, g1, vector, compute
            THREE_STAGE,  3,  2,  4,      5
            THREE_STAGE,  3,  2,  7,      7
            TWO_STAGE,    3,  2,  4,      7
            TWO_STAGE,    3,  5,  4,      8
            NONE,         3,  2,  4,      9
            """)
    void fa3ModesOverlapAsSeedZeroZeroZeroSays(Fa3Mode mode, double g0, double g1, double vector, double expected) {
        assertEquals(expected, mode.combine(g0, g1, vector), 0.0);
    }

    @Test
    void flashMlaChargesWholeChunksButReadsOnlyTheContext() {
        // B = 8, q = 1, 128 heads, L = 5120 -> 2 chunks of 4096 = 8192 keys computed; scores = 8·128·8192 = 8,388,608
        // QK^T = 2·scores·576, PV = 2·scores·512 -> 18,253,611,008 FLOPs at FP8 1e15 = 18.25 µs (g0 9.66 + g1 8.59)
        // softmax = scores/1e12 + 2·scores/1e13 = 8.388608 + 1.6777216 = 10.0663296 µs;
        // NONE: 9.663676416 + 8.589934592 + 10.0663296 = 28.319940608 µs
        // KV read = 8·5120·576·1 = 23,592,960 B = 23.59 µs < compute: compute-bound
        OpResult r = Fixtures.ENGINE.evaluate(round()).op("FlashMLA");
        assertEquals(18_253_611_008.0, r.flops(), 0.0);
        assertEquals(23_592_960, r.kvBytes(), 0.0);
        assertEquals(28.319940608e-6, r.timeSec(), 1e-15);
        assertEquals(Bound.COMPUTE, r.bound());
        // THREE_STAGE hides the softmax under the GEMMs: max(10.07, 18.25) = 18.25 µs, now below the KV read: 23.59
        OpResult three = Fixtures.ENGINE.evaluate(round().withFa3(Fa3Setting.THREE_STAGE)).op("FlashMLA");
        assertEquals(23_592_960 / 1e12, three.timeSec(), 1e-15);
        assertEquals(Bound.MEMORY, three.bound());
    }

    @Test
    void flashMlaUsesBf16WhenOnlyTheKvIsFp8() {
        // KV FP8 + BF16 weights: FlashMLA GEMMs stay at the BF16 rate (seed 000), twice the FP8 GEMM time here.
        double fp8 = Fixtures.ENGINE.evaluate(round().withFa3(Fa3Setting.THREE_STAGE).withBatch(64)).op("FlashMLA").computeSec();
        double bf16 = Fixtures.ENGINE.evaluate(round().withFa3(Fa3Setting.THREE_STAGE).withBatch(64).withWeightDtype(Dtype.BF16))
                .op("FlashMLA").computeSec();
        assertEquals(2 * fp8, bf16, 1e-15);
    }

    @ParameterizedTest(name = "M {0}: up {1}/1979, down {2}/1979")
    @CsvSource(textBlock = """
            # M,  up TFLOPS, down TFLOPS (seed 000's DeepGEMM table)
            2048, 1233, 925
            1024, 1233, 925
            1023, 1040, 916
            512,  1040, 916
            256,  932,  815
            128,  533,  510
            64,   287,  295
            8,    287,  295
            """)
    void promotionDiscountIsKeyedOnM(double m, double up, double down) {
        assertEquals(up / 1979, SeedPlan.promotionFactor(m, Plan.Role.EXPERT_UP), 1e-15);
        assertEquals(down / 1979, SeedPlan.promotionFactor(m, Plan.Role.EXPERT_DOWN), 1e-15);
    }

    @Test
    void promotionSlowsOnlyExpertGemmsOnLowAccuracyChips() {
        Scenario h800 = Fixtures.seed("H800", "CX7").withBatch(128).withKvDtype(Dtype.FP8).withWeightDtype(Dtype.FP8);
        Evaluation off = Fixtures.ENGINE.evaluate(h800);
        Evaluation on = Fixtures.ENGINE.evaluate(h800.withPromotion(true));
        assertEquals(off.op("O projection").timeSec(), on.op("O projection").timeSec(), 0.0);
        // routed up, dual micro-batch: M = 64·8 = 512 rows (FULL) -> 1040/1979 of 1979 TFLOPS
        assertEquals(1040.0 / 1979, on.op("Routed experts up").efficiency(), 1e-15);
        Evaluation l40s = Fixtures.ENGINE.evaluate(h800.withChip(Fixtures.CATALOG.chip("L40S")).withPromotion(true));
        assertEquals(1.0, l40s.op("Routed experts up").efficiency(), 0.0);
    }

    @Test
    void manualEfficiencyOverridesPromotion() {
        Evaluation e = Fixtures.ENGINE.evaluate(Fixtures.seed("H800", "CX7").withPromotion(true).withGemmEfficiency(0.7));
        assertEquals(0.7, e.op("Routed experts up").efficiency(), 0.0);
        assertEquals(0.7, e.op("Q up").efficiency(), 0.0);
    }
}
