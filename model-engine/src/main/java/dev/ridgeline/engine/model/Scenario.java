package dev.ridgeline.engine.model;

import static dev.ridgeline.engine.model.Checks.inRange;
import static dev.ridgeline.engine.model.Checks.present;

/**
 * One design point: model, chip, NIC and the deployment knobs. Immutable; edit with the {@code with*} copies.
 *
 * @param batchPerCard     sequences per card B (data-parallel attention)
 * @param ep               expert-parallel degree; each card holds {@code ceil(routedExperts / ep)} experts; at most
 *                         twice the routed experts (DeepSeek decodes V3's 256 on 320 cards, the rest redundant)
 * @param contextTokens    average history length L of a sequence, tokens
 * @param mtpDepth         speculative (MTP) tokens per step; each step processes q = 1 + mtpDepth tokens
 * @param mtpAcceptance    acceptance rate alpha of each speculative token (0.85 from the DeepSeek-V3 report)
 * @param kvDtype          KV-cache element type
 * @param weightDtype      element type of the non-expert weights and activations; routed and shared experts stay FP8
 * @param promotion        apply DeepGEMM's FP8 promotion discount to the MoE GEMMs on chips that need it
 * @param gemmEfficiency   manual GEMM efficiency (MFU) in [0.01, 1]; 0 = none. Overrides the promotion discount
 * @param faChunkTokens    keys FlashMLA processes per chunk; seed 000 computes whole chunks
 * @param expertLoad       rows each local routed expert is timed with (see {@link ExpertLoad})
 */
public record Scenario(ModelConfig model, Chip chip, Nic nic, int batchPerCard, int ep, int contextTokens,
                       int mtpDepth, double mtpAcceptance, Dtype kvDtype, Dtype weightDtype, Fa3Setting fa3,
                       Policy policy, boolean promotion, double gemmEfficiency, Fidelity fidelity,
                       ThroughputReading throughputReading, int faChunkTokens, ExpertLoad expertLoad) {

    public static final int MAX_BATCH = 4096;
    public static final int MAX_EP = 4096;
    public static final int MAX_CONTEXT = 4 * 1024 * 1024;
    public static final int MAX_MTP = 8;
    /** Default context of seed 000: 5K tokens. */
    public static final int SEED_CONTEXT = 5 * 1024;
    /** Seed 000's FlashAttention chunk, {@code fa_chunk = 512 * 8}. */
    public static final int SEED_FA_CHUNK = 512 * 8;
    /** Acceptance of one MTP token, from the DeepSeek-V3 technical report, as seed 000 uses it. */
    public static final double SEED_MTP_ACCEPTANCE = 0.85;
    /** Lowest manual GEMM efficiency: 1 % of the roofline (anything lower is a typo, and 1e-320 makes time infinite). */
    public static final double MIN_GEMM_EFFICIENCY = 0.01;

    public Scenario {
        String owner = "scenario";
        present(model, "model", owner);
        present(chip, "chip", owner);
        present(nic, "nic", owner);
        inRange(batchPerCard, 1, MAX_BATCH, "batchPerCard", owner);
        inRange(ep, 1, MAX_EP, "ep", owner);
        inRange(contextTokens, 1, MAX_CONTEXT, "contextTokens", owner);
        inRange(mtpDepth, 0, MAX_MTP, "mtpDepth", owner);
        inRange(mtpAcceptance, 0.0, 1.0, "mtpAcceptance", owner);
        present(kvDtype, "kvDtype", owner);
        present(weightDtype, "weightDtype", owner);
        present(fa3, "fa3", owner);
        present(policy, "policy", owner);
        Checks.zeroOrInRange(gemmEfficiency, MIN_GEMM_EFFICIENCY, 1.0, "gemmEfficiency", owner);
        present(fidelity, "fidelity", owner);
        present(throughputReading, "throughputReading", owner);
        inRange(faChunkTokens, 1, MAX_CONTEXT, "faChunkTokens", owner);
        present(expertLoad, "expertLoad", owner);
        if (ep > 2 * model.routedExperts()) {
            throw Checks.refused("ep", ep, owner, "must be <= " + 2 * model.routedExperts() + ", twice the "
                    + model.routedExperts() + " routed experts of " + Checks.quote(model.name())
                    + " (cards beyond one per expert hold redundant copies)");
        }
        if (mtpDepth > 0 && model.mtpModules() == 0) {
            throw Checks.refused("mtpDepth", mtpDepth, owner, "must be 0: " + Checks.quote(model.name())
                    + " has no MTP module");
        }
    }

    /**
     * Seed 000's defaults: EP144 (at most twice the model's routed experts), B 64, 5K context, no MTP, BF16 KV and
     * weights, dual micro-batch.
     */
    public static Scenario defaults(ModelConfig model, Chip chip, Nic nic) {
        return new Scenario(model, chip, nic, 64, Math.min(144, 2 * model.routedExperts()), SEED_CONTEXT, 0, SEED_MTP_ACCEPTANCE, Dtype.BF16, Dtype.BF16,
                Fa3Setting.CHIP_DEFAULT, Policy.DUAL_MICRO_BATCH, false, 0.0, Fidelity.SEED,
                ThroughputReading.SEED_DIVIDES_BY_Q, SEED_FA_CHUNK, ExpertLoad.FULL);
    }

    /** Tokens per sequence per decode step, q = 1 + mtpDepth. */
    public int tokensPerStep() {
        return 1 + mtpDepth;
    }

    /** Routed experts resident on each card, {@code ceil(routedExperts / ep)}. */
    public int expertsPerCard() {
        return (model.routedExperts() + ep - 1) / ep;
    }

    /** The scenario's effective FA3 mode. */
    public Fa3Mode fa3Mode() {
        return fa3.resolve(chip);
    }

    public Scenario withModel(ModelConfig v) {
        return new Scenario(v, chip, nic, batchPerCard, ep, contextTokens, mtpDepth, mtpAcceptance, kvDtype, weightDtype, fa3, policy, promotion, gemmEfficiency, fidelity, throughputReading, faChunkTokens, expertLoad);
    }

    public Scenario withChip(Chip v) {
        return new Scenario(model, v, nic, batchPerCard, ep, contextTokens, mtpDepth, mtpAcceptance, kvDtype, weightDtype, fa3, policy, promotion, gemmEfficiency, fidelity, throughputReading, faChunkTokens, expertLoad);
    }

    public Scenario withNic(Nic v) {
        return new Scenario(model, chip, v, batchPerCard, ep, contextTokens, mtpDepth, mtpAcceptance, kvDtype, weightDtype, fa3, policy, promotion, gemmEfficiency, fidelity, throughputReading, faChunkTokens, expertLoad);
    }

    public Scenario withBatch(int v) {
        return new Scenario(model, chip, nic, v, ep, contextTokens, mtpDepth, mtpAcceptance, kvDtype, weightDtype, fa3, policy, promotion, gemmEfficiency, fidelity, throughputReading, faChunkTokens, expertLoad);
    }

    public Scenario withEp(int v) {
        return new Scenario(model, chip, nic, batchPerCard, v, contextTokens, mtpDepth, mtpAcceptance, kvDtype, weightDtype, fa3, policy, promotion, gemmEfficiency, fidelity, throughputReading, faChunkTokens, expertLoad);
    }

    public Scenario withContext(int v) {
        return new Scenario(model, chip, nic, batchPerCard, ep, v, mtpDepth, mtpAcceptance, kvDtype, weightDtype, fa3, policy, promotion, gemmEfficiency, fidelity, throughputReading, faChunkTokens, expertLoad);
    }

    public Scenario withMtp(int depth, double acceptance) {
        return new Scenario(model, chip, nic, batchPerCard, ep, contextTokens, depth, acceptance, kvDtype, weightDtype, fa3, policy, promotion, gemmEfficiency, fidelity, throughputReading, faChunkTokens, expertLoad);
    }

    public Scenario withKvDtype(Dtype v) {
        return new Scenario(model, chip, nic, batchPerCard, ep, contextTokens, mtpDepth, mtpAcceptance, v, weightDtype, fa3, policy, promotion, gemmEfficiency, fidelity, throughputReading, faChunkTokens, expertLoad);
    }

    public Scenario withWeightDtype(Dtype v) {
        return new Scenario(model, chip, nic, batchPerCard, ep, contextTokens, mtpDepth, mtpAcceptance, kvDtype, v, fa3, policy, promotion, gemmEfficiency, fidelity, throughputReading, faChunkTokens, expertLoad);
    }

    public Scenario withFa3(Fa3Setting v) {
        return new Scenario(model, chip, nic, batchPerCard, ep, contextTokens, mtpDepth, mtpAcceptance, kvDtype, weightDtype, v, policy, promotion, gemmEfficiency, fidelity, throughputReading, faChunkTokens, expertLoad);
    }

    public Scenario withPolicy(Policy v) {
        return new Scenario(model, chip, nic, batchPerCard, ep, contextTokens, mtpDepth, mtpAcceptance, kvDtype, weightDtype, fa3, v, promotion, gemmEfficiency, fidelity, throughputReading, faChunkTokens, expertLoad);
    }

    public Scenario withPromotion(boolean v) {
        return new Scenario(model, chip, nic, batchPerCard, ep, contextTokens, mtpDepth, mtpAcceptance, kvDtype, weightDtype, fa3, policy, v, gemmEfficiency, fidelity, throughputReading, faChunkTokens, expertLoad);
    }

    public Scenario withGemmEfficiency(double v) {
        return new Scenario(model, chip, nic, batchPerCard, ep, contextTokens, mtpDepth, mtpAcceptance, kvDtype, weightDtype, fa3, policy, promotion, v, fidelity, throughputReading, faChunkTokens, expertLoad);
    }

    public Scenario withFidelity(Fidelity v) {
        return new Scenario(model, chip, nic, batchPerCard, ep, contextTokens, mtpDepth, mtpAcceptance, kvDtype, weightDtype, fa3, policy, promotion, gemmEfficiency, v, throughputReading, faChunkTokens, expertLoad);
    }

    public Scenario withThroughputReading(ThroughputReading v) {
        return new Scenario(model, chip, nic, batchPerCard, ep, contextTokens, mtpDepth, mtpAcceptance, kvDtype, weightDtype, fa3, policy, promotion, gemmEfficiency, fidelity, v, faChunkTokens, expertLoad);
    }

    public Scenario withFaChunk(int v) {
        return new Scenario(model, chip, nic, batchPerCard, ep, contextTokens, mtpDepth, mtpAcceptance, kvDtype, weightDtype, fa3, policy, promotion, gemmEfficiency, fidelity, throughputReading, v, expertLoad);
    }

    public Scenario withExpertLoad(ExpertLoad v) {
        return new Scenario(model, chip, nic, batchPerCard, ep, contextTokens, mtpDepth, mtpAcceptance, kvDtype, weightDtype, fa3, policy, promotion, gemmEfficiency, fidelity, throughputReading, faChunkTokens, v);
    }

    /** One line for footers and logs: "DeepSeek-V3 / H800 / CX7 / EP144 / B128 / L5120 / KV FP8 / W FP8 / dual-mbatch / MTP0". */
    public String summary() {
        return model.name() + " / " + chip.name() + " / " + nic.name() + " / EP" + ep + " / B" + batchPerCard
                + " / L" + contextTokens + " / KV " + kvDtype + " / W " + weightDtype + " / " + policy.label()
                + " / MTP" + mtpDepth + (promotion ? " / promotion" : "") + " / FA3 " + fa3Mode()
                + " / " + fidelity.name().toLowerCase(java.util.Locale.ROOT);
    }
}
