package dev.ridgeline.engine.model;

import static dev.ridgeline.engine.model.Checks.inRange;
import static dev.ridgeline.engine.model.Checks.nonNegative;
import static dev.ridgeline.engine.model.Checks.positive;
import static dev.ridgeline.engine.model.Checks.present;
import static dev.ridgeline.engine.model.Checks.text;

import java.util.Objects;

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
 * @param expertGroups     groups the routed experts are split into for group-limited routing ({@code n_group}); 1 = no
 *                         groups
 * @param limitedGroups    groups a token's experts may come from ({@code topk_group}): DeepSeek-V3 picks 4 of 8, so
 *                         "each token will be ensured to be sent to at most 4 nodes" (arXiv 2412.19437, section 4.2);
 *                         equal to {@code expertGroups} = no limit
 */
public record ModelConfig(String name, String source, AttentionKind attention, int hiddenSize, int numLayers,
                          int denseLayers, int numHeads, int numKeyValueHeads, int headDim, int qLoraRank,
                          int kvLoraRank, int qkNopeHeadDim, int qkRopeHeadDim, int vHeadDim, int routedExperts,
                          int sharedExperts, int expertsPerToken, int moeIntermediateSize, int denseIntermediateSize,
                          int vocabSize, int mtpModules, int expertGroups, int limitedGroups) {

    /** Widest hidden state or latent rank accepted: 2^16 (DeepSeek-V3 7,168; the largest dense models 16-25 k). */
    public static final int MAX_WIDTH = 1 << 16;
    /** Widest attention head: 2^12 (today 64-256). */
    public static final int MAX_HEAD_DIM = 1 << 12;
    /** Most layers or attention heads: 2^10 (today at most 128 of either). */
    public static final int MAX_LAYERS_OR_HEADS = 1 << 10;
    /** Most routed experts: 2^16 (Kimi-K2 384). */
    public static final int MAX_EXPERTS = 1 << 16;
    /** Most shared experts: 64 (today 0-2). */
    public static final int MAX_SHARED_EXPERTS = 64;
    /** Widest FFN: 2^20 (today's widest dense FFNs 53 k). */
    public static final int MAX_INTERMEDIATE = 1 << 20;
    /** Largest vocabulary: 2^24 (today 32 k-262 k). */
    public static final int MAX_VOCAB = 1 << 24;
    /** Most MTP modules: 16 (DeepSeek-V3 1). */
    public static final int MAX_MTP_MODULES = 16;

    /**
     * Every size positive and below a bound no real model approaches ({@link #MAX_WIDTH} ...): within them every
     * {@code int} product the operators form (heads x head width, shared experts x width, 2 x width) stays below
     * 2^31, and times and bytes stay finite.
     */
    public ModelConfig {
        String owner = "model " + Checks.quote(name);
        Checks.name(name, "model");
        text(source, "source", owner);
        present(attention, "attention", owner);
        inRange(hiddenSize, 1, MAX_WIDTH, "hiddenSize", owner);
        inRange(numLayers, 1, MAX_LAYERS_OR_HEADS, "numLayers", owner);
        nonNegative(denseLayers, "denseLayers", owner);
        if (denseLayers >= numLayers) {
            throw Checks.refused("denseLayers", denseLayers, owner, "must be < the " + numLayers + " layers");
        }
        inRange(numHeads, 1, MAX_LAYERS_OR_HEADS, "numHeads", owner);
        if (attention == AttentionKind.MLA) {
            unused(attention, numKeyValueHeads, "numKeyValueHeads", owner);
            unused(attention, headDim, "headDim", owner);
            inRange(qLoraRank, 0, MAX_WIDTH, "qLoraRank", owner);
            inRange(kvLoraRank, 1, MAX_WIDTH, "kvLoraRank", owner);
            inRange(qkNopeHeadDim, 1, MAX_HEAD_DIM, "qkNopeHeadDim", owner);
            inRange(qkRopeHeadDim, 0, MAX_HEAD_DIM, "qkRopeHeadDim", owner);
            inRange(vHeadDim, 1, MAX_HEAD_DIM, "vHeadDim", owner);
        } else {
            inRange(numKeyValueHeads, 1, numHeads, "numKeyValueHeads", owner);
            if (numHeads % numKeyValueHeads != 0) {
                throw Checks.refused("numKeyValueHeads", numKeyValueHeads, owner, "must divide the " + numHeads
                        + " attention heads");
            }
            inRange(headDim, 1, MAX_HEAD_DIM, "headDim", owner);
            unused(attention, qLoraRank, "qLoraRank", owner);
            unused(attention, kvLoraRank, "kvLoraRank", owner);
            unused(attention, qkNopeHeadDim, "qkNopeHeadDim", owner);
            unused(attention, qkRopeHeadDim, "qkRopeHeadDim", owner);
            unused(attention, vHeadDim, "vHeadDim", owner);
        }
        inRange(routedExperts, 1, MAX_EXPERTS, "routedExperts", owner);
        inRange(sharedExperts, 0, MAX_SHARED_EXPERTS, "sharedExperts", owner);
        positive(expertsPerToken, "expertsPerToken", owner);
        if (expertsPerToken > routedExperts) {
            throw Checks.refused("expertsPerToken", expertsPerToken, owner, "must be <= the " + routedExperts
                    + " routed experts");
        }
        inRange(moeIntermediateSize, 1, MAX_INTERMEDIATE, "moeIntermediateSize", owner);
        inRange(denseIntermediateSize, 1, MAX_INTERMEDIATE, "denseIntermediateSize", owner);
        inRange(vocabSize, 1, MAX_VOCAB, "vocabSize", owner);
        inRange(mtpModules, 0, MAX_MTP_MODULES, "mtpModules", owner);
        inRange(expertGroups, 1, routedExperts, "expertGroups", owner);
        if (routedExperts % expertGroups != 0) {
            throw Checks.refused("expertGroups", expertGroups, owner, "must divide the " + routedExperts
                    + " routed experts");
        }
        inRange(limitedGroups, 1, expertGroups, "limitedGroups", owner);
        if ((long) limitedGroups * (routedExperts / expertGroups) < expertsPerToken) {
            throw Checks.refused("limitedGroups", limitedGroups, owner, "must hold the " + expertsPerToken
                    + " experts a token picks: " + limitedGroups + " groups of " + routedExperts / expertGroups
                    + " experts hold fewer");
        }
    }

    /** A model without group-limited routing (every token may pick any routed expert). */
    public ModelConfig(String name, String source, AttentionKind attention, int hiddenSize, int numLayers,
                       int denseLayers, int numHeads, int numKeyValueHeads, int headDim, int qLoraRank,
                       int kvLoraRank, int qkNopeHeadDim, int qkRopeHeadDim, int vHeadDim, int routedExperts,
                       int sharedExperts, int expertsPerToken, int moeIntermediateSize, int denseIntermediateSize,
                       int vocabSize, int mtpModules) {
        this(name, source, attention, hiddenSize, numLayers, denseLayers, numHeads, numKeyValueHeads, headDim,
                qLoraRank, kvLoraRank, qkNopeHeadDim, qkRopeHeadDim, vHeadDim, routedExperts, sharedExperts,
                expertsPerToken, moeIntermediateSize, denseIntermediateSize, vocabSize, mtpModules, 1, 1);
    }

    /** True when a token's experts are limited to {@link #limitedGroups} of the {@link #expertGroups} groups. */
    public boolean groupLimited() {
        return limitedGroups < expertGroups;
    }

    /** This model with group-limited routing: {@code limited} of {@code groups} expert groups per token. */
    public ModelConfig withRoutingGroups(int groups, int limited) {
        return new ModelConfig(name, source, attention, hiddenSize, numLayers, denseLayers, numHeads, numKeyValueHeads,
                headDim, qLoraRank, kvLoraRank, qkNopeHeadDim, qkRopeHeadDim, vHeadDim, routedExperts, sharedExperts,
                expertsPerToken, moeIntermediateSize, denseIntermediateSize, vocabSize, mtpModules, groups, limited);
    }

    /** A field of the other attention kind must be 0, so that a preset cannot carry numbers the engine ignores. */
    private static void unused(AttentionKind attention, int value, String field, String owner) {
        if (value != 0) {
            throw Checks.refused(field, value, owner, "must be 0 for " + attention + " attention");
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

    /**
     * Parameters of one attention block a card holds under attention tensor parallelism of degree {@code tp} (which
     * divides the heads): the head-parallel projections a tp-th each (MLA: Q up or the direct Q projection, KV up, O;
     * GQA: Q and O, K and V by KV head, copied once tp passes the KV heads), MLA's low-rank Q down and KV down whole.
     */
    public double attentionParams(int tp) {
        double out = (double) numHeads * valueHeadDim() * hiddenSize / tp;
        if (attention == AttentionKind.GQA) {
            double q = (double) hiddenSize * numHeads * headDim / tp;
            double kv = 2.0 * hiddenSize * Math.max(1, numKeyValueHeads / tp) * headDim;
            return q + kv + out;
        }
        double qProj = qLoraRank > 0
                ? (double) hiddenSize * qLoraRank + (double) qLoraRank * numHeads * qkHeadDim() / tp
                : (double) hiddenSize * numHeads * qkHeadDim() / tp;
        double kvDown = (double) hiddenSize * kvEntryWidth();
        double kvUp = (double) kvLoraRank * numHeads * (qkNopeHeadDim + vHeadDim) / tp;
        return qProj + kvDown + kvUp + out;
    }

    /** This model under another name and source (an imported config.json names itself after its file). */
    public ModelConfig withIdentity(String newName, String newSource) {
        return new ModelConfig(newName, newSource, attention, hiddenSize, numLayers, denseLayers, numHeads,
                numKeyValueHeads, headDim, qLoraRank, kvLoraRank, qkNopeHeadDim, qkRopeHeadDim, vHeadDim,
                routedExperts, sharedExperts, expertsPerToken, moeIntermediateSize, denseIntermediateSize, vocabSize,
                mtpModules, expertGroups, limitedGroups);
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

    /** The record's own equality, written out for the reason {@link Scenario#equals} gives. */
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof ModelConfig m && Objects.equals(name, m.name)
                && Objects.equals(source, m.source) && attention == m.attention && hiddenSize == m.hiddenSize
                && numLayers == m.numLayers && denseLayers == m.denseLayers && numHeads == m.numHeads
                && numKeyValueHeads == m.numKeyValueHeads && headDim == m.headDim && qLoraRank == m.qLoraRank
                && kvLoraRank == m.kvLoraRank && qkNopeHeadDim == m.qkNopeHeadDim && qkRopeHeadDim == m.qkRopeHeadDim
                && vHeadDim == m.vHeadDim && routedExperts == m.routedExperts && sharedExperts == m.sharedExperts
                && expertsPerToken == m.expertsPerToken && moeIntermediateSize == m.moeIntermediateSize
                && denseIntermediateSize == m.denseIntermediateSize && vocabSize == m.vocabSize
                && mtpModules == m.mtpModules && expertGroups == m.expertGroups && limitedGroups == m.limitedGroups;
    }
}
