package dev.ridgeline.engine.report;

import static dev.ridgeline.engine.report.ReportFixtures.QWEN_B200;
import static dev.ridgeline.engine.report.ReportFixtures.V3_H800;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.engine.Evaluation;
import dev.ridgeline.engine.Fixtures;
import dev.ridgeline.engine.model.Deployment;
import dev.ridgeline.engine.model.Dtype;
import dev.ridgeline.engine.model.ModelConfig;
import dev.ridgeline.engine.model.Policy;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.ops.OpKind;
import dev.ridgeline.engine.roofline.Bound;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The analyses behind the report, against hand derivations, published figures and brute force. */
class AnalysesTest {

    @Test
    void deepSeekV3HasItsPublished671BillionParametersAnd37BillionActive() {
        // DeepSeek-V3 technical report (arXiv:2412.19437), abstract: "671B total parameters with 37B activated for each
        // token". Norms and the router gate are not counted (58 x 256 x 7168 = 0.106 B): 0.1 % of the total, hence
        // the tolerance; "37B" is rounded to the billion, hence 2 % on the active count.
        Fingerprint f = Fingerprint.of(Fixtures.CATALOG.model("DeepSeek-V3"));
        assertEquals(671e9, f.totalParams(), 671e9 * 0.001);
        assertEquals(37e9, f.activeParams(), 37e9 * 0.02);
        // 256 experts x 58 MoE layers x 3 x 7168 x 2048 = 14,848 x 44,040,192 = 653,908,770,816 routed parameters
        assertEquals(653_908_770_816.0, f.routedParams(), 0.0);
    }

    @Test
    void mlaAsymptoteTendsToFlashMlasFlopsPerKvByte() {
        // At L = 4,194,304 (1,024 whole 4,096-key chunks) FlashMLA's 2·128·(576 + 512) FLOPs per key and 576 FP8 KV bytes
        // per key swamp every other per-sequence term (experts and projections: ~2 GFLOP and ~1 MB against 1.2 TFLOP
        // and 2.4 GB): OI_inf -> 278,528 / 576 = 483.56 FLOP/B; other terms move it by < 0.2 %, tolerance 0.5 %.
        Scenario s = V3_H800.withKvDtype(Dtype.FP8).withContext(Deployment.MAX_CONTEXT);
        Exploration.Row row = Exploration.row(Fixtures.ENGINE, s);
        assertEquals(2.0 * 128 * (576 + 512) / 576, row.asymptoticIntensity(), 483.56 * 0.005);
    }

    @Test
    void gqaAsymptoteTendsToItsCoresSixteenFlopsPerBf16KvByte() {
        // Qwen3-235B-A22B: 64 query heads over 4 KV heads of 128; per key 2·64·(128 + 128) FLOPs and 2·4·128 BF16
        // elements = 2,048 bytes: 32,768 / 2,048 = 16 FLOP/B. Other per-sequence terms < 0.5 % at 4 M keys; 1 %.
        Scenario s = QWEN_B200.withKvDtype(Dtype.BF16).withContext(Deployment.MAX_CONTEXT);
        Exploration.Row row = Exploration.row(Fixtures.ENGINE, s);
        assertEquals(16.0, row.asymptoticIntensity(), 16 * 0.01);
        assertEquals(Exploration.Reason.ASYMPTOTE_BELOW_RIDGE, row.reason());
    }

    @Test
    void explorationsBatchIsTheFirstWhoseDominantBoundIsCompute() {
        int checked = 0;
        for (Exploration.Row row : Exploration.table(Fixtures.ENGINE, V3_H800, Cancel.NEVER)) {
            if (row.feasibleBatch() == 0) {
                continue;
            }
            Scenario s = V3_H800.withEp(row.ep()).withContext(row.context());
            assertEquals(Bound.COMPUTE, Fixtures.ENGINE.evaluate(s.withBatch(row.feasibleBatch())).dominantBound());
            for (int b = 1; b < row.feasibleBatch(); b++) {
                assertNotEquals(Bound.COMPUTE, Fixtures.ENGINE.summarize(s.withBatch(b)).dominantBound(), "batch " + b);
            }
            assertTrue(row.feasibleBatch() <= Fixtures.ENGINE.evaluate(s).maxBatch());
            checked++;
        }
        assertTrue(checked > 0, "the default scenario's table has compute-bound cells");
    }

    @Test
    void modelGridIsSeedThreesFullGridAndRanksByEffect() {
        Knobs.ModelGrid g = Knobs.model(Fixtures.ENGINE, V3_H800, Cancel.NEVER);
        // top-k {2, 4, 8} x hidden x3 x KV rank x3 x KV dtype x2 x context x4 (seed 003 section 7: its grid has the same knobs)
        assertEquals(3 * 3 * 3 * 2 * 4, g.points());
        for (int i = 1; i < g.ranking().size(); i++) {
            assertTrue(g.ranking().get(i - 1).effect() >= g.ranking().get(i).effect());
        }
        Knobs.ModelKnob kv = g.ranking().stream().filter(k -> k.name().equals(Knobs.KV_DTYPE)).findFirst().orElseThrow();
        // half the KV bytes never makes the median step slower
        assertTrue(kv.medianTpotSec()[0] <= kv.medianTpotSec()[1]);
    }

    @Test
    void prefillCostsTwoFlopsPerActiveParameterBesideTheEmbeddingLookup() {
        // F/T at a 1-token prompt = 2·(active − V·H) (the embedding is a lookup, the LM head a GEMM) + the causal
        // core 61 layers x 2·128·(192 + 128)·(1/2): 2·(37.45e9 − 0.927e9) + 2,498,560
        Evaluation e = Fixtures.ENGINE.evaluate(V3_H800);
        ModelConfig m = V3_H800.model();
        Regimes.Phase p = Regimes.prefill(e, 1, Regimes.NAIVE, 3);
        double expected = 2 * (Fingerprint.of(m).activeParams() - (double) m.vocabSize() * m.hiddenSize())
                + 61 * 2.0 * 128 * (192 + 128) * 0.5;
        assertEquals(expected, p.flops(), expected * 1e-12);
        // naive streams the card's weights once: the engine's non-expert and local-expert bytes
        assertEquals(e.memory().nonExpertWeightBytes() + e.memory().localExpertBytes(), p.weightBytes(), 1.0);
        Regimes.Phase t = Regimes.training(e, 1, Regimes.NAIVE, 3);
        assertEquals(3 * p.flops(), t.flops(), 1e-3 * p.flops());
        assertTrue(Regimes.prefill(e, 1, Regimes.EFFICIENT, 3).hbmBytes() < p.hbmBytes());
    }

    @Test
    void naivePipelineExposesAllOfCombineAndTheDispatchTheSharedExpertDoesNotCover() {
        // seed 000's chain: attn-0 + attn-1 + max(dispatch, shared) + routed + combine (DESIGN 3.7): dispatch overlaps
        // the shared expert, combine overlaps nothing
        Evaluation e = Fixtures.ENGINE.evaluate(V3_H800.withPolicy(Policy.NAIVE));
        double dispatch = e.op(OpKind.DISPATCH).timeSec();
        double combine = e.op(OpKind.COMBINE).timeSec();
        double shared = e.op(OpKind.SHARED_UP).timeSec() + e.op(OpKind.SHARED_DOWN).timeSec();
        double[] totals = CommWindows.totalAndExposed(CommWindows.of(e));
        assertEquals(dispatch + combine, totals[0], 1e-12);
        assertEquals(Math.max(0, dispatch - shared) + combine, totals[1], 1e-12);
    }

    @Test
    void aCancelledReportStopsWithoutAResult() {
        AtomicInteger steps = new AtomicInteger();
        Progress cancelAfterFirst = new Progress() {
            @Override
            public void step(String what, double fraction) {
                steps.incrementAndGet();
            }

            @Override
            public boolean cancelled() {
                return steps.get() >= 2;
            }
        };
        assertThrows(CancellationException.class, () -> ReportBuilder.build(Fixtures.ENGINE,
                ReportFixtures.request(V3_H800), cancelAfterFirst));
    }
}
