package dev.ridgeline.engine.report;

import dev.ridgeline.engine.Engine;
import dev.ridgeline.engine.model.Deployment;
import dev.ridgeline.engine.model.Dtype;
import dev.ridgeline.engine.model.Numerics;
import dev.ridgeline.engine.model.Policy;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.plan.Plan;
import dev.ridgeline.engine.plan.Summary;
import dev.ridgeline.engine.sweep.Sweep;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Executor;

/**
 * The design space of DESIGN 4b, done directly on the engine for the report until the shared design-space package
 * ({@code dev.ridgeline.engine.space}) lands; the report's frontier and sensitivity sections call only
 * {@link #frontier} and {@link #headline}, so switching them over is local.
 *
 * <p>Every deployment of the scenario's model, chip, NIC and context: EP from a fixed ladder (and the scenario's own)
 * up to twice the routed experts, both policies, KV and weight dtypes, MTP 0-3 when the model has an MTP module,
 * DeepGEMM promotion on and off on chips that need it, every batch from 1 to the largest that fits.
 */
public final class InterimSpace {
    private static final int[] EP_LADDER = {1, 2, 4, 8, 16, 32, 64, 128, 144, 256, 320};

    private InterimSpace() {
    }

    /** One deployment and its headline figures. */
    public record Point(Scenario scenario, double userTokensPerSec, double throughputPerCard) {
    }

    /**
     * The frontier of the space.
     *
     * @param evaluated every point the sweep evaluated
     * @param cloud     a thinned cloud for drawing: one point per cell of a log grid (20 cells a decade across, 14 up)
     * @param pareto    the Pareto-optimal points (no other has both more tokens/s per user and per card), by
     *                  ascending tokens/s per user
     * @param best      the most throughput per card among points with at least the target tokens/s per user; null
     *                  when none reaches it
     */
    public record Frontier(long evaluated, List<Point> cloud, List<Point> pareto, Point best, double target) {
    }

    /** The deployments (batch = the template's) the space covers. */
    public static List<Scenario> configurations(Scenario s) {
        TreeSet<Integer> eps = new TreeSet<>();
        for (int ep : EP_LADDER) {
            if (ep <= 2 * s.model().routedExperts()) {
                eps.add(ep);
            }
        }
        eps.add(s.ep());
        int maxMtp = s.model().mtpModules() > 0 ? 3 : 0;
        boolean[] promotions = s.chip().fp8LowAccPrecision() ? new boolean[] {false, true} : new boolean[] {s.promotion()};
        List<Scenario> out = new ArrayList<>();
        for (int ep : eps) {
            for (Policy p : Policy.values()) {
                for (int mtp = 0; mtp <= maxMtp; mtp++) {
                    Deployment d = new Deployment(1, ep, s.contextTokens(), mtp, s.mtpAcceptance(), p);
                    for (Dtype kv : Dtype.values()) {
                        for (Dtype w : Dtype.values()) {
                            for (boolean promotion : promotions) {
                                Numerics n = new Numerics(kv, w, s.fa3(), promotion, s.gemmEfficiency());
                                out.add(s.with(d).with(n));
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    /** Sweeps every deployment on {@code threads} workers of {@code executor} and keeps the frontier. */
    public static Frontier frontier(Engine engine, Scenario s, double target, Executor executor, int threads,
                                    Cancel cancel) {
        List<Scenario> configs = configurations(s);
        // batches run 1..n in order, so a configuration's figures are two arrays indexed by batch - 1
        double[][] user = new double[configs.size()][];
        double[][] card = new double[configs.size()][];
        Sweep.Outcome outcome = Sweep.run(engine, configs, Sweep.Batches.allThatFit(),
                (index, c, batch, max, sum) -> {
                    if (user[index] == null) {
                        user[index] = new double[max];
                        card[index] = new double[max];
                    }
                    user[index][batch - 1] = sum.userTokensPerSec();
                    card[index][batch - 1] = sum.throughputPerCard();
                }, executor, threads, cancel::cancelled, progress -> { });
        cancel.check();
        // the Pareto frontier from the best point of each fine log bin of tokens/s per user (0.002 decades, 0.5 %):
        // exact up to points that share a bin, which no drawing or table tells apart; the target answer is exact
        java.util.Map<Long, Point> bins = new java.util.HashMap<>();
        java.util.Map<Long, Point> cells = new java.util.LinkedHashMap<>();
        Point best = null;
        for (int i = 0; i < configs.size(); i++) {
            if (user[i] == null) {
                continue;
            }
            for (int b = 1; b <= user[i].length; b++) {
                double x = user[i][b - 1];
                double y = card[i][b - 1];
                double lx = Math.log10(Math.max(x, 1e-9));
                long bin = Math.round(lx * 500);
                Point inBin = bins.get(bin);
                if (inBin == null || y > inBin.throughputPerCard()) {
                    bins.put(bin, point(configs.get(i), b, x, y));
                }
                long cell = Math.round(lx * 20) * 1_000_003L + Math.round(Math.log10(Math.max(y, 1e-9)) * 14);
                if (!cells.containsKey(cell)) {
                    cells.put(cell, point(configs.get(i), b, x, y));
                }
                if (x >= target && (best == null || y > best.throughputPerCard())) {
                    best = point(configs.get(i), b, x, y);
                }
            }
        }
        return new Frontier(outcome.points(), new ArrayList<>(cells.values()), pareto(new ArrayList<>(bins.values())),
                best, target);
    }

    private static Point point(Scenario config, int batch, double user, double card) {
        return new Point(config.withBatch(batch), user, card);
    }

    /** Points no other point beats on both axes, by ascending tokens/s per user. */
    static List<Point> pareto(List<Point> points) {
        List<Point> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparingDouble(Point::userTokensPerSec).reversed()
                .thenComparing(Comparator.comparingDouble(Point::throughputPerCard).reversed()));
        List<Point> out = new ArrayList<>();
        double bestY = Double.NEGATIVE_INFINITY;
        for (Point p : sorted) {
            if (p.throughputPerCard() > bestY) {
                out.add(p);
                bestY = p.throughputPerCard();
            }
        }
        java.util.Collections.reverse(out);
        return out;
    }

    /**
     * The headline at a target: the most throughput per card over the space's deployments whose tokens/s per user is
     * at least {@code target}, each deployment at the largest batch that still meets it (bisection: tokens/s per
     * user falls as the batch grows). 0 when no deployment reaches the target.
     */
    public static double headline(Engine engine, Scenario s, double target) {
        double best = 0;
        Summary sum = new Summary();
        for (Scenario c : configurations(s)) {
            Plan plan = engine.plan(c);
            int max = Math.min(plan.maxBatch(c.deployment(), c.numerics()), Deployment.MAX_BATCH);
            if (max < 1) {
                continue;
            }
            plan.summarize(c.deployment(), c.numerics(), sum);
            if (sum.userTokensPerSec() < target) {
                continue;
            }
            int lo = 1;
            int hi = max;
            while (lo < hi) {
                int mid = (lo + hi + 1) >>> 1;
                plan.summarize(c.deployment().withBatch(mid), c.numerics(), sum);
                if (sum.userTokensPerSec() >= target) {
                    lo = mid;
                } else {
                    hi = mid - 1;
                }
            }
            plan.summarize(c.deployment().withBatch(lo), c.numerics(), sum);
            best = Math.max(best, sum.throughputPerCard());
        }
        return best;
    }
}
