package dev.ridgeline.engine.memory;

import dev.ridgeline.engine.model.Dtype;
import dev.ridgeline.engine.model.ModelConfig;
import dev.ridgeline.engine.model.Scenario;

/**
 * Seed 000's memory budget (DESIGN 3.6): {@code maxBatch = floor((hbm − nonExpertParams·paramBytes −
 * expertsPerCard·moeLayers·3·hidden·moeInter·expertBytes) / (L·(kvLora + rope)·layers·kvBytes))}, experts in FP8,
 * no reserve.
 */
public final class MemoryModel {
    private MemoryModel() {
    }

    public static MemoryBreakdown breakdown(Scenario s) {
        ModelConfig m = s.model();
        double nonExpert = m.nonExpertParams() * s.weightDtype().bytes();
        double experts = (double) s.expertsPerCard() * m.moeLayers() * m.expertParams() * Dtype.FP8.bytes();
        double perSequence = (double) s.contextTokens() * m.kvEntryWidth() * m.numLayers() * s.kvDtype().bytes();
        return new MemoryBreakdown(s.chip().memoryBytes(), nonExpert, experts, perSequence * s.batchPerCard(), 0,
                perSequence);
    }

    /** The largest batch per card whose KV cache fits beside the weights; 0 when even the weights do not fit. */
    public static int maxBatch(MemoryBreakdown b) {
        double forKv = b.capacityBytes() - b.nonExpertWeightBytes() - b.localExpertBytes() - b.reserveBytes();
        return forKv <= 0 ? 0 : (int) Math.min(Integer.MAX_VALUE, Math.floor(forKv / b.kvBytesPerSequence()));
    }

    public static Fit fit(MemoryBreakdown b) {
        double free = b.freeBytes();
        return free >= 0 ? new Fit.Fits(free) : new Fit.OutOfMemory(-free, maxBatch(b));
    }
}
