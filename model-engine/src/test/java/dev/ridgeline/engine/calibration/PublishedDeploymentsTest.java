package dev.ridgeline.engine.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.engine.Evaluation;
import dev.ridgeline.engine.Fixtures;
import dev.ridgeline.engine.model.Dtype;
import dev.ridgeline.engine.model.ExpertDtype;
import dev.ridgeline.engine.model.Fidelity;
import dev.ridgeline.engine.model.Policy;
import dev.ridgeline.engine.model.Scenario;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Calibrated fidelity against published DeepSeek-V3/R1 deployments beyond DeepSeek's own (PublishedDecodeTest), on
 * H100, GB200 and B200, at large and small batch, in FP8 and FP4 (docs/validation.md, "Published deployments"). Nothing
 * in the engine was fitted to these figures. Where the engine misses, the test states by how much and why, and holds
 * it to that: a change that widens a miss fails here.
 */
class PublishedDeploymentsTest {
    /** One published figure, the deployment it was measured at, and the engine's figure for it. */
    record Anchor(String name, String source, String conditions, double published, String unit, Scenario scenario) {
        double ours() {
            Evaluation e = Fixtures.ENGINE.evaluate(scenario);
            return switch (unit) {
                case "tok/s per node" -> e.throughputPerNode();
                case "tok/s per GPU" -> e.throughputPerCard();
                default -> e.userTokensPerSec();
            };
        }

        double error() {
            return ours() / published - 1;
        }
    }

    static Scenario deepSeek(String chip) {
        return Scenario.defaults(Fixtures.CATALOG.model("DeepSeek-V3"), Fixtures.CATALOG.chip(chip),
                Fixtures.CATALOG.nic("CX7")).withFidelity(Fidelity.CALIBRATED).withWeightDtype(Dtype.FP8);
    }

    /** Acceptance per MTP token that gives {@code tokens} accepted per step at {@code depth}: 1 + α + ... + α^depth. */
    static double acceptance(double tokens, int depth) {
        double lo = 0;
        double hi = 1;
        for (int i = 0; i < 60; i++) {
            double mid = (lo + hi) / 2;
            double sum = 1;
            double p = 1;
            for (int k = 1; k <= depth; k++) {
                p *= mid;
                sum += p;
            }
            if (sum < tokens) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }

    /**
     * SGLang on 96 H100s (lmsys.org, 2025-05-05, https://lmsys.org/blog/2025-05-05-large-scale-ep/): decode on 9 nodes,
     * EP72 with DP attention, DeepEP low latency, DeepGEMM, EPLB, two-batch overlap, 256 sequences per GPU of 2,000
     * tokens, no MTP, FP8 weights, SGLang's default BF16 KV cache: 22,282 output tokens/s per node. Published before
     * DeepEP's low-latency kernels sent a node's peers over NVLink (PR 173, on by default from 2025-05-23): every peer
     * but the card itself over the NIC.
     */
    static final Anchor SGLANG_H100 = new Anchor("SGLang, 72 H100, EP72, batch 256",
            "https://lmsys.org/blog/2025-05-05-large-scale-ep/", "EP72, DP attention, 256 a GPU, 2,000 tokens, TBO, no MTP",
            22_282, "tok/s per node", deepSeek("H100 SXM5").withKvDtype(Dtype.BF16).withEp(72).withBatch(256)
                    .withContext(2000).withMtp(0, 0.85).withPolicy(Policy.DUAL_MICRO_BATCH)
                    .withLocalPeersOverScaleUp(false));

    /**
     * SGLang on a GB200 NVL72, part II (lmsys.org, 2025-09-25, https://lmsys.org/blog/2025-09-25-gb200-part-2/):
     * decode on 48 ranks (EP48 over NVLink), 2,000-token inputs, 1,408 sequences a GPU (KV cache about full), FP8
     * attention (KV) and NVFP4 MoE: 13,386 output tokens/s per GPU. No two-batch overlap (a finer overlap of combine),
     * no MTP.
     */
    static final Anchor SGLANG_GB200_FP4 = new Anchor("SGLang, GB200 NVL72, EP48, NVFP4 experts, batch 1408",
            "https://lmsys.org/blog/2025-09-25-gb200-part-2/", "EP48 on NVLink, 1,408 a GPU, 2,000 tokens, FP8 KV, NVFP4 MoE",
            13_386, "tok/s per GPU", deepSeek("GB200").withKvDtype(Dtype.FP8).withEp(48).withBatch(1408)
                    .withContext(2050).withMtp(0, 0.85).withPolicy(Policy.NAIVE).withExpertDtype(ExpertDtype.NVFP4));

    /**
     * TensorRT-LLM min latency on 8 B200s (NVIDIA, "Pushing Latency Boundaries", https://github.com/NVIDIA/TensorRT-LLM/blob/main/docs/source/blogs/tech_blog/blog1_Pushing_Latency_Boundaries_Optimizing_DeepSeek-R1_Performance_on_NVIDIA_B200_GPUs.md):
     * one request, 1k input and 2k output tokens (about 2k of context on average), attention TP8 in BF16, MoE
     * NVFP4 as EP4 x TP2 ("Introduce EP4TP2", 253 TPS/user), MTP with 3 layers accepting 2.82 tokens a step.
     */
    static final Anchor TRT_B200_MIN_LATENCY = new Anchor("TensorRT-LLM, 8 B200, batch 1, TP8 / EP4 x TP2, NVFP4",
            "https://github.com/NVIDIA/TensorRT-LLM/blob/main/docs/source/blogs/tech_blog/blog1_Pushing_Latency_Boundaries_Optimizing_DeepSeek-R1_Performance_on_NVIDIA_B200_GPUs.md",
            "1 request, attention TP8 BF16, MoE EP4 x TP2 NVFP4, MTP 3 at 2.82 tokens a step, ~2k context", 253,
            "tok/s per user", deepSeek("B200").withWeightDtype(Dtype.BF16).withKvDtype(Dtype.BF16).withLayout(4, 8, 2)
                    .withExpertDtype(ExpertDtype.NVFP4).withBatch(1).withContext(2048)
                    .withMtp(3, acceptance(2.82, 3)).withPolicy(Policy.NAIVE).withEplb(false));

    static final List<Anchor> ANCHORS = List.of(SGLANG_H100, SGLANG_GB200_FP4, TRT_B200_MIN_LATENCY);

    @Test
    void sglangOnH100MatchesWithinTenPerCent() {
        // ±10 %: the run's expert balance is not published (the engine's popularity is fitted to another dataset) and
        // its KV dtype is SGLang's default, not stated.
        assertEquals(SGLANG_H100.published(), SGLANG_H100.ours(), 0.10 * SGLANG_H100.published());
    }

    @Test
    void gb200WithFp4IsFasterThanPublishedByAtMostThirtyFivePerCent() {
        // A known miss, narrowed (docs/validation.md). The NVFP4 experts now run as TensorRT-LLM's fused NVFP4 MoE
        // runs on a B300 (FlashInfer PR 5301, Fp4MoeFitTest: bytes at 78 % of HBM plus FLOPs at 56 % of the FP4
        // rate), carried to this deployment's ~1,900 rows an expert; before, at DeepGEMM's H800 FP8 fractions (+35 %,
        // now +26 %). What is left: attention at FlashMLA's Hopper fractions and dispatch/combine at DeepEP's H800
        // fit, for which no Blackwell measurement at this shape is published. The bound says how far it may be.
        double ratio = SGLANG_GB200_FP4.ours() / SGLANG_GB200_FP4.published();
        assertTrue(ratio > 1 && ratio < 1.35, "ours / published = " + ratio);
    }

    @Test
    void b200MinLatencyIsFasterThanPublishedByLessThanAQuarter() {
        // A known miss, narrowed twice (docs/validation.md): at one request a layer is some 30 kernels of 1-4 tokens
        // each. The routed-expert block carries its measured fixed cost (29 us on B300, calibration/moe-block.csv),
        // which took the engine from +75 % to +39 %; every other GEMM but the router keeps a small library GEMM's
        // measured floor (5.15 us on B200, calibration/gemm-floor.csv), which took it to +14 %; its FP4 experts' weights now
        // stream at the 78 % of HBM the same benchmark's NVFP4 kernel reaches (Fp4MoeFitTest; DeepGEMM's H800 FP8
        // fraction, about 60 %, before): +19 %. Still faster: MLA decode
        // at one request and the norms have no measured floor (their bytes at HBM plus the gap), and the floor's B200
        // rows timed another way come out 10-14 % fast. A quarter bounds those; below 1, the engine would be slower
        // than the deployment, which none of these can explain
        double ratio = TRT_B200_MIN_LATENCY.ours() / TRT_B200_MIN_LATENCY.published();
        assertTrue(ratio > 1 && ratio < 1.25, "ours / published = " + ratio);
    }

    /** The table docs/validation.md shows, from the anchors (and DeepSeek's own, PublishedDecodeTest). */
    static String markdown() {
        StringBuilder sb = new StringBuilder("| deployment | conditions | published | ours | error | source |\n"
                + "|---|---|---:|---:|---:|---|\n");
        for (Anchor a : ANCHORS) {
            sb.append(String.format(java.util.Locale.ROOT, "| %s | %s | %,.0f %s | %,.0f | %+.1f %% | %s |%n", a.name(),
                    a.conditions(), a.published(), a.unit(), a.ours(), 100 * a.error(), a.source()));
        }
        return sb.toString();
    }

    @Test
    void validationDocumentShowsThePublishedDeployments() throws java.io.IOException {
        java.nio.file.Path doc = java.nio.file.Path.of("..", "docs", "validation.md");
        String text = java.nio.file.Files.readString(doc, java.nio.charset.StandardCharsets.UTF_8);
        String begin = "<!-- published-deployments:begin -->\n";
        String end = "<!-- published-deployments:end -->";
        String expected = markdown();
        if (Boolean.getBoolean("ridgeline.updateDocs")) {
            text = text.substring(0, text.indexOf(begin) + begin.length()) + expected + text.substring(text.indexOf(end));
            java.nio.file.Files.writeString(doc, text, java.nio.charset.StandardCharsets.UTF_8);
        }
        assertEquals(expected, text.substring(text.indexOf(begin) + begin.length(), text.indexOf(end)),
                "docs/validation.md is stale: run ./mvnw -pl assets,model-engine test -Dridgeline.updateDocs=true");
    }

    @Test
    void smallBatchesReadOnlyTheExpertsTheirTokensHit() {
        // Issue 18: the command (batch 1 on 8 H200s, EP8, the default dual micro-batch) read every local expert:
        // 81.7 ms a token, 12.2 tokens/s. It now reads the ~8 experts a token hits on each card: at least 2.5 times as
        // fast (30.8 tokens/s today, 32.2 before small GEMMs kept their measured floor), the direction published
        // min-latency serving on 8 GPUs shows.
        Scenario s = deepSeek("H200 SXM").withKvDtype(Dtype.FP8).withEp(8).withBatch(1).withContext(2048).withMtp(0, 0.85);
        double tps = Fixtures.ENGINE.evaluate(s).userTokensPerSec();
        assertTrue(tps > 2.5 * 12.2, "tokens/s per user " + tps);
    }
}
