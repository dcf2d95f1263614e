package dev.ridgeline.engine.report;

import dev.ridgeline.engine.model.ModelConfig;

/**
 * A model's parameter counts from its shapes ({@link ModelConfig}): everything a card may hold, what one token
 * touches, and how much of it the routed experts are. Norms and the router gate are left out (DeepSeek-V3: 0.1 B of
 * 671 B), as is the MTP module.
 *
 * @param totalParams  non-expert parameters (attention, embeddings, dense FFNs, shared experts) + every routed expert
 * @param activeParams non-expert parameters + top-k routed experts per MoE layer
 * @param routedParams every routed expert of every MoE layer
 */
public record Fingerprint(double totalParams, double activeParams, double routedParams) {

    public static Fingerprint of(ModelConfig m) {
        double routed = (double) m.routedExperts() * m.moeLayers() * m.expertParams();
        double nonExpert = m.nonExpertParams();
        double active = nonExpert + (double) m.expertsPerToken() * m.moeLayers() * m.expertParams();
        return new Fingerprint(nonExpert + routed, active, routed);
    }

    /** Share of the parameters in routed experts. */
    public double expertShare() {
        return routedParams / totalParams;
    }
}
