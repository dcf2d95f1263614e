package dev.ridgeline.engine.model;

import static dev.ridgeline.engine.model.Checks.nonNegative;
import static dev.ridgeline.engine.model.Checks.positive;
import static dev.ridgeline.engine.model.Checks.present;
import static dev.ridgeline.engine.model.Checks.text;

/**
 * Shapes of an MoE transformer with MLA (DeepSeek-V2/V3 and kin) or GQA attention (Qwen3-MoE), as data. Names
 * follow the Hugging Face {@code config.json} keys where one exists. Fields of the other attention kind are 0.
 *
 * @param attention        MLA or GQA (see {@link AttentionKind})
 * @param denseLayers      leading layers whose FFN is dense ({@code first_k_dense_replace}); the rest are MoE layers
 * @param numKeyValueHeads GQA only: key/value heads ({@code num_key_value_heads}), dividing {@code numHeads}; 0 for MLA
 * @param headDim          GQA only: width of a query, key and value head ({@code head_dim}); 0 for MLA
 * @param qLoraRank        MLA only: query compression rank; 0 = queries projected straight from the hidden state
 *                         ({@code q_lora_rank: null}, DeepSeek-V2-Lite)
 * @param sharedExperts    shared experts per MoE layer, each {@code moeIntermediateSize} wide
 * @param mtpModules       multi-token-prediction modules ({@code num_nextn_predict_layers})
 */
public record ModelConfig(String name, String source, AttentionKind attention, int hiddenSize, int numLayers,
                          int denseLayers, int numHeads, int numKeyValueHeads, int headDim, int qLoraRank,
                          int kvLoraRank, int qkNopeHeadDim, int qkRopeHeadDim, int vHeadDim, int routedExperts,
                          int sharedExperts, int expertsPerToken, int moeIntermediateSize, int denseIntermediateSize,
                          int vocabSize, int mtpModules) {

    public ModelConfig {
        String owner = "model '" + name + "'";
        text(name, "name", "model");
        text(source, "source", owner);
        present(attention, "attention", owner);
        positive(hiddenSize, "hiddenSize", owner);
        positive(numLayers, "numLayers", owner);
        nonNegative(denseLayers, "denseLayers", owner);
        if (denseLayers >= numLayers) {
            throw new IllegalArgumentException("denseLayers must be < numLayers " + numLayers + ", was " + denseLayers + " (" + owner + ")");
        }
        positive(numHeads, "numHeads", owner);
        if (attention == AttentionKind.MLA) {
            unused(attention, numKeyValueHeads, "numKeyValueHeads", owner);
            unused(attention, headDim, "headDim", owner);
            nonNegative(qLoraRank, "qLoraRank", owner);
            positive(kvLoraRank, "kvLoraRank", owner);
            positive(qkNopeHeadDim, "qkNopeHeadDim", owner);
            nonNegative(qkRopeHeadDim, "qkRopeHeadDim", owner);
            positive(vHeadDim, "vHeadDim", owner);
        } else {
            positive(numKeyValueHeads, "numKeyValueHeads", owner);
            if (numHeads % numKeyValueHeads != 0) {
                throw new IllegalArgumentException("numKeyValueHeads must divide numHeads " + numHeads + ", was "
                        + numKeyValueHeads + " (" + owner + ")");
            }
            positive(headDim, "headDim", owner);
            unused(attention, qLoraRank, "qLoraRank", owner);
            unused(attention, kvLoraRank, "kvLoraRank", owner);
            unused(attention, qkNopeHeadDim, "qkNopeHeadDim", owner);
            unused(attention, qkRopeHeadDim, "qkRopeHeadDim", owner);
            unused(attention, vHeadDim, "vHeadDim", owner);
        }
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

    /** A field of the other attention kind must be 0, so that a preset cannot carry numbers the engine ignores. */
    private static void unused(AttentionKind attention, int value, String field, String owner) {
        if (value != 0) {
            throw new IllegalArgumentException(field + " must be 0 for " + attention + " attention, was " + value
                    + " (" + owner + ")");
        }
    }

    public int moeLayers() {
        return numLayers - denseLayers;
    }

    /** True when queries are compressed to {@code qLoraRank} (a Q down / Q up pair) rather than projected directly. */
    public boolean compressesQueries() {
        return attention == AttentionKind.MLA && qLoraRank > 0;
    }

    /**
     * Elements of one cached token per layer. MLA: compressed KV plus the decoupled RoPE key, {@code kvLoraRank +
     * qkRopeHeadDim} (512 + 64 = 576, DeepSeek-V2 paper section 2.1); GQA: a key and a value per KV head,
     * {@code 2·numKeyValueHeads·headDim} (Qwen3-235B-A22B: 2·4·128 = 1,024).
     */
    public int kvEntryWidth() {
        return attention == AttentionKind.MLA ? kvLoraRank + qkRopeHeadDim : 2 * numKeyValueHeads * headDim;
    }

    /** Query/key head width: MLA nope + rope (128 + 64 = 192); GQA {@code headDim}. */
    public int qkHeadDim() {
        return attention == AttentionKind.MLA ? qkNopeHeadDim + qkRopeHeadDim : headDim;
    }

    /** Width of one value head: MLA {@code vHeadDim}; GQA {@code headDim}. */
    public int valueHeadDim() {
        return attention == AttentionKind.MLA ? vHeadDim : headDim;
    }

    /**
     * Parameters of one attention block. MLA: Q down/up (or one direct Q projection when {@code qLoraRank} is 0),
     * KV down (+rope), KV up (K-nope and V), O projection. GQA: Q {@code hidden x heads·headDim}, K and V
     * {@code hidden x kvHeads·headDim} each, O {@code heads·headDim x hidden} (no biases, Qwen3-MoE).
     */
    public double attentionParams() {
        double out = (double) numHeads * valueHeadDim() * hiddenSize;
        if (attention == AttentionKind.GQA) {
            double q = (double) hiddenSize * numHeads * headDim;
            double kv = 2.0 * hiddenSize * numKeyValueHeads * headDim;
            return q + kv + out;
        }
        double qProj = compressesQueries()
                ? (double) hiddenSize * qLoraRank + (double) qLoraRank * numHeads * qkHeadDim()
                : (double) hiddenSize * numHeads * qkHeadDim();
        double kvDown = (double) hiddenSize * kvEntryWidth();
        double kvUp = (double) kvLoraRank * numHeads * (qkNopeHeadDim + vHeadDim);
        return qProj + kvDown + kvUp + out;
    }

    /** This model under another name and source (an imported config.json names itself after its file). */
    public ModelConfig withIdentity(String newName, String newSource) {
        return new ModelConfig(newName, newSource, attention, hiddenSize, numLayers, denseLayers, numHeads,
                numKeyValueHeads, headDim, qLoraRank, kvLoraRank, qkNopeHeadDim, qkRopeHeadDim, vHeadDim,
                routedExperts, sharedExperts, expertsPerToken, moeIntermediateSize, denseIntermediateSize, vocabSize,
                mtpModules);
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
        return numLayers * attentionParams() + embeddings + denseFfn + shared;
    }
}
