package dev.ridgeline.engine.space;

import dev.ridgeline.engine.Engine;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.plan.Plan;
import dev.ridgeline.engine.plan.Summary;
import dev.ridgeline.engine.sweep.Parallel;
import dev.ridgeline.engine.sweep.Sweep;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;

/**
 * The headline at a target (DESIGN 4b): the best throughput per card over every deployment of a {@link Space} whose
 * tokens/s per user is at least the target, the deployment re-optimised. Seed 000's search is this headline on
 * {@link Space#seed}. Each configuration's best batch is the largest that meets the target: tokens/s per user falls
 * as the batch grows, so a long batch list is bisected and a short one (seed 000's eight-step list) scanned down
 * from the top, as the seed does.
 */
public final class Headline {
    /** Batch lists up to this long are scanned from the top; longer ones are bisected. */
    static final int SCAN_LIMIT = 32;

    private Headline() {
    }

    /**
     * The best deployment at the target.
     *
     * @param deployment the configuration with the chosen batch
     * @param index      the configuration's index in its space
     */
    public record Answer(Scenario deployment, int index, double userTokensPerSec, double throughputPerCard) {
        /** Seed 000's order: higher throughput first; ties to the smaller KV cache, then to no promotion. */
        static final Comparator<Answer> BETTER_FIRST = Comparator.comparingDouble(Answer::throughputPerCard).reversed()
                .thenComparingInt((Answer a) -> a.deployment().kvDtype().bytes())
                .thenComparing(a -> a.deployment().promotion());

        public double throughputPerNode() {
            return throughputPerCard * dev.ridgeline.engine.Evaluation.CARDS_PER_NODE;
        }
    }

    /** The best deployment of {@code space} at tokens/s per user >= {@code targetTps}; null when none reaches it. */
    public static Answer best(Engine engine, Space space, double targetTps) {
        return best(engine, space, targetTps, () -> false);
    }

    /** As {@link #best(Engine, Space, double)}, stopping early (returning what it has) when {@code cancelled}. */
    public static Answer best(Engine engine, Space space, double targetTps, BooleanSupplier cancelled) {
        Summary s = new Summary();
        Plan plan = null;
        Answer best = null;
        for (int i = 0; i < space.configurations().size() && !cancelled.getAsBoolean(); i++) {
            Scenario c = space.configurations().get(i);
            if (plan == null || !plan.serves(c)) {
                plan = engine.plan(c);
            }
            Answer a = bestOf(plan, c, i, space, targetTps, s);
            if (a != null && (best == null || Answer.BETTER_FIRST.compare(a, best) < 0)) {
                best = a;
            }
        }
        return best;
    }

    /**
     * As {@link #best(Engine, Space, double, BooleanSupplier)}, the configurations shared among {@code threads} tasks
     * of {@code executor}, each with its own plan and result buffer. The answer is the sequential pass's: the
     * configurations' bests are reduced in the space's order with the same rule.
     */
    public static Answer best(Engine engine, Space space, double targetTps, Executor executor, int threads,
                              BooleanSupplier cancelled) {
        List<Integer> indices = new ArrayList<>(space.configurations().size());
        for (int i = 0; i < space.configurations().size(); i++) {
            indices.add(i);
        }
        List<Answer> each = Parallel.map(indices, Worker::new, (w, i) -> w.bestOf(engine, space, i, targetTps), executor,
                threads, cancelled, p -> { });
        Answer best = null;
        for (Answer a : each) {
            if (a != null && (best == null || Answer.BETTER_FIRST.compare(a, best) < 0)) {
                best = a;
            }
        }
        return best;
    }

    /** The best of some configurations' bests (nulls skipped; null when none reaches the target), by the same rule. */
    public static Answer bestOf(List<Answer> answers) {
        Answer best = null;
        for (Answer a : answers) {
            if (a != null && (best == null || Answer.BETTER_FIRST.compare(a, best) < 0)) {
                best = a;
            }
        }
        return best;
    }

    /** A worker's result buffer and its last plan, kept while it serves the configurations it is given. */
    private static final class Worker {
        private final Summary summary = new Summary();
        private Plan plan;

        Answer bestOf(Engine engine, Space space, int i, double targetTps) {
            Scenario c = space.configurations().get(i);
            if (plan == null || !plan.serves(c)) {
                plan = engine.plan(c);
            }
            return Headline.bestOf(plan, c, i, space, targetTps, summary);
        }
    }

    /** One configuration's best batch at the target, or null when even its smallest batch misses it. */
    public static Answer bestOf(Plan plan, Scenario c, int index, Space space, double targetTps, Summary s) {
        int max = plan.maxBatch(c.deployment(), c.numerics());
        // every batch that fits is 1..count: read without the array allThatFit would copy per configuration
        int[] batches = space.batches() == Sweep.Batches.allThatFit() ? null : space.batches().of(c, max);
        int count = batches == null ? Sweep.Batches.allThatFitCount(max) : batches.length;
        int[] hints = HINTS.get();
        if (hints.length < space.configurations().size()) {
            hints = new int[space.configurations().size()];
            java.util.Arrays.fill(hints, -1);
            HINTS.set(hints);
        }
        Met met = new Met();
        int at = largestMeeting(plan, c, batches, count, targetTps, s, hints[index], met);
        hints[index] = at;
        if (at < 0) {
            return null;
        }
        // the search evaluated the answer's batch (the largest that met the target): its figures, not a second run
        return new Answer(c.withBatch(batchAt(batches, at)), index, met.userTokensPerSec, met.throughputPerCard);
    }

    /**
     * One configuration's best batch at the target over every batch that fits (1 to {@code maxBatch}, capped as
     * {@link Sweep.Batches#allThatFit()} caps it), given some of those batches already evaluated ({@code known}, the
     * configuration's points of a sweep, any order; null for none): the largest known batch meeting the target and the
     * smallest known missing it bracket the answer (tokens/s per user falls as the batch grows), which is bisected
     * between them. The answer is {@link #bestOf(Plan, Scenario, int, Space, double, Summary)}'s over every batch that
     * fits, and its figures those of its batch (a known point's when the answer is one).
     */
    static Answer bestOf(Plan plan, Scenario c, int index, int maxBatch, List<Frontier.Point> known, double targetTps,
                         Summary s) {
        return bestOf(plan, c, index, maxBatch, known, targetTps, s, Double.NEGATIVE_INFINITY);
    }

    /**
     * As {@link #bestOf(Plan, Scenario, int, int, List, double, Summary)}, but null also when the configuration's
     * answer has a throughput per card below {@code floor} (the best answer another configuration has: this one cannot
     * win then, nor tie), found with fewer evaluations. The bound: within a configuration, throughput per card is
     * batch x tokens/s per user times a constant (the kernel's {@code throughputPerCard}: divided by the attention TP
     * degree, or by the tokens per step in seed 000's reading), and tokens/s per user falls as the batch grows (what
     * the bisection rests on), so every batch b above one meeting the target, b0 with throughput T0, has throughput at
     * most T0 x b / b0. Batches whose bound is below the floor are never evaluated: one probe at the smallest batch
     * whose bound reaches the floor decides whether any can (when it misses the target, no larger batch meets it).
     * A configuration that can reach the floor gets the same answer as without it. One with DeepGEMM's promotion on is
     * searched without the floor: seed fidelity's promotion makes tokens/s per user rise at some batches (by up to 69 %
     * from one batch to the next on the H800, H20, H100 and H200; never without promotion, in either fidelity, over
     * every batch of every configuration of every chip preset and random chip edits: decision 0006, "front26").
     */
    static Answer bestOf(Plan plan, Scenario c, int index, int maxBatch, List<Frontier.Point> known, double targetTps,
                         Summary s, double floor) {
        int count = Sweep.Batches.allThatFitCount(maxBatch);
        Met met = new Met();
        int lo = -1; // the largest batch index known to meet the target, -1 for none
        int hi = count; // the smallest known to miss it, count for none
        for (int k = 0; known != null && k < known.size(); k++) {
            Frontier.Point p = known.get(k);
            int i = p.batch() - 1;
            if (i < 0 || i >= count) {
                continue; // not a batch that fits
            }
            if (!(p.userTokensPerSec() < targetTps)) {
                if (i > lo) {
                    lo = i;
                    met.index = i;
                    met.userTokensPerSec = p.userTokensPerSec();
                    met.throughputPerCard = p.throughputPerCard();
                }
            } else {
                hi = Math.min(hi, i);
            }
        }
        int at;
        if (lo >= hi) {
            // not falling with the batch at the known points: the search over every batch, from scratch
            met = new Met();
            at = largestMeeting(plan, c, null, count, targetTps, s, -1, met);
        } else {
            at = bisect(plan, c, null, lo, hi, targetTps, s, met, c.promotion() ? Double.NEGATIVE_INFINITY : floor);
        }
        if (at < 0 || met.throughputPerCard < floor) {
            return null;
        }
        return new Answer(c.withBatch(at + 1), index, met.userTokensPerSec, met.throughputPerCard);
    }

    /**
     * Relative slack on the bound T0 x b / b0 for rounding: the kernel's throughput and tokens/s per user are each a
     * few floating-point operations from the same step time, so the bound computed from one point's figures may differ
     * from the exact one by a few ulps; a billionth covers them many times over and prunes as well.
     */
    static final double BOUND_SLACK = 1e-9;

    /** The batch at index {@code i} of an ascending list, or of 1, 2, 3, ... when {@code batches} is null. */
    private static int batchAt(int[] batches, int i) {
        return batches == null ? i + 1 : batches[i];
    }

    /**
     * Each configuration's answer (batch index) found last on this thread, by configuration index; -1 for none. A map
     * asks the same space at neighbouring chip values cell after cell, where a configuration's answer moves by a few
     * batches: searching out from the last one takes two or three evaluations instead of a dozen. It is only where the
     * search starts: the answer is the same from any start (tokens/s per user falls as the batch grows).
     */
    private static final ThreadLocal<int[]> HINTS = ThreadLocal.withInitial(() -> new int[0]);

    /** Index of the largest batch of the ascending list whose tokens/s per user meets the target; -1 if none. */
    static int largestMeeting(Plan plan, Scenario c, int[] batches, double target, Summary s) {
        return largestMeeting(plan, c, batches, target, s, -1, new Met());
    }

    /** The figures of the largest batch index a search found meeting the target (every answer is one it evaluated). */
    static final class Met {
        int index = -1;
        double userTokensPerSec;
        double throughputPerCard;
    }

    /**
     * As {@link #largestMeeting(Plan, Scenario, int[], double, Summary)}, searching out from index {@code hint}, the
     * answer's figures left in {@code met}.
     */
    static int largestMeeting(Plan plan, Scenario c, int[] batches, double target, Summary s, int hint, Met met) {
        return largestMeeting(plan, c, batches, batches.length, target, s, hint, met);
    }

    /** As above over {@code count} batches: {@code batches}, or 1 to count when it is null. */
    private static int largestMeeting(Plan plan, Scenario c, int[] batches, int count, double target, Summary s,
                                      int hint, Met met) {
        if (count == 0) {
            return -1;
        }
        if (count <= SCAN_LIMIT) {
            for (int i = count - 1; i >= 0; i--) {
                if (meets(plan, c, batches, i, target, s, met)) {
                    return i;
                }
            }
            return -1;
        }
        int last = count - 1;
        int lo;
        int hi;
        if (hint >= 0 && hint <= last) {
            // gallop out from the hint to a bracket [lo meets, hi misses], then bisect it
            if (meets(plan, c, batches, hint, target, s, met)) {
                lo = hint;
                hi = -1;
                for (int step = 1; hi < 0; step *= 2) {
                    int probe = Math.min(last, lo + step);
                    if (probe == lo) {
                        return last;
                    }
                    if (meets(plan, c, batches, probe, target, s, met)) {
                        lo = probe;
                    } else {
                        hi = probe;
                    }
                }
            } else {
                hi = hint;
                lo = -1;
                for (int step = 1; lo < 0; step *= 2) {
                    if (hi == 0) {
                        return -1;
                    }
                    int probe = Math.max(0, hi - step);
                    if (meets(plan, c, batches, probe, target, s, met)) {
                        lo = probe;
                    } else {
                        hi = probe;
                    }
                }
            }
        } else {
            if (!meets(plan, c, batches, 0, target, s, met)) {
                return -1;
            }
            lo = 0;
            hi = last;
            if (meets(plan, c, batches, hi, target, s, met)) {
                return hi;
            }
        }
        return bisect(plan, c, batches, lo, hi, target, s, met, Double.NEGATIVE_INFINITY);
    }

    /**
     * The largest index meeting the target between {@code lo} (meets, its figures in {@code met}; or -1) and {@code hi}
     * (misses, or past the end); -1 also when no batch there can have a throughput per card of at least {@code floor}
     * (see {@link #bestOf(Plan, Scenario, int, int, List, double, Summary, double)}). A finite floor needs the batches
     * 1, 2, 3, ... ({@code batches} null); with {@code NEGATIVE_INFINITY} this is a plain bisection.
     */
    private static int bisect(Plan plan, Scenario c, int[] batches, int lo, int hi, double target, Summary s, Met met,
                              double floor) {
        while (hi - lo > 1) {
            if (lo >= 0 && met.throughputPerCard < floor) {
                // lo's own throughput is below the floor: only a larger batch can reach it, from the smallest whose
                // bound does
                double perBatch = met.throughputPerCard / (lo + 1) * (1 + BOUND_SLACK);
                double batch = Math.ceil(floor / perBatch);
                int j = batch >= hi + 1 ? hi : Math.max(lo + 1, (int) batch - 1);
                while (j - 1 > lo && perBatch * j >= floor) {
                    j--; // rounding put j past a batch whose bound reaches the floor (batch j is index j - 1)
                }
                if (j >= hi || !meets(plan, c, null, j, target, s, met)) {
                    return -1; // every index in (lo, j) has its bound below the floor, lo its throughput, j and up miss
                }
                lo = j;
                continue;
            }
            int mid = (lo + hi) >>> 1;
            if (meets(plan, c, batches, mid, target, s, met)) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Whether batch index {@code i} meets the target; the largest index seen meeting it keeps its figures in {@code met}. */
    private static boolean meets(Plan plan, Scenario c, int[] batches, int i, double target, Summary s, Met met) {
        double tps = tps(plan, c, batchAt(batches, i), s);
        if (tps < target) {
            return false;
        }
        if (i > met.index) {
            met.index = i;
            met.userTokensPerSec = tps;
            met.throughputPerCard = s.throughputPerCard();
        }
        return true;
    }

    private static double tps(Plan plan, Scenario c, int batch, Summary s) {
        plan.summarize(c.deployment(), batch, c.numerics(), s);
        return s.userTokensPerSec();
    }
}
