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
 */
class ValidationTest {
    static final List<Anchor> ANCHORS = Anchors.builtIn();
    static final Validation RESULT = Validation.run(Fixtures.ENGINE, ANCHORS);

    @Test
    void atLeastEightAnchorsOnAtLeastThreeChipsEachCitingItsSource() {
        assertTrue(ANCHORS.size() >= 8, "anchors: " + ANCHORS.size());
        assertTrue(RESULT.chips().size() >= 3, "chips: " + RESULT.chips());
        for (Anchor a : ANCHORS) {
            // a figure without a public URL says so and who reported it, and must come with a known cause if it
            // misses: it cannot be checked by a reader
            assertTrue(a.publicSource() || a.source().startsWith(Anchor.UNPUBLISHED), a.id());
            assertEquals(Fidelity.CALIBRATED, a.scenario().fidelity(), a.id());
        }
        assertTrue(ANCHORS.stream().filter(Anchor::publicSource).count() >= 8, "anchors with a public source");
    }

    @Test
    void medianErrorIsAtMostTenPercent() {
        assertTrue(RESULT.medianAbsError() <= 0.10, table());
    }

    /**
     * Issue 19's bound on every anchor, except one the table names a known cause for and shows outside its band: that
     * row stays red in the table, view and report until the model explains it. Today the GQA anchor on H20: +26.5 % once
     * its scenario runs the deployment as reported (BF16 experts, SGLang's --tp 4 layout), where no kernel measured at
     * its shape explains the rest; its source is unpublished (docs/validation.md, "The GQA anchor").
     */
    @Test
    void everyAnchorIsWithinTwentyFivePercentOrShownOutsideItsBandWithItsCause() {
        for (Validation.Row r : RESULT.rows()) {
            if (Math.abs(r.error()) > 0.25) {
                assertFalse(r.anchor().knownCause().isEmpty(), r.anchor().id() + " misses without a cause\n" + table());
                assertTrue(r.outsideBand(), r.anchor().id() + " misses by more than 25 % inside its band\n" + table());
            }
        }
        assertTrue(RESULT.rows().stream().filter(r -> Math.abs(r.error()) > 0.25).count() <= 1, table());
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
        StringBuilder sb = new StringBuilder();
        for (Validation.Row r : RESULT.rows()) {
            sb.append(String.format(Locale.ROOT, "%-28s published %10.1f ours %10.1f %+6.1f %%%n", r.anchor().id(),
                    r.anchor().published(), r.ours(), 100 * r.error()));
        }
        return sb.append(String.format(Locale.ROOT, "median |error| %.1f %%", 100 * RESULT.medianAbsError())).toString();
    }
}
