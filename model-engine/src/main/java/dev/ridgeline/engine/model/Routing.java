package dev.ridgeline.engine.model;

/**
 * Where a token's experts live: the expected number of distinct destinations (nodes, or cards inside one node) a
 * token's top-k experts fall on, under the model's group-limited routing. Dispatch and combine move one copy of the
 * token per destination (DeepEP's normal kernels send a token once per node over RDMA and forward it over NVLink),
 * so this, not top-k, sets their bytes.
 * <p>Assumptions: experts are picked uniformly (balanced routing, as DeepSeek's profile simulates: "we simulate an
 * absolutely balanced MoE routing strategy", https://github.com/deepseek-ai/profile-data); the experts of a group sit
 * on whole destinations when the destinations divide the groups or the groups the destinations (EPLB's hierarchical
 * policy, "we also attempt to place the experts of the same group to the same node",
 * https://github.com/deepseek-ai/EPLB), and a chosen group receives at least one of the token's experts. Otherwise the
 * groups give no bound and the experts spread as without a limit.
 * <ul>
 *   <li>No limit: {@code U·(1 − C(E − E/U, k) / C(E, k))} of U destinations holding E/U of the E experts each.</li>
 *   <li>g = G/U groups per destination: {@code U·(1 − C(G − g, M) / C(G, M))}, M of G groups chosen.</li>
 *   <li>U/G destinations per group: the M chosen groups span {@code M·U/G} destinations, each holding E/U of the
 *   {@code M·E/G} experts the token picks from. DeepSeek-V3's gate scores a group by its two best experts, which
 *   spreads the picks more evenly than this uniform reading: over 16 nodes it undercounts by about 7 % (a bound
 *   from below; RoutingTest simulates the gate).</li>
 * </ul>
 * DeepSeek-V3 (G 8, M 4, E 256, k 8) over 4 nodes (EP32): 4 × (1 − 15/70) = 3.14 nodes a token; without the limit
 * 3.61; over 8 nodes (EP64) 4.0 (at most 4, as arXiv 2412.19437 section 4.2 promises) against 5.35.
 */
public final class Routing {
    private Routing() {
    }

    /** Expected distinct destinations of one token's experts over {@code units} equal destinations. */
    public static double expectedDestinations(ModelConfig m, int units) {
        if (units <= 1) {
            return 1;
        }
        int e = m.routedExperts();
        int k = m.expertsPerToken();
        int groups = m.expertGroups();
        int limited = m.limitedGroups();
        if (m.groupLimited() && units <= groups && groups % units == 0) {
            return units * (1 - choose(groups - groups / units, limited) / choose(groups, limited));
        }
        if (m.groupLimited() && units % groups == 0 && e % units == 0) {
            int spanned = limited * (units / groups);
            int pool = limited * (e / groups);
            return spanned * (1 - choose(pool - e / units, k) / choose(pool, k));
        }
        double perUnit = (double) e / units;
        return units * (1 - choose(e - perUnit, k) / choose(e, k));
    }

    /**
     * {@code C(n, r)} over real n (a destination may hold a fractional share of experts on average), as the product
     * {@code Π (n − i) / (r − i)}; 0 when n < r.
     */
    static double choose(double n, int r) {
        double out = 1;
        for (int i = 0; i < r; i++) {
            double f = n - i;
            if (f <= 0) {
                return 0;
            }
            out *= f / (r - i);
        }
        return out;
    }
}
