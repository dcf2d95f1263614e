package dev.ridgeline.engine.space;

import dev.ridgeline.engine.Engine;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.plan.Plan;
import dev.ridgeline.engine.plan.Summary;
import dev.ridgeline.engine.sweep.Sweep;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

/**
 * The throughput-interactivity frontier (DESIGN 4b): every deployment of a {@link Space} as throughput per card
 * against tokens/s per user, the Pareto frontier of those points, and the best deployment at a target tokens/s per
 * user (the {@link Headline}, over every batch that fits).
 */
public final class Frontier {
    private Frontier() {
    }

    /** One deployment: its configuration's index in the space, its batch and headline figures. */
    public record Point(int configuration, int batch, double userTokensPerSec, double throughputPerCard) {
    }

    /**
     * @param points     every evaluated deployment
     * @param frontier   the points no other point dominates (at least as fast per user and per card, one of them
     *                   strictly), ascending in tokens/s per user
     * @param answer     the best deployment at {@code targetTps}; null when none reaches it
     */
    public record Result(Space space, List<Point> points, List<Point> frontier, double targetTps, Headline.Answer answer,
                         boolean cancelled) {
        public Result {
            points = List.copyOf(points);
            frontier = List.copyOf(frontier);
        }

        /** The configuration (without its batch) of a point. */
        public Scenario configuration(Point p) {
            return space.configurations().get(p.configuration());
        }

        /** The full deployment of a point. */
        public Scenario deployment(Point p) {
            return configuration(p).withBatch(p.batch());
        }
    }

    /**
     * Sweeps {@code space} on {@code threads} tasks of {@code executor}, then finds the frontier and the answer at the
     * target over every batch that fits. A cancelled run returns what it had, marked cancelled.
     *
     * <p>Each configuration's answer is searched by the worker that swept it, right after its points, with the same
     * plan and starting from those points ({@link Headline#bestOf(Plan, Scenario, int, int, List, double, Summary)}):
     * the same answer as {@link Headline#best} over the space with every batch that fits (FrontierAnswerTest), without
     * a second pass that builds the plans again and waits for the slowest worker twice. A configuration whose answer
     * cannot reach the best throughput per card of the answers found before it is left unanswered, which the answer at
     * the target does not depend on ({@link Headline#bestOf(Plan, Scenario, int, int, List, double, Summary, double)}).
     */
    public static Result compute(Engine engine, Space space, double targetTps, Executor executor, int threads,
                                 BooleanSupplier cancelled, DoubleConsumer progress) {
        int n = space.configurations().size();
        @SuppressWarnings("unchecked")
        List<Point>[] perConfiguration = new List[n];
        Headline.Answer[] answers = new Headline.Answer[n];
        // the best throughput per card of the answers found so far: a configuration that cannot reach it cannot win
        AtomicLong floor = new AtomicLong(Double.doubleToLongBits(Double.NEGATIVE_INFINITY));
        // Sweep gives each configuration to one worker, so each list has one writer; the sweep's end publishes them.
        Sweep.Outcome outcome = Sweep.run(engine, space.configurations(), space.batches(), new Sweep.Listener() {
            @Override
            public void point(int i, Scenario c, int b, int max, Summary s) {
                if (perConfiguration[i] == null) {
                    perConfiguration[i] = new ArrayList<>();
                }
                perConfiguration[i].add(new Point(i, b, s.userTokensPerSec(), s.throughputPerCard()));
            }

            @Override
            public void configurationDone(int i, Scenario c, Plan plan, int max, Summary scratch) {
                Headline.Answer a = Headline.bestOf(plan, c, i, max, perConfiguration[i], targetTps, scratch,
                        Double.longBitsToDouble(floor.get()));
                answers[i] = a;
                if (a != null) {
                    raise(floor, a.throughputPerCard());
                }
            }
        }, executor, threads, cancelled, progress);
        int total = 0;
        for (List<Point> list : perConfiguration) {
            total += list == null ? 0 : list.size();
        }
        List<Point> points = new ArrayList<>(total);
        for (List<Point> list : perConfiguration) {
            if (list != null) {
                points.addAll(list);
            }
        }
        Headline.Answer answer = outcome.cancelled() ? null : Headline.bestOf(Arrays.asList(answers));
        return new Result(space, points, pareto(points), targetTps, answer, outcome.cancelled() || cancelled.getAsBoolean());
    }

    /** Raises {@code floor} (a double's bits) to {@code value} if it is higher. */
    private static void raise(AtomicLong floor, double value) {
        for (long bits = floor.get(); value > Double.longBitsToDouble(bits); bits = floor.get()) {
            if (floor.compareAndSet(bits, Double.doubleToLongBits(value))) {
                return;
            }
        }
    }

    /** The whole computation on the calling thread. */
    public static Result compute(Engine engine, Space space, double targetTps) {
        return compute(engine, space, targetTps, Runnable::run, 1, () -> false, p -> { });
    }

    /**
     * The Pareto frontier: scanning from the highest tokens/s per user down (ties: higher throughput first), a point
     * is kept when its throughput per card beats every point scanned before it. Ascending in tokens/s per user.
     *
     * <p>Before the sort, an exact filter in one pass drops most points: the points are bucketed by tokens/s per user
     * (the bucket index never decreases as tokens/s per user grows), and a point whose throughput is at most the best
     * throughput of a higher bucket is dominated by that point (strictly faster per user, at least as fast per card),
     * so the scan would drop it too. Only the few points left are sorted.
     */
    public static List<Point> pareto(List<Point> points) {
        List<Point> sorted = candidates(points);
        sorted.sort((p, q) -> {
            int byUser = Double.compare(q.userTokensPerSec(), p.userTokensPerSec());
            return byUser != 0 ? byUser : Double.compare(q.throughputPerCard(), p.throughputPerCard());
        });
        List<Point> out = new ArrayList<>();
        double best = Double.NEGATIVE_INFINITY;
        for (Point p : sorted) {
            if (p.throughputPerCard() > best) {
                out.add(p);
                best = p.throughputPerCard();
            }
        }
        java.util.Collections.reverse(out);
        return out;
    }

    /** The points the bucket filter of {@link #pareto} keeps, in their order; all of them when one is not finite. */
    static List<Point> candidates(List<Point> points) {
        int n = points.size();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Point p : points) {
            double x = p.userTokensPerSec();
            if (!Double.isFinite(x) || !Double.isFinite(p.throughputPerCard())) {
                return new ArrayList<>(points);
            }
            lo = Math.min(lo, x);
            hi = Math.max(hi, x);
        }
        int buckets = Math.max(1, Math.min(4096, n / 8));
        if (n == 0 || !(hi > lo) || buckets == 1) {
            return new ArrayList<>(points);
        }
        double perUnit = (buckets - 1) / (hi - lo);
        int[] bucket = new int[n];
        double[] top = new double[buckets + 1];
        java.util.Arrays.fill(top, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < n; i++) {
            Point p = points.get(i);
            bucket[i] = (int) ((p.userTokensPerSec() - lo) * perUnit);
            top[bucket[i]] = Math.max(top[bucket[i]], p.throughputPerCard());
        }
        // above[k]: the best throughput of the buckets above k
        double[] above = new double[buckets + 1];
        above[buckets] = Double.NEGATIVE_INFINITY;
        for (int k = buckets - 1; k >= 0; k--) {
            above[k] = Math.max(above[k + 1], top[k + 1]);
        }
        List<Point> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Point p = points.get(i);
            if (p.throughputPerCard() > above[bucket[i]]) {
                out.add(p);
            }
        }
        return out;
    }
}
