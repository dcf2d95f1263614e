package dev.ridgeline.engine.space;

import dev.ridgeline.engine.Engine;
import dev.ridgeline.engine.plan.Plan;
import dev.ridgeline.engine.plan.Summary;
import dev.ridgeline.engine.model.Fidelity;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.roofline.Bound;
import dev.ridgeline.engine.roofline.OpResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether the two fidelities tell a reviewer the same thing about a deployment (issue 19): the dominant bound of the
 * MoE layer and the best chip lever, read in the scenario's fidelity and in the other one. The lever is the chip or NIC
 * field (or the FA3 stage mode) whose move one step in its better direction ({@link #STEP}) raises this deployment's
 * throughput per card the most: the deployment stays as it is, so the whole comparison costs two evaluations and a
 * few dozen summaries (microseconds), cheap enough to follow every edit in the window.
 *
 * @param shown the reading in the scenario's own fidelity
 * @param other the reading in the other fidelity
 */
public record FidelityContrast(Reading shown, Reading other) {
    /** The step a lever is moved by: the sensitivity's default, ±10 %. */
    public static final double STEP = Sensitivity.DEFAULT_STEP;

    /**
     * One fidelity's reading.
     *
     * @param share     the dominant bound's share of the MoE layer's op time
     * @param lever     the best chip lever, or null when no chip or NIC field moves this deployment
     * @param leverGain the lever's relative gain in throughput per card (0 without a lever)
     */
    public record Reading(Fidelity fidelity, Bound bound, double share, Knob lever, double leverGain) {
    }

    public static FidelityContrast of(Engine engine, Scenario s) {
        return new FidelityContrast(reading(engine, s), reading(engine, s.withFidelity(s.fidelity().other())));
    }

    /**
     * The sentence of {@link #sentence()} for the scenario, or empty when the fidelities agree or the other fidelity
     * refuses the scenario (its figures would not be finite): there is then nothing to set beside the shown reading.
     */
    public static String sentence(Engine engine, Scenario s) {
        try {
            return of(engine, s).sentence();
        } catch (IllegalArgumentException refused) {
            return "";
        }
    }

    /** True when the two fidelities name a different dominant bound or a different best chip lever. */
    public boolean disagrees() {
        return shown.bound() != other.bound() || !sameLever(shown.lever(), other.lever());
    }

    /**
     * One sentence saying how the fidelities disagree about this deployment, the calibrated reading first ("The
     * fidelities disagree: calibrated finds it network-bound (53.8 % of the MoE layer), best chip lever NIC bandwidth;
     * seed 000, as published, compute-bound (41.2 %), lever FP8 tensor rate."); empty when they agree. Short enough
     * for one line of the window's status.
     */
    public String sentence() {
        if (!disagrees()) {
            return "";
        }
        // the default (calibrated) fidelity first, as the picker offers them
        Reading calibrated = Fidelity.choices().indexOf(shown.fidelity()) == 0 ? shown : other;
        Reading seed = calibrated == shown ? other : shown;
        return String.format(Locale.ROOT, "The fidelities disagree: calibrated finds it %s-bound (%.1f %% of the MoE "
                        + "layer), best chip lever %s; seed 000, as published, %s-bound (%.1f %%), lever %s.", calibrated.bound().label(), calibrated.share() * 100, lever(calibrated),
                seed.bound().label(), seed.share() * 100, lever(seed));
    }

    private static String lever(Reading r) {
        return r.lever() == null ? "none" : r.lever().name();
    }

    private static boolean sameLever(Knob a, Knob b) {
        return a == null ? b == null : b != null && a.id() == b.id();
    }

    static Reading reading(Engine engine, Scenario s) {
        Levers levers = Levers.of(engine, s);
        Summary acc = new Summary();
        List<OpResult> ops = new ArrayList<>(24);
        levers.base().record(s.deployment(), s.numerics(), acc, ops, new ArrayList<>());
        double[] byBound = new double[Bound.values().length];
        double total = 0;
        for (OpResult op : ops) {
            byBound[op.bound().ordinal()] += op.timePerLayerSec();
            total += op.timePerLayerSec();
        }
        Bound bound = acc.dominantBound();
        double share = total > 0 ? byBound[bound.ordinal()] / total : 0;
        double base = acc.throughputPerCard();
        Knob best = null;
        double bestGain = 0;
        for (int i = 0; i < levers.knobs().size(); i++) {
            levers.plans().get(i).summarize(s.deployment(), s.numerics(), acc);
            double gain = acc.throughputPerCard() / base - 1;
            if (gain > bestGain + 1e-9) {
                best = levers.knobs().get(i);
                bestGain = gain;
            }
        }
        return new Reading(s.fidelity(), bound, share, best, bestGain);
    }

    /**
     * The plans of one hardware context and fidelity: the scenario's own and one per chip or NIC field moved a step its
     * better way. They depend only on the model, chip, NIC, readings and assumptions, so they are prepared once and
     * kept while edits leave those alone (a batch or EP edit then costs a detailed run and a summary per lever,
     * microseconds, instead of a plan per lever).
     */
    private record Levers(Engine engine, Plan base, List<Knob> knobs, List<Plan> plans) {
        private static final Levers[] LAST = new Levers[Fidelity.values().length];

        static Levers of(Engine engine, Scenario s) {
            int slot = s.fidelity().ordinal();
            Levers kept;
            synchronized (LAST) {
                kept = LAST[slot];
            }
            if (kept != null && kept.engine == engine && kept.base.serves(s)) {
                return kept;
            }
            List<Knob> knobs = new ArrayList<>();
            List<Plan> plans = new ArrayList<>();
            List<Knob> all = new ArrayList<>(Knob.fields());
            all.add(Knob.FA3);
            for (Knob k : all) {
                double now = k.of(s);
                double moved = k.higherIsBetter() ? k.up(now, STEP) : k.down(now, STEP);
                if (!k.accepts(moved)) {
                    continue;
                }
                try {
                    plans.add(Plan.of(k.with(s, moved), engine.calibration()));
                    knobs.add(k);
                } catch (IllegalArgumentException refused) {
                    // a field the chip cannot take (a fourth FA3 stage, an FP4 rate it has none of): no lever
                }
            }
            Levers fresh = new Levers(engine, Plan.of(s, engine.calibration()), List.copyOf(knobs), List.copyOf(plans));
            synchronized (LAST) {
                LAST[slot] = fresh;
            }
            return fresh;
        }
    }
}
