package dev.ridgeline.engine.serve;

/**
 * Disaggregated prefill and decode pools matched to one request rate (DESIGN 4c), as pure arithmetic on per-card
 * rates. A prefill card finishes {@code prefill / (S·(1−h))} requests per second and a decode card
 * {@code decode / OSL}; the pools serve the same requests when {@code P · prefill / (S·(1−h)) = D · decode / OSL}, so
 * <pre>  D/P = (prefill uncached tokens/s per card × OSL) / (decode output tokens/s per card × S·(1−h))</pre>
 * (the ratio AIConfigurator's rate matching converges to without its 0.9/0.92 factors, ai-dynamo/aiconfigurator
 * sdk/picking.py {@code _match_workers}, and TensorRT-LLM's per-GPU formula, tech blog 5 "Disaggregated Serving").
 * Served output tokens/s per card counts every card of both pools: {@code decode · D / (P + D)}.
 */
public final class RateMatch {
    /** Cards per node, for node counts (8-GPU nodes, as every deployment in docs/validation.md). */
    public static final int CARDS_PER_NODE = dev.ridgeline.engine.Evaluation.CARDS_PER_NODE;

    private RateMatch() {
    }

    /**
     * Decode cards per prefill card that serve the same requests.
     *
     * @param prefillPerCard uncached prompt tokens/s a prefill card computes (at the load it is sized for)
     * @param decodePerCard  output tokens/s a decode card delivers
     * @param outputTokens   OSL
     * @param uncachedTokens prompt tokens each request computes, {@code S·(1−h)}
     */
    public static double decodePerPrefill(double prefillPerCard, double decodePerCard, double outputTokens,
                                          double uncachedTokens) {
        return prefillPerCard * outputTokens / (decodePerCard * uncachedTokens);
    }

    /** Output tokens/s per card over both pools: {@code decode · r / (1 + r)}, r = decode cards per prefill card. */
    public static double servedPerCard(double decodePerCard, double decodePerPrefill) {
        return decodePerCard * decodePerPrefill / (1 + decodePerPrefill);
    }

    /** Requests per second one card of a pool finishes: its token rate over the tokens each request asks of it. */
    public static double requestsPerSec(double tokensPerSecPerCard, double tokensPerRequest) {
        return tokensPerSecPerCard / tokensPerRequest;
    }

    /**
     * Cards and nodes of each pool, in whole deployment units (an EP group cannot run in part).
     *
     * @param requestsPerSec what the two pools together serve: the slower pool's capacity
     */
    public record Pools(int prefillUnits, int prefillUnitCards, int decodeUnits, int decodeUnitCards,
                        double requestsPerSec) {
        public int prefillCards() {
            return prefillUnits * prefillUnitCards;
        }

        public int decodeCards() {
            return decodeUnits * decodeUnitCards;
        }

        public int cards() {
            return prefillCards() + decodeCards();
        }

        public int prefillNodes() {
            return nodes(prefillCards());
        }

        public int decodeNodes() {
            return nodes(decodeCards());
        }
    }

    /** Nodes holding {@code cards} cards, {@code ceil(cards / 8)}. */
    public static int nodes(int cards) {
        return (cards + CARDS_PER_NODE - 1) / CARDS_PER_NODE;
    }

    /**
     * The fewest whole units of each pool serving {@code requestsPerSec}: {@code ceil(rate / (unit cards × per-card
     * request rate))} units each. Refused when a pool would need more than {@link Integer#MAX_VALUE} cards.
     */
    public static Pools forRequestRate(double requestsPerSec, int prefillUnitCards, double prefillRequestsPerCard,
                                       int decodeUnitCards, double decodeRequestsPerCard) {
        int p = units("prefill", requestsPerSec, prefillUnitCards, prefillRequestsPerCard);
        int d = units("decode", requestsPerSec, decodeUnitCards, decodeRequestsPerCard);
        return new Pools(p, prefillUnitCards, d, decodeUnitCards, Math.min(
                (double) p * prefillUnitCards * prefillRequestsPerCard, (double) d * decodeUnitCards * decodeRequestsPerCard));
    }

    private static int units(String pool, double rate, int unitCards, double perCard) {
        double u = Math.ceil(rate / (unitCards * perCard));
        if (!(u >= 1) || u * unitCards > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("requestsPerSec " + dev.ridgeline.engine.model.Checks.number(rate)
                    + " needs " + dev.ridgeline.engine.model.Checks.number(u * unitCards) + " " + pool + " cards: more than"
                    + " a count of cards can hold");
        }
        return (int) u;
    }

    /**
     * The split of at most {@code cards} cards into whole units of each pool that serves the most requests per second
     * (AIConfigurator's enumeration of worker counts, without its degradation factors); null when the budget cannot
     * hold one unit of each. Ties go to fewer cards.
     */
    public static Pools forCardBudget(int cards, int prefillUnitCards, double prefillRequestsPerCard,
                                      int decodeUnitCards, double decodeRequestsPerCard) {
        Pools best = null;
        for (int p = 1; (long) p * prefillUnitCards + decodeUnitCards <= cards; p++) {
            int d = (cards - p * prefillUnitCards) / decodeUnitCards;
            double served = Math.min((double) p * prefillUnitCards * prefillRequestsPerCard,
                    (double) d * decodeUnitCards * decodeRequestsPerCard);
            // the fewest decode units giving the same rate
            int dMin = (int) Math.ceil(served / (decodeUnitCards * decodeRequestsPerCard) - 1e-12);
            Pools candidate = new Pools(p, prefillUnitCards, Math.max(1, Math.min(d, dMin)), decodeUnitCards, served);
            if (best == null || served > best.requestsPerSec() * (1 + 1e-12)
                    || (served >= best.requestsPerSec() * (1 - 1e-12) && candidate.cards() < best.cards())) {
                best = candidate;
            }
        }
        return best;
    }
}
