package dev.ridgeline.app.explorer.served;

import dev.ridgeline.engine.model.Dtype;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.serve.ServedObjective;
import dev.ridgeline.engine.serve.Workload;
import java.util.Map;

/**
 * The served switch's view of decode (issue 20): the Served view's workload and, for each KV cache a decode deployment
 * may hold, the prefill pool that serves the workload beside it (its best deployment under the TTFT limit, the KV cache's
 * transfer included). A decode deployment's throughput per card then becomes the served output tokens/s per card over
 * both pools, rate-matched ({@link ServedObjective#servedPerCard}): the decode pool runs the deployment as it is (its
 * batch and context), as the served objective's fixed reading does.
 *
 * @param key   what the pools were sized for: {@link #key} of the scenario and the workload
 * @param pools by the decode pool's KV cache dtype
 */
public record ServedLens(Object key, Workload workload, Map<Dtype, ServedObjective.Pool> pools)
        implements dev.ridgeline.app.explorer.frontier.FrontierData.Lens {
    /** What a lens sized for {@code s} and {@code w} is keyed by: the pools do not depend on the decode deployment. */
    public static Object key(Scenario s, Workload w) {
        return java.util.List.of(dev.ridgeline.app.explorer.frontier.FrontierData.key(s), w);
    }

    /** True when this lens was sized for {@code s}'s chip, model, NIC, fidelity and assumptions and its workload. */
    public boolean sizedFor(Scenario s, Workload w) {
        return key.equals(key(s, w));
    }

    public ServedLens {
        pools = Map.copyOf(pools);
    }

    /** The prefill pool beside a decode pool with KV cache {@code kv}. */
    public ServedObjective.Pool pool(Dtype kv) {
        return pools.get(kv);
    }

    /** True when the prefill pool beside {@code decode} meets the workload's limits. */
    public boolean served(Scenario decode) {
        ServedObjective.Pool p = pools.get(decode.kvDtype());
        return p != null && p.prefill() != null;
    }

    /** Served output tokens/s per card of {@code decode} delivering {@code decodePerCard}; NaN when not served. */
    @Override
    public double perCard(Scenario decode, double decodePerCard) {
        return served(decode) && decodePerCard > 0
                ? ServedObjective.servedPerCard(decodePerCard, pools.get(decode.kvDtype()).prefill(), workload) : Double.NaN;
    }

    /** Decode cards per prefill card for {@code decode}; NaN when not served. */
    public double decodePerPrefill(Scenario decode, double decodePerCard) {
        return served(decode) && decodePerCard > 0
                ? ServedObjective.decodePerPrefill(decodePerCard, pools.get(decode.kvDtype()).prefill(), workload)
                : Double.NaN;
    }

    /** Why {@code decode} is not served (the limit that binds), or empty. */
    public String unmet(Scenario decode) {
        ServedObjective.Pool p = pools.get(decode.kvDtype());
        return p == null ? "no prefill pool sized" : p.unmet();
    }
}
