package dev.ridgeline.engine.space;

import dev.ridgeline.engine.model.Scenario;

/**
 * What {@link Objective#SERVED} counts: a served workload's output tokens/s per card, its prefill and decode pools
 * sized for a scenario's model, chip, NIC and fidelity (the serve package sizes them: {@code Serving.rate}; the
 * design-space code only calls it). 0 when no deployment meets the workload's limits.
 */
public interface ServedRate {
    /** The pools re-optimised, the decode pool at user speed {@code userTps}. */
    double best(Scenario s, double userTps);

    /** The decode pool held at {@code s}'s deployment as it is, the prefill pool re-optimised. */
    double fixed(Scenario s);
}
