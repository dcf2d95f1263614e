package dev.ridgeline.engine.memory;

/**
 * HBM use of one card, bytes. {@code freeBytes} is negative when the batch does not fit.
 *
 * @param kvBytesPerSequence KV cache of one sequence at the scenario's context, all layers
 */
public record MemoryBreakdown(double capacityBytes, double nonExpertWeightBytes, double localExpertBytes,
                              double kvCacheBytes, double reserveBytes, double kvBytesPerSequence) {

    public double usedBytes() {
        return nonExpertWeightBytes + localExpertBytes + kvCacheBytes + reserveBytes;
    }

    public double freeBytes() {
        return capacityBytes - usedBytes();
    }
}
