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
 *   <li>EPLB (DeepSeek's expert-parallel load balancer): each extra slot copies the expert with the most load per copy,
 *   then copies are packed heaviest first onto the card with the least load that has a free slot; δ is what that
 *   leaves.</li>
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
     * {@code slots} expert slots: by id without a balancer, balanced by EPLB (with {@code slots·ep − experts} copies)
     * with one.
     */
    public double staticExcess(int experts, int ep, int slots, boolean eplb) {
        if (sigma == 0 && !eplb && experts % ep == 0) {
            return 0;
        }
        String key = sigma + "/" + experts + "/" + ep + "/" + slots + "/" + eplb;
        Double v = MEMO.get(key);
        if (v == null) {
            v = eplb ? balancedExcess(shares(experts), ep, slots) : byIdExcess(shares(experts), ep, slots);
            MEMO.putIfAbsent(key, v);
        }
        return v;
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
        int experts = shares.length;
        double[] p = shares.clone();
        double[] card = new double[ep];
        SplittableRandom r = new SplittableRandom(SEED);
        double sumOfMax = 0;
        for (int trial = 0; trial < PLACEMENTS; trial++) {
            for (int i = experts - 1; i > 0; i--) {
                int j = r.nextInt(i + 1);
                double t = p[i];
                p[i] = p[j];
                p[j] = t;
            }
            Arrays.fill(card, 0);
            for (int i = 0; i < experts; i++) {
                card[i / slots] += p[i];
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
     * DeepSeek's EPLB, global policy (github.com/deepseek-ai/EPLB, {@code replicate_experts} and
     * {@code balanced_packing}): with {@code slots·ep} slots, each slot beyond one per expert copies the expert with
     * the most load per copy; then the copies, heaviest first, go to the card with the least load that has a free
     * slot. Returns the hottest card's excess over the mean.
     */
    static double balancedExcess(double[] shares, int ep, int slots) {
        int experts = shares.length;
        int total = slots * ep;
        if (total < experts) {
            throw new IllegalArgumentException(ep + " cards of " + slots + " slots cannot hold " + experts + " experts");
        }
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
        double[] load = new double[ep];
        int[] used = new int[ep];
        for (int k = total - 1; k >= 0; k--) {
            int to = -1;
            for (int c = 0; c < ep; c++) {
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
        return max * ep - 1;
    }
}
