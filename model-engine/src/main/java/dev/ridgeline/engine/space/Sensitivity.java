package dev.ridgeline.engine.space;

import dev.ridgeline.engine.Engine;
import dev.ridgeline.engine.model.Checks;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.plan.Summary;
import dev.ridgeline.engine.sweep.Parallel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

/**
 * Which knob matters (DESIGN 4b): each chip and NIC field, the FA3 stage mode as a whole step, and the main
 * modelling assumptions, moved down and up by a step (default ±10 %); for each move the headline (the best score of
 * the {@link Objective} at the target tokens/s per user, the deployment re-optimised over {@link Space#explorer})
 * and the score of the fixed deployment on screen. Bars sorted by the headline's largest change. The cost and power
 * objectives move the chip's price or power too; those change no deployment's speed, so their moves rescale the
 * throughput found once.
 */
public final class Sensitivity {
    public static final double DEFAULT_STEP = 0.10;

    private Sensitivity() {
    }

    /** One side of a bar: the value moved to and what it gives; {@code refused} says why it could not be set. */
    public record Move(double value, double headline, double fixed, boolean fixedFits, String refused) {
        boolean usable() {
            return refused == null;
        }
    }

    /** One knob: its current value and the two moves. */
    public record Bar(Knob knob, double current, Move down, Move up) {
        /** The largest change of the headline either way, tokens/s per card (0 when nothing changes or was refused). */
        public double swing(double headline) {
            double d = down.usable() ? Math.abs(down.headline() - headline) : 0;
            double u = up.usable() ? Math.abs(up.headline() - headline) : 0;
            return Math.max(d, u);
        }

        /** True when neither move changes the headline nor the fixed deployment's throughput. */
        public boolean changesNothing(double headline, double fixed) {
            return swing(headline) == 0 && (!down.usable() || down.fixed() == fixed) && (!up.usable() || up.fixed() == fixed);
        }
    }

    /**
     * Scores are the objective's ({@link Objective#score}: higher is better, 0 when none reaches the target or the
     * chip lacks a price or power).
     *
     * @param headline the best score at the target for the scenario as it is
     * @param fixed    the score of the deployment on screen
     */
    public record Result(Scenario scenario, double targetTps, double step, Objective objective, double headline,
                         double fixed, List<Bar> bars) {
        public Result {
            bars = List.copyOf(bars);
        }
    }

    /** Every knob of the sensitivity on throughput: the chip and NIC fields, the FA3 mode, the assumptions. */
    public static List<Knob> knobs() {
        List<Knob> out = new ArrayList<>();
        for (Knob k : Knob.fields()) {
            if (!k.costOnly()) {
                out.add(k);
            }
        }
        out.add(Knob.FA3);
        out.addAll(Knob.assumptions());
        return out;
    }

    /**
     * The knobs the objective reads on the scenario's chip ({@link Objective#reads}): those of throughput, and the
     * price or power that are set (a step of a price of 0, none, moves nothing).
     */
    public static List<Knob> knobs(Objective objective, Scenario s) {
        List<Knob> out = new ArrayList<>();
        for (Knob k : Knob.fields()) {
            if (objective.reads(k, s.chip()) && !k.absentIn(s) && !(k.costOnly() && k.of(s) == 0)) {
                out.add(k);
            }
        }
        out.add(Knob.FA3);
        out.addAll(Knob.assumptions());
        return out;
    }

    public static Result compute(Engine engine, Scenario s, double targetTps, double step, Executor executor, int threads,
                                 BooleanSupplier cancelled, DoubleConsumer progress) {
        return compute(engine, s, targetTps, step, Objective.THROUGHPUT, executor, threads, cancelled, progress);
    }

    public static Result compute(Engine engine, Scenario s, double targetTps, double step, Objective objective,
                                 Executor executor, int threads, BooleanSupplier cancelled, DoubleConsumer progress) {
        return compute(engine, s, targetTps, step, objective, null, executor, threads, cancelled, progress);
    }

    /** @param served what {@link Objective#SERVED} counts (its workload); unused by the other objectives (may be null) */
    public static Result compute(Engine engine, Scenario s, double targetTps, double step, Objective objective,
                                 ServedRate served, Executor executor, int threads, BooleanSupplier cancelled,
                                 DoubleConsumer progress) {
        if (!(step > 0 && step < 1)) {
            throw new IllegalArgumentException("step must be in (0, 1), was " + step);
        }
        Base base = new Base(perCard(engine, s, targetTps, objective, served), fixedPerCard(engine, s, objective, served),
                objective, served);
        double headline = objective.score(s.chip(), base.headline());
        double fixed = objective.score(s.chip(), base.fixed());
        List<Knob> knobs = knobs(objective, s);
        List<Bar> bars = Parallel.map(knobs, k -> bar(engine, s, k, targetTps, step, base), executor, threads,
                cancelled, progress);
        List<Bar> done = new ArrayList<>();
        for (Bar b : bars) {
            if (b != null) {
                done.add(b);
            }
        }
        done.sort(Comparator.comparingDouble((Bar b) -> b.swing(headline)).reversed());
        return new Result(s, targetTps, step, objective, headline, fixed, done);
    }

    /** The scenario's own throughput headline and fixed-deployment throughput, which a price or power move rescales. */
    record Base(double headline, double fixed, Objective objective, ServedRate served) {
    }

    /** The whole computation on the calling thread. */
    public static Result compute(Engine engine, Scenario s, double targetTps, double step) {
        return compute(engine, s, targetTps, step, Runnable::run, 1, () -> false, p -> { });
    }

    /** The best throughput per card at the target over every deployment of the scenario's chip; 0 when none reaches it. */
    public static double headline(Engine engine, Scenario s, double targetTps) {
        Headline.Answer a = Headline.best(engine, Space.explorer(s), targetTps);
        return a == null ? 0 : a.throughputPerCard();
    }

    /** The objective's best score at the target over every deployment of the scenario's chip; 0 when none. */
    public static double headline(Engine engine, Scenario s, double targetTps, Objective objective) {
        return headline(engine, s, targetTps, objective, null);
    }

    /** As {@link #headline(Engine, Scenario, double, Objective)}, {@code served} counting {@link Objective#SERVED}. */
    public static double headline(Engine engine, Scenario s, double targetTps, Objective objective, ServedRate served) {
        return objective.score(s.chip(), perCard(engine, s, targetTps, objective, served));
    }

    /**
     * The tokens/s per card the objective counts at the target, the deployment re-optimised: the decode headline, or
     * for {@link Objective#SERVED} the served workload's output over both pools; 0 when none reaches it.
     */
    public static double perCard(Engine engine, Scenario s, double targetTps, Objective objective, ServedRate served) {
        return objective == Objective.SERVED ? rate(served).best(s, targetTps) : headline(engine, s, targetTps);
    }

    /** What the objective counts for the deployment on screen as it is: its decode throughput, or served over both pools. */
    static double fixedPerCard(Engine engine, Scenario s, Objective objective, ServedRate served) {
        return objective == Objective.SERVED ? rate(served).fixed(s) : engine.summarize(s).throughputPerCard();
    }

    /** The served rate, which {@link Objective#SERVED} cannot go without. */
    static ServedRate rate(ServedRate served) {
        if (served == null) {
            throw new IllegalArgumentException("the served objective needs a served workload (input and output lengths)");
        }
        return served;
    }

    static Bar bar(Engine engine, Scenario s, Knob k, double targetTps, double step, Base base) {
        double current = k.of(s);
        return new Bar(k, current, move(engine, s, k, k.down(current, step), targetTps, base),
                move(engine, s, k, k.up(current, step), targetTps, base));
    }

    static Move move(Engine engine, Scenario s, Knob k, double value, double targetTps, Base base) {
        if (!k.accepts(value)) {
            return new Move(value, 0, 0, false, (Checks.number(value) + " " + k.unit()).strip() + " is outside ["
                    + Checks.number(k.min()) + ", " + Checks.number(k.max()) + "]");
        }
        Scenario moved;
        try {
            moved = k.with(s, value);
        } catch (IllegalArgumentException e) {
            return new Move(value, 0, 0, false, e.getMessage());
        }
        Objective o = base.objective();
        if (k.costOnly()) {
            return new Move(value, o.score(moved.chip(), base.headline()), o.score(moved.chip(), base.fixed()),
                    engine.summarize(s).fits(), null);
        }
        Summary at = engine.summarize(moved);
        double fixed = o == Objective.SERVED ? base.served().fixed(moved) : at.throughputPerCard();
        return new Move(value, headline(engine, moved, targetTps, o, base.served()), o.score(moved.chip(), fixed),
                at.fits(), null);
    }
}
