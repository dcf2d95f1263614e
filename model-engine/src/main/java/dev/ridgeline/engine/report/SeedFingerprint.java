package dev.ridgeline.engine.report;

import static dev.ridgeline.engine.report.DocBuilder.num;

import dev.ridgeline.engine.model.ModelConfig;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The model's fingerprint against seed 003's own figures for DeepSeek-V3: the seed's "Model Report" (generated
 * 2026-02-18 09:13:49 from the model's Hugging Face config, https://huggingface.co/deepseek-ai/DeepSeek-V3, with
 * meta-initialised tensors), section 4.1 "Config" and sections 4.3-4.4 "Parameter &amp; Memory Summary" and "Module
 * Size Breakdown". The seed's figures are written here as the seed states them; the engine's are computed from the
 * preset's shapes ({@link ModelConfig}, {@link Fingerprint}). A difference is shown, not hidden.
 */
final class SeedFingerprint {
    /** The model seed 003 reports on (the preset of that name). */
    static final String MODEL = "DeepSeek-V3";
    static final String CITATION = "seed 003, \"Model Report\" for DeepSeek-V3 (generated 2026-02-18), sections 4.1, 4.3 "
            + "and 4.4";

    /**
     * One property: the seed's name for it, its figure, and the engine's.
     *
     * @param seedName the seed's own name (its config key, or the row of its parameter tables)
     */
    record Figure(String property, String seedName, double seed, ToDoubleFunction<ModelConfig> engine) {
    }

    /** Seed 003's figures (section 4.1 "Config"; section 4.3 "Total parameters"; section 4.4's expert rows). */
    static final List<Figure> FIGURES = List.of(
            new Figure("Hidden size H", "hidden_size", 7168, ModelConfig::hiddenSize),
            new Figure("Layers", "num_hidden_layers", 61, ModelConfig::numLayers),
            new Figure("Dense layers", "first_k_dense_replace", 3, ModelConfig::denseLayers),
            new Figure("Attention heads", "num_attention_heads", 128, ModelConfig::numHeads),
            new Figure("Q rank", "q_lora_rank", 1536, ModelConfig::qLoraRank),
            new Figure("KV rank", "kv_lora_rank", 512, ModelConfig::kvLoraRank),
            new Figure("RoPE head dim", "qk_rope_head_dim", 64, ModelConfig::qkRopeHeadDim),
            new Figure("Nope head dim", "qk_nope_head_dim", 128, ModelConfig::qkNopeHeadDim),
            new Figure("V head dim", "v_head_dim", 128, ModelConfig::vHeadDim),
            new Figure("Dense FFN width", "intermediate_size", 18432, ModelConfig::denseIntermediateSize),
            new Figure("Expert width", "moe_intermediate_size", 2048, ModelConfig::moeIntermediateSize),
            new Figure("Routed experts", "n_routed_experts", 256, ModelConfig::routedExperts),
            new Figure("Shared experts", "n_shared_experts", 1, ModelConfig::sharedExperts),
            new Figure("Experts per token (top-k)", "num_experts_per_tok", 8, ModelConfig::expertsPerToken),
            new Figure("Vocabulary", "vocab_size", 129280, ModelConfig::vocabSize),
            // section 4.4: gate_proj, up_proj and down_proj of blocks.*.ffn.experts.*, 217,969,590,272 each
            new Figure("Routed expert parameters", "blocks.*.ffn.experts.* (gate, up, down)", 3 * 217_969_590_272.0,
                    m -> Fingerprint.of(m).routedParams()),
            new Figure("Parameters, total (main model)", "Total parameters", 671_026_404_352.0,
                    m -> Fingerprint.of(m).totalParams()));

    /** Section 4.4's router row (blocks.*.ffn.router, 58 x 1,835,008): parameters the engine's count leaves out. */
    static final double ROUTER_PARAMS = 106_430_464;

    /**
     * The norms' parameters: section 4.4's attn_norm, ffn_norm (437,248 each) and q_a_norm (93,696) rows, and the two
     * patterns it does not show, kv_a_norm (61 layers x 512) and the final norm (7,168).
     */
    static final double NORM_PARAMS = 437_248 + 437_248 + 93_696 + 61 * 512 + 7_168;

    private SeedFingerprint() {
    }

    static boolean covers(ModelConfig m) {
        return m.name().equals(MODEL);
    }

    /** The comparison table and what its differences mean; nothing for a model seed 003 does not report on. */
    static void write(DocBuilder d, ModelConfig m) {
        if (!covers(m)) {
            return;
        }
        d.p("Against seed 003's own figures (", CITATION, "): the seed's column is its text; Ridgeline's is computed "
                + "from the preset's shapes.");
        DocBuilder.TableBuilder t = DocBuilder.table().text("Property").text("Seed 003's name").number("Seed 003")
                .number("Ridgeline").number("Difference");
        for (Figure f : FIGURES) {
            double ours = f.engine().applyAsDouble(m);
            t.row(f.property(), f.seedName(), num(f.seed(), Unit.COUNT), num(ours, Unit.COUNT),
                    num(ours - f.seed(), Unit.COUNT));
        }
        d.add(t.build());
        d.p("Ridgeline's total leaves out the router gate (", num(ROUTER_PARAMS, Unit.COUNT), " parameters in seed 003's "
                + "section 4.4) and the norms (", num(NORM_PARAMS, Unit.COUNT), ").");
    }
}
