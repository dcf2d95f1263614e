package dev.ridgeline.engine.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.engine.Fixtures;
import dev.ridgeline.engine.PrefillEvaluation;
import dev.ridgeline.engine.calibration.Calibration;
import dev.ridgeline.engine.calibration.HeldOut;
import dev.ridgeline.engine.io.CalibrationTables;
import dev.ridgeline.engine.model.Dtype;
import dev.ridgeline.engine.model.Fidelity;
import dev.ridgeline.engine.model.Prefill;
import dev.ridgeline.engine.model.Scenario;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The prefill band (issue 20): made of prefill's own held-out rows, around the figure, wider where it extrapolates. */
class PrefillBandsTest {
    private static final Calibration CAL = CalibrationTables.builtIn();
    private static final Prefill PROFILE = new Prefill(4096, 0, 16384);

    /** DeepSeek's prefill profile deployment (profile-data README): H800 + CX7, EP32, FP8 GEMMs, BF16 attention. */
    static Scenario profile(String chip) {
        return Fixtures.seed(chip, "CX7").withFidelity(Fidelity.CALIBRATED).withWeightDtype(Dtype.FP8)
                .withKvDtype(Dtype.BF16).withEp(32).withMtp(0, 0.85).withBatch(1);
    }

    @Test
    void theOpListPutTogetherAgainIsTheEvaluationsStep() {
        // with every factor 1 the recomposition (MoE layer through prefill's pipeline x 58 MoE layers, plus the dense
        // layers and the LM head) must give the engine's own step: otherwise a band would move figures it does not show
        for (Scenario s : List.of(profile("H800"), profile("H20"), profile("H800").withPolicy(
                dev.ridgeline.engine.model.Policy.NAIVE))) {
            PrefillEvaluation e = Fixtures.ENGINE.evaluatePrefill(s, PROFILE);
            assertEquals(e.stepSec(), PrefillBands.step(e, op -> 1), 1e-9 * e.stepSec(), s.summary());
        }
    }

    @Test
    void theBandSurroundsTheFigureAndSeedFidelityHasNone() {
        PrefillEvaluation e = Fixtures.ENGINE.evaluatePrefill(profile("H800"), PROFILE);
        Band b = PrefillBands.tokensPerSecPerCard(CAL, e);
        assertTrue(b.low() < e.tokensPerSecPerCard() && e.tokensPerSecPerCard() < b.high(), b + " " + e.tokensPerSecPerCard());
        assertNull(PrefillBands.tokensPerSecPerCard(CAL,
                Fixtures.ENGINE.evaluatePrefill(profile("H800").withFidelity(Fidelity.SEED), PROFILE)));
    }

    @Test
    void theBandIsMadeOfPrefillsHeldOutRows() {
        Uncertainty u = Uncertainty.of(CAL);
        // FlashAttention-3's table: the H100 rows at 2K and 4K (the curve passes through 1K and 8K) and H20's head-dim-64
        // causal row (b comes from the head-dim-128 pair), each within 5 % of the fit (PrefillAttentionFitTest)
        assertEquals(3, CAL.prefill().attentionHeldOut().size());
        assertEquals(3, u.prefillAttention().rows());
        for (HeldOut.Row r : CAL.prefill().attentionHeldOut()) {
            assertTrue(Math.abs(r.error()) < 0.05, r.what() + " " + r.error());
        }
        // DeepEP's normal kernels: EP16, 32, 64 for dispatch and combine, each predicted from the other two; EP16 and
        // EP64 are held at their neighbour (extrapolated)
        List<HeldOut.Row> ep = HeldOut.normalEp(CAL.prefill().normalEp());
        assertEquals(6, ep.size());
        assertEquals(4, ep.stream().filter(HeldOut.Row::extrapolated).count());
        assertEquals(6, u.deepEpNormal().rows());
        // EP32 dispatch (58 GB/s) from EP16 and EP64 (43 and 51 GB/s), halfway in ln EP: 1/43 + (1/51 - 1/43) / 2
        HeldOut.Row ep32 = ep.stream().filter(r -> r.what().equals("DeepEP normal dispatch EP32 (held out)")).findFirst()
                .orElseThrow();
        assertEquals((1 / 43e9 + 1 / 51e9) / 2, ep32.predictedSec(), 1e-24);
        assertEquals(1 / 58e9, ep32.measuredSec(), 1e-24);
    }

    @Test
    void aChipFarFromWhatWasMeasuredHasAWiderBand() {
        double h800 = relativeWidth(profile("H800"));
        for (String chip : List.of("A100", "L40S", "B200")) {
            double other = relativeWidth(profile(chip));
            assertTrue(other > h800, chip + ": " + other + " against H800's " + h800);
        }
    }

    private static double relativeWidth(Scenario s) {
        PrefillEvaluation e = Fixtures.ENGINE.evaluatePrefill(s, PROFILE);
        return PrefillBands.tokensPerSecPerCard(CAL, e).relativeWidth(e.tokensPerSecPerCard());
    }
}
