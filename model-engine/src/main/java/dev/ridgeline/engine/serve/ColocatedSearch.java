package dev.ridgeline.engine.serve;

import dev.ridgeline.engine.Engine;
import dev.ridgeline.engine.model.Prefill;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.plan.Plan;
import dev.ridgeline.engine.plan.Summary;
import dev.ridgeline.engine.space.Headline;
import dev.ridgeline.engine.space.Space;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The co-located alternative's best deployment ({@link Colocated}): over the decode pool's configurations, the largest
 * batch whose mixed step still gives the user speed (the speed falls as the batch grows: bisected), then smaller ones
 * until the TTFT limit is met; the best output tokens/s per card over them. A configuration's decode-only best and
 * the best prefill rate bound its co-located output from above ({@link #bound}), so the configurations are tried best
 * decode first and the search stops when the bound falls below the best found.
 */
final class ColocatedSearch {
    private ColocatedSearch() {
    }

    /**
     * The best co-located deployment of {@code space}'s configurations; null when none meets the limits.
     *
     * @param decodeBests  each configuration's best decode-only answer at the user speed (null where none)
     * @param prefillBest  the best prefill tokens/s per card any prefill deployment reaches
     */
    static Served.Together best(Engine engine, Space space, List<Headline.Answer> decodeBests, Workload w,
                                double prefillBest, BooleanSupplier cancelled) {
        List<Headline.Answer> bounds = new ArrayList<>(decodeBests);
        bounds.removeIf(a -> a == null);
        bounds.sort(Comparator.comparingDouble(Headline.Answer::throughputPerCard).reversed());
        Served.Together best = null;
        Worker worker = new Worker(engine, space);
        for (Headline.Answer bound : bounds) {
            if (cancelled.getAsBoolean()
                    || (best != null && bound(bound.throughputPerCard(), prefillBest, w) <= best.figures().outputPerCard())) {
                break;
            }
            Served.Together t = worker.bestOf(bound.deployment().withBatch(1), w);
            if (t != null && (best == null || t.figures().outputPerCard() > best.figures().outputPerCard())) {
                best = t;
            }
        }
        return best;
    }

    /**
     * What a configuration can give co-located at most: a card spends {@code S(1−h)} tokens of prefill and OSL tokens of
     * decode per request, so its output per card is at most {@code 1 / (1/decode + S(1−h) / (OSL·prefill))}, with
     * decode its decode-only best and prefill twice the best any prefill deployment reaches (a margin: the mixed step
     * prefills small chunks, which no deployment runs faster per token than large ones).
     */
    static double bound(double decodePerCard, double prefillBest, Workload w) {
        return 1 / (1 / decodePerCard + w.uncachedTokens() / (w.outputTokens() * 2 * prefillBest));
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
