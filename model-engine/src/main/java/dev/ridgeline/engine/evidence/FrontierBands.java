package dev.ridgeline.engine.evidence;

import dev.ridgeline.engine.Engine;
import dev.ridgeline.engine.plan.Plan;
import dev.ridgeline.engine.space.Frontier;
import dev.ridgeline.engine.space.Headline;
import dev.ridgeline.engine.space.Objective;
import dev.ridgeline.engine.space.Sensitivity;
import dev.ridgeline.engine.sweep.Parallel;
import dev.ridgeline.engine.model.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;

/**
 * The P10-P90 band of throughput per card along a frontier line and at its answer (issue 19): each point of the line
 * (not of the cloud) evaluated once more and banded ({@link Bands}), a few hundred evaluations after a sweep of tens of
 * thousands. Seed fidelity has none.
 *
 * @param line   one band per point of {@link Frontier.Result#frontier()}, in its order
 * @param answer the band of the best deployment at the target, or null without one
 */
public record FrontierBands(List<Band> line, Band answer) {
    public FrontierBands {
        line = List.copyOf(line);
    }

    /**
     * The band of the headline at a target (the best throughput per card over the scenario's deployments, re-optimised,
     * DESIGN 4b), for a view that has only the headline's value (the sensitivity): the relative P10-P90 of the
     * deployment on screen carried to the headline. The band follows the chip's distance from what was measured far
     * more than the deployment, and this costs one evaluation where the headline's own deployment would cost another
     * search. Null in seed fidelity or without a headline.
     */
    public static Band headline(Engine engine, Scenario s, double headline) {
        if (!Plan.rules(s).banded() || !(headline > 0)) {
            return null;
        }
        var e = engine.evaluate(s);
        return Bands.of(engine.calibration(), e).throughputPerCard().times(headline / e.throughputPerCard());
    }

    /**
     * The P10-P90 of a sensitivity result's headline: the band is of throughput per card, so a cost, power or served
     * headline has none (null), as has seed fidelity.
     */
    public static Band headline(Engine engine, Sensitivity.Result r) {
        return r.objective() != Objective.THROUGHPUT ? null : headline(engine, r.scenario(), r.headline());
    }

    /** The bands of a calibrated frontier; null in seed fidelity or for a cancelled sweep. */
    public static FrontierBands of(Engine engine, Frontier.Result r) {
        return of(engine, r, Runnable::run, 1, () -> false);
    }

    /**
     * As {@link #of(Engine, Frontier.Result)}, the points evaluated on {@code threads} tasks of {@code executor} (the
     * sweep's workers: the band is on the path from a chip edit to the frontier drawn); null when {@code stop} turned
     * true meanwhile.
     */
    public static FrontierBands of(Engine engine, Frontier.Result r, Executor executor, int threads, BooleanSupplier stop) {
        if (r.cancelled() || r.space().configurations().isEmpty()
                || !Plan.rules(r.space().configurations().get(0)).banded()) {
            return null;
        }
        List<Scenario> deployments = new ArrayList<>(r.frontier().size() + 1);
        for (Frontier.Point p : r.frontier()) {
            deployments.add(r.deployment(p));
        }
        Headline.Answer a = r.answer();
        if (a != null) {
            deployments.add(a.deployment());
        }
        List<Band> bands = Parallel.map(deployments,
                s -> Bands.of(engine.calibration(), engine.evaluate(s)).throughputPerCard(), executor, threads, stop, p -> { });
        if (stop.getAsBoolean() || bands.contains(null)) {
            return null;
        }
        int n = r.frontier().size();
        return new FrontierBands(bands.subList(0, n), a == null ? null : bands.get(n));
    }
}
