package dev.ridgeline.engine.plan;

/**
 * A fidelity's readings of the op graph, as data the layer reads.
 *
 * @param normsAndRouter        norms and the router gate are timed (calibrated) or left out (seed 000)
 * @param chargeQWeights        Q down / Q up read their weights (seed 000's dump charges none)
 * @param sharedOverTokens      the shared expert runs every token (else the sequences, seed 000)
 * @param wholeChunks           the attention core computes whole FlashMLA chunks (seed 000) or the context
 * @param expertsOverAllPairs   each local expert is timed over all the card's pairs (seed 000's FULL reading)
 * @param dispatchBytesPerPair  dispatch bytes per token-expert pair
 * @param combineBytes          combine bytes per element; 0 = the non-expert element size (seed 000)
 */
record Choices(boolean normsAndRouter, boolean chargeQWeights, boolean sharedOverTokens, boolean wholeChunks,
               boolean expertsOverAllPairs, double dispatchBytesPerPair, double combineBytes) {
}
