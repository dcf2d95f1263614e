package dev.ridgeline.engine.plan;

/**
 * A fidelity's readings of the op graph and its per-op costs, as data the kernel reads (no call per op, so the
 * JIT keeps one kernel small whichever fidelities a process runs).
 *
 * @param normsAndRouter        norms and the router gate are timed (calibrated) or left out (seed 000)
 * @param chargeQWeights        Q down / Q up read their weights (seed 000's dump charges none)
 * @param sharedOverTokens      the shared expert runs every token (else the sequences, seed 000)
 * @param wholeChunks           the attention core computes whole FlashMLA chunks (seed 000) or the context
 * @param expertsOverAllPairs   each local expert is timed over all the card's pairs (seed 000's FULL reading)
 * @param dispatchBytesPerPair  dispatch bytes per token-expert pair
 * @param combineBytes          combine bytes per element; 0 = the non-expert element size (seed 000)
 * @param promotion             DeepGEMM's promotion discount applies when the scenario enables it (seed)
 * @param gemmGap               seconds after each GEMM
 * @param coreComputeScale      measured over modelled attention-core compute time
 * @param coreSecondsPerByte    seconds per KV byte the attention core reads
 * @param coreGap               seconds after the attention core
 * @param reductionLatencySec   per sequence and chunk of the attention core (seed 000's cross-SM reduction)
 */
record Choices(boolean normsAndRouter, boolean chargeQWeights, boolean sharedOverTokens, boolean wholeChunks,
               boolean expertsOverAllPairs, double dispatchBytesPerPair, double combineBytes, boolean promotion,
               double gemmGap, double coreComputeScale, double coreSecondsPerByte, double coreGap,
               double reductionLatencySec) {
}
