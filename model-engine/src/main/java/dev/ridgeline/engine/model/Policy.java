package dev.ridgeline.engine.model;

/** Pipeline of one MoE layer: no overlap, or DeepSeek's two micro-batches (DESIGN 3.7). */
public enum Policy implements Labelled {
    NAIVE("naive"), DUAL_MICRO_BATCH("dual-mbatch");

    private final String label;

    Policy(String label) {
        this.label = label;
    }

    /** The seed's name, used on the command line and in CSV. */
    @Override
    public String label() {
        return label;
    }

    public static Policy ofLabel(String label) {
        for (Policy p : values()) {
            if (p.label.equalsIgnoreCase(label) || p.name().equalsIgnoreCase(label)) {
                return p;
            }
        }
        throw new IllegalArgumentException("policy must be naive or dual-mbatch, was " + Checks.quote(label));
    }
}
