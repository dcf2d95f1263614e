package dev.ridgeline.engine;

import dev.ridgeline.engine.model.CardCost;
import java.util.OptionalDouble;

/**
 * What an output token costs at a decode throughput per card (DESIGN 4d): dollars per million output tokens, joules
 * per output token and output tokens per second per kW, from the card's {@link CardCost}. Decode only: the cards
 * counted are the decode cards (prefill's own cards and input tokens are the served workload's,
 * {@link dev.ridgeline.engine.serve.ServedCost}). Energy is the
 * card's all-in power for the whole time ({@link CardCost}). A figure whose input is missing (no price, no power) is
 * empty, never 0.
 *
 * @param cost                the card's price and power
 * @param tokensPerSecPerCard output tokens per second per card, {@code > 0}
 */
public record TokenCost(CardCost cost, double tokensPerSecPerCard) {
    /** What every figure here counts, as shown beside them. */
    public static final String BASIS = "decode only: the decode cards' price and all-in power over their output tokens;"
            + " prefill cards and input tokens are not counted (serve counts them)";

    public TokenCost {
        if (cost == null) {
            throw new IllegalArgumentException("cost is missing");
        }
        if (!(tokensPerSecPerCard > 0) || Double.isInfinite(tokensPerSecPerCard)) {
            throw new IllegalArgumentException("tokens/s per card must be > 0, was " + tokensPerSecPerCard);
        }
    }

    /** {@code price / (tokens/s · 3600 / 10^6)}; empty without a price. */
    public OptionalDouble dollarsPerMillionOutputTokens() {
        return cost.priced() ? OptionalDouble.of(cost.dollarsPerMillionTokens(tokensPerSecPerCard)) : OptionalDouble.empty();
    }

    /** All-in watts over tokens/s; empty without a power. */
    public OptionalDouble joulesPerOutputToken() {
        return cost.powered() ? OptionalDouble.of(cost.joulesPerToken(tokensPerSecPerCard)) : OptionalDouble.empty();
    }

    /** Output tokens/s per all-in kW; empty without a power. */
    public OptionalDouble outputTokensPerSecPerKw() {
        return cost.powered() ? OptionalDouble.of(cost.tokensPerSecPerKw(tokensPerSecPerCard)) : OptionalDouble.empty();
    }
}
