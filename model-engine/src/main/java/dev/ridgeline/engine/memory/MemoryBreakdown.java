package dev.ridgeline.engine.memory;

/**
 * HBM use of one card, bytes. {@code freeBytes} is negative when the batch does not fit.
 *
 * @param kvBytesPerSequence KV cache of one sequence at the scenario's context, all layers
 */
public record MemoryBreakdown(double capacityBytes, double nonExpertWeightBytes, double localExpertBytes,
                              double kvCacheBytes, double reserveBytes, double kvBytesPerSequence) {

    public double usedBytes() {
        return usedBytes(nonExpertWeightBytes, localExpertBytes, kvCacheBytes, reserveBytes);
    }

    public double freeBytes() {
        return freeBytes(capacityBytes, nonExpertWeightBytes, localExpertBytes, kvCacheBytes, reserveBytes);
    }

    /** {@link #freeBytes()} of a breakdown's parts (the kernel's path, which builds no record). */
    public static double freeBytes(double capacityBytes, double nonExpertWeightBytes, double localExpertBytes,
                                   double kvCacheBytes, double reserveBytes) {
        return capacityBytes - usedBytes(nonExpertWeightBytes, localExpertBytes, kvCacheBytes, reserveBytes);
    }

    private static double usedBytes(double nonExpertWeightBytes, double localExpertBytes, double kvCacheBytes,
                                    double reserveBytes) {
        return nonExpertWeightBytes + localExpertBytes + kvCacheBytes + reserveBytes;
    }
}
