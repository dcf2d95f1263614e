package dev.ridgeline.engine.model;

/**
 * How FlashAttention-3 overlaps the two attention GEMMs (g0 = QK^T, g1 = PV) with the softmax vector work
 * (seed 000, after the FA3 paper arXiv:2407.08608):
 * THREE_STAGE {@code max(vector, g0 + g1)}; TWO_STAGE {@code g0 + max(vector, g1)}; NONE {@code g0 + g1 + vector}.
 */
public enum Fa3Mode implements Labelled {
    NONE("none"), TWO_STAGE("two-stage"), THREE_STAGE("three-stage");

    private final String label;

    Fa3Mode(String label) {
        this.label = label;
    }

    /** "none", "two-stage", "three-stage": the {@code --fa3} values. */
    @Override
    public String label() {
        return label;
    }

    /** Compute time of the attention core for the given GEMM and vector times, in seconds. */
    public double combine(double g0, double g1, double vector) {
        switch (this) {
            case THREE_STAGE:
                return Math.max(vector, g0 + g1);
            case TWO_STAGE:
                return g0 + Math.max(vector, g1);
            default:
                return g0 + g1 + vector;
        }
    }
}
