package dev.ridgeline.engine.space;

import dev.ridgeline.engine.Engine;
import dev.ridgeline.engine.model.FieldId;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.plan.Plan;
import dev.ridgeline.engine.plan.Summary;
import dev.ridgeline.engine.sweep.Parallel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

/**
 * The headline throughput per card over a grid of two speed fields ({@link FieldMap}'s cells), each cell's search
 * bounded by its faster neighbours'. More of a rate, a bandwidth or memory (less of a latency) never lowers what a
 * configuration of the explorer's space delivers at the target (ScenarioInvariantsTest: a faster chip never lowers
 * tokens/s per user nor per card; the largest batch meeting the target only grows). So a configuration's best in a
 * cell is at most its best in the cell one step faster along either axis: cells are computed from the fastest corner
 * out, one anti-diagonal at a time (its cells on both cores), and in each cell a configuration is searched only when
 * that bound could reach the cell's best so far. About 1 % of the (cell, configuration) searches remain.
 *
 * <p>The per-configuration bound holds to rounding and to the rare batch where one more sequence lowers the throughput
 * per card by a hair (seen up to 2e-4 of it): a configuration is skipped only when its bound is more than 2 %
 * ({@link #MARGIN}) below the best already found, a hundredfold that. Every cell's value is then the brute-force
 * search's to the bit (MapSearchTest compares them cell by cell). A cell whose configurations differ from its
 * neighbours' (an FP4 rate appearing adds NVFP4 experts) is searched in full; one whose chip has a neighbour's shape
 * ({@link Space#chipShape}) takes that neighbour's configurations instead of building its own hundreds of scenarios.
 */
final class MapSearch {
    /** A configuration is skipped when its bound times (1 + this) is below the cell's best so far. */
    static final double MARGIN = 0.02;

    private MapSearch() {
    }

    /**
     * Whether a field's effect on every deployment's speed has one direction: a chip rate, bandwidth, capacity or
     * latency, or the NIC's bandwidth. Not the scale-up domain (a larger one moves traffic from the NIC to the scale-up
     * links, which may be the slower), nor a stepped mode, nor a price or power (no speed at all).
     */
    static boolean monotone(Knob k) {
        return (k.kind() == Knob.Kind.CHIP || k.kind() == Knob.Kind.NIC) && !k.stepped()
                && k.id() != FieldId.SCALE_UP_DOMAIN;
    }

    /**
     * One cell: the chip shape of its scenario ({@link Space#chipShape}; null when a chip refuses its values), its
     * space (a faster neighbour's when the shapes are equal: the same configurations but for the chip, which the
     * cell's plan supplies) and each configuration's best or bound.
     */
    private record Cell(List<Object> shape, Space space, double[] best, double headline) {
        static final Cell REFUSED = new Cell(null, null, null, Double.NaN);
    }

    /** A worker's result buffer. */
    private static final class Worker {
        final Summary summary = new Summary();
    }

    /**
     * perCard[j][i]: the headline throughput per card at (xs[i], ys[j]) (0 when no deployment reaches the target; NaN
     * when a chip refuses the values, or the computation was cancelled before the cell).
     */
    static double[][] perCard(Engine engine, Scenario s, Knob x, double[] xs, Knob y, double[] ys, double targetTps,
                              Executor executor, int threads, BooleanSupplier cancelled, DoubleConsumer progress) {
        int nx = xs.length;
        int ny = ys.length;
        // distance from the fastest corner along each axis: the faster neighbour is one step nearer it
        int fx = x.higherIsBetter() ? 1 : -1;
        int fy = y.higherIsBetter() ? 1 : -1;
        Cell[][] cells = new Cell[ny][nx];
        double[][] out = new double[ny][nx];
        for (double[] row : out) {
            java.util.Arrays.fill(row, Double.NaN);
        }
        AtomicInteger done = new AtomicInteger();
        int total = nx * ny;
        List<int[]> previous = List.of();
        for (int d = 0; d <= nx + ny - 2 && !cancelled.getAsBoolean(); d++) {
            List<int[]> diagonal = new ArrayList<>();
            for (int a = 0; a < nx; a++) {
                int b = d - a;
                if (b >= 0 && b < ny) {
                    diagonal.add(new int[] {fx > 0 ? nx - 1 - a : a, fy > 0 ? ny - 1 - b : b});
                }
            }
            List<Cell> computed = Parallel.map(diagonal, Worker::new, (w, c) -> {
                int i = c[0];
                int j = c[1];
                Cell faster1 = inGrid(i + fx, nx) ? cells[j][i + fx] : null;
                Cell faster2 = inGrid(j + fy, ny) ? cells[j + fy][i] : null;
                Cell cell = cell(engine, x, xs[i], y, ys[j], s, targetTps, w, faster1, faster2);
                progress.accept(done.incrementAndGet() / (double) total);
                return cell;
            }, executor, threads, cancelled, p -> { });
            for (int n = 0; n < diagonal.size(); n++) {
                Cell c = computed.get(n);
                int[] at = diagonal.get(n);
                cells[at[1]][at[0]] = c;
                out[at[1]][at[0]] = c == null ? Double.NaN : c.headline();
            }
            // the diagonal before this one is no longer needed (a cell holds a best per configuration)
            for (int[] at : previous) {
                cells[at[1]][at[0]] = null;
            }
            previous = diagonal;
        }
        return out;
    }

    private static boolean inGrid(int i, int n) {
        return i >= 0 && i < n;
    }

    private static Cell cell(Engine engine, Knob x, double xv, Knob y, double yv, Scenario s, double targetTps,
                             Worker w, Cell faster1, Cell faster2) {
        Scenario moved;
        try {
            moved = y.with(x.with(s, xv), yv);
        } catch (IllegalArgumentException e) {
            return Cell.REFUSED;
        }
        List<Object> shape = Space.chipShape(moved);
        Cell[] alike = {alike(shape, faster1), alike(shape, faster2)};
        Space space = alike[0] != null ? alike[0].space() : alike[1] != null ? alike[1].space() : Space.explorer(moved);
        Plan plan = engine.plan(moved); // a configuration changes the deployment and numbers, never what a plan reads
        int size = space.configurations().size();
        double[] bound = bound(size, alike);
        double[] best = new double[size];
        double headline = 0;
        int first = -1;
        if (bound != null) {
            // the configuration with the highest bound first (usually the faster cell's winner): a high best early
            first = 0;
            for (int k = 1; k < size; k++) {
                if (bound[k] > bound[first]) {
                    first = k;
                }
            }
            best[first] = search(plan, space, first, targetTps, w);
            headline = best[first];
        }
        for (int k = 0; k < size; k++) {
            if (k == first) {
                continue;
            }
            if (bound != null && (bound[k] == 0 || bound[k] * (1 + MARGIN) < headline)) {
                best[k] = bound[k]; // not searched: its bound stands for it in the slower cells
            } else {
                best[k] = search(plan, space, k, targetTps, w);
                headline = Math.max(headline, best[k]);
            }
        }
        return new Cell(shape, space, best, headline);
    }

    /** A configuration's best throughput per card at the target on {@code plan}'s chip; 0 when even batch 1 misses. */
    private static double search(Plan plan, Space space, int k, double targetTps, Worker w) {
        Headline.Answer a = Headline.bestOf(plan, space.configurations().get(k), k, space, targetTps, w.summary);
        return a == null ? 0 : a.throughputPerCard();
    }

    /** {@code n} when it was computed and has the same chip shape, else null. */
    private static Cell alike(List<Object> shape, Cell n) {
        return n != null && n.best() != null && shape.equals(n.shape()) ? n : null;
    }

    /**
     * Each configuration's bound from the faster neighbours alike (the smaller of the two), or null when neither is:
     * the cell is then searched in full.
     */
    private static double[] bound(int size, Cell[] alike) {
        double[] out = null;
        for (Cell n : alike) {
            if (n == null) {
                continue;
            }
            if (out == null) {
                out = n.best().clone();
            } else {
                for (int k = 0; k < size; k++) {
                    out[k] = Math.min(out[k], n.best()[k]);
                }
            }
        }
        return out;
    }
}
