package dev.ridgeline.engine.model;

/**
 * How seed fidelity times the routed experts of a card ({@code e = ceil(routedExperts / ep)} of them, P = B·q·topk
 * token-expert pairs per card).
 * <ul>
 *   <li>{@link #SPLIT}: each of the e experts runs M = P / e rows. The physical reading, and the one seed 000's
 *   console dump prints ("Sparse Expert bs=256" for P = 512, e = 2).</li>
 *   <li>{@link #FULL}: each of the e experts is timed over all P rows. Not physical, but it is what reproduces seed
 *   000's result tables: with it the median error over the 56 non-H20 rows drops from about 1.5 % to 0.8-1.2 % per
 *   table and the worst from 12.8 % to 7.6 % (docs/validation.md), because the EP144 rows (e = 2) are slower than SPLIT predicts by
 *   exactly the doubled expert FLOPs on compute-bound chips (A100).</li>
 * </ul>
 */
public enum ExpertLoad implements Labelled {
    FULL, SPLIT;

    /** "full", "split": the {@code --expert-load} values. */
    @Override
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Rows each local expert GEMM runs for {@code pairs} token-expert pairs on a card with {@code experts}. */
    public double rowsPerExpert(double pairs, int experts) {
        return this == FULL ? pairs : pairs / experts;
    }
}
