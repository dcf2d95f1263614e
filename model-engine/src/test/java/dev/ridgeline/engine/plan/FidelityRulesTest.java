package dev.ridgeline.engine.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.ridgeline.engine.Evaluation;
import dev.ridgeline.engine.Fixtures;
import dev.ridgeline.engine.io.Presets;
import dev.ridgeline.engine.model.Assumptions;
import dev.ridgeline.engine.model.Fidelity;
import dev.ridgeline.engine.model.Scenario;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 19, item 5: what the rules say a fidelity decides is what its plan does. The window disables the assumption
 * fields where {@link FidelityRules#appliesAssumptions()} is false, so that must mean the figures ignore them: moving
 * every assumption far from its default (a 20 GB reserve, a 50 µs kernel gap, 50 % host overhead) changes neither
 * the step nor the free memory in seed fidelity (seed 000 has no reserve, gaps or host share) and changes both in
 * calibrated fidelity.
 */
class FidelityRulesTest {

    @ParameterizedTest
    @EnumSource(Fidelity.class)
    void theAssumptionsMoveTheFiguresExactlyWhereTheRulesSayTheyApply(Fidelity fidelity) {
        Scenario base = Presets.builtInScenario("default").withFidelity(fidelity);
        Scenario moved = base.with(new Assumptions(20e9, 50e-6, 0.5));
        Evaluation a = Fixtures.ENGINE.evaluate(base);
        Evaluation b = Fixtures.ENGINE.evaluate(moved);
        if (Plan.rules(fidelity).appliesAssumptions()) {
            assertNotEquals(a.tpotSec(), b.tpotSec(), "the step moves with the gap and host share");
            assertNotEquals(a.memory().freeBytes(), b.memory().freeBytes(), "the free memory moves with the reserve");
        } else {
            assertEquals(a.tpotSec(), b.tpotSec(), 0.0, "the step ignores the assumptions");
            assertEquals(a.memory().freeBytes(), b.memory().freeBytes(), 0.0, "the memory ignores the reserve");
        }
    }

    @ParameterizedTest
    @EnumSource(Fidelity.class)
    void theRulesOfAFidelityAreTheRulesOfItsScenarios(Fidelity fidelity) {
        Scenario s = Presets.builtInScenario("default").withFidelity(fidelity);
        assertEquals(Plan.rules(s), Plan.rules(fidelity));
        assertEquals(Plan.rules(s), Fixtures.ENGINE.plan(s).rules());
    }

    @ParameterizedTest
    @EnumSource(Fidelity.class)
    void aFidelityIsReadBackFromItsLabel(Fidelity fidelity) {
        assertEquals(fidelity, Fidelity.ofLabel(fidelity.label().toUpperCase(java.util.Locale.ROOT)));
    }
}
