package dev.ridgeline.engine.space;

import dev.ridgeline.engine.Engine;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.sweep.Parallel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

/**
 * The map between two fields (DESIGN 4b): the headline (the objective's best score at the target tokens/s per user,
 * the deployment re-optimised in each cell; {@link Objective#score}) over a grid of two knobs' values. Cells whose
 * values a chip refuses are NaN; cells where no deployment reaches the target (or the chip has no price or power for
 * the objective) are 0. A price or power axis changes no deployment's speed: its cells rescale the throughput of the
 * other axis's value, found once per value.
 */
public final class FieldMap {
    /** Cells per axis by default: odd, so that the current value is the middle one. */
    public static final int DEFAULT_CELLS = 41;
    /** Default reach of an axis: from the current value / 4 to x 4. */
    public static final double DEFAULT_FACTOR = 4;

    private FieldMap() {
    }

    /**
     * @param headline headline[j][i] at (xs[i], ys[j]): the objective's score (tokens/s per card for throughput)
     */
    public record Result(Scenario scenario, Knob x, Knob y, double[] xs, double[] ys, double[][] headline,
                         double targetTps, Objective objective, boolean cancelled) {
        /** A map of throughput per card. */
        public Result(Scenario scenario, Knob x, Knob y, double[] xs, double[] ys, double[][] headline, double targetTps,
                      boolean cancelled) {
            this(scenario, x, y, xs, ys, headline, targetTps, Objective.THROUGHPUT, cancelled);
        }

        /** The cell at the scenario's own values (the middle of a default axis), or -1 if not on the grid. */
        public int currentIndex(double[] axis, double value) {
            for (int i = 0; i < axis.length; i++) {
                if (axis[i] == value) {
                    return i;
                }
            }
            return -1;
        }
    }

    /**
     * {@code cells} values from {@code current / factor} to {@code current · factor}, evenly in ln, the current value
     * exactly in the middle (cells odd); whole numbers for integer knobs (repeats removed); clipped to the knob's range.
     */
    public static double[] axis(Knob k, double current, double factor, int cells) {
        if (cells < 3 || cells % 2 == 0) {
            throw new IllegalArgumentException("cells must be odd and >= 3, was " + cells);
        }
        int half = cells / 2;
        List<Double> out = new ArrayList<>();
        double base = current > 0 ? current : 1;
        for (int i = -half; i <= half; i++) {
            double v = i == 0 ? current : base * Math.pow(factor, i / (double) half);
            if (k.integer()) {
                v = Math.rint(v);
            }
            v = Math.max(k.min(), Math.min(k.max(), v));
            if (out.isEmpty() || v > out.get(out.size() - 1)) {
                out.add(v);
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    public static Result compute(Engine engine, Scenario s, Knob x, Knob y, double[] xs, double[] ys, double targetTps,
                                 Executor executor, int threads, BooleanSupplier cancelled, DoubleConsumer progress) {
        return compute(engine, s, x, y, xs, ys, targetTps, Objective.THROUGHPUT, executor, threads, cancelled, progress);
    }

    public static Result compute(Engine engine, Scenario s, Knob x, Knob y, double[] xs, double[] ys, double targetTps,
                                 Objective objective, Executor executor, int threads, BooleanSupplier cancelled,
                                 DoubleConsumer progress) {
        return compute(engine, s, x, y, xs, ys, targetTps, objective, null, executor, threads, cancelled, progress);
    }

    /** @param served what {@link Objective#SERVED} counts (its workload); unused by the other objectives (may be null) */
    public static Result compute(Engine engine, Scenario s, Knob x, Knob y, double[] xs, double[] ys, double targetTps,
                                 Objective objective, ServedRate served, Executor executor, int threads,
                                 BooleanSupplier cancelled, DoubleConsumer progress) {
        if (objective == Objective.SERVED) {
            Sensitivity.rate(served); // refused here, not cell by cell
        }
        if (x.costOnly() && y.costOnly()) {
            // neither axis changes a deployment's speed: one headline serves every cell
            double throughput = Sensitivity.perCard(engine, s, targetTps, objective, served);
            return grid(s, x, y, xs, ys, targetTps, objective, (i, j) -> costCell(s, x, xs[i], y, ys[j], objective, throughput),
                    executor, threads, cancelled, progress);
        }
        if (x.costOnly() || y.costOnly()) {
            // the speed axis alone is swept (a column of headlines), the cost axis rescales it
            boolean xCost = x.costOnly();
            Knob speed = xCost ? y : x;
            double[] speeds = xCost ? ys : xs;
            List<Double> throughput = Parallel.map(indices(speeds.length),
                    n -> speedHeadline(engine, s, speed, speeds[n], targetTps, objective, served), executor, threads,
                    cancelled, progress);
            return grid(s, x, y, xs, ys, targetTps, objective, (i, j) -> {
                Double t = throughput.get(xCost ? j : i);
                return t == null ? Double.NaN : costCell(s, x, xs[i], y, ys[j], objective, t);
            }, Runnable::run, 1, cancelled, p -> { });
        }
        if (objective != Objective.SERVED && MapSearch.monotone(x) && MapSearch.monotone(y)) {
            // two speed fields: each cell's search bounded by its faster neighbours' (the same headlines, far fewer runs)
            double[][] perCard = MapSearch.perCard(engine, s, x, xs, y, ys, targetTps, executor, threads, cancelled,
                    progress);
            return grid(s, x, y, xs, ys, targetTps, objective,
                    (i, j) -> costCell(s, x, xs[i], y, ys[j], objective, perCard[j][i]), Runnable::run, 1, cancelled,
                    p -> { });
        }
        return bruteForce(engine, s, x, y, xs, ys, targetTps, objective, served, executor, threads, cancelled, progress);
    }

    /** Every cell's headline searched on its own: what {@link MapSearch} must equal, and the rule for other fields. */
    static Result bruteForce(Engine engine, Scenario s, Knob x, Knob y, double[] xs, double[] ys, double targetTps,
                             Objective objective, ServedRate served, Executor executor, int threads,
                             BooleanSupplier cancelled, DoubleConsumer progress) {
        return grid(s, x, y, xs, ys, targetTps, objective,
                (i, j) -> cell(engine, s, x, xs[i], y, ys[j], targetTps, objective, served), executor, threads, cancelled,
                progress);
    }

    /** A cell's value from its indices along x and y. */
    private interface Cell {
        double at(int i, int j);
    }

    private static Result grid(Scenario s, Knob x, Knob y, double[] xs, double[] ys, double targetTps,
                               Objective objective, Cell value, Executor executor, int threads,
                               BooleanSupplier cancelled, DoubleConsumer progress) {
        List<int[]> cells = new ArrayList<>();
        for (int j = 0; j < ys.length; j++) {
            for (int i = 0; i < xs.length; i++) {
                cells.add(new int[] {i, j});
            }
        }
        List<Double> values = Parallel.map(cells, c -> value.at(c[0], c[1]), executor, threads, cancelled, progress);
        double[][] headline = new double[ys.length][xs.length];
        boolean incomplete = false;
        for (int n = 0; n < cells.size(); n++) {
            Double v = values.get(n);
            incomplete |= v == null;
            headline[cells.get(n)[1]][cells.get(n)[0]] = v == null ? Double.NaN : v;
        }
        return new Result(s, x, y, xs, ys, headline, targetTps, objective, incomplete || cancelled.getAsBoolean());
    }

    private static List<Integer> indices(int n) {
        List<Integer> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(i);
        }
        return out;
    }

    /** The per-card headline with one speed knob set; null-free: NaN when the chip refuses the value. */
    private static double speedHeadline(Engine engine, Scenario s, Knob k, double v, double targetTps,
                                        Objective objective, ServedRate served) {
        try {
            return Sensitivity.perCard(engine, k.with(s, v), targetTps, objective, served);
        } catch (IllegalArgumentException e) {
            return Double.NaN;
        }
    }

    /** The objective's score with both knobs set, the throughput known; NaN when a chip refuses the pair. */
    private static double costCell(Scenario s, Knob x, double xv, Knob y, double yv, Objective objective,
                                   double throughput) {
        if (Double.isNaN(throughput)) {
            return Double.NaN;
        }
        try {
            return objective.score(y.with(x.with(s, xv), yv).chip(), throughput);
        } catch (IllegalArgumentException e) {
            return Double.NaN;
        }
    }

    /** The headline with both knobs set; NaN when a chip refuses the pair. */
    static double cell(Engine engine, Scenario s, Knob x, double xv, Knob y, double yv, double targetTps,
                       Objective objective, ServedRate served) {
        Scenario moved;
        try {
            moved = y.with(x.with(s, xv), yv);
        } catch (IllegalArgumentException e) {
            return Double.NaN;
        }
        return Sensitivity.headline(engine, moved, targetTps, objective, served);
    }
}
