package dev.ridgeline.engine;

import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.plan.Plan;
import java.util.List;

/**
 * The readings a scenario's figures are computed under, in words, for the window and reports, as the plan of its
 * fidelity states them ({@link dev.ridgeline.engine.plan.FidelityRules#readingsInForce}): seed fidelity reads the post
 * as it was written (divide-by-q throughput, every expert over all pairs, GB read as GiB); calibrated fidelity is
 * physical and adds its assumptions (docs/validation.md, "Validation of calibrated fidelity").
 */
public final class ReadingsInForce {
    private ReadingsInForce() {
    }

    /** One line per reading; the throughput reading only when MTP is on, where the readings differ. */
    public static List<String> of(Scenario s) {
        return Plan.rules(s).readingsInForce(s);
    }
}
