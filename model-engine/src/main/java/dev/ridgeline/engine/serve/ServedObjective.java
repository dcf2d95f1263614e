package dev.ridgeline.engine.serve;

import dev.ridgeline.engine.Engine;
import dev.ridgeline.engine.model.Dtype;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.plan.Summary;
import dev.ridgeline.engine.space.Objective;
import dev.ridgeline.engine.space.ServedRate;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;

/**
 * A served workload as the design-space views' objective ({@link Objective#SERVED}): the {@link ServedRate} of
 * {@link Serving}'s sizing, so that the sensitivity, the targets and the map answer for the whole service.
 */
public final class ServedObjective {
    private ServedObjective() {
    }

    /** The served output per card of workload {@code w} (its user speed replaced by each call's). */
    public static ServedRate rate(Engine engine, Workload w) {
        return new Rate(engine, w);
    }

    /** A value (equal for the same engine and workload), so that a view's key can hold it. */
    record Rate(Engine engine, Workload workload) implements ServedRate {
        @Override
        public double best(Scenario s, double userTps) {
            return Serving.size(engine, s, workload.withUserTokensPerSec(userTps)).servedPerCard();
        }

        @Override
        public double fixed(Scenario s) {
            return fixedPerCard(engine, s, workload);
        }
    }

    /**
     * Output tokens/s per card over both pools with the decode pool at {@code s}'s deployment as it is (its batch and
     * context) and the prefill pool re-optimised for its KV cache's transfer; 0 when the deployment does not fit or no
     * prefill deployment meets the TTFT limit.
     */
    static double fixedPerCard(Engine engine, Scenario s, Workload w) {
        Summary d = engine.summarize(s);
        if (!d.fits() || !(d.throughputPerCard() > 0)) {
            return 0;
        }
        Served.Prefill p = prefillPool(engine, s, s.kvDtype(), w, Runnable::run, 1, () -> false).prefill();
        return p == null ? 0 : servedPerCard(d.throughputPerCard(), p, w);
    }

    /**
     * The prefill pool beside a decode pool: its best deployment under the TTFT limit, or the one line saying which
     * limit binds.
     *
     * @param prefill the pool's deployment, or null when no deployment meets the limits
     * @param unmet   why not (empty when {@code prefill} is given)
     */
    public record Pool(Served.Prefill prefill, String unmet) {
    }

    /**
     * The workload's prefill pool on {@code s}'s model, chip, NIC and fidelity beside a decode pool whose KV cache is
     * {@code kv} (its transfer to decode is part of TTFT). Null when {@code cancelled} stopped it.
     */
    public static Pool prefillPool(Engine engine, Scenario s, Dtype kv, Workload w, Executor executor, int threads,
                                   BooleanSupplier cancelled) {
        double transfer = Ttft.transferSec(Ttft.kvBytes(s.model(), kv, w.inputTokens()), s.nic().bandwidthBytesPerSec());
        PrefillSearch.Result r = PrefillSearch.best(engine, s, w, transfer, executor, threads, cancelled);
        if (cancelled.getAsBoolean()) {
            return null;
        }
        return r.best() != null ? new Pool(r.best(), "") : new Pool(null, r.why(s, w));
    }

    /**
     * Output tokens/s per card over both pools: a decode pool delivering {@code decodePerCard} beside prefill pool
     * {@code p} at the workload's load, rate-matched ({@link RateMatch}).
     */
    public static double servedPerCard(double decodePerCard, Served.Prefill p, Workload w) {
        return RateMatch.servedPerCard(decodePerCard, decodePerPrefill(decodePerCard, p, w));
    }

    /** Decode cards per prefill card for a decode pool delivering {@code decodePerCard} beside prefill pool {@code p}. */
    public static double decodePerPrefill(double decodePerCard, Served.Prefill p, Workload w) {
        return RateMatch.decodePerPrefill(w.prefillLoad() * p.tokensPerSecPerCard(), decodePerCard, w.outputTokens(),
                w.uncachedTokens());
    }
}
