package dev.ridgeline.engine.serve;

import dev.ridgeline.engine.Engine;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.plan.Summary;
import dev.ridgeline.engine.space.Objective;
import dev.ridgeline.engine.space.ServedRate;

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
        double transfer = Ttft.transferSec(Ttft.kvBytes(s.model(), s.kvDtype(), w.inputTokens()),
                s.nic().bandwidthBytesPerSec());
        Served.Prefill p = PrefillSearch.best(engine, s, w, transfer, Runnable::run, 1, () -> false).best();
        if (p == null) {
            return 0;
        }
        double ratio = RateMatch.decodePerPrefill(w.prefillLoad() * p.tokensPerSecPerCard(), d.throughputPerCard(),
                w.outputTokens(), w.uncachedTokens());
        return RateMatch.servedPerCard(d.throughputPerCard(), ratio);
    }
}
