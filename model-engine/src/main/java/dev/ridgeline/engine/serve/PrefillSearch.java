package dev.ridgeline.engine.serve;

import dev.ridgeline.engine.Engine;
import dev.ridgeline.engine.model.Checks;
import dev.ridgeline.engine.model.Dtype;
import dev.ridgeline.engine.model.Policy;
import dev.ridgeline.engine.model.Prefill;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.plan.Plan;
import dev.ridgeline.engine.plan.Summary;
import dev.ridgeline.engine.space.Space;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;

/**
 * The prefill pool's best deployment (DESIGN 4c): over every EP degree the explorer offers (and 4), data-parallel
 * attention or attention TP across an 8-card node, both policies, FP8 or BF16 weights and KV cache, no MTP, and chunks
 * from the workload's down to 1K tokens by halves, the most uncached tokens/s per card whose step fits in memory and
 * whose TTFT meets the limit. A larger chunk runs larger GEMMs over the same attention pairs per token, so without a
 * TTFT limit the largest chunk that fits is taken and the smaller ones are not tried.
 */
final class PrefillSearch {
    /** The smallest chunk tried (a prompt chunked finer spends its step on weights and launches). */
    static final int MIN_CHUNK = 1024;

    private PrefillSearch() {
    }

    /**
     * @param best     the deployment chosen; null when none meets the limits
     * @param fastest  the fitting candidate with the shortest TTFT (what a TTFT limit is measured against)
     * @param leastHeldBytes the fewest bytes any candidate's step holds (what memory is measured against)
     */
    record Result(Served.Prefill best, Served.Prefill fastest, double leastHeldBytes) {
        /** The one line an unmet workload gets: which limit binds and how close the best comes. */
        String why(Scenario base, Workload w) {
            if (fastest == null) {
                return String.format(Locale.ROOT, "memory binds: no prefill deployment of %s fits on %s (the smallest "
                        + "step holds %.1f GB of %.1f GB)", base.model().name(), base.chip().name(), leastHeldBytes / 1e9,
                        base.chip().memoryBytes() / 1e9);
            }
            Ttft t = fastest.ttft();
            Scenario d = fastest.deployment();
            return String.format(Locale.ROOT, "the TTFT limit of %s s binds: the fastest prefill (EP %d%s, chunk %d, "
                    + "%s) takes %.3g s: %.3g s of steps + %.3g s KV transfer + %.3g s wait at load %s",
                    Checks.number(w.ttftLimitSec()), d.ep(), d.attentionTp() > 1 ? ", attention TP " + d.attentionTp()
                            : "", fastest.chunkTokens(), d.policy().label(), t.totalSec(), t.prefillSec(),
                    t.transferSec(), t.queueSec(), Checks.number(w.prefillLoad()));
        }
    }

    static Result best(Engine engine, Scenario base, Workload w, double transferSec, Executor executor, int threads,
                       BooleanSupplier cancelled) {
        List<Integer> chunks = chunks(w);
        List<Result> each = Serving.each(configurations(base, w), () -> new Plans(engine),
                (plans, c) -> bestOf(plans, c, w, chunks, transferSec), executor, threads, cancelled);
        Served.Prefill best = null;
        Served.Prefill fastest = null;
        double least = Double.POSITIVE_INFINITY;
        for (Result r : each) {
            if (r == null) {
                continue;
            }
            if (r.best() != null && (best == null || r.best().tokensPerSecPerCard() > best.tokensPerSecPerCard())) {
                best = r.best();
            }
            if (r.fastest() != null && (fastest == null
                    || r.fastest().ttft().totalSec() < fastest.ttft().totalSec())) {
                fastest = r.fastest();
            }
            least = Math.min(least, r.leastHeldBytes());
        }
        return new Result(best, fastest, least);
    }

    /** One configuration over the chunks. */
    static Result bestOf(Plans plans, Scenario c, Workload w, List<Integer> chunks, double transferSec) {
        Plan plan = plans.of(c);
        Summary s = new Summary();
        Served.Prefill best = null;
        Served.Prefill fastest = null;
        double least = Double.POSITIVE_INFINITY;
        for (int chunk : chunks) {
            plan.summarizePrefill(c.deployment(), c.numerics(), new Prefill(w.inputTokens(), w.cacheHit(), chunk), s);
            least = Math.min(least, s.prefillHeldBytes());
            if (!s.fits()) {
                continue;
            }
            Ttft t = new Ttft(s.ttftSec(), transferSec, Ttft.mD1Wait(w.prefillLoad(), s.stepSec()));
            Served.Prefill p = new Served.Prefill(c, chunk, s.stepSec(), s.prefillTokensPerSec(), t);
            if (fastest == null || t.totalSec() < fastest.ttft().totalSec()) {
                fastest = p;
            }
            boolean meets = !w.ttftLimited() || t.totalSec() <= w.ttftLimitSec();
            if (meets && (best == null || p.tokensPerSecPerCard() > best.tokensPerSecPerCard())) {
                best = p;
            }
            if (!w.ttftLimited()) {
                break; // without a TTFT limit the largest chunk that fits is the fastest: smaller chunks only cut TTFT
            }
        }
        return new Result(best, fastest, least);
    }

    /** The workload's chunk, then halves of it down to {@link #MIN_CHUNK} (or the chunk itself when smaller). */
    static List<Integer> chunks(Workload w) {
        List<Integer> out = new ArrayList<>();
        for (int c = w.chunkTokens(); c >= Math.min(MIN_CHUNK, w.chunkTokens()); c /= 2) {
            out.add(c);
        }
        return out;
    }

    /**
     * The deployments searched; a layout the chip or fidelity refuses (attention TP beyond the scale-up domain, or
     * in seed fidelity) is left out.
     */
    static List<Scenario> configurations(Scenario base, Workload w) {
        List<Integer> eps = new ArrayList<>(Space.EXPLORER_EPS);
        eps.add(1, 4);
        int[] attentionTps = Plan.rules(base).modelsLayoutsAndBalance() ? new int[] {1, 8} : new int[] {1};
        List<Scenario> out = new ArrayList<>();
        for (int ep : eps) {
            if (ep > 2 * base.model().routedExperts()) {
                continue;
            }
            for (int tp : attentionTps) {
                if (tp > 1 && (tp > base.chip().scaleUpDomain() || ep % tp != 0 || base.model().numHeads() % tp != 0)) {
                    continue; // attention groups must be whole and inside the scale-up domain (Layouts)
                }
                for (Policy policy : Policy.values()) {
                    for (Dtype weights : Dtype.values()) {
                        for (Dtype kv : Dtype.values()) {
                            try {
                                out.add(base.withMtp(0, base.mtpAcceptance()).withBatch(1).withContext(w.inputTokens()).withEp(ep)
                                        .withLayout(tp, 1).withPolicy(policy).withWeightDtype(weights).withKvDtype(kv));
                            } catch (IllegalArgumentException refused) {
                                // a layout this chip or fidelity does not take
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    /** A worker's prefill plans: one for the chip as it is, one for its compute share under overlap. */
    static final class Plans {
        private final Engine engine;
        private Plan first;
        private Plan second;

        Plans(Engine engine) {
            this.engine = engine;
        }

        Plan of(Scenario c) {
            Scenario on = c.withChip(Plan.prefillChip(c));
            if (first != null && first.serves(on)) {
                return first;
            }
            if (second != null && second.serves(on)) {
                return second;
            }
            Plan p = engine.prefillPlan(c);
            second = first;
            first = p;
            return p;
        }
    }
}
