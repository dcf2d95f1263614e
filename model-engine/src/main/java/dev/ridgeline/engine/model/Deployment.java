package dev.ridgeline.engine.model;

import static dev.ridgeline.engine.model.Checks.inRange;
import static dev.ridgeline.engine.model.Checks.present;

/**
 * How the model is deployed and driven: what an operator of the serving system chooses.
 *
 * @param batchPerCard  sequences per card B (data-parallel attention)
 * @param ep            expert-parallel degree; each card holds {@code ceil(routedExperts / ep)} experts
 * @param contextTokens average history length L of a sequence, tokens
 * @param mtpDepth      speculative (MTP) tokens per step; each step processes q = 1 + mtpDepth tokens
 * @param mtpAcceptance acceptance rate alpha of each speculative token (0.85 from the DeepSeek-V3 report)
 * @param policy        the layer pipeline: naive or dual micro-batch
 */
public record Deployment(int batchPerCard, int ep, int contextTokens, int mtpDepth, double mtpAcceptance,
                         Policy policy) {
    public static final int MAX_BATCH = 4096;
    public static final int MAX_EP = 4096;
    public static final int MAX_CONTEXT = 4 * 1024 * 1024;
    public static final int MAX_MTP = 8;

    public Deployment {
        String owner = "scenario";
        inRange(batchPerCard, 1, MAX_BATCH, "batchPerCard", owner);
        inRange(ep, 1, MAX_EP, "ep", owner);
        inRange(contextTokens, 1, MAX_CONTEXT, "contextTokens", owner);
        inRange(mtpDepth, 0, MAX_MTP, "mtpDepth", owner);
        inRange(mtpAcceptance, 0.0, 1.0, "mtpAcceptance", owner);
        present(policy, "policy", owner);
    }

    public Deployment withBatch(int v) {
        return new Deployment(v, ep, contextTokens, mtpDepth, mtpAcceptance, policy);
    }

    public Deployment withEp(int v) {
        return new Deployment(batchPerCard, v, contextTokens, mtpDepth, mtpAcceptance, policy);
    }

    public Deployment withContext(int v) {
        return new Deployment(batchPerCard, ep, v, mtpDepth, mtpAcceptance, policy);
    }

    public Deployment withMtp(int depth, double acceptance) {
        return new Deployment(batchPerCard, ep, contextTokens, depth, acceptance, policy);
    }

    public Deployment withPolicy(Policy v) {
        return new Deployment(batchPerCard, ep, contextTokens, mtpDepth, mtpAcceptance, v);
    }
}
