package dev.ridgeline.engine.sweep;

import dev.ridgeline.engine.Engine;
import dev.ridgeline.engine.model.Dtype;
import dev.ridgeline.engine.model.Policy;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.plan.Plan;
import dev.ridgeline.engine.plan.Summary;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The engine's speed, measured in process (the {@code bench} command; JMH measures the same kernels): design points
 * per second on the summary path, the detailed evaluation, and a sweep on every core. The points vary batch, EP,
 * policy, dtypes and MTP depth around a base scenario (and, in calibrated fidelity, attention TP and EPLB), so no
 * result is constant.
 */
public final class SpeedProbe {
    /** Deployments cycled through per measurement. */
    public static final int VARIANTS = 64;
    private static volatile double sink;

    private SpeedProbe() {
    }

    /**
     * {@link #VARIANTS} deployments around {@code base}, every one differing from the last in batch, EP, policy and
     * more: the harder order for the processor's branch predictor (no two successive points alike).
     */
    public static Scenario[] variants(Scenario base) {
        int[] eps = {128, 144, 256, 320};
        Scenario[] out = new Scenario[VARIANTS];
        for (int i = 0; i < VARIANTS; i++) {
            int mtp = base.model().mtpModules() > 0 ? (i / 16) % 2 : 0;
            Scenario v = base.withBatch(8 + 8 * (i % 16)).withEp(eps[i % 4])
                    .withPolicy(i % 8 < 4 ? Policy.DUAL_MICRO_BATCH : Policy.NAIVE)
                    .withKvDtype(i % 3 == 0 ? Dtype.BF16 : Dtype.FP8).withMtp(mtp, base.mtpAcceptance());
            // calibrated fidelity's layouts and balancer too (DESIGN 3.10): attention TP2 on a quarter, no EPLB on a sixth
            if (Plan.rules(base).modelsLayoutsAndBalance()) {
                v = v.withLayout(i % 4 == 1 && base.chip().scaleUpDomain() >= 2 ? 2 : 1, 1).withEplb(i % 6 != 0);
            }
            out[i] = v;
        }
        return out;
    }

    /**
     * The same {@link #VARIANTS} kinds of deployment in a sweep's order: the batch varies fastest (16 batches per
     * configuration), as {@link Sweep} and the headline's bisection evaluate them.
     */
    public static Scenario[] sweepOrder(Scenario base) {
        Scenario[] mixed = variants(base);
        Scenario[] out = mixed.clone();
        java.util.Arrays.sort(out, java.util.Comparator.comparingInt(Scenario::ep)
                .thenComparing(Scenario::policy).thenComparing(Scenario::kvDtype).thenComparingInt(Scenario::mtpDepth)
                .thenComparingInt(Scenario::batchPerCard));
        return out;
    }

    /** Summary-path evaluations per second on this thread in a sweep's order, over about {@code seconds}. */
    public static double summaryPerSecond(Engine engine, Scenario base, double seconds) {
        return summaryPerSecond(engine, sweepOrder(base), seconds);
    }

    /** Summary-path evaluations per second on this thread over the given points, cycled for about {@code seconds}. */
    public static double summaryPerSecond(Engine engine, Scenario[] v, double seconds) {
        Scenario base = v[0];
        Plan plan = engine.plan(base);
        Summary out = new Summary();
        long count = 0;
        double acc = 0;
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        while (System.nanoTime() < deadline) {
            for (int r = 0; r < 256; r++) {
                for (Scenario s : v) {
                    plan.summarize(s.deployment(), s.numerics(), out);
                    acc += out.userTokensPerSec();
                }
            }
            count += 256L * VARIANTS;
        }
        sink = acc;
        return count / ((System.nanoTime() - start) / 1e9);
    }

    /** Detailed evaluations per second on this thread, over about {@code seconds}. */
    public static double detailedPerSecond(Engine engine, Scenario base, double seconds) {
        Scenario[] v = variants(base);
        long count = 0;
        double acc = 0;
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        while (System.nanoTime() < deadline) {
            for (Scenario s : v) {
                acc += engine.evaluate(s).userTokensPerSec();
            }
            count += VARIANTS;
        }
        sink = acc;
        return count / ((System.nanoTime() - start) / 1e9);
    }

    /** Sweep points per second on every core: each variant's batches 1..max that fits, repeated for about {@code seconds}. */
    public static double sweepPointsPerSecond(Engine engine, Scenario base, double seconds) {
        int threads = Runtime.getRuntime().availableProcessors();
        List<Scenario> configs = new ArrayList<>(List.of(variants(base)));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "speed-probe");
            t.setDaemon(true);
            return t;
        });
        try {
            long points = 0;
            long start = System.nanoTime();
            long deadline = start + (long) (seconds * 1e9);
            double[] acc = new double[1];
            while (System.nanoTime() < deadline) {
                points += Sweep.run(engine, configs, Sweep.Batches.allThatFit(),
                        (i, c, b, max, s) -> acc[0] += 0 * s.userTokensPerSec(), pool, threads, () -> false,
                        p -> { }).points();
            }
            sink = acc[0];
            return points / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }
}
