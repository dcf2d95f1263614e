package dev.ridgeline.engine.space;

import dev.ridgeline.engine.Engine;
import dev.ridgeline.engine.TokenCost;
import dev.ridgeline.engine.model.Chip;
import dev.ridgeline.engine.model.Scenario;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

/**
 * Chip against chip, best against best (DESIGN 4d): each chip at its own best deployment at the target tokens/s per
 * user (the {@link Headline} over {@link Space#explorer} of the scenario with that chip: same model, NIC, context and
 * fidelity), then ranked on throughput per card, per dollar and per watt. A chip that reaches no deployment, or lacks
 * the price or power an objective needs, ranks last on it and says why.
 */
public final class ChipComparison {
    private ChipComparison() {
    }

    /**
     * One chip at its best deployment.
     *
     * @param answer its best deployment at the target; null when none reaches it
     */
    public record Row(Chip chip, Headline.Answer answer) {
        /** The objective's score ({@link Objective#score}); 0 when no deployment reaches the target or an input is missing. */
        public double score(Objective o) {
            return answer == null ? 0 : o.score(chip, answer.throughputPerCard());
        }

        /** Dollars and joules per output token at the best deployment; null when none reaches the target. */
        public TokenCost tokenCost() {
            return answer == null ? null : new TokenCost(chip.cost(), answer.throughputPerCard());
        }

        /** Why this row has no score on {@code o}: no deployment reaches the target, or no price or power; else null. */
        public String missing(Objective o, double targetTps) {
            if (answer == null) {
                return "no deployment reaches " + dev.ridgeline.engine.model.Checks.number(targetTps) + " tokens/s per user";
            }
            return o.available(chip) ? null : o.missing(chip);
        }

        /**
         * The price per card-hour at which this chip's dollars per million output tokens would equal {@code figure}
         * (a rival's): {@code $/Mtok · tokens/s · 3600 / 10^6}. Only for a row with an answer.
         */
        public double breakEvenDollarsPerHour(double dollarsPerMillion) {
            return dollarsPerMillion * answer.throughputPerCard() * 3600 / 1e6;
        }
    }

    /** The rows in the order the chips were given. */
    public record Result(Scenario base, double targetTps, Objective objective, List<Row> rows, boolean cancelled) {
        public Result {
            rows = List.copyOf(rows);
        }

        /** The rows best first on {@code o} (rows without a score last, in the given order). */
        public List<Row> ranked(Objective o) {
            List<Row> out = new ArrayList<>(rows);
            out.sort(Comparator.comparingDouble((Row r) -> r.score(o)).reversed());
            return out;
        }

        /** The best row on {@code o}; null when no row has a score. */
        public Row winner(Objective o) {
            Row best = ranked(o).isEmpty() ? null : ranked(o).get(0);
            return best == null || best.score(o) <= 0 ? null : best;
        }
    }

    /**
     * Each chip's best deployment at {@code targetTps}, swept on {@code threads} tasks of {@code executor}; a
     * cancelled run returns the chips it finished, marked cancelled.
     */
    public static Result compute(Engine engine, Scenario base, List<Chip> chips, double targetTps, Objective objective,
                                 Executor executor, int threads, BooleanSupplier cancelled, DoubleConsumer progress) {
        if (chips.isEmpty()) {
            throw new IllegalArgumentException("no chips to compare");
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < chips.size() && !cancelled.getAsBoolean(); i++) {
            Chip c = chips.get(i);
            Headline.Answer a = Headline.best(engine, Space.explorer(base.withChip(c)), targetTps, executor, threads,
                    cancelled);
            rows.add(new Row(c, a));
            progress.accept((i + 1) / (double) chips.size());
        }
        return new Result(base, targetTps, objective, rows, rows.size() < chips.size() || cancelled.getAsBoolean());
    }

    /** The whole comparison on the calling thread. */
    public static Result compute(Engine engine, Scenario base, List<Chip> chips, double targetTps, Objective objective) {
        return compute(engine, base, chips, targetTps, objective, Runnable::run, 1, () -> false, p -> { });
    }
}
