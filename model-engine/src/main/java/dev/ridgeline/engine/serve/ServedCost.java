package dev.ridgeline.engine.serve;

import dev.ridgeline.engine.model.CardCost;
import java.util.OptionalDouble;

/**
 * What a served workload's tokens cost (DESIGN 4c, 4d): the prefill pool's cards over the prompt tokens they take in,
 * the decode pool's over the output tokens, and both pools together over a request. Every card is charged its price
 * and its all-in power for the whole time, the prefill cards at the workload's prefill load too (their idle share is
 * the price of the TTFT limit). A request's prompt tokens count whole, cache hits included, as
 * {@link Served.Sized#inputPerPrefillCard()} counts them.
 *
 * <p>For {@code S} input and {@code OSL} output tokens a request, a price {@code p} per card-hour, a prefill card taking
 * in {@code i} prompt tokens/s and a decode card giving {@code o} output tokens/s:
 * <pre>
 *   $ per million input tokens   = p / (i · 3600 / 10^6)
 *   $ per million output tokens  = p / (o · 3600 / 10^6)                       (the decode pool, as {@code evaluate})
 *   $ per request                = (S · in + OSL · out) / 10^6
 *   $ per million tokens, blended = $ per request / (S + OSL) · 10^6
 *   $ per million served output tokens = $ per request / OSL · 10^6 = p / (served tokens/s per card · 3600 / 10^6)
 * </pre>
 * (the last because {@code 1 / served = S / (i · OSL) + 1 / o}, {@link RateMatch#servedPerCard}). Joules the same with
 * the all-in watts for the price per second. A figure whose input is missing (no price, no power) is empty.
 *
 * @param cost                  the card's price and power (both pools run the same chip)
 * @param inputPerPrefillCard   prompt tokens/s a prefill card takes in at its load, {@code > 0}
 * @param outputPerDecodeCard   output tokens/s a decode card gives, {@code > 0}
 * @param inputTokens           S, prompt tokens a request
 * @param outputTokens          OSL, output tokens a request
 */
public record ServedCost(CardCost cost, double inputPerPrefillCard, double outputPerDecodeCard, int inputTokens,
                         int outputTokens) {
    /** What the figures count, as shown beside them. */
    public static final String BASIS = "both pools: each card's price and all-in power for the whole time, prefill "
            + "cards at the workload's prefill load (their idle share included); input tokens are the prompt's, cache "
            + "hits included";

    public ServedCost {
        if (cost == null) {
            throw new IllegalArgumentException("cost is missing");
        }
        positive("input tokens/s per prefill card", inputPerPrefillCard);
        positive("output tokens/s per decode card", outputPerDecodeCard);
        positive("inputTokens", inputTokens);
        positive("outputTokens", outputTokens);
    }

    /** The cost of a sized service on its chip. */
    public static ServedCost of(CardCost cost, Served.Sized s) {
        return new ServedCost(cost, s.inputPerPrefillCard(), s.decode().throughputPerCard(), s.workload().inputTokens(),
                s.workload().outputTokens());
    }

    /** Output tokens/s per card over both pools: {@code 1 / (S / (i · OSL) + 1 / o)}. */
    public double servedOutputPerCard() {
        return 1 / ((double) inputTokens / (inputPerPrefillCard * outputTokens) + 1 / outputPerDecodeCard);
    }

    /** The prefill pool's dollars per million prompt tokens; empty without a price. */
    public OptionalDouble dollarsPerMillionInputTokens() {
        return cost.priced() ? OptionalDouble.of(cost.dollarsPerMillionTokens(inputPerPrefillCard)) : OptionalDouble.empty();
    }

    /** The decode pool's dollars per million output tokens; empty without a price. */
    public OptionalDouble dollarsPerMillionOutputTokens() {
        return cost.priced() ? OptionalDouble.of(cost.dollarsPerMillionTokens(outputPerDecodeCard)) : OptionalDouble.empty();
    }

    /** Both pools' dollars for one request; empty without a price. */
    public OptionalDouble dollarsPerRequest() {
        return cost.priced() ? OptionalDouble.of(perRequest(dollarsPerMillionInputTokens().getAsDouble(),
                dollarsPerMillionOutputTokens().getAsDouble()) / 1e6) : OptionalDouble.empty();
    }

    /** Both pools' dollars per million tokens of the workload, input and output together; empty without a price. */
    public OptionalDouble dollarsPerMillionTokensBlended() {
        return per(dollarsPerRequest(), inputTokens + outputTokens);
    }

    /** Both pools' dollars per million output tokens (what the cost objective ranks a service by); empty without a price. */
    public OptionalDouble dollarsPerMillionServedOutputTokens() {
        return per(dollarsPerRequest(), outputTokens);
    }

    /** The prefill pool's all-in joules per prompt token; empty without a power. */
    public OptionalDouble joulesPerInputToken() {
        return cost.powered() ? OptionalDouble.of(cost.joulesPerToken(inputPerPrefillCard)) : OptionalDouble.empty();
    }

    /** The decode pool's all-in joules per output token; empty without a power. */
    public OptionalDouble joulesPerOutputToken() {
        return cost.powered() ? OptionalDouble.of(cost.joulesPerToken(outputPerDecodeCard)) : OptionalDouble.empty();
    }

    /** Both pools' all-in joules for one request; empty without a power. */
    public OptionalDouble joulesPerRequest() {
        return cost.powered() ? OptionalDouble.of(perRequest(joulesPerInputToken().getAsDouble(),
                joulesPerOutputToken().getAsDouble())) : OptionalDouble.empty();
    }

    /** Both pools' all-in joules per output token; empty without a power. */
    public OptionalDouble joulesPerServedOutputToken() {
        OptionalDouble j = joulesPerRequest();
        return j.isPresent() ? OptionalDouble.of(j.getAsDouble() / outputTokens) : j;
    }

    private double perRequest(double perInput, double perOutput) {
        return inputTokens * perInput + outputTokens * perOutput;
    }

    private static OptionalDouble per(OptionalDouble dollarsPerRequest, int tokens) {
        return dollarsPerRequest.isPresent() ? OptionalDouble.of(dollarsPerRequest.getAsDouble() / tokens * 1e6)
                : dollarsPerRequest;
    }

    private static void positive(String what, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(what + " must be > 0, was " + v);
        }
    }
}
