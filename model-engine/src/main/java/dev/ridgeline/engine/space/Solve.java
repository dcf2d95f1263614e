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
 * per user at least X and throughput per card (or per node) at least Y" (or, for the cost and power objectives, "at
 * most Y dollars per million output tokens" or "joules per output token"), the deployment re-optimised at every value
 * ({@link Headline} over {@link Space#explorer}). Fields where more is better get the smallest value that reaches the
 * target, costs (latencies, prices, power) the largest; found by bisection (in ln of the value; whole numbers for
 * cards; each mode for the FA3 stage mode) to a relative {@value #PRECISION}, so the answer reaches the target and
 * 1 % less of a benefit (more of a cost) does not. Relies on a field never making the headline worse in its better
 * direction, which the engine's invariants test. The price and the power change no deployment's speed: their values
 * rescale the throughput headline found once.
 */
public final class Solve {
    /** Relative width the bisection stops at. */
    static final double PRECISION = 1e-4;
    /** How far beyond the current value the search looks, each way. */
    static final double RANGE = 1e4;

    private Solve() {
    }

    /**
     * @param minUserTps tokens/s per user at least this
     * @param objective  what the goal is of
     * @param goal       the objective's figure to reach: throughput at least this, per card, or per node of
     *                   {@link Evaluation#CARDS_PER_NODE} when {@code perNode}; dollars per million output tokens or
     *                   joules per output token at most this
     */
    public record Target(double minUserTps, Objective objective, double goal, boolean perNode, ServedRate served) {
        public Target {
            if (!(minUserTps > 0) || Double.isInfinite(minUserTps)) {
                throw new IllegalArgumentException("--target-tps must be > 0, was " + minUserTps);
            }
            Checks.present(objective, "objective", "target");
            if (!(goal > 0) || Double.isInfinite(goal)) {
                throw new IllegalArgumentException(goalFlag(objective) + " must be > 0, was " + goal);
            }
            if (objective == Objective.SERVED) {
                Sensitivity.rate(served);
            }
        }

        /** A target of a decode objective (throughput, cost, power). */
        public Target(double minUserTps, Objective objective, double goal, boolean perNode) {
            this(minUserTps, objective, goal, perNode, null);
        }

        /** A throughput target. */
        public Target(double minUserTps, double minThroughput, boolean perNode) {
            this(minUserTps, Objective.THROUGHPUT, minThroughput, perNode);
        }

        /** The flag that sets a goal of that objective: --min-throughput, --max-cost, --max-energy. */
        public static String goalFlag(Objective o) {
            return o.perCard() ? "--min-throughput" : o == Objective.COST ? "--max-cost" : "--max-energy";
        }

        /** The throughput per card the target asks for (a throughput target). */
        public double perCard() {
            return perNode ? goal / Evaluation.CARDS_PER_NODE : goal;
        }

        /** The objective's score the target asks for ({@link Objective#score}). */
        public double minScore() {
            return objective.perCard() ? perCard() : objective.scoreOf(goal);
        }
    }

    /**
     * One field's answer, values in the field's unit.
     *
     * @param required the value that just reaches the target; null when the field alone cannot
     * @param reason   why not, or what bounds the answer
     */
    public record Answer(Knob field, double current, Double required, String reason) {
        /** The change from the current value, as a fraction (+0.14 = 14 % more); NaN when not reachable or none now. */
        public double change() {
            return required == null || current == 0 ? Double.NaN : required / current - 1;
        }
    }

    /** The fields a throughput target is solved for: the spec fields of {@link Knob#fields()} and the FA3 mode. */
    public static List<Knob> fields() {
        List<Knob> out = new java.util.ArrayList<>();
        for (Knob k : Knob.fields()) {
            if (!k.costOnly()) {
                out.add(k);
            }
        }
        out.add(Knob.FA3);
        return out;
    }

    /** The fields the objective reads on the chip ({@link Objective#reads}) and the FA3 mode. */
    public static List<Knob> fields(Objective objective, dev.ridgeline.engine.model.Chip chip) {
        List<Knob> out = new java.util.ArrayList<>();
        for (Knob k : Knob.fields()) {
            if (objective.reads(k, chip)) {
                out.add(k);
            }
        }
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
        Scores scores = new Scores(engine, s, k, target, spaceOf);
        if (k.stepped()) {
            for (int v = (int) k.min(); v <= (int) k.max(); v++) {
                if (scores.reaches(v)) {
                    return new Answer(k, current, (double) v, "the lowest mode that reaches the target");
                }
            }
            return new Answer(k, current, null, "not reachable by this field alone: " + why(engine, s, k, k.max(), target, spaceOf));
        }
        // a price or power of 0 means "none": search around the middle of the field's range
        double around = current > 0 ? current : Math.sqrt(Math.max(k.min(), 1e-3) * k.max());
        double best = k.higherIsBetter() ? Math.min(k.max(), Math.max(around, 1) * RANGE)
                : Math.max(k.min(), around / RANGE);
        double worst = k.higherIsBetter() ? Math.max(k.min(), around / RANGE) : Math.min(k.max(), around * RANGE);
        if (!scores.reaches(best)) {
            return new Answer(k, current, null, "not reachable by this field alone: " + why(engine, s, k, best, target, spaceOf));
        }
        if (scores.reaches(worst)) {
            return new Answer(k, current, worst, "reached across the whole range searched");
        }
        // invariant: `best` reaches, `worst` does not
        while (Math.abs(best - worst) > PRECISION * Math.abs(best) && (!k.integer() || Math.abs(best - worst) > 1)) {
            double mid = k.integer() ? Math.rint((best + worst) / 2)
                    : worst > 0 && best > 0 ? Math.sqrt(best * worst) : (best + worst) / 2;
            if (mid == best || mid == worst) {
                break;
            }
            if (scores.reaches(mid)) {
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
        return new Scores(engine, s, k, target, spaceOf).reaches(value);
    }

    /**
     * Whether a value of one field reaches the target. A price or power changes no deployment's speed, so the
     * scenario's throughput headline is found once and rescaled; any other field re-optimises at each value.
     */
    private static final class Scores {
        private final Engine engine;
        private final Scenario s;
        private final Knob k;
        private final Target target;
        private final Function<Scenario, Space> spaceOf;
        private double unmoved = Double.NaN;

        Scores(Engine engine, Scenario s, Knob k, Target target, Function<Scenario, Space> spaceOf) {
            this.engine = engine;
            this.s = s;
            this.k = k;
            this.target = target;
            this.spaceOf = spaceOf;
        }

        boolean reaches(double value) {
            Scenario moved;
            try {
                moved = k.with(s, value);
            } catch (IllegalArgumentException e) {
                return false;
            }
            return target.objective().score(moved.chip(), throughput(moved)) >= target.minScore();
        }

        private double throughput(Scenario moved) {
            if (k.costOnly()) {
                if (Double.isNaN(unmoved)) {
                    unmoved = best(moved);
                }
                return unmoved;
            }
            return best(moved);
        }

        private double best(Scenario moved) {
            if (target.objective() == Objective.SERVED) {
                return target.served().best(moved, target.minUserTps());
            }
            Headline.Answer a = Headline.best(engine, spaceOf.apply(moved), target.minUserTps());
            return a == null ? 0 : a.throughputPerCard();
        }
    }

    /** What stops the target at the field's best value searched. */
    static String why(Engine engine, Scenario s, Knob k, double value, Target target, Function<Scenario, Space> spaceOf) {
        Scenario moved;
        try {
            moved = k.with(s, value);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        if (target.objective() == Objective.SERVED) {
            double served = target.served().best(moved, target.minUserTps());
            return served > 0 ? String.format(Locale.ROOT, "at %s the served workload gives %,.0f output tokens/s per card",
                    shown(k, value), served) : "the served workload's limits are not met even at " + shown(k, value);
        }
        Headline.Answer a = Headline.best(engine, spaceOf.apply(moved), target.minUserTps());
        if (a == null) {
            return "no deployment reaches " + Checks.number(target.minUserTps()) + " tokens/s per user even at "
                    + shown(k, value);
        }
        Objective o = target.objective();
        if (!o.available(moved.chip())) {
            return o.missing(moved.chip());
        }
        Evaluation e = engine.evaluate(a.deployment());
        String figure = o == Objective.THROUGHPUT ? "" : " (" + o.shown(o.score(moved.chip(), a.throughputPerCard())) + ")";
        return String.format(Locale.ROOT, "at %s the best deployment gives %,.0f tokens/s per card%s, %s-bound",
                shown(k, value), a.throughputPerCard(), figure, e.dominantBound().label());
    }

    /** "100,000 GB", "334,500 Tops" (four digits, as the window shows a field); a stepped knob by its mode, "three-stage". */
    static String shown(Knob k, double value) {
        if (k.stepped()) {
            return k.stepLabel(value);
        }
        return (Checks.fourDigits(value, java.math.RoundingMode.HALF_EVEN) + " " + k.unit()).strip();
    }
}
