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
 * The map between two fields (DESIGN 4b): the headline (best throughput per card at the target tokens/s per user,
 * the deployment re-optimised in each cell) over a grid of two knobs' values. Cells whose values a chip refuses are
 * NaN; cells where no deployment reaches the target are 0.
 */
public final class FieldMap {
    /** Cells per axis by default: odd, so that the current value is the middle one. */
    public static final int DEFAULT_CELLS = 41;
    /** Default reach of an axis: from the current value / 4 to x 4. */
    public static final double DEFAULT_FACTOR = 4;

    private FieldMap() {
    }

    /**
     * @param headline headline[j][i] at (xs[i], ys[j]), tokens/s per card
     */
    public record Result(Scenario scenario, Knob x, Knob y, double[] xs, double[] ys, double[][] headline,
                         double targetTps, boolean cancelled) {
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
        List<int[]> cells = new ArrayList<>();
        for (int j = 0; j < ys.length; j++) {
            for (int i = 0; i < xs.length; i++) {
                cells.add(new int[] {i, j});
            }
        }
        List<Double> values = Parallel.map(cells, c -> cell(engine, s, x, xs[c[0]], y, ys[c[1]], targetTps), executor,
                threads, cancelled, progress);
        double[][] headline = new double[ys.length][xs.length];
        boolean incomplete = false;
        for (int n = 0; n < cells.size(); n++) {
            Double v = values.get(n);
            incomplete |= v == null;
            headline[cells.get(n)[1]][cells.get(n)[0]] = v == null ? Double.NaN : v;
        }
        return new Result(s, x, y, xs, ys, headline, targetTps, incomplete);
    }

    /** The headline with both knobs set; NaN when a chip refuses the pair. */
    static double cell(Engine engine, Scenario s, Knob x, double xv, Knob y, double yv, double targetTps) {
        Scenario moved;
        try {
            moved = y.with(x.with(s, xv), yv);
        } catch (IllegalArgumentException e) {
            return Double.NaN;
        }
        return Sensitivity.headline(engine, moved, targetTps);
    }
}
