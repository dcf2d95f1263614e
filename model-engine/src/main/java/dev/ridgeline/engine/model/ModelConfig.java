package dev.ridgeline.engine.model;

import static dev.ridgeline.engine.model.Checks.nonNegative;
import static dev.ridgeline.engine.model.Checks.positive;
import static dev.ridgeline.engine.model.Checks.text;

/**
 * Shapes of an MLA + MoE transformer (DeepSeek-V3 and kin), as data. Names follow the Hugging Face
 * {@code config.json} keys where one exists.
 *
 * @param denseLayers    leading layers whose FFN is dense ({@code first_k_dense_replace}); the rest are MoE layers
 * @param sharedExperts  shared experts per MoE layer, each {@code moeIntermediateSize} wide
 * @param mtpModules     multi-token-prediction modules ({@code num_nextn_predict_layers})
 */
public record ModelConfig(String name, String source, int hiddenSize, int numLayers, int denseLayers, int numHeads,
                          int qLoraRank, int kvLoraRank, int qkNopeHeadDim, int qkRopeHeadDim, int vHeadDim,
                          int routedExperts, int sharedExperts, int expertsPerToken, int moeIntermediateSize,
                          int denseIntermediateSize, int vocabSize, int mtpModules) {

    public ModelConfig {
        String owner = "model '" + name + "'";
        text(name, "name", "model");
        text(source, "source", owner);
        positive(hiddenSize, "hiddenSize", owner);
        positive(numLayers, "numLayers", owner);
        nonNegative(denseLayers, "denseLayers", owner);
        if (denseLayers >= numLayers) {
            throw new IllegalArgumentException("denseLayers must be < numLayers " + numLayers + ", was " + denseLayers + " (" + owner + ")");
        }
        positive(numHeads, "numHeads", owner);
        positive(qLoraRank, "qLoraRank", owner);
        positive(kvLoraRank, "kvLoraRank", owner);
        positive(qkNopeHeadDim, "qkNopeHeadDim", owner);
        nonNegative(qkRopeHeadDim, "qkRopeHeadDim", owner);
        positive(vHeadDim, "vHeadDim", owner);
        positive(routedExperts, "routedExperts", owner);
        nonNegative(sharedExperts, "sharedExperts", owner);
        positive(expertsPerToken, "expertsPerToken", owner);
        if (expertsPerToken > routedExperts) {
            throw new IllegalArgumentException("expertsPerToken must be <= routedExperts " + routedExperts + ", was " + expertsPerToken + " (" + owner + ")");
        }
        positive(moeIntermediateSize, "moeIntermediateSize", owner);
        positive(denseIntermediateSize, "denseIntermediateSize", owner);
        positive(vocabSize, "vocabSize", owner);
        nonNegative(mtpModules, "mtpModules", owner);
    }

    public int moeLayers() {
        return numLayers - denseLayers;
    }

    /** Width of one cached token per layer: compressed KV plus the decoupled RoPE key (512 + 64 = 576). */
    public int kvEntryWidth() {
        return kvLoraRank + qkRopeHeadDim;
    }

    /** Query/key head width: nope + rope (128 + 64 = 192). */
    public int qkHeadDim() {
        return qkNopeHeadDim + qkRopeHeadDim;
    }

    /** Parameters of one MLA block: Q down/up, KV down (+rope), KV up (K-nope and V), O projection. */
    public double mlaParams() {
        double qDown = (double) hiddenSize * qLoraRank;
        double qUp = (double) qLoraRank * numHeads * qkHeadDim();
        double kvDown = (double) hiddenSize * kvEntryWidth();
        double kvUp = (double) kvLoraRank * numHeads * (qkNopeHeadDim + vHeadDim);
        double out = (double) numHeads * vHeadDim * hiddenSize;
        return qDown + qUp + kvDown + kvUp + out;
    }

    /** Parameters of one SwiGLU expert (gate, up, down) of width {@code moeIntermediateSize}. */
    public double expertParams() {
        return 3.0 * hiddenSize * moeIntermediateSize;
    }

    /**
     * Parameters every card holds whatever the EP degree (seed 000's memory formula, pinned by its console dump):
     * all MLA blocks + embedding + LM head + the dense layers' FFNs + the MoE layers' shared experts.
     */
    public double nonExpertParams() {
        double embeddings = 2.0 * vocabSize * hiddenSize;
        double denseFfn = (double) denseLayers * 3.0 * hiddenSize * denseIntermediateSize;
        double shared = (double) moeLayers() * sharedExperts * expertParams();
        return numLayers * mlaParams() + embeddings + denseFfn + shared;
    }
}
