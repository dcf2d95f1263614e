package dev.ridgeline.engine.memory;

/**
 * The batch limit and fit of a {@link MemoryBreakdown} (DESIGN 3.6): {@code maxBatch = floor((hbm − non-expert
 * weights − local experts − reserve) / KV per sequence)}. The breakdown itself comes from the fidelity's plan.
 */
public final class MemoryModel {
    private MemoryModel() {
    }

    /** The largest batch per card whose KV cache fits beside the weights; 0 when even the weights do not fit. */
    public static int maxBatch(MemoryBreakdown b) {
        return maxBatch(b.capacityBytes(), b.nonExpertWeightBytes(), b.localExpertBytes(), b.reserveBytes(),
                b.kvBytesPerSequence());
    }

    /** {@link #maxBatch(MemoryBreakdown)} of a breakdown's parts, bytes (the kernel's path, which builds no record). */
    public static int maxBatch(double capacityBytes, double nonExpertWeightBytes, double localExpertBytes,
                               double reserveBytes, double kvBytesPerSequence) {
        double forKv = capacityBytes - nonExpertWeightBytes - localExpertBytes - reserveBytes;
        return forKv <= 0 ? 0 : (int) Math.min(Integer.MAX_VALUE, Math.floor(forKv / kvBytesPerSequence));
    }

    public static Fit fit(MemoryBreakdown b) {
        double free = b.freeBytes();
        return free >= 0 ? new Fit.Fits(free) : new Fit.OutOfMemory(-free, maxBatch(b));
    }
}
