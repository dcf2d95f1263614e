package dev.ridgeline.engine.model;

import static dev.ridgeline.engine.model.Checks.inRange;
import static dev.ridgeline.engine.model.Checks.present;

/**
 * How the model is deployed and driven: what an operator of the serving system chooses.
 * <p><b>Layout</b> (calibrated fidelity; seed 000 knows only data-parallel attention with EP, see
 * {@link Scenario}): the MoE runs on {@code N = ep × moeTp} cards, each routed expert split into {@code moeTp} shards
 * inside the scale-up domain; attention runs in groups of {@code attentionTp} cards (tensor-parallel by head inside the
 * scale-up domain, data-parallel across the {@code N / attentionTp} groups).
 * <p><b>Batch per card under attention TP.</b> {@code batchPerCard} is B, the sequences each card attends for: the
 * sequences of its attention group. With {@code attentionTp = 1} that is the card's own sequences (DESIGN 3.1). With
 * {@code attentionTp = t}, the t cards of a group share the same B sequences: each holds their whole latent KV cache
 * (MLA's latent cannot be split by head) or its share of their KV heads (GQA), and runs 1/t of the heads. The deployment
 * then serves {@code B·N/t} sequences on N cards, and throughput per card is {@code B × tokens/s per user / t}. This
 * keeps B the figure that sets the KV memory of a card (hence the batch limit) and lets a single sequence be served
 * by a whole NVLink domain (B = 1, t = 8: TensorRT-LLM's min-latency layout). docs/decisions/0008-layouts.md.
 *
 * @param batchPerCard     sequences B each card attends for (its attention group's sequences; see above)
 * @param ep               expert-parallel degree: the routed experts are spread over {@code ep} groups of
 *                         {@code moeTp} cards
 * @param contextTokens    average history length L of a sequence, tokens
 * @param mtpDepth         speculative (MTP) tokens per step; each step processes q = 1 + mtpDepth tokens
 * @param mtpAcceptance    acceptance rate alpha of each speculative token (0.85 from the DeepSeek-V3 report)
 * @param policy           the layer pipeline: naive or dual micro-batch
 * @param attentionTp      attention tensor-parallel degree t: 1, 2, 4 or 8 (1 = data-parallel attention)
 * @param moeTp            tensor-parallel degree of each routed expert: 1, 2, 4 or 8 (1 = expert parallelism only)
 * @param eplb             an expert-parallel load balancer (DeepSeek's EPLB) places and replicates experts by their
 *                         measured load; off = experts placed by id, no copies
 * @param redundantExperts copies of hot experts EPLB adds (default 32, as DeepSeek-V3 deploys: arXiv 2412.19437,
 *                         3.4.1); used only with EPLB on. Each EP group then holds
 *                         {@code ceil((routed + redundant) / ep)} expert slots
 * @param localPeersOverScaleUp decode's dispatch and combine to the peers inside a card's own scale-up domain (itself
 *                         included) travel over the scale-up link, the rest over the NIC (DeepEP's
 *                         {@code allow_nvlink_for_low_latency_mode}, on by default since 2025-05-23, commit aae9fa9);
 *                         off = every peer but the card itself over the NIC (DeepEP's low-latency kernels before then,
 *                         "pure RDMA"). Calibrated fidelity, EP beyond the scale-up domain only
 */
public record Deployment(int batchPerCard, int ep, int contextTokens, int mtpDepth, double mtpAcceptance,
                         Policy policy, int attentionTp, int moeTp, boolean eplb, int redundantExperts,
                         boolean localPeersOverScaleUp) {
    public static final int MAX_BATCH = 4096;
    public static final int MAX_EP = 4096;
    public static final int MAX_CONTEXT = 4 * 1024 * 1024;
    public static final int MAX_MTP = 8;
    /** Largest tensor-parallel degree of attention and of the experts: one 8-card NVLink node or a slice of a rack. */
    public static final int MAX_TP = 8;
    /** Most redundant experts: as many as the largest EP has cards. */
    public static final int MAX_REDUNDANT_EXPERTS = MAX_EP;
    /** DeepSeek-V3's redundant experts (arXiv 2412.19437, section 3.4.1: 32 in prefill; decode also deploys them). */
    public static final int DEFAULT_REDUNDANT_EXPERTS = 32;

    public Deployment {
        String owner = "scenario";
        inRange(batchPerCard, 1, MAX_BATCH, "batchPerCard", owner);
        inRange(ep, 1, MAX_EP, "ep", owner);
        inRange(contextTokens, 1, MAX_CONTEXT, "contextTokens", owner);
        inRange(mtpDepth, 0, MAX_MTP, "mtpDepth", owner);
        inRange(mtpAcceptance, 0.0, 1.0, "mtpAcceptance", owner);
        present(policy, "policy", owner);
        tpDegree(attentionTp, "attentionTp", owner);
        tpDegree(moeTp, "moeTp", owner);
        inRange(redundantExperts, 0, MAX_REDUNDANT_EXPERTS, "redundantExperts", owner);
    }

    /**
     * Seed 000's knobs with the layout defaults: data-parallel attention, experts by EP alone, EPLB with
     * {@link #DEFAULT_REDUNDANT_EXPERTS} copies (as DeepSeek deploys), local peers over the scale-up link (as today's
     * DeepEP does).
     */
    public Deployment(int batchPerCard, int ep, int contextTokens, int mtpDepth, double mtpAcceptance, Policy policy) {
        this(batchPerCard, ep, contextTokens, mtpDepth, mtpAcceptance, policy, 1, 1, true, DEFAULT_REDUNDANT_EXPERTS,
                true);
    }

    private static void tpDegree(int value, String field, String owner) {
        if (value != 1 && value != 2 && value != 4 && value != 8) {
            throw Checks.refused(field, value, owner, "must be 1, 2, 4 or 8");
        }
    }

    /** Cards the MoE runs on: {@code ep × moeTp}. */
    public int moeCards() {
        return ep * moeTp;
    }

    /** True when the layout is seed 000's: data-parallel attention, experts by EP alone. */
    public boolean dataParallel() {
        return attentionTp == 1 && moeTp == 1;
    }

    public Deployment withBatch(int v) {
        return new Deployment(v, ep, contextTokens, mtpDepth, mtpAcceptance, policy, attentionTp, moeTp, eplb,
                redundantExperts, localPeersOverScaleUp);
    }

    public Deployment withEp(int v) {
        return new Deployment(batchPerCard, v, contextTokens, mtpDepth, mtpAcceptance, policy, attentionTp, moeTp, eplb,
                redundantExperts, localPeersOverScaleUp);
    }

    public Deployment withContext(int v) {
        return new Deployment(batchPerCard, ep, v, mtpDepth, mtpAcceptance, policy, attentionTp, moeTp, eplb,
                redundantExperts, localPeersOverScaleUp);
    }

    public Deployment withMtp(int depth, double acceptance) {
        return new Deployment(batchPerCard, ep, contextTokens, depth, acceptance, policy, attentionTp, moeTp, eplb,
                redundantExperts, localPeersOverScaleUp);
    }

    public Deployment withPolicy(Policy v) {
        return new Deployment(batchPerCard, ep, contextTokens, mtpDepth, mtpAcceptance, v, attentionTp, moeTp, eplb,
                redundantExperts, localPeersOverScaleUp);
    }

    public Deployment withAttentionTp(int v) {
        return new Deployment(batchPerCard, ep, contextTokens, mtpDepth, mtpAcceptance, policy, v, moeTp, eplb,
                redundantExperts, localPeersOverScaleUp);
    }

    public Deployment withMoeTp(int v) {
        return new Deployment(batchPerCard, ep, contextTokens, mtpDepth, mtpAcceptance, policy, attentionTp, v, eplb,
                redundantExperts, localPeersOverScaleUp);
    }

    public Deployment withEplb(boolean v) {
        return new Deployment(batchPerCard, ep, contextTokens, mtpDepth, mtpAcceptance, policy, attentionTp, moeTp, v,
                redundantExperts, localPeersOverScaleUp);
    }

    public Deployment withRedundantExperts(int v) {
        return new Deployment(batchPerCard, ep, contextTokens, mtpDepth, mtpAcceptance, policy, attentionTp, moeTp, eplb,
                v, localPeersOverScaleUp);
    }

    public Deployment withLocalPeersOverScaleUp(boolean v) {
        return new Deployment(batchPerCard, ep, contextTokens, mtpDepth, mtpAcceptance, policy, attentionTp, moeTp, eplb,
                redundantExperts, v);
    }
}
