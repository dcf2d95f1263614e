package dev.ridgeline.engine.serve;

import dev.ridgeline.engine.Engine;
import dev.ridgeline.engine.model.Prefill;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.plan.Plan;
import dev.ridgeline.engine.plan.Summary;
import dev.ridgeline.engine.space.Space;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;

/**
 * The co-located alternative's best deployment ({@link Colocated}): over the decode pool's configurations, the largest
 * batch whose mixed step still gives the user speed (the speed falls as the batch grows: bisected), then smaller ones
 * until the TTFT limit is met; the best output tokens/s per card over them.
 */
final class ColocatedSearch {
    private ColocatedSearch() {
    }

    /** The best co-located deployment of {@code space}'s configurations; null when none meets the limits. */
    static Served.Together best(Engine engine, Space space, Workload w, Executor executor, int threads,
                                BooleanSupplier cancelled) {
        List<Served.Together> each = Serving.each(space.configurations(), () -> new Worker(engine, space),
                (worker, c) -> worker.bestOf(c, w), executor, threads, cancelled);
        Served.Together best = null;
        for (Served.Together t : each) {
            if (t != null && (best == null || t.figures().outputPerCard() > best.figures().outputPerCard())) {
                best = t;
            }
        }
        return best;
    }

    /** A worker's plans and buffers. */
    static final class Worker {
        private final Engine engine;
        private final Space space;
        private final Summary decode = new Summary();
        private final Summary prefill = new Summary();
        private final PrefillSearch.Plans prefillPlans;

        Worker(Engine engine, Space space) {
            this.engine = engine;
            this.space = space;
            this.prefillPlans = new PrefillSearch.Plans(engine);
        }

        Served.Together bestOf(Scenario c, Workload w) {
            Plan plan = engine.plan(c);
            int[] batches = space.batches().of(c, plan.maxBatch(c.deployment(), c.numerics()));
            if (batches.length == 0) {
                return null;
            }
            int lo = -1;
            int hi = batches.length;
            while (hi - lo > 1) {
                int mid = (lo + hi) >>> 1;
                if (at(plan, c, batches[mid], w).userTokensPerSec() >= w.userTokensPerSec()) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            for (int i = lo; i >= 0; i--) {
                Colocated f = at(plan, c, batches[i], w);
                if (!w.ttftLimited() || f.ttft().totalSec() <= w.ttftLimitSec()) {
                    return new Served.Together(c.withBatch(batches[i]), f);
                }
            }
            return null;
        }

        /** The mixed step of configuration {@code c} at {@code batch}. */
        Colocated at(Plan plan, Scenario c, int batch, Workload w) {
            Scenario s = c.withBatch(batch);
            plan.summarize(s.deployment(), s.numerics(), decode);
            double accepted = Plan.acceptedTokensPerStep(s.deployment());
            Plan forPrefill = prefillPlans.of(s);
            return Colocated.of(batch, s.attentionTp(), accepted, decode.tpotSec(), chunk -> {
                int tokens = (int) Math.max(1, Math.min(Prefill.MAX_TOKENS, Math.round(chunk)));
                forPrefill.summarizePrefill(s.deployment(), s.numerics(),
                        new Prefill(w.inputTokens(), w.cacheHit(), tokens), prefill);
                return prefill.stepSec();
            }, w);
        }
    }
}
