package dev.ridgeline.engine.memory;

import dev.ridgeline.engine.model.Dtype;
import dev.ridgeline.engine.model.Fidelity;
import dev.ridgeline.engine.ops.LayerGraph;
import dev.ridgeline.engine.model.ModelConfig;
import dev.ridgeline.engine.model.Scenario;

/**
 * Seed 000's memory budget (DESIGN 3.6): {@code maxBatch = floor((hbm − nonExpertParams·paramBytes −
 * expertsPerCard·moeLayers·3·hidden·moeInter·expertBytes) / (L·kvEntryWidth·layers·kvBytes))}, experts in FP8,
 * no reserve. {@code kvEntryWidth} is {@link ModelConfig#kvEntryWidth()}: MLA {@code kvLora + rope} (576), GQA
 * {@code 2·kvHeads·headDim}. Calibrated fidelity adds redundant experts, the MTP module when MTP is on, and a reserve for the
 * runtime (the scenario's {@code assumptions().memoryReserveBytes()}).
 */
public final class MemoryModel {
    private MemoryModel() {
    }

    public static MemoryBreakdown breakdown(Scenario s) {
        ModelConfig m = s.model();
        boolean cal = s.fidelity() == Fidelity.CALIBRATED;
        // Calibrated: the MTP module (its attention, shared expert, projection and local experts) when MTP is on.
        boolean mtp = cal && s.mtpDepth() > 0 && m.mtpModules() > 0;
        double nonExpertParams = m.nonExpertParams()
                + (mtp ? m.attentionParams() + m.sharedExperts() * m.expertParams() + 2.0 * m.hiddenSize() * m.hiddenSize() : 0);
        int expertLayers = m.moeLayers() + (mtp ? 1 : 0);
        double experts = (double) LayerGraph.expertsPerCard(s) * expertLayers * m.expertParams() * Dtype.FP8.bytes();
        double perSequence = (double) s.contextTokens() * m.kvEntryWidth() * (m.numLayers() + (mtp ? 1 : 0))
                * s.kvDtype().bytes();
        return new MemoryBreakdown(s.chip().memoryBytes(), nonExpertParams * s.weightDtype().bytes(), experts,
                perSequence * s.batchPerCard(), cal ? s.assumptions().memoryReserveBytes() : 0, perSequence);
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
