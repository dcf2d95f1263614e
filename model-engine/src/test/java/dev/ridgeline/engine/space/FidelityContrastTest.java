package dev.ridgeline.engine.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.engine.Fixtures;
import dev.ridgeline.engine.io.Presets;
import dev.ridgeline.engine.model.Fidelity;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.roofline.Bound;
import org.junit.jupiter.api.Test;

/** Issue 19: where seed and calibrated fidelity tell a reviewer different things, one sentence says so. */
class FidelityContrastTest {
    private static final Scenario DEFAULT = Presets.builtInScenario("default");

    @Test
    void theOpeningScenarioIsNetworkBoundCalibratedAndComputeBoundInTheSeed() {
        // issue 19's finding, made by hand before this class existed: the default review report (seed) said
        // "compute-bound" with the FP8 tensor rate as the lever; calibrated, the same scenario is network-bound
        // (then 53.8 % of the layer; more since the hottest card sets the expert time) with the NIC as the lever
        FidelityContrast c = FidelityContrast.of(Fixtures.ENGINE, DEFAULT);
        assertEquals(Fidelity.CALIBRATED, c.shown().fidelity());
        assertEquals(Bound.NETWORK, c.shown().bound());
        assertTrue(c.shown().share() > 0.5, "network takes most of the layer: " + c.shown().share());
        assertEquals("NIC bandwidth", c.shown().lever().name());
        assertEquals(Bound.COMPUTE, c.other().bound());
        assertEquals("FP8 tensor rate", c.other().lever().name());
        assertTrue(c.disagrees());
        String sentence = c.sentence();
        assertTrue(sentence.startsWith(String.format(java.util.Locale.ROOT, "The fidelities disagree: calibrated finds it "
                + "network-bound (%.1f %%", 100 * c.shown().share())), sentence);
        assertTrue(sentence.contains("seed 000, as published, compute-bound"), sentence);
        // one line of the window's status: at its 12 px font about 6 px a character, 200 fill 1,200 of 1,366 px
        assertTrue(sentence.length() <= 200, "one line of the window's status: " + sentence.length());
        assertTrue(sentence.endsWith(".") && !sentence.matches(".*\\. [A-Z].*"), "one sentence: " + sentence);
    }

    @Test
    void theSentenceReadsTheSameFromEitherSide() {
        Scenario seed = DEFAULT.withFidelity(Fidelity.SEED);
        assertEquals(FidelityContrast.sentence(Fixtures.ENGINE, DEFAULT), FidelityContrast.sentence(Fixtures.ENGINE, seed));
    }

    @Test
    void aDeploymentBothFidelitiesReadAlikeGetsNoSentence() {
        // one sequence per card: both fidelities read the weights from HBM, and HBM bandwidth is the lever of both
        Scenario single = DEFAULT.withBatch(1);
        FidelityContrast c = FidelityContrast.of(Fixtures.ENGINE, single);
        assertEquals(Bound.MEMORY, c.shown().bound());
        assertEquals(Bound.MEMORY, c.other().bound());
        assertEquals("HBM bandwidth", c.shown().lever().name());
        assertEquals("HBM bandwidth", c.other().lever().name());
        assertFalse(c.disagrees());
        assertEquals("", c.sentence());
    }

    @Test
    void everyLeverActuallyRaisesThroughput() {
        FidelityContrast c = FidelityContrast.of(Fixtures.ENGINE, DEFAULT);
        assertTrue(c.shown().leverGain() > 0 && c.other().leverGain() > 0);
        Knob nic = c.shown().lever();
        double moved = Fixtures.ENGINE.summarize(nic.with(DEFAULT, nic.up(nic.of(DEFAULT), FidelityContrast.STEP)))
                .throughputPerCard();
        assertEquals(moved / Fixtures.ENGINE.summarize(DEFAULT).throughputPerCard() - 1, c.shown().leverGain(), 1e-12);
    }
}
