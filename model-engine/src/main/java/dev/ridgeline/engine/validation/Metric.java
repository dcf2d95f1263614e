package dev.ridgeline.engine.validation;

import dev.ridgeline.engine.Evaluation;
import dev.ridgeline.engine.model.Labelled;

/** The figure a published deployment reports, read from an evaluation in the unit the publication uses. */
public enum Metric implements Labelled {
    USER_TOKENS_PER_SEC("tokens/s per user"),
    THROUGHPUT_PER_CARD("tokens/s per card"),
    THROUGHPUT_PER_NODE("tokens/s per node of 8"),
    TPOT_MS("ms per output step"),
    /** Prefill: new prompt tokens per second per card ({@code PrefillEvaluation#tokensPerSecPerCard}). */
    PREFILL_TOKENS_PER_CARD("prompt tokens/s per card");

    private final String label;

    Metric(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** True for a prefill figure (read from a prefill step, not a decode step). */
    public boolean prefill() {
        return this == PREFILL_TOKENS_PER_CARD;
    }

    /** The figure of {@code e} in this metric's unit (a decode metric). */
    public double of(Evaluation e) {
        switch (this) {
            case PREFILL_TOKENS_PER_CARD: throw new IllegalArgumentException("a prefill metric reads a prefill step");
            case USER_TOKENS_PER_SEC: return e.userTokensPerSec();
            case THROUGHPUT_PER_CARD: return e.throughputPerCard();
            case THROUGHPUT_PER_NODE: return e.throughputPerNode();
            default: return e.tpotSec() * 1e3;
        }
    }

    /** The P10-P90 band of this figure, in its unit. */
    public dev.ridgeline.engine.evidence.Band of(dev.ridgeline.engine.evidence.Bands b) {
        switch (this) {
            case PREFILL_TOKENS_PER_CARD: throw new IllegalArgumentException("a prefill metric's band is PrefillBands'");
            case USER_TOKENS_PER_SEC: return b.userTokensPerSec();
            case THROUGHPUT_PER_CARD: return b.throughputPerCard();
            case THROUGHPUT_PER_NODE: return b.throughputPerNode();
            default: return b.tpotSec().times(1e3);
        }
    }

    /** True when more of the figure is faster (everything but the step time). */
    public boolean higherIsFaster() {
        return this != TPOT_MS;
    }
}
