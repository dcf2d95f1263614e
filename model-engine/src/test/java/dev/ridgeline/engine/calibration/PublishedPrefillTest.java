package dev.ridgeline.engine.calibration;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.engine.Engine;
import dev.ridgeline.engine.Fixtures;
import dev.ridgeline.engine.PrefillEvaluation;
import dev.ridgeline.engine.model.Dtype;
import dev.ridgeline.engine.model.Fidelity;
import dev.ridgeline.engine.model.Prefill;
import dev.ridgeline.engine.model.Scenario;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Calibrated prefill against published prefill deployments on three chips (docs/validation.md, "Prefill against
 * published deployments"). Nothing here was fitted to these figures; further published figures are held outside the
 * project.
 *
 * <p>Band: published / Ridgeline in [0.7, 1.1]. Ridgeline sums kernels at their published microbenchmark rates, with
 * the SMs DeepEP takes and the power-limited clock overlap runs at (calibration/clocks.csv) and the elementwise passes
 * of an unfused implementation, and overlaps communication perfectly, so it sits above an EP deployment by what it
 * leaves out, measured by the sources: SGLang's default EPLB ran 1.18x slower than a simulated perfect one where the
 * fitted popularity gives 1.01, and eager launches and passes beyond those costed add a little: 1.18 x 1.05 = 1.24, a
 * ratio of 0.81, so 0.7 with room for the unmeasured 192/128 attention shape. Above 1: a deployment without EP traffic
 * (H20, TP8) is bound by the kernels alone, within the 10 % the calibrated decode shows against DeepSeek's own figures.
 */
class PublishedPrefillTest {
    static Scenario prefill(String chip, int ep) {
        return Fixtures.seed(chip, "CX7").withFidelity(Fidelity.CALIBRATED).withWeightDtype(Dtype.FP8)
                .withKvDtype(Dtype.BF16).withEp(ep).withMtp(0, 0.85).withBatch(1);
    }

    static Stream<Arguments> anchors() {
        return Stream.of(
                // A. DeepSeek's prefill profile (https://github.com/deepseek-ai/profile-data, README "Prefilling"):
                // "EP32 and TP1 ... prompt length set to 4K and a batch size of 16K tokens per GPU ... two
                // micro-batches", "an absolutely balanced MoE routing strategy"; H800 + CX7; FP8 GEMMs, BF16 core MLA
                // (open-infra-index day-6 overview). Rate as SGLang read the trace: 62,713 tokens/s per node
                // (https://lmsys.org/blog/2025-05-05-large-scale-ep/, "DeepSeek Profile") = 7,839 per GPU.
                Arguments.of("H800 DeepSeek profile", Fixtures.BALANCED, prefill("H800", 32), new Prefill(4096, 0, 16384),
                        62_713 / 8.0),
                // C. SGLang on 4 x 8 H100, EP32, DP attention, two-batch overlap, 16,384 tokens per device, 4K
                // prompts (same post, "SGLang + Simulated Perfect EPLB" 59,337 per node; default EPLB 50,302).
                Arguments.of("H100 SGLang perfect EPLB 4K", Fixtures.BALANCED, prefill("H100 SXM5", 32),
                        new Prefill(4096, 0, 16384), 59_337 / 8.0),
                Arguments.of("H100 SGLang 4K", Fixtures.ENGINE, prefill("H100 SXM5", 32), new Prefill(4096, 0, 16384),
                        50_302 / 8.0),
                // the post's 1K and 2K rows (57,674 and 54,543 per node; tokens per device not stated: 16,384 taken)
                Arguments.of("H100 SGLang 2K", Fixtures.ENGINE, prefill("H100 SXM5", 32), new Prefill(2048, 0, 16384),
                        54_543 / 8.0),
                Arguments.of("H100 SGLang 1K", Fixtures.ENGINE, prefill("H100 SXM5", 32), new Prefill(1024, 0, 16384),
                        57_674 / 8.0),
                // E. Ant Group on one H20-96G node, TP8 (attention and MoE), FA3 with FP8 attention, 4,096-token
                // prompts: 16.5k input tokens/s per node (https://lmsys.org/blog/2025-09-26-sglang-ant-group/);
                // no EPLB at EP 1; chunk 8,192 (SGLang's default chunked prefill; the post does not state it).
                Arguments.of("H20 Ant TP8 FP8 attention", Fixtures.ENGINE, prefill("H20", 8).withLayout(8, 8).withEp(1)
                        .withEplb(false).withRedundantExperts(0).withKvDtype(Dtype.FP8), new Prefill(4096, 0, 8192),
                        16_500 / 8.0));
    }

    /**
     * A system-level measurement the anchors were not fitted on: SGLang's two-batch-overlap ablation on the same H100
     * deployment, "TBO achieves a 27% to 35% throughput increase compared to the vanilla setup", where the vanilla one
     * "processes up to 8,192 tokens [per device] before encountering out-of-memory (OOM) errors at 16,384"
     * (https://lmsys.org/blog/2025-05-05-large-scale-ep/; prompt lengths not stated). Ridgeline's gain is two
     * micro-batches at 16,384 tokens per card over one at 8,192: with the overlap's 108 SMs and power-limited clock it
     * is 22-31 % over 1K-4K prompts (the elementwise passes costed); at the benchmarks' clock, without the passes, it
     * was 51-55 %. Held to the measured range widened by 5 points each way, as the post does not say which prompts
     * it ran.
     */
    @ParameterizedTest(name = "ISL {0}")
    @org.junit.jupiter.params.provider.ValueSource(ints = {1024, 2048, 4096})
    void twoBatchOverlapGainsWhatSglangMeasured(int isl) {
        Scenario tbo = prefill("H100 SXM5", 32);
        double vanilla = Fixtures.ENGINE.evaluatePrefill(tbo.withPolicy(dev.ridgeline.engine.model.Policy.NAIVE),
                new Prefill(isl, 0, 8192)).tokensPerSecPerCard();
        double overlapped = Fixtures.ENGINE.evaluatePrefill(tbo, new Prefill(isl, 0, 16384)).tokensPerSecPerCard();
        double gain = overlapped / vanilla;
        assertTrue(gain >= 1.22 && gain <= 1.40, "TBO gain at ISL " + isl + ": " + gain);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("anchors")
    void publishedPrefillIsWithinTheBand(String what, Engine engine, Scenario s, Prefill p, double publishedPerGpu) {
        PrefillEvaluation e = engine.evaluatePrefill(s, p);
        assertTrue(e.fits(), what + ": the published deployment must fit (" + e.heldBytes() / 1e9 + " GB held)");
        double ratio = publishedPerGpu / e.tokensPerSecPerCard();
        assertTrue(ratio >= 0.7 && ratio <= 1.1, what + ": published " + publishedPerGpu + " / Ridgeline "
                + e.tokensPerSecPerCard() + " = " + ratio);
    }
}
