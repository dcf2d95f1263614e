package dev.ridgeline.engine.search;

import dev.ridgeline.engine.model.Policy;

/** One configuration kept by the seed search, in the columns of seed 000's result tables. */
public record SearchRow(String gpu, String nic, Policy policy, int ep, int kvBytes, int paramBytes,
                        boolean promotion, int batch, double userTps, double throughputPerCard, int mtpDepth) {

    /** The de-duplication key of seed 000: (GPU, NIC, EP, non-expert param size). */
    public String groupKey() {
        return gpu + "/" + nic + "/" + ep + "/" + paramBytes;
    }
}
