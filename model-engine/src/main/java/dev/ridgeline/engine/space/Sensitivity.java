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
 * modelling assumptions, moved down and up by a step (default ±10 %); for each move the headline (the best throughput
 * per card at the target tokens/s per user, the deployment re-optimised over {@link Space#explorer}) and the
 * throughput per card at the fixed deployment on screen. Bars sorted by the headline's largest change.
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
     * @param headline the best throughput per card at the target for the scenario as it is (0 when none reaches it)
     * @param fixed    the throughput per card of the deployment on screen
     */
    public record Result(Scenario scenario, double targetTps, double step, double headline, double fixed, List<Bar> bars) {
        public Result {
            bars = List.copyOf(bars);
        }
    }

    /** Every knob of the sensitivity: the chip and NIC fields, the FA3 mode, the assumptions. */
    public static List<Knob> knobs() {
        List<Knob> out = new ArrayList<>(Knob.fields());
        out.add(Knob.FA3);
        out.addAll(Knob.assumptions());
        return out;
    }

    public static Result compute(Engine engine, Scenario s, double targetTps, double step, Executor executor, int threads,
                                 BooleanSupplier cancelled, DoubleConsumer progress) {
        if (!(step > 0 && step < 1)) {
            throw new IllegalArgumentException("step must be in (0, 1), was " + step);
        }
        double headline = headline(engine, s, targetTps);
        double fixed = engine.summarize(s).throughputPerCard();
        List<Knob> knobs = knobs().stream().filter(k -> !k.absentIn(s)).toList();
        List<Bar> bars = Parallel.map(knobs, k -> bar(engine, s, k, targetTps, step), executor, threads, cancelled,
                progress);
        List<Bar> done = new ArrayList<>();
        for (Bar b : bars) {
            if (b != null) {
                done.add(b);
            }
        }
        done.sort(Comparator.comparingDouble((Bar b) -> b.swing(headline)).reversed());
        return new Result(s, targetTps, step, headline, fixed, done);
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

    static Bar bar(Engine engine, Scenario s, Knob k, double targetTps, double step) {
        double current = k.of(s);
        return new Bar(k, current, move(engine, s, k, k.down(current, step), targetTps),
                move(engine, s, k, k.up(current, step), targetTps));
    }

    static Move move(Engine engine, Scenario s, Knob k, double value, double targetTps) {
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
        Summary at = engine.summarize(moved);
        return new Move(value, headline(engine, moved, targetTps), at.throughputPerCard(), at.fits(), null);
    }
}
