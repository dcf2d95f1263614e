package dev.ridgeline.engine.calibration;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How unevenly a router spreads tokens over the experts, and what that does to the hottest card of an EP group
 * (DESIGN 3.10). Expert popularity is log-normal: expert i of E takes the share {@code exp(σ·z_i) / Σ}, with z_i the
 * normal quantile at {@code (i − ½) / E}. A card's routed pairs in one step scatter around their expected value with
 * variance {@code dispersion × mean} (Poisson when the dispersion is 1; more, because the popularity of a step's
 * batch drifts from the long-run popularity a balancer plans with).
 * <p>The step waits for the hottest card. Its expected pairs over the mean card's, for a mean of P pairs per card, is
 * taken as {@code 1 + sqrt(δ² + z_EP²·dispersion / P)}: δ is the static excess of the hottest card (placement alone,
 * no sampling), z_EP the expected largest of EP standard normals; the two combine in quadrature, which a simulation of
 * placement and sampling reproduces within a few per cent (ExpertPopularityTest). δ depends on the placement:
 * <ul>
 *   <li>by id (no balancer): experts sit on cards by index, which is unrelated to their popularity, so δ is the
 *   expected largest card of a random placement, averaged over {@value #PLACEMENTS} placements drawn with a fixed
 *   seed (deterministic);</li>
 *   <li>EPLB (DeepSeek's expert-parallel load balancer), global policy: each extra slot copies the expert with the
 *   most load per copy, then copies are packed heaviest first onto the card with the least load that has a free slot;
 *   δ is what that leaves;</li>
 *   <li>EPLB, hierarchical policy, which DeepSeek's {@code rebalance_experts} takes whenever the nodes divide the
 *   model's expert groups (github.com/deepseek-ai/EPLB: "When the number of server nodes divides the number of expert
 *   groups, we use the hierarchical load balancing policy ... can be used in prefilling stage with a smaller
 *   expert-parallel size"; SGLang's default, {@code compute_algorithm}, chooses it on the same test): the expert
 *   groups (contiguous ids) are packed whole onto nodes, then each node replicates and packs its own experts onto its
 *   cards as above. A node's load is the sum of its groups, which the copies inside it cannot change, so δ keeps what
 *   packing a few groups onto nodes leaves; averaged, like by id, over {@value #PLACEMENTS} placements of the
 *   popularity on the ids.</li>
 * </ul>
 * The fit ({@code ExpertPopularityFit}) takes σ and the dispersion from TensorRT-LLM's EPLB measurement of DeepSeek-R1
 * on 32 GB200 (calibration/eplb.csv). Immutable; the static excesses are kept per (experts, EP, slots, placement) in a
 * process-wide memo of this pure function.
 *
 * @param sigma      spread of the log-normal popularity (0 = every expert equally popular)
 * @param dispersion variance of a card's routed pairs in one step over their mean
 * @param citation   where the fit comes from
 */
public record ExpertPopularity(double sigma, double dispersion, String citation) {
    /** Random placements the by-id excess is averaged over. */
    public static final int PLACEMENTS = 1000;
    /** Seed of the placements, so that every run computes the same figures. */
    static final long SEED = 0x5eed_e9b1L;

    /** Every expert equally popular and no sampling spread: a card's load is exactly its share. */
    public static final ExpertPopularity UNIFORM = new ExpertPopularity(0, 0, "uniform routing (no imbalance)");

    public ExpertPopularity {
        if (!(sigma >= 0 && sigma <= 10) || !(dispersion >= 0 && dispersion <= 1e3)) {
            throw new IllegalArgumentException("expert popularity must have sigma in [0, 10] and dispersion in "
                    + "[0, 1000], was " + sigma + " and " + dispersion);
        }
    }

    private static final ConcurrentHashMap<String, Double> MEMO = new ConcurrentHashMap<>();

    /** The expert shares, descending, summing to 1. */
    public double[] shares(int experts) {
        double[] out = new double[experts];
        double sum = 0;
        for (int i = 0; i < experts; i++) {
            out[i] = Math.exp(sigma * Normal.quantile((i + 0.5) / experts));
            sum += out[i];
        }
        for (int i = 0; i < experts; i++) {
            out[i] /= sum;
        }
        // the quantiles ascend: reverse so the hottest expert comes first
        for (int i = 0, j = experts - 1; i < j; i++, j--) {
            double t = out[i];
            out[i] = out[j];
            out[j] = t;
        }
        return out;
    }

    /**
     * Static excess δ of the hottest of {@code ep} cards over the mean card (0 = perfectly balanced), each card holding
     * {@code slots} expert slots: by id without a balancer, balanced by EPLB's global policy (with
     * {@code slots·ep − experts} copies) with one.
     */
    public double staticExcess(int experts, int ep, int slots, boolean eplb) {
        return staticExcess(experts, ep, slots, eplb, 1, 1);
    }

    /**
     * As {@link #staticExcess(int, int, int, boolean)}, on {@code nodes} nodes of {@code ep / nodes} cards for a model
     * whose experts form {@code groups} groups: EPLB takes the hierarchical policy when {@link #hierarchical} says so.
     */
    public double staticExcess(int experts, int ep, int slots, boolean eplb, int groups, int nodes) {
        boolean byGroup = eplb && hierarchical(experts, ep, groups, nodes);
        if (sigma == 0 && !eplb && experts % ep == 0) {
            return 0;
        }
        String key = sigma + "/" + experts + "/" + ep + "/" + slots + "/" + eplb + (byGroup ? "/" + groups + "/" + nodes : "");
        Double v = MEMO.get(key);
        if (v == null) {
            double[] shares = shares(experts);
            v = !eplb ? byIdExcess(shares, ep, slots)
                    : byGroup ? hierarchicalExcess(shares, ep, slots, groups, nodes) : balancedExcess(shares, ep, slots);
            MEMO.putIfAbsent(key, v);
        }
        return v;
    }

    /**
     * Whether EPLB balances by node first: DeepSeek's {@code rebalance_experts} does when there is more than one node
     * and the nodes divide the expert groups (and so the experts and, here, the cards).
     */
    public static boolean hierarchical(int experts, int ep, int groups, int nodes) {
        return nodes > 1 && groups % nodes == 0 && experts % groups == 0 && ep % nodes == 0;
    }

    /** Nodes an EP group of {@code ep} cards spans: whole nodes of {@code scaleUpDomain} cards, else one. */
    public static int nodes(int ep, int scaleUpDomain) {
        return ep > scaleUpDomain && ep % scaleUpDomain == 0 ? ep / scaleUpDomain : 1;
    }

    /**
     * The hottest card's expected routed pairs over the mean card's, at a mean of {@code pairsPerCard} pairs:
     * {@code 1 + sqrt(δ² + z_EP²·dispersion / pairsPerCard)}.
     */
    public double hottestOverMean(int experts, int ep, int slots, boolean eplb, double pairsPerCard) {
        double delta = staticExcess(experts, ep, slots, eplb);
        double z = expectedMaxNormal(ep);
        return 1 + Math.sqrt(delta * delta + z * z * dispersion / pairsPerCard);
    }

    /** Expected largest of {@code n} independent standard normals (Blom's approximation; 0 for one). */
    public static double expectedMaxNormal(int n) {
        return Normal.expectedMax(n);
    }

    /** Experts by id: card c holds experts {@code [c·slots, (c+1)·slots)}; the popularity is shuffled against the ids. */
    static double byIdExcess(double[] shares, int ep, int slots) {
        return byIdExcess(shares, ep, slots, placements(shares.length));
    }

    /**
     * As {@link #byIdExcess(double[], int, int)} over placements already drawn ({@link #placements}, for as many experts
     * as {@code shares} has): a fit that tries many spreads draws them once, since they do not depend on the shares.
     */
    static double byIdExcess(double[] shares, int ep, int slots, int[][] placements) {
        double[] card = new double[ep];
        double sumOfMax = 0;
        for (int[] ids : placements) {
            Arrays.fill(card, 0);
            for (int i = 0; i < ids.length; i++) {
                card[i / slots] += shares[ids[i]];
            }
            double max = 0;
            for (double c : card) {
                max = Math.max(max, c);
            }
            sumOfMax += max;
        }
        return sumOfMax / PLACEMENTS * ep - 1;
    }

    /**
     * {@value #PLACEMENTS} placements of the popularity on {@code experts} expert ids, shuffled one after the other
     * with a fixed seed: placement t gives, for each id, the expert (by rank of popularity, hottest first) it holds.
     */
    static int[][] placements(int experts) {
        int[] ids = new int[experts];
        for (int i = 0; i < experts; i++) {
            ids[i] = i;
        }
        SplittableRandom r = new SplittableRandom(SEED);
        int[][] out = new int[PLACEMENTS][];
        for (int trial = 0; trial < PLACEMENTS; trial++) {
            for (int i = experts - 1; i > 0; i--) {
                int j = r.nextInt(i + 1);
                int t = ids[i];
                ids[i] = ids[j];
                ids[j] = t;
            }
            out[trial] = ids.clone();
        }
        return out;
    }

    /**
     * The hottest card's excess over the mean of {@code ep} cards, averaged over the {@link #placements} of the
     * popularity on the expert ids, {@code hottest} giving the hottest card's load of one placement (loads by id).
     */
    private static double overPlacements(double[] shares, int ep, java.util.function.ToDoubleFunction<double[]> hottest) {
        double[] p = new double[shares.length];
        double sumOfMax = 0;
        for (int[] ids : placements(shares.length)) {
            for (int i = 0; i < ids.length; i++) {
                p[i] = shares[ids[i]];
            }
            sumOfMax += hottest.applyAsDouble(p);
        }
        return sumOfMax / PLACEMENTS * ep - 1;
    }

    /**
     * DeepSeek's EPLB, global policy (github.com/deepseek-ai/EPLB, {@code replicate_experts} and
     * {@code balanced_packing}): with {@code slots·ep} slots, each slot beyond one per expert copies the expert with
     * the most load per copy; then the copies, heaviest first, go to the card with the least load that has a free
     * slot. Returns the hottest card's excess over the mean.
     */
    static double balancedExcess(double[] shares, int ep, int slots) {
        int experts = shares.length;
        if (slots * ep < experts) {
            throw new IllegalArgumentException(ep + " cards of " + slots + " slots cannot hold " + experts + " experts");
        }
        return hottestCard(shares, ep, slots) * ep - 1;
    }

    /**
     * DeepSeek's EPLB, hierarchical policy, averaged over {@value #PLACEMENTS} placements of the popularity on the
     * expert ids (shuffled with a fixed seed, as by id): the hottest card's excess over the mean.
     */
    static double hierarchicalExcess(double[] shares, int ep, int slots, int groups, int nodes) {
        return overPlacements(shares, ep, p -> hierarchicalHottest(p, ep, slots, groups, nodes));
    }

    /**
     * The hottest card's load under DeepSeek's hierarchical policy ({@code rebalance_experts_hierarchical}) for loads
     * by expert id: the {@code groups} groups of contiguous ids are packed, heaviest first, onto the node with the least
     * load that has room for a group ({@code balanced_packing}); each node then replicates its experts into its
     * {@code slots·ep/nodes} slots and packs them onto its cards as the global policy does.
     */
    static double hierarchicalHottest(double[] byId, int ep, int slots, int groups, int nodes) {
        int groupSize = byId.length / groups;
        int groupsPerNode = groups / nodes;
        int cardsPerNode = ep / nodes;
        if (slots * cardsPerNode < groupSize * groupsPerNode) {
            throw new IllegalArgumentException(cardsPerNode + " cards of " + slots + " slots cannot hold a node's "
                    + groupSize * groupsPerNode + " experts");
        }
        double[] group = new double[groups];
        Integer[] order = new Integer[groups];
        for (int g = 0; g < groups; g++) {
            order[g] = g;
            for (int i = g * groupSize; i < (g + 1) * groupSize; i++) {
                group[g] += byId[i];
            }
        }
        Arrays.sort(order, (a, b) -> Double.compare(group[b], group[a]));
        double[] nodeLoad = new double[nodes];
        int[] nodeGroups = new int[nodes];
        double[][] nodeShares = new double[nodes][groupSize * groupsPerNode];
        for (int g : order) {
            int to = -1;
            for (int n = 0; n < nodes; n++) {
                if (nodeGroups[n] < groupsPerNode && (to < 0 || nodeLoad[n] < nodeLoad[to])) {
                    to = n;
                }
            }
            System.arraycopy(byId, g * groupSize, nodeShares[to], nodeGroups[to] * groupSize, groupSize);
            nodeLoad[to] += group[g];
            nodeGroups[to]++;
        }
        double max = 0;
        for (double[] node : nodeShares) {
            max = Math.max(max, hottestCard(node, cardsPerNode, slots));
        }
        return max;
    }

    /**
     * The load of the hottest of {@code cards} cards of {@code slots} slots holding {@code shares} (EPLB's
     * {@code replicate_experts} then {@code balanced_packing}): each slot beyond one per expert copies the expert with
     * the most load per copy; the copies, heaviest first, go to the card with the least load that has a free slot.
     */
    static double hottestCard(double[] shares, int cards, int slots) {
        int experts = shares.length;
        int total = slots * cards;
        int[] copies = new int[experts];
        Arrays.fill(copies, 1);
        for (int extra = experts; extra < total; extra++) {
            int best = 0;
            for (int i = 1; i < experts; i++) {
                if (shares[i] / copies[i] > shares[best] / copies[best]) {
                    best = i;
                }
            }
            copies[best]++;
        }
        double[] items = new double[total];
        int n = 0;
        for (int i = 0; i < experts; i++) {
            for (int c = 0; c < copies[i]; c++) {
                items[n++] = shares[i] / copies[i];
            }
        }
        Arrays.sort(items);
        double[] load = new double[cards];
        int[] used = new int[cards];
        for (int k = total - 1; k >= 0; k--) {
            int to = -1;
            for (int c = 0; c < cards; c++) {
                if (used[c] < slots && (to < 0 || load[c] < load[to])) {
                    to = c;
                }
            }
            load[to] += items[k];
            used[to]++;
        }
        double max = 0;
        for (double l : load) {
            max = Math.max(max, l);
        }
        return max;
    }
}
