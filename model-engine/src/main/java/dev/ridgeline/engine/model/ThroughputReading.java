package dev.ridgeline.engine.model;

/**
 * Seed 000 prints throughput per card = rawTokens/s x B x (1 + sum alpha^i) / q; its later version drops the
 * division by q = 1 + mtpDepth. Both readings are kept; the seed's is the default.
 */
public enum ThroughputReading implements Labelled {
    SEED_DIVIDES_BY_Q("seed"), ACCEPTED_TOKENS("accepted");

    private final String label;

    ThroughputReading(String label) {
        this.label = label;
    }

    /** "seed", "accepted": the {@code --throughput-reading} values. */
    @Override
    public String label() {
        return label;
    }
}
