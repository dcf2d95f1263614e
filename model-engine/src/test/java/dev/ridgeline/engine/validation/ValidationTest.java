package dev.ridgeline.engine.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.engine.Fixtures;
import dev.ridgeline.engine.io.Anchors;
import dev.ridgeline.engine.model.Fidelity;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Calibrated fidelity against every published deployment in the registry (validation/anchors.json, each row citing
 * its source). Nothing in the engine was fitted to these figures; the bounds are issue 19's: the median |error| at or
 * below 10 %, every anchor within 25 % (or shown outside its band with its cause), at least eight anchors with a public
 * source on at least three chips.
 *
 * <p>Prefill anchors (issue 20) sit in the same table, and issue 19's bounds hold over every row, decode and prefill
 * ({@link #everyAnchorIsWithinTwentyFivePercent}, {@link #medianOverDecodeAndPrefillIsAtMostTenPercent}): prefill
 * computes at the power-limited clock and costs its elementwise passes, and SGLang's prefill deployments under its
 * EPLB are placed by the hierarchical policy its code ran for a prefill node (whole expert groups packed onto nodes,
 * which leaves the groups' imbalance; docs/validation.md). Those three rows remain the worst, 23-25 % slower than
 * Ridgeline says: what is left of the post's measured 1.18x is not modelled.
 */
class ValidationTest {
    static final List<Anchor> ANCHORS = Anchors.builtIn();
    static final Validation ALL = Validation.run(Fixtures.ENGINE, ANCHORS);
    static final Validation RESULT = ALL.phase(false);
    static final Validation PREFILL = ALL.phase(true);

    @Test
    void atLeastEightAnchorsOnAtLeastThreeChipsEachCitingItsSource() {
        assertTrue(ANCHORS.size() >= 8, "anchors: " + ANCHORS.size());
        assertTrue(RESULT.chips().size() >= 3, "chips: " + RESULT.chips());
        for (Anchor a : ANCHORS.stream().filter(a -> a.prefill() == null).toList()) {
            // a figure without a public URL says so and who reported it, and must come with a known cause if it
            // misses: it cannot be checked by a reader
            assertTrue(a.publicSource() || a.source().startsWith(Anchor.UNPUBLISHED), a.id());
            assertEquals(Fidelity.CALIBRATED, a.scenario().fidelity(), a.id());
        }
        assertTrue(ANCHORS.stream().filter(a -> a.prefill() == null && a.publicSource()).count() >= 8,
                "decode anchors with a public source");
    }

    /** Issue 20: at least three published prefill deployments on at least two chips, each citing its source. */
    @Test
    void prefillAnchorsCoverThreeChipsEachWithItsPublicSource() {
        assertTrue(PREFILL.rows().size() >= 5, "prefill anchors: " + PREFILL.rows().size());
        assertTrue(PREFILL.chips().containsAll(List.of("H800 SXM5", "H100 SXM5", "H20")), "chips: " + PREFILL.chips());
        for (Validation.Row r : PREFILL.rows()) {
            assertTrue(r.anchor().publicSource(), r.anchor().id());
            assertEquals(Fidelity.CALIBRATED, r.anchor().scenario().fidelity(), r.anchor().id());
            assertTrue(r.prefill().fits(), r.anchor().id() + " must fit on its cards");
        }
    }

    /**
     * A prefill row is the prefill step of its prompts: DeepSeek's profile by hand. Published 62,713 tokens/s per node
     * of 8 (SGLang's reading of the trace, https://lmsys.org/blog/2025-05-05-large-scale-ep/) = 7,839 per GPU; ours is
     * the engine's prefill step on H800 + CX7 at EP32, 4K prompts, 16K tokens per card, read with uniform routing as
     * the profile ran ("an absolutely balanced MoE routing strategy", https://github.com/deepseek-ai/profile-data): the
     * balanced engine's figure, not the fitted popularity's.
     */
    @Test
    void aPrefillRowIsThePrefillStepOfItsPromptsWithItsRouting() {
        Validation.Row r = PREFILL.rows().stream().filter(o -> o.anchor().id().equals("deepseek-h800-prefill"))
                .findFirst().orElseThrow();
        assertEquals(7839, r.anchor().published(), 0.0);
        assertTrue(r.anchor().balancedRouting());
        var p = r.anchor().prefill();
        assertEquals(4096, p.inputTokens());
        assertEquals(16384, p.chunkTokens());
        double balanced = Fixtures.BALANCED.evaluatePrefill(r.anchor().scenario(), p).tokensPerSecPerCard();
        assertEquals(balanced, r.ours(), 1e-9 * balanced);
        assertEquals(balanced / 7839 - 1, r.error(), 1e-12);
        // the fitted popularity's hottest card is slower than the balanced step: the flag is read
        double fitted = Fixtures.ENGINE.evaluatePrefill(r.anchor().scenario(), p).tokensPerSecPerCard();
        assertTrue(fitted < balanced, fitted + " vs " + balanced);
        assertTrue(r.band().contains(r.ours()), r.band() + " around " + r.ours());
    }

    /**
     * Issue 19's bound over every row, decode and prefill, with no exception. The SGLang prefill rows under its EPLB
     * are closest to it (23-25 %), each faster in Ridgeline than measured, as a sum of kernel rates is.
     */
    @Test
    void everyAnchorIsWithinTwentyFivePercent() {
        for (Validation.Row r : ALL.rows()) {
            assertTrue(Math.abs(r.error()) <= 0.25, r.anchor().id() + " misses by more than 25 %\n" + table(ALL));
        }
    }

    /**
     * Issue 20's reproduction: every published prefill deployment whose routing Ridgeline's prefill reproduces (routing
     * simulated as perfectly balanced, as DeepSeek's profile and SGLang's balanced run state, or no expert parallelism,
     * so no card holds hotter experts than another) falls inside its P10-P90 band. The band is the tolerance: it comes
     * from the kernels' held-out calibration residuals (PrefillBands), not from these anchors. At least three such rows
     * on at least two chips (today DeepSeek's profile on H800, SGLang balanced on H100, Ant's TP8 on H20); the rows
     * under SGLang's EPLB are held to the 25 % bound above.
     */
    @Test
    void prefillDeploymentsUnderTheRoutingRidgelineModelsAreInsideTheirBands() {
        List<Validation.Row> modelled = PREFILL.rows().stream()
                .filter(r -> r.anchor().balancedRouting() || r.anchor().scenario().ep() == 1).toList();
        assertTrue(modelled.size() >= 3, "prefill rows under modelled routing: " + modelled.size() + "\n" + table(ALL));
        assertTrue(modelled.stream().map(r -> r.anchor().scenario().chip().name()).distinct().count() >= 2,
                table(ALL));
        for (Validation.Row r : modelled) {
            assertFalse(r.outsideBand(), r.anchor().id() + " outside its band " + r.band() + "\n" + table(ALL));
            assertTrue(r.band().low() < r.band().high(), r.anchor().id() + ": a band of no width " + r.band());
        }
    }

    /** Issue 19's median bound over every row, decode and prefill. */
    @Test
    void medianOverDecodeAndPrefillIsAtMostTenPercent() {
        assertTrue(ALL.medianAbsError() <= 0.10, table(ALL));
    }

    @Test
    void medianErrorIsAtMostTenPercent() {
        assertTrue(RESULT.medianAbsError() <= 0.10, table());
    }

    /**
     * Issue 19's bound on every decode anchor, with no exception: since decode's EP traffic reaches a node's peers over
     * NVLink as DeepEP's low-latency kernels do (PR 173), FP8 FlashMLA runs at its measured speedup over BF16, and the
     * Kimi K2 anchor reads the post's per-decode-node figure, every decode row is within 25 % (docs/validation.md).
     */
    @Test
    void everyDecodeAnchorIsWithinTwentyFivePercent() {
        for (Validation.Row r : RESULT.rows()) {
            assertTrue(Math.abs(r.error()) <= 0.25, r.anchor().id() + " misses by more than 25 %\n" + table());
        }
    }

    /**
     * Ant Group's EP-size study: at 32 sequences per GPU "EP16 achieves 675 token/s vs. 585 token/s for EP32", because
     * "with DeepEP, ~50% of MoE traffic stays on NVLink at EP16 but only ~25% at EP32"
     * (https://lmsys.org/blog/2025-09-26-sglang-ant-group/). Ridgeline must rank them the same way; with all EP traffic
     * over the NIC it ranked EP32 first.
     */
    @Test
    void antsEp16OutrunsItsEp32AtBatch32AsMeasured() {
        double ep16 = row("ant-h20-ep16-b32").ours();
        double ep32 = row("ant-h20-ep32-b32").ours();
        assertTrue(ep16 > ep32, ep16 + " vs " + ep32 + "\n" + table());
    }

    private static Validation.Row row(String id) {
        return RESULT.rows().stream().filter(o -> o.anchor().id().equals(id)).findFirst().orElseThrow();
    }

    /**
     * The GQA anchor runs the deployment as reported: "in BF16" (routed experts included), on 4 H20 under SGLang's
     * default for --tp 4 (attention and experts tensor-parallel over the 4 cards, no balancer), the batch the group's
     * 4 x 100 running sequences.
     */
    @Test
    void theGqaAnchorRunsTheDeploymentAsReported() {
        var s = gqa().anchor().scenario();
        assertEquals(dev.ridgeline.engine.model.ExpertDtype.BF16, s.expertDtype());
        assertEquals(dev.ridgeline.engine.model.Dtype.BF16, s.weightDtype());
        assertEquals(dev.ridgeline.engine.model.Dtype.BF16, s.kvDtype());
        assertEquals(4, s.attentionTp());
        assertEquals(4, s.moeTp());
        assertEquals(4, s.deployment().moeCards());
        assertFalse(s.eplb());
        assertEquals(400, s.batchPerCard());
    }

    private static Validation.Row gqa() {
        return RESULT.rows().stream().filter(o -> o.anchor().id().startsWith("qwen3-30b-h20")).findFirst().orElseThrow();
    }

    @Test
    void theGqaAnchorRunsFlashInfersMeasuredDecode() {
        Validation.Row r = gqa();
        var attention = r.evaluation().ops().stream()
                .filter(op -> op.kind() == dev.ridgeline.engine.ops.OpKind.GQA_ATTENTION).findFirst().orElseThrow();
        assertFalse(attention.extrapolated(), attention.basis());
        assertTrue(attention.basis().startsWith("FlashInfer tensor-core decode"), attention.basis());
    }

    @Test
    void theErrorIsOursOverThePublishedFigure() {
        // the DeepSeek anchor by hand: its published 20-22 tokens/s per user is read at the middle, 21
        Validation.Row r = RESULT.rows().get(0);
        assertEquals("deepseek-h800-profile", r.anchor().id());
        assertEquals(21, r.anchor().published(), 0.0);
        assertEquals(r.evaluation().userTokensPerSec() / 21 - 1, r.error(), 1e-12);
    }

    private static String table() {
        return table(RESULT);
    }

    private static String table(Validation v) {
        StringBuilder sb = new StringBuilder();
        for (Validation.Row r : v.rows()) {
            sb.append(String.format(Locale.ROOT, "%-28s published %10.1f ours %10.1f %+6.1f %%%n", r.anchor().id(),
                    r.anchor().published(), r.ours(), 100 * r.error()));
        }
        return sb.append(String.format(Locale.ROOT, "median |error| %.1f %%", 100 * v.medianAbsError())).toString();
    }
}
