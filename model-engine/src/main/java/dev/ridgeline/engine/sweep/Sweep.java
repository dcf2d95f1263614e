package dev.ridgeline.engine.sweep;

import dev.ridgeline.engine.Engine;
import dev.ridgeline.engine.model.Deployment;
import dev.ridgeline.engine.model.Numerics;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.plan.Plan;
import dev.ridgeline.engine.plan.Summary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

/**
 * Evaluates many design points on the summary path, on every thread it is given: a list of scenarios whose batch
 * runs over a {@link Batches} range, so that each configuration's largest batch that fits is computed once and
 * batches beyond it are never evaluated. Results stream to the caller's {@link Listener} from the worker threads as
 * they are computed; a sweep can be cancelled between configurations and reports its progress. Stateless: a call
 * holds everything it needs.
 */
public final class Sweep {
    /** 1, 2, ..., {@link Scenario#MAX_BATCH}; never handed out, only copied. */
    private static final int[] ONE_TO_MAX = new int[Scenario.MAX_BATCH];

    static {
        for (int i = 0; i < ONE_TO_MAX.length; i++) {
            ONE_TO_MAX[i] = i + 1;
        }
    }

    /** {@link Batches#allThatFit()}: one instance, so that a search can tell it and read its batches without a copy. */
    private static final Batches ALL_THAT_FIT = (c, max) -> Arrays.copyOf(ONE_TO_MAX, Batches.allThatFitCount(max));

    private Sweep() {
    }

    /** Which batches of each configuration to evaluate. */
    public interface Batches {
        /**
         * The batches to evaluate, ascending, given the largest batch that fits (0 when none does).
         */
        int[] of(Scenario configuration, int maxBatch);

        /**
         * Every batch from 1 to the largest that fits, copied from one array of 1..{@link Scenario#MAX_BATCH} (a copy
         * needs no zeroing and no loop: a search asks this for every configuration of every cell of a map).
         */
        static Batches allThatFit() {
            return ALL_THAT_FIT;
        }

        /**
         * How many batches {@link #allThatFit()} gives for a largest batch that fits of {@code max}: batches 1 to this
         * count (a search that knows it reads them without the array: {@code Headline}).
         */
        static int allThatFitCount(int max) {
            return Math.max(0, Math.min(max, Scenario.MAX_BATCH));
        }

        /** Only the configuration's own batch, evaluated whether or not it fits. */
        static Batches asGiven() {
            return (c, max) -> new int[] {c.batchPerCard()};
        }
    }

    /** Receives each evaluated point, on a worker thread; must be thread-safe. */
    public interface Listener {
        /**
         * @param configuration the configuration (its batch field is the template's, not the point's)
         * @param batch         the batch of this point
         * @param maxBatch      the configuration's largest batch that fits
         * @param summary       the point's figures; valid only during the call (the worker reuses it)
         */
        void point(int index, Scenario configuration, int batch, int maxBatch, Summary summary);

        /**
         * After the configuration's last point, on the same worker: the plan that evaluated it and the worker's
         * result buffer, free to reuse during the call (the frontier searches the configuration's answer at its target
         * here, with the points just evaluated, instead of in a second pass that builds the plans again).
         */
        default void configurationDone(int index, Scenario configuration, Plan plan, int maxBatch, Summary scratch) {
        }
    }

    /** What a finished sweep did. */
    public record Outcome(long points, int configurations, boolean cancelled, long nanos) {
        public double pointsPerSecond() {
            return nanos > 0 ? points / (nanos / 1e9) : 0;
        }
    }

    /**
     * Runs the sweep on {@code threads} tasks of {@code executor} and returns when all are done or the sweep was
     * cancelled. Progress (0..1, configurations done) is reported from worker threads. An exception in a worker
     * stops the sweep and is rethrown here.
     *
     * @param configurations scenarios to evaluate, each with its own model, chip, fidelity, deployment and numerics
     */
    public static Outcome run(Engine engine, List<Scenario> configurations, Batches batches, Listener listener,
                              Executor executor, int threads, BooleanSupplier cancelled, DoubleConsumer progress) {
        long start = System.nanoTime();
        List<Integer> indices = new ArrayList<>(configurations.size());
        for (int i = 0; i < configurations.size(); i++) {
            indices.add(i);
        }
        List<Long> counts = Parallel.map(indices, Worker::new,
                (w, i) -> w.configuration(engine, i, configurations.get(i), batches, listener), executor, threads,
                cancelled, progress);
        long points = 0;
        int done = 0;
        for (Long c : counts) {
            if (c != null) {
                points += c;
                done++;
            }
        }
        return new Outcome(points, configurations.size(), done < configurations.size(), System.nanoTime() - start);
    }

    /** Runs on the calling thread alone. */
    public static Outcome run(Engine engine, List<Scenario> configurations, Batches batches, Listener listener) {
        return run(engine, configurations, batches, listener, Runnable::run, 1, () -> false, progress -> { });
    }

    /** A worker's reusable result and its last plan, kept while it serves the configurations it is given. */
    private static final class Worker {
        private final Summary summary = new Summary();
        private Plan plan;

        long configuration(Engine engine, int index, Scenario c, Batches batches, Listener listener) {
            if (plan == null || !plan.serves(c)) {
                plan = engine.plan(c);
            }
            Deployment d = c.deployment();
            Numerics n = c.numerics();
            int maxBatch = plan.maxBatch(d, n);
            int[] bs = batches.of(c, maxBatch);
            for (int b : bs) {
                plan.summarize(d, b, n, summary);
                listener.point(index, c, b, maxBatch, summary);
            }
            listener.configurationDone(index, c, plan, maxBatch, summary);
            return bs.length;
        }
    }
}
