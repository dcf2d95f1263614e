package dev.ridgeline.engine.serve;

import dev.ridgeline.engine.Engine;
import dev.ridgeline.engine.model.Checks;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.plan.Summary;
import dev.ridgeline.engine.space.Headline;
import dev.ridgeline.engine.space.Space;
import dev.ridgeline.engine.sweep.Parallel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;

/**
 * Sizes a served workload (DESIGN 4c) for the scenario's model, chip, NIC and fidelity:
 * <ol>
 *   <li>the decode pool: the decode headline at the workload's user speed over the explorer's space, at the mean
 *   context of a request's decode, {@code S + OSL/2} (Dynamo's planner takes the same);</li>
 *   <li>the prefill pool: over {@link PrefillSearch}'s deployments and chunks, the most uncached tokens/s per card
 *   whose TTFT (its steps, its KV cache's transfer to decode over the NIC, the M/D/1 wait at the workload's load) meets
 *   the limit and whose step fits in memory;</li>
 *   <li>their rate match ({@link RateMatch}), the prefill pool counted at its load;</li>
 *   <li>the co-located alternative ({@link ColocatedSearch}).</li>
 * </ol>
 * When a limit cannot be met the answer is {@link Served.Unmet}, one line naming the limit and the best reach.
 */
public final class Serving {
    private Serving() {
    }

    /** Everything on the calling thread. */
    public static Served size(Engine engine, Scenario base, Workload w) {
        return size(engine, base, w, Runnable::run, 1, () -> false);
    }

    /** The searches on {@code threads} tasks of {@code executor}; null when {@code cancelled} stops them. */
    public static Served size(Engine engine, Scenario base, Workload w, Executor executor, int threads,
                              BooleanSupplier cancelled) {
        Scenario decodeBase = decodeBase(base, w);
        Space space = Space.explorer(decodeBase);
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < space.configurations().size(); i++) {
            indices.add(i);
        }
        // each configuration's best batch at the user speed: the decode headline, and bounds for the co-located search
        List<Headline.Answer> perConfiguration = each(indices, Summary::new, (summary, i) -> {
            Scenario c = space.configurations().get(i);
            return Headline.bestOf(engine.plan(c), c, i, space, w.userTokensPerSec(), summary);
        }, executor, threads, cancelled);
        if (cancelled.getAsBoolean()) {
            return null;
        }
        Headline.Answer decode = Headline.bestOf(perConfiguration);
        if (decode == null) {
            return new Served.Unmet(w, String.format(Locale.ROOT, "the user speed of %s tokens/s binds: no decode "
                    + "deployment of %s on %s reaches it at a %d-token context (the fastest gives %.1f)",
                    Checks.number(w.userTokensPerSec()), base.model().name(), base.chip().name(),
                    decodeBase.contextTokens(), fastestUser(engine, space)));
        }
        Scenario d = decode.deployment();
        double kvBytes = Ttft.kvBytes(base.model(), d.kvDtype(), w.inputTokens());
        double transfer = Ttft.transferSec(kvBytes, base.nic().bandwidthBytesPerSec());
        PrefillSearch.Result prefill = PrefillSearch.best(engine, base, w, transfer, executor, threads, cancelled);
        if (cancelled.getAsBoolean()) {
            return null;
        }
        if (prefill.best() == null) {
            return new Served.Unmet(w, prefill.why(base, w));
        }
        Served.Prefill p = prefill.best();
        double loaded = w.prefillLoad() * p.tokensPerSecPerCard();
        double ratio = RateMatch.decodePerPrefill(loaded, decode.throughputPerCard(), w.outputTokens(),
                w.uncachedTokens());
        Served.Together together = ColocatedSearch.best(engine, space, perConfiguration, w, p.tokensPerSecPerCard(),
                cancelled);
        if (cancelled.getAsBoolean()) {
            return null;
        }
        return new Served.Sized(w, p, decode, ratio, RateMatch.servedPerCard(decode.throughputPerCard(), ratio),
                loaded * w.inputTokens() / w.uncachedTokens(), kvBytes, together);
    }

    /** The decode pool's scenario: the request's mean context while it decodes, {@code S + OSL/2}. */
    static Scenario decodeBase(Scenario base, Workload w) {
        long context = (long) w.inputTokens() + w.outputTokens() / 2;
        return base.withContext((int) Math.max(1, Math.min(Scenario.MAX_CONTEXT, context)));
    }

    /** The fastest user speed any configuration of the space gives, at batch 1 (0 when none fits). */
    static double fastestUser(Engine engine, Space space) {
        Summary s = new Summary();
        double best = 0;
        for (Scenario c : space.configurations()) {
            var plan = engine.plan(c);
            plan.summarize(c.deployment(), c.numerics(), s);
            if (s.fits() && s.userTokensPerSec() > best) {
                best = s.userTokensPerSec();
            }
        }
        return best;
    }

    /** Runs {@code fn} over {@code items} on the executor, each worker with its own state. */
    static <S, T, R> List<R> each(List<T> items, java.util.function.Supplier<S> state,
                                  java.util.function.BiFunction<S, T, R> fn, Executor executor, int threads,
                                  BooleanSupplier cancelled) {
        return Parallel.map(items, state, fn, executor, threads, cancelled, p -> { });
    }
}
