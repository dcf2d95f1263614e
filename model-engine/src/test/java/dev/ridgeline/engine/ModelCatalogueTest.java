package dev.ridgeline.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.engine.model.AttentionKind;
import dev.ridgeline.engine.model.Chip;
import dev.ridgeline.engine.model.Dtype;
import dev.ridgeline.engine.model.Fidelity;
import dev.ridgeline.engine.model.ModelConfig;
import dev.ridgeline.engine.model.Nic;
import dev.ridgeline.engine.model.Policy;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.ops.OpKind;
import dev.ridgeline.engine.roofline.Bound;
import dev.ridgeline.engine.roofline.OpResult;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The model presets beyond DeepSeek-V3: MLA without query compression (V2-Lite) and GQA (Qwen3-235B-A22B). */
class ModelCatalogueTest {
    static ModelConfig model(String name) {
        return Fixtures.CATALOG.model(name);
    }

    @Test
    void everyModelPresetEvaluatesOnEveryChipAndNicInBothFidelities() {
        for (ModelConfig m : Fixtures.CATALOG.models()) {
            for (Chip chip : Fixtures.CATALOG.chips()) {
                for (Nic nic : Fixtures.CATALOG.nics()) {
                    for (Fidelity fidelity : Fidelity.values()) {
                        String where = m.name() + " on " + chip.name() + "/" + nic.name() + " " + fidelity;
                        Evaluation e = Fixtures.ENGINE.evaluate(Scenario.defaults(m, chip, nic).withFidelity(fidelity));
                        for (OpResult op : Stream.concat(e.ops().stream(), e.stepOps().stream()).toList()) {
                            assertTrue(Double.isFinite(op.timeSec()) && op.timeSec() >= 0, where + ": " + op);
                            assertTrue(Double.isFinite(op.flops()) && Double.isFinite(op.hbmBytes()), where + ": " + op);
                        }
                        assertTrue(e.userTokensPerSec() > 0 && Double.isFinite(e.userTokensPerSec()), where);
                        assertTrue(e.throughputPerCard() > 0 && Double.isFinite(e.throughputPerCard()), where);
                        assertTrue(e.maxBatch() >= 0, where);
                    }
                }
            }
        }
    }

    /**
     * Total parameters, attention + embeddings + dense FFNs + shared experts + every routed expert (MTP excluded),
     * against the model cards: DeepSeek-V3 671B, DeepSeek-V2 236B, DeepSeek-V2-Lite 15.7B, Qwen3-235B-A22B 235B,
     * Kimi-K2 "1T" (1.026e12 by the shapes; the card rounds).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            DeepSeek-V3,      671e9,  0.01
            DeepSeek-V2,      236e9,  0.01
            DeepSeek-V2-Lite, 15.7e9, 0.01
            Qwen3-235B-A22B,  235e9,  0.01
            Kimi-K2,          1.0e12, 0.03
            """)
    void totalParametersMatchTheModelCard(String name, double published, double tolerance) {
        ModelConfig m = model(name);
        double total = m.nonExpertParams() + (double) m.moeLayers() * m.routedExperts() * m.expertParams();
        assertEquals(published, total, published * tolerance, name + ": " + total);
    }

    @Test
    void deepSeekV2LiteProjectsQueriesStraightFromTheHiddenState() {
        Scenario s = Scenario.defaults(model("DeepSeek-V2-Lite"), Fixtures.CATALOG.chip("H800"),
                Fixtures.CATALOG.nic("CX7")).withPolicy(Policy.NAIVE);
        Evaluation lite = Fixtures.ENGINE.evaluate(s.withBatch(64));
        List<String> names = lite.ops().stream().map(OpResult::name).toList();
        assertFalse(names.contains("Q down"), names.toString());
        assertFalse(names.contains("Q up"), names.toString());
        // one GEMM hidden 2048 -> heads·(nope + rope) = 16·192 = 3,072 over B = 64 tokens: 2·64·2048·3072 FLOPs
        assertEquals(2.0 * 64 * 2048 * 3072, lite.op(OpKind.Q_PROJECTION).flops(), 0.0);
        // q 2048·16·192 = 6,291,456 + KV down 2048·576 = 1,179,648 + KV up 512·16·(128+128) = 2,097,152
        // + O 16·128·2048 = 4,194,304 = 13,762,560
        assertEquals(13_762_560, model("DeepSeek-V2-Lite").attentionParams(), 0.0);
        List<String> v3 = Fixtures.ENGINE.evaluate(s.withModel(model("DeepSeek-V3"))).ops().stream().map(OpResult::name).toList();
        assertTrue(v3.contains("Q down") && v3.contains("Q up") && !v3.contains("Q projection"), v3.toString());
    }

    @Test
    void qwen3CachesTwoKvHeadsTimesHeadDimPerTokenAndLayer() {
        // GQA: a key and a value per KV head: 2·4·128 = 1,024 elements (MLA: 512 + 64 = 576)
        assertEquals(2 * 4 * 128, model("Qwen3-235B-A22B").kvEntryWidth());
        assertEquals(576, model("DeepSeek-V3").kvEntryWidth());
        assertEquals(AttentionKind.GQA, model("Qwen3-235B-A22B").attention());
    }

    @Test
    void qwen3MaxBatchFollowsFromItsKvCache() {
        // H800 80 GiB = 85,899,345,920 B. Non-expert parameters: attention per layer q 4096·64·128 = 33,554,432
        // + k, v 2·4096·4·128 = 4,194,304 + o 64·128·4096 = 33,554,432 = 71,303,168; x 94 layers = 6,702,497,792;
        // + embedding and LM head 2·151936·4096 = 1,244,659,712 (no dense layers, no shared expert)
        // = 7,947,157,504 params x 2 B (BF16) = 15,894,315,008 B.
        // Experts: EP128 -> 1 per card; 94 layers x 3·4096·1536 = 18,874,368 params x 1 B (FP8) = 1,774,190,592 B.
        // KV per sequence: L 5,120 x 1,024 x 94 layers x 2 B (BF16) = 985,661,440 B.
        // (85,899,345,920 − 15,894,315,008 − 1,774,190,592) / 985,661,440 = 68,230,840,320 / 985,661,440 = 69.2 -> 69
        Scenario s = Scenario.defaults(model("Qwen3-235B-A22B"), Fixtures.CATALOG.chip("H800"),
                Fixtures.CATALOG.nic("CX7")).withEp(128);
        Evaluation e = Fixtures.ENGINE.evaluate(s);
        assertEquals(985_661_440.0, e.memory().kvBytesPerSequence(), 0.0);
        assertEquals(15_894_315_008.0, e.memory().nonExpertWeightBytes(), 0.0);
        assertEquals(1_774_190_592.0, e.memory().localExpertBytes(), 0.0);
        assertEquals(69, e.maxBatch());
    }

    @Test
    void qwen3LayerIsQkvProjectionAttentionCoreAndOProjectionWithoutSharedExpert() {
        Scenario s = RooflineHandDerivedTest.round().withModel(model("Qwen3-235B-A22B"));
        List<String> names = Fixtures.ENGINE.evaluate(s).ops().stream().map(OpResult::name).toList();
        assertEquals(List.of("QKV projection", "GQA attention", "O projection", "Dispatch", "Routed experts up",
                "Routed experts down", "Combine"), names);
        // QKV: M = 8, K = 4096, N = (64 + 2·4)·128 = 9,216, FP8: 8·4096 + 4096·9216 + 8·9216·2
        // = 32,768 + 37,748,736 + 147,456 = 37,928,960 B
        assertEquals(37_928_960, Fixtures.ENGINE.evaluate(s).op("QKV projection").hbmBytes(), 0.0);
    }

    @Test
    void gqaAttentionCoreReadsKeysAndValuesOfEveryKvHead() {
        // Round chip (1e12 B/s, FP8 1e15 FLOP/s, 1e12 exp2/s, 1e13 adds/s, FA3 none), Qwen3, B = 8, q = 1,
        // FP8 KV and weights (core GEMMs at the FP8 rate), L = 5,120, seed chunks of 4,096 -> 8,192 keys computed.
        // KV read 8·5120·(2·4·128)·1 B = 41,943,040 B -> 41.94304 µs
        // scores 8·64·8192 = 4,194,304; QK^T and PV 2·4,194,304·128 = 1,073,741,824 FLOP each -> 1.073741824 µs each
        // softmax 4,194,304 / 1e12 + 2·4,194,304 / 1e13 = 5.0331648 µs; none: 1.0737 + 1.0737 + 5.0332 = 7.180648448 µs
        OpResult r = Fixtures.ENGINE.evaluate(RooflineHandDerivedTest.round().withModel(model("Qwen3-235B-A22B")))
                .op("GQA attention");
        assertEquals(41_943_040, r.kvBytes(), 0.0);
        assertEquals(2 * 1_073_741_824.0, r.flops(), 0.0);
        assertEquals(7.180648448e-6, r.computeSec(), 1e-18);
        assertEquals(41.94304e-6, r.timeSec(), 1e-18);
        assertEquals(Bound.MEMORY, r.bound());
    }

    @Test
    void gqaAttentionInCalibratedFidelityIsMarkedExtrapolated() {
        Scenario s = Scenario.defaults(model("Qwen3-235B-A22B"), Fixtures.CATALOG.chip("H800"),
                Fixtures.CATALOG.nic("CX7")).withFidelity(Fidelity.CALIBRATED);
        OpResult r = Fixtures.ENGINE.evaluate(s).op("GQA attention");
        assertTrue(r.extrapolated());
        // FlashInfer's decode was measured on H20 only: H800 borrows its fraction (calibration/gqa-decode.csv)
        assertTrue(r.basis().startsWith("FlashInfer tensor-core decode") && r.basis().contains("H20's fraction"),
                r.basis());
        Scenario v3 = s.withModel(model("DeepSeek-V3"));
        assertFalse(Fixtures.ENGINE.evaluate(v3).op("FlashMLA").basis().startsWith("FlashInfer"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            kv heads not dividing heads | GQA | 5 | 128 | 0    | numKeyValueHeads must divide the 64 attention heads, was 5 (model 'M')
            GQA without head width      | GQA | 4 | 0   | 0    | headDim must be in [1, 4096], was 0 (model 'M')
            GQA with an MLA rank        | GQA | 4 | 128 | 1536 | qLoraRank must be 0 for GQA attention, was 1536 (model 'M')
            MLA with a head width       | MLA | 0 | 128 | 1536 | headDim must be 0 for MLA attention, was 128 (model 'M')
            """)
    void attentionFieldsOfTheOtherKindAreRefusedByName(String what, AttentionKind kind, int kvHeads, int headDim,
                                                        int qLora, String message) {
        boolean mla = kind == AttentionKind.MLA;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ModelConfig("M", "test",
                kind, 4096, 94, 0, 64, kvHeads, headDim, qLora, mla ? 512 : 0, mla ? 128 : 0, mla ? 64 : 0,
                mla ? 128 : 0, 128, 0, 8, 1536, 12288, 151936, 0));
        assertEquals(message, e.getMessage());
    }

    @Test
    void fp8KvHalvesTheGqaCacheLikeTheMlaCache() {
        Scenario s = Scenario.defaults(model("Qwen3-235B-A22B"), Fixtures.CATALOG.chip("H800"),
                Fixtures.CATALOG.nic("CX7"));
        assertEquals(Fixtures.ENGINE.evaluate(s).memory().kvBytesPerSequence() / 2,
                Fixtures.ENGINE.evaluate(s.withKvDtype(Dtype.FP8)).memory().kvBytesPerSequence(), 0.0);
    }
}
