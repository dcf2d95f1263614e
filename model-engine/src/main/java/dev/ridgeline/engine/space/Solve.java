package dev.ridgeline.engine.space;

import dev.ridgeline.engine.Engine;
import dev.ridgeline.engine.Evaluation;
import dev.ridgeline.engine.model.Checks;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.sweep.Parallel;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import java.util.function.Function;

/**
 * What spec reaches a target (DESIGN 4b): for each chip and NIC field alone, the value that just reaches "tokens/s
 * per user at least X and throughput per card (or per node) at least Y", the deployment re-optimised at every value
 * ({@link Headline} over {@link Space#explorer}). Fields where more is better get the smallest value that reaches the
 * target, costs (latencies) the largest; found by bisection (in ln of the value; whole numbers for cards; each mode
 * for the FA3 stage mode) to a relative {@value #PRECISION}, so the answer reaches the target and 1 % less of a
 * benefit (more of a cost) does not. Relies on a field never making the headline worse in its better direction, which
 * the engine's invariants test.
 */
public final class Solve {
    /** Relative width the bisection stops at. */
    static final double PRECISION = 1e-4;
    /** How far beyond the current value the search looks, each way. */
    static final double RANGE = 1e4;

    private Solve() {
    }

    /**
     * @param minUserTps    tokens/s per user at least this
     * @param minThroughput throughput at least this, per card, or per node of {@link Evaluation#CARDS_PER_NODE} when
     *                      {@code perNode}
     */
    public record Target(double minUserTps, double minThroughput, boolean perNode) {
        public Target {
            if (!(minUserTps > 0) || Double.isInfinite(minUserTps)) {
                throw new IllegalArgumentException("--target-tps must be > 0, was " + minUserTps);
            }
            if (!(minThroughput > 0) || Double.isInfinite(minThroughput)) {
                throw new IllegalArgumentException("--min-throughput must be > 0, was " + minThroughput);
            }
        }

        /** The throughput per card the target asks for. */
        public double perCard() {
            return perNode ? minThroughput / Evaluation.CARDS_PER_NODE : minThroughput;
        }
    }

    /**
     * One field's answer, values in the field's unit.
     *
     * @param required the value that just reaches the target; null when the field alone cannot
     * @param reason   why not, or what bounds the answer
     */
    public record Answer(Knob field, double current, Double required, String reason) {
        /** The change from the current value, as a fraction (+0.14 = 14 % more); NaN when not reachable. */
        public double change() {
            return required == null ? Double.NaN : required / current - 1;
        }
    }

    /** Every field of {@link Knob#fields()} and the FA3 mode. */
    public static List<Knob> fields() {
        List<Knob> out = new java.util.ArrayList<>(Knob.fields());
        out.add(Knob.FA3);
        return out;
    }

    /** Each field alone (those the chip has: see {@link Knob#absentIn}), on {@code threads} tasks of {@code executor}. */
    public static List<Answer> compute(Engine engine, Scenario s, Target target, List<Knob> fields, Executor executor,
                                       int threads, BooleanSupplier cancelled, DoubleConsumer progress) {
        List<Knob> present = fields.stream().filter(k -> !k.absentIn(s)).toList();
        return Parallel.map(present, k -> solve(engine, s, k, target), executor, threads, cancelled, progress);
    }

    /** One field alone, the deployment re-optimised over the explorer's space. */
    public static Answer solve(Engine engine, Scenario s, Knob k, Target target) {
        return solve(engine, s, k, target, Space::explorer);
    }

    /** One field alone, the deployment re-optimised over {@code spaceOf(the scenario with the field set)}. */
    public static Answer solve(Engine engine, Scenario s, Knob k, Target target, Function<Scenario, Space> spaceOf) {
        double current = k.of(s);
        if (k.stepped()) {
            for (int v = (int) k.min(); v <= (int) k.max(); v++) {
                if (reaches(engine, s, k, v, target, spaceOf)) {
                    return new Answer(k, current, (double) v, "the lowest mode that reaches the target");
                }
            }
            return new Answer(k, current, null, "not reachable by this field alone: " + why(engine, s, k, k.max(), target, spaceOf));
        }
        double best = k.higherIsBetter() ? Math.min(k.max(), Math.max(current, 1) * RANGE)
                : Math.max(k.min(), current / RANGE);
        double worst = k.higherIsBetter() ? Math.max(k.min(), current / RANGE) : Math.min(k.max(), current * RANGE);
        if (!reaches(engine, s, k, best, target, spaceOf)) {
            return new Answer(k, current, null, "not reachable by this field alone: " + why(engine, s, k, best, target, spaceOf));
        }
        if (reaches(engine, s, k, worst, target, spaceOf)) {
            return new Answer(k, current, worst, "reached across the whole range searched");
        }
        // invariant: `best` reaches, `worst` does not
        while (Math.abs(best - worst) > PRECISION * Math.abs(best) && (!k.integer() || Math.abs(best - worst) > 1)) {
            double mid = k.integer() ? Math.rint((best + worst) / 2)
                    : worst > 0 && best > 0 ? Math.sqrt(best * worst) : (best + worst) / 2;
            if (mid == best || mid == worst) {
                break;
            }
            if (reaches(engine, s, k, mid, target, spaceOf)) {
                best = mid;
            } else {
                worst = mid;
            }
        }
        return new Answer(k, current, best, k.higherIsBetter() ? "the smallest value that reaches the target"
                : "the largest value that still reaches the target");
    }

    /** True when the scenario with the field at {@code value} reaches the target. */
    public static boolean reaches(Engine engine, Scenario s, Knob k, double value, Target target,
                                  Function<Scenario, Space> spaceOf) {
        Scenario moved;
        try {
            moved = k.with(s, value);
        } catch (IllegalArgumentException e) {
            return false;
        }
        Headline.Answer a = Headline.best(engine, spaceOf.apply(moved), target.minUserTps());
        return a != null && a.throughputPerCard() >= target.perCard();
    }

    /** What stops the target at the field's best value searched. */
    static String why(Engine engine, Scenario s, Knob k, double value, Target target, Function<Scenario, Space> spaceOf) {
        Scenario moved;
        try {
            moved = k.with(s, value);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        Headline.Answer a = Headline.best(engine, spaceOf.apply(moved), target.minUserTps());
        if (a == null) {
            return "no deployment reaches " + Checks.number(target.minUserTps()) + " tokens/s per user even at "
                    + shown(k, value);
        }
        Evaluation e = engine.evaluate(a.deployment());
        return String.format(Locale.ROOT, "at %s the best deployment gives %,.0f tokens/s per card, %s-bound",
                shown(k, value), a.throughputPerCard(), e.dominantBound().label());
    }

    /** "1.000e+06 GB/s"; a stepped knob (the FA3 stage mode) by its mode's name, "three-stage". */
    static String shown(Knob k, double value) {
        if (k.stepped()) {
            return k.stepLabel(value);
        }
        return (Checks.number(value) + " " + k.unit()).strip();
    }
}
