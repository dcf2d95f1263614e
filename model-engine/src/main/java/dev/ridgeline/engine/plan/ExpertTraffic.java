package dev.ridgeline.engine.plan;

import dev.ridgeline.engine.calibration.Calibration;
import dev.ridgeline.engine.calibration.ExpertPopularity;
import dev.ridgeline.engine.model.Deployment;

/**
 * The routed-expert traffic of the hottest card of an EP group, per micro-batch (DESIGN 3.10, calibrated fidelity).
 * With P routed pairs per card on average (P = the card's tokens × top-k × expert TP):
 * <ul>
 *   <li>the hottest card receives {@code H = P·(1 + sqrt(δ² + c / P))} pairs ({@link ExpertPopularity}: δ the static
 *   excess of the hottest card under the placement, {@code c = z_EP²·dispersion} the sampling spread), at most
 *   {@code P·EP·min(k, slots)/k} (a token reaches a card through at most min(k, slots) of its k distinct experts);</li>
 *   <li>of its {@code s} expert slots it reads those its pairs hit. Under uniform routing the T tokens routed in the EP
 *   group, each picking k of the {@code s·EP} slots, hit a slot with probability {@code 1 − (1 − k/(s·EP))^T}, so a
 *   card reads {@code s·(1 − (1 − k/(s·EP))^T)} experts: DeepSeek-V3 at batch 1 and EP8 (T = 8, k = 8, 256 experts,
 *   32 a card) reads 7.2 of its 32. The hottest card sees T·H/P tokens' worth of traffic: the same formula with
 *   {@code T = H·EP/k}. This treats its slots as equally popular, an upper bound (skew within a card would concentrate
 *   the pairs on fewer experts).</li>
 * </ul>
 * Each expert then runs a GEMM over its own rows, {@code H / experts read}; at large batch every slot is hit and this
 * is the reading of DESIGN 3.8 (each expert over its own tokens, all weights read). δ, c and {@code ln(1 − k/(s·EP))}
 * are prepared once per (EP, redundant experts, EPLB) and kept; a point costs a square root and an exponential.
 */
final class ExpertTraffic {
    /** One placement's constants (immutable, so a benign race publishes a whole object or none). */
    record Stats(int redundant, int slots, double delta2, double spread, double lnMissPerPair, double maxRatio) {
    }

    private final int experts;
    private final int topk;
    private final int groups;
    private final int scaleUpDomain;
    private final ExpertPopularity popularity;
    private final Stats[][] byEp = new Stats[2][Deployment.MAX_EP + 1];

    /** Experts placed over cards without nodes (one node): EPLB's global policy. */
    ExpertTraffic(int experts, int topk, ExpertPopularity popularity) {
        this(experts, topk, 1, Integer.MAX_VALUE, popularity);
    }

    /**
     * @param groups        the model's expert groups ({@code n_group})
     * @param scaleUpDomain cards a node holds: an EP group of several whole nodes whose count divides the groups is
     *                      balanced node first ({@link ExpertPopularity#hierarchical})
     */
    ExpertTraffic(int experts, int topk, int groups, int scaleUpDomain, ExpertPopularity popularity) {
        this.experts = experts;
        this.topk = topk;
        this.groups = groups;
        this.scaleUpDomain = scaleUpDomain;
        this.popularity = popularity;
    }

    /**
     * The traffic of these constants, shared with the last plan that asked for the same: its statistics depend on the
     * chip only through the scale-up domain, so the plans a chip edit makes (the frontier's, the fidelity contrast's
     * sixteen levers) share one, its placement constants computed once, instead of each allocating and filling its own
     * table (2 x 4,097 slots).
     */
    static ExpertTraffic of(int experts, int topk, int groups, int scaleUpDomain, ExpertPopularity popularity) {
        ExpertTraffic t = last;
        if (t == null || t.experts != experts || t.topk != topk || t.groups != groups
                || t.scaleUpDomain != scaleUpDomain || t.popularity != popularity) {
            t = new ExpertTraffic(experts, topk, groups, scaleUpDomain, popularity);
            last = t;
        }
        return t;
    }

    /** The traffic {@link #of} handed out last (a plan of other constants gets its own and takes its place). */
    private static volatile ExpertTraffic last;

    /** Nodes an EP group of {@code ep} cards spans ({@link ExpertPopularity#nodes}). */
    int nodes(int ep) {
        return ExpertPopularity.nodes(ep, scaleUpDomain);
    }

    /** The placement constants of the deployment's EP, redundant experts and balancer. */
    Stats stats(Deployment d) {
        int ep = d.ep();
        Stats[] cache = byEp[d.eplb() ? 1 : 0];
        Stats s = cache[ep];
        if (s == null || s.redundant != d.redundantExperts()) {
            s = prepare(ep, d.redundantExperts(), d.eplb());
            cache[ep] = s;
        }
        return s;
    }

    private Stats prepare(int ep, int redundant, boolean eplb) {
        int slots = Calibration.expertSlotsPerCard(experts, ep, redundant, eplb);
        double delta = popularity.staticExcess(experts, ep, slots, eplb, groups, nodes(ep));
        double z = ExpertPopularity.expectedMaxNormal(ep);
        double perSlot = (double) topk / ((double) slots * ep);
        double lnMiss = perSlot >= 1 ? Double.NEGATIVE_INFINITY : Math.log1p(-perSlot) * ep / topk;
        return new Stats(redundant, slots, delta * delta, z * z * popularity.dispersion(), lnMiss,
                (double) ep * Math.min(topk, slots) / topk);
    }

    /** Pairs the hottest card receives when the mean card receives {@code pairs}. */
    static double hottest(Stats s, double pairs) {
        double hot = pairs + Math.sqrt(s.delta2 * pairs * pairs + s.spread * pairs);
        double cap = pairs * s.maxRatio;
        return hot < cap ? hot : cap;
    }

    /**
     * Expected slots a card reads when it receives {@code pairs} pairs: {@code s·(1 − e^x)}, {@code x = pairs·ln miss}.
     * Below {@link #EVERY_SLOT_READ} the exponential is under 2^-54, so {@code 1 − e^x} rounds to exactly 1 in double
     * precision and the result is {@code s}, the same bits, without the exponential: a library call (every vector
     * register saved around it) on the path to the routed GEMMs' rows, whose skipping made the calibrated summary path
     * 6-11 % faster per CPU second (decision 0005, addendum "afternoon"). Most points of a large EP (a few slots a
     * card) land there.
     */
    static double expertsRead(Stats s, double pairs) {
        double x = pairs * s.lnMissPerPair;
        return x < EVERY_SLOT_READ ? s.slots : s.slots * (1 - Math.exp(x));
    }

    /**
     * The exponent below which {@code 1 − e^x == 1.0} exactly: e^-38 = 3.1e-17 is under half an ulp below 1 (2^-54 =
     * 5.6e-17), so the difference rounds to 1 (the boundary is ln 2^-54 = -37.43; Math.exp is within an ulp).
     */
    static final double EVERY_SLOT_READ = -38;
}
