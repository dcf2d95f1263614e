package dev.ridgeline.engine.serve;

import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.space.Headline;

/**
 * A workload served (DESIGN 4c): disaggregated prefill and decode pools matched to one request rate, with the
 * co-located alternative beside them, or the one line that says which limit no deployment meets.
 */
public sealed interface Served permits Served.Sized, Served.Unmet {
    Workload workload();

    /**
     * Output tokens/s per card of the better way to serve the workload (disaggregated over both pools, or co-located);
     * 0 when no deployment meets its limits. What the served objective maximises.
     */
    double servedPerCard();

    /** The way a service runs: separate prefill and decode pools, or one pool doing both. */
    enum Mode { DISAGGREGATED, COLOCATED }

    /**
     * The prefill pool's best deployment under the TTFT limit.
     *
     * @param deployment          the configuration (EP, layout, policy, dtypes)
     * @param chunkTokens         tokens each attention group prefills per step
     * @param stepSec             one step
     * @param tokensPerSecPerCard new (uncached) prompt tokens per second per card at full load
     * @param ttft                a request's TTFT: its steps, its KV cache's transfer to decode, its wait (M/D/1 at the
     *                            workload's prefill load)
     */
    record Prefill(Scenario deployment, int chunkTokens, double stepSec, double tokensPerSecPerCard, Ttft ttft) {
    }

    /**
     * The co-located alternative: the decode deployment whose steps also prefill, at its best batch.
     *
     * @param deployment the configuration and batch
     * @param figures    its mixed step, speeds and TTFT
     */
    record Together(Scenario deployment, Colocated figures) {
    }

    /**
     * Both pools sized.
     *
     * @param decode             the decode pool's best deployment at the user speed (the decode headline)
     * @param decodePerPrefill   decode cards per prefill card, rate-matched with the prefill pool at its load
     * @param outputPerCard      output tokens/s per card over both pools
     * @param inputPerPrefillCard prompt tokens/s each prefill card takes in at its load, cache hits included
     * @param kvBytesPerRequest  the KV cache each request carries from prefill to decode
     * @param colocated          the co-located alternative, or null when no deployment meets the limits that way
     */
    record Sized(Workload workload, Prefill prefill, Headline.Answer decode, double decodePerPrefill,
                 double outputPerCard, double inputPerPrefillCard, double kvBytesPerRequest, Together colocated)
            implements Served {
        /** The request's TTFT (prefill pool). */
        public Ttft ttft() {
            return prefill.ttft();
        }

        /** Time per output token a user sees: {@code 1 / user tokens/s} of the decode pool. */
        public double tpotSec() {
            return 1 / decode.userTokensPerSec();
        }

        /** Requests per second each prefill card finishes at its load. */
        public double prefillRequestsPerCard() {
            return workload.prefillLoad() * prefill.tokensPerSecPerCard() / workload.uncachedTokens();
        }

        /** Requests per second each decode card finishes. */
        public double decodeRequestsPerCard() {
            return decode.throughputPerCard() / workload.outputTokens();
        }

        @Override
        public double servedPerCard() {
            return better() == Mode.COLOCATED ? colocated.figures().outputPerCard() : outputPerCard;
        }

        /** The better of the two ways: the one with more output tokens/s per card. */
        public Mode better() {
            return colocated != null && colocated.figures().outputPerCard() > outputPerCard ? Mode.COLOCATED
                    : Mode.DISAGGREGATED;
        }

        /** Cards and nodes of each pool serving {@code requestsPerSec}, in whole deployment units. */
        public RateMatch.Pools forRequestRate(double requestsPerSec) {
            return RateMatch.forRequestRate(requestsPerSec, unitCards(prefill.deployment()), prefillRequestsPerCard(),
                    unitCards(decode.deployment()), decodeRequestsPerCard());
        }

        /** The split of a card budget serving the most requests; null when it cannot hold one unit of each. */
        public RateMatch.Pools forCardBudget(int cards) {
            return RateMatch.forCardBudget(cards, unitCards(prefill.deployment()), prefillRequestsPerCard(),
                    unitCards(decode.deployment()), decodeRequestsPerCard());
        }
    }

    /**
     * No deployment meets the workload's limits.
     *
     * @param reason one line naming the limit that binds and how close the best deployment comes
     */
    record Unmet(Workload workload, String reason) implements Served {
        @Override
        public double servedPerCard() {
            return 0;
        }
    }

    /** Cards one deployment unit spans: the MoE's {@code ep × moeTp}, or an attention group when that is larger. */
    static int unitCards(Scenario s) {
        return Math.max(s.deployment().moeCards(), s.attentionTp());
    }
}
