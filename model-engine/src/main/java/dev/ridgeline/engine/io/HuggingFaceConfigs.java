package dev.ridgeline.engine.io;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ridgeline.engine.model.AttentionKind;
import dev.ridgeline.engine.model.Checks;
import dev.ridgeline.engine.model.FieldException;
import dev.ridgeline.engine.model.ModelConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a Hugging Face {@code config.json} into a {@link ModelConfig}. Unlike a preset, a config.json carries many
 * keys the engine does not need (rope scaling, token ids, quantization ...): unknown keys are ignored. What must be
 * there is an MoE model: a routed-expert count ({@code n_routed_experts}, DeepSeek; {@code num_experts}, Qwen;
 * {@code num_local_experts}, Mixtral and gpt-oss), and either MLA keys (any of {@link #MLA_KEYS} present:
 * DeepSeek-V2/V3, Kimi-K2) or GQA keys (Qwen3-MoE, Qwen2-MoE, Mixtral, gpt-oss).
 * <p>Mapping (the config keys of transformers' {@code DeepseekV3Config}, {@code Qwen3MoeConfig},
 * {@code MixtralConfig} and {@code GptOssConfig}):
 * <ul>
 * <li>always: {@code hidden_size, num_hidden_layers, num_attention_heads, num_experts_per_tok} (gpt-oss also
 * {@code experts_per_token}), {@code moe_intermediate_size} (Mixtral and gpt-oss have none: their
 * {@code intermediate_size} is the expert's width), {@code intermediate_size, vocab_size}; optional
 * {@code first_k_dense_replace} (0), {@code n_shared_experts} (0), {@code num_nextn_predict_layers} (0);</li>
 * <li>MLA: {@code q_lora_rank} ({@code null} = no query compression, 0), {@code kv_lora_rank, qk_nope_head_dim,
 * qk_rope_head_dim, v_head_dim}; {@code num_key_value_heads} is ignored (MLA caches one latent);</li>
 * <li>GQA: {@code num_key_value_heads}; {@code head_dim}, else {@code hidden_size / num_attention_heads}
 * (transformers' fallback); Qwen2-MoE's {@code shared_expert_intermediate_size} counts as that many
 * {@code moe_intermediate_size}-wide shared experts.</li>
 * </ul>
 * gpt-oss's alternate sliding-window layers ({@code sliding_window}, {@code layer_types}) are costed as full
 * attention, which the model's source says. Layouts the engine cannot describe are refused: dense models, and MoE
 * layers interleaved with dense ones
 * ({@code moe_layer_freq} or {@code decoder_sparse_step} other than 1, a non-empty {@code mlp_only_layers}).
 * Every refusal is a {@link PresetException} with a one-line message naming the file and the key.
 */
public final class HuggingFaceConfigs {
    /** Any of these keys marks MLA attention; then all of them are required ({@code q_lora_rank} may be null). */
    static final List<String> MLA_KEYS = List.of("q_lora_rank", "kv_lora_rank", "qk_nope_head_dim", "qk_rope_head_dim",
            "v_head_dim");
    /** The routed-expert count, by family: DeepSeek, Qwen, Mixtral and gpt-oss; the first present is used. */
    static final List<String> EXPERT_KEYS = List.of("n_routed_experts", "num_experts", "num_local_experts");
    /** Qwen2-MoE's shared expert, as a width (a whole number of routed-expert widths). */
    static final String SHARED_WIDTH = "shared_expert_intermediate_size";

    private HuggingFaceConfigs() {
    }

    /**
     * Reads {@code path}; the model is named after its folder when the file is called {@code config.json}
     * ({@code .../DeepSeek-V3/config.json} gives {@code DeepSeek-V3}), else after the file.
     */
    public static ModelConfig read(Path path) {
        return parse(Presets.readFile(path), path.toString(), nameOf(path));
    }

    static String nameOf(Path path) {
        String file = path.getFileName().toString();
        Path parent = path.toAbsolutePath().normalize().getParent();
        if (file.equals("config.json") && parent != null && parent.getFileName() != null) {
            return parent.getFileName().toString();
        }
        return file.replaceFirst("\\.json$", "");
    }

    /** Maps the text of a config.json; {@code file} is the name used in messages and in the model's source. */
    public static ModelConfig parse(String json, String file, String name) {
        JsonNode root = Json.tree(json, file);
        checkLabels(root, file);
        Keys k = new Keys(root, file);
        String experts = EXPERT_KEYS.stream().filter(root::hasNonNull).findFirst().orElse(null);
        if (experts == null || k.required(experts) == 0) {
            throw new PresetException(file + ": " + architecture(root) + " is not a mixture-of-experts model ("
                    + (experts == null ? "no " + String.join(", ", EXPERT_KEYS.stream().map(e -> "'" + e + "'").toList())
                    + " key" : "'" + experts + "' is 0") + "); Ridgeline models MoE decode only");
        }
        k.mustBeOne("moe_layer_freq");
        k.mustBeOne("decoder_sparse_step");
        JsonNode denseOnly = root.get("mlp_only_layers");
        if (denseOnly != null && !denseOnly.isNull() && !(denseOnly.isArray() && denseOnly.isEmpty())) {
            throw new PresetException(file + ": key 'mlp_only_layers' must be " + (denseOnly.isArray()
                    ? "empty (dense layers between MoE layers are not modelled)" : "a list of layer indices")
                    + ", was " + Json.value(denseOnly));
        }
        boolean mla = MLA_KEYS.stream().anyMatch(root::has);
        // Mixtral and gpt-oss have no moe_intermediate_size: their intermediate_size is the expert's width
        String expertWidth = !root.has("moe_intermediate_size") && experts.equals("num_local_experts")
                ? "intermediate_size" : "moe_intermediate_size";
        String topK = !root.has("num_experts_per_tok") && root.has("experts_per_token") ? "experts_per_token"
                : "num_experts_per_tok";
        int hidden = k.required("hidden_size");
        int heads = k.required("num_attention_heads");
        int moeWidth = k.positive(expertWidth);
        // Qwen2-MoE states its shared expert as a width: a refusal names that key, in its unit
        String sharedKey = !root.hasNonNull("n_shared_experts") && root.hasNonNull(SHARED_WIDTH) ? SHARED_WIDTH
                : "n_shared_experts";
        int shared = k.optional("n_shared_experts", sharedFromWidth(k, moeWidth, file));
        String source = "Hugging Face config.json " + file + " (" + architecture(root) + ")"
                + (root.hasNonNull("sliding_window") ? "; its sliding-window layers are costed as full attention" : "");
        Map<String, FileKeys.Key> keys = keys(experts, expertWidth, topK);
        keys.put("sharedExperts", new FileKeys.Key(sharedKey, sharedKey.equals(SHARED_WIDTH) ? 1.0 / moeWidth : 1));
        // group-limited routing (DeepSeek-V2 "group_limited_greedy", V3 "noaux_tc"); "greedy" picks from every expert
        boolean grouped = !"greedy".equals(root.path("topk_method").asText("")) && root.hasNonNull("n_group");
        int groups = grouped ? k.optional("n_group", 1) : 1;
        int limited = grouped ? k.optional("topk_group", groups) : 1;
        try {
            return new ModelConfig(name, source, mla ? AttentionKind.MLA : AttentionKind.GQA, hidden,
                    k.required("num_hidden_layers"), k.optional("first_k_dense_replace", 0), heads,
                    mla ? 0 : k.required("num_key_value_heads"), mla ? 0 : k.optional("head_dim", heads > 0 ? hidden / heads : 0),
                    mla ? k.required("q_lora_rank", 0) : 0, mla ? k.required("kv_lora_rank") : 0,
                    mla ? k.required("qk_nope_head_dim") : 0, mla ? k.required("qk_rope_head_dim") : 0,
                    mla ? k.required("v_head_dim") : 0, k.required(experts), shared,
                    k.required(topK), moeWidth, k.required("intermediate_size"),
                    k.required("vocab_size"), k.optional("num_nextn_predict_layers", 0), groups, limited);
        } catch (FieldException e) {
            throw new PresetException(file + ": " + FileKeys.restate(e, keys, root), e);
        } catch (IllegalArgumentException e) {
            throw new PresetException(file + ": " + e.getMessage(), e);
        }
    }

    /** The config.json key of each {@link ModelConfig} component, for messages in the file's own words. */
    private static Map<String, FileKeys.Key> keys(String experts, String expertWidth, String topK) {
        String[][] pairs = {{"hiddenSize", "hidden_size"}, {"numLayers", "num_hidden_layers"},
            {"denseLayers", "first_k_dense_replace"}, {"numHeads", "num_attention_heads"},
            {"numKeyValueHeads", "num_key_value_heads"}, {"headDim", "head_dim"}, {"qLoraRank", "q_lora_rank"},
            {"kvLoraRank", "kv_lora_rank"}, {"qkNopeHeadDim", "qk_nope_head_dim"}, {"qkRopeHeadDim", "qk_rope_head_dim"},
            {"vHeadDim", "v_head_dim"}, {"routedExperts", experts}, {"sharedExperts", "n_shared_experts"},
            {"expertsPerToken", topK}, {"moeIntermediateSize", expertWidth},
            {"denseIntermediateSize", "intermediate_size"}, {"vocabSize", "vocab_size"},
            {"mtpModules", "num_nextn_predict_layers"}, {"expertGroups", "n_group"}, {"limitedGroups", "topk_group"}};
        Map<String, FileKeys.Key> out = new HashMap<>();
        for (String[] p : pairs) {
            out.put(p[0], new FileKeys.Key(p[1], 1));
        }
        return out;
    }

    /** Qwen2-MoE states its shared expert as a width; it must be a whole number of routed-expert widths. */
    private static int sharedFromWidth(Keys k, int moeWidth, String file) {
        int width = k.optional(SHARED_WIDTH, 0);
        if (width % moeWidth != 0) {
            throw new PresetException(file + ": key 'shared_expert_intermediate_size' must be a multiple of "
                    + "moe_intermediate_size " + moeWidth + ", was " + width);
        }
        return width / moeWidth;
    }

    /** The names the model's source quotes: a list of class names and a string, as transformers writes them. */
    private static void checkLabels(JsonNode root, String file) {
        JsonNode archs = root.get("architectures");
        boolean names = archs == null || archs.isNull()
                || archs.isArray() && java.util.stream.StreamSupport.stream(archs.spliterator(), false).allMatch(JsonNode::isTextual);
        if (!names) {
            throw new PresetException(file + ": key 'architectures' must be a list of class names, was " + Json.value(archs));
        }
        JsonNode type = root.get("model_type");
        if (type != null && !type.isNull() && !type.isTextual()) {
            throw new PresetException(file + ": key 'model_type' must be a string, was " + Json.value(type));
        }
    }

    /** "architecture 'LlamaForCausalLM' (model_type 'llama')", or as much of it as the file states. */
    static String architecture(JsonNode root) {
        JsonNode archs = root.get("architectures");
        String arch = archs != null && archs.isArray() && archs.size() > 0 ? archs.get(0).asText() : null;
        String type = root.hasNonNull("model_type") ? root.get("model_type").asText() : null;
        if (arch == null && type == null) {
            return "the model (no 'architectures' or 'model_type' key)";
        }
        if (arch == null) {
            return "model_type " + Checks.quote(type);
        }
        return "architecture " + Checks.quote(arch) + (type != null ? " (model_type " + Checks.quote(type) + ")" : "");
    }

    /** Integer keys of one file, with one-line messages naming the file and the key. */
    private record Keys(JsonNode root, String file) {
        int required(String key) {
            if (!root.has(key)) {
                throw new PresetException(file + ": missing key '" + key + "'");
            }
            if (root.get(key).isNull()) {
                throw new PresetException(file + ": key '" + key + "' must not be null");
            }
            return integer(key);
        }

        /** A key that must be present; {@code null} means {@code ifNull} (q_lora_rank: null = no compression). */
        int required(String key, int ifNull) {
            if (!root.has(key)) {
                throw new PresetException(file + ": missing key '" + key + "'");
            }
            return root.get(key).isNull() ? ifNull : integer(key);
        }

        /** A required key that must be > 0 before anything divides by it. */
        int positive(String key) {
            int v = required(key);
            if (v <= 0) {
                throw new PresetException(file + ": key '" + key + "' must be > 0, was " + v);
            }
            return v;
        }

        int optional(String key, int otherwise) {
            return root.hasNonNull(key) ? integer(key) : otherwise;
        }

        void mustBeOne(String key) {
            int v = optional(key, 1);
            if (v != 1) {
                throw new PresetException(file + ": key '" + key + "' must be 1 (every layer after the dense ones is "
                        + "MoE), was " + v);
            }
        }

        private int integer(String key) {
            JsonNode v = root.get(key);
            if (!v.isIntegralNumber()) {
                throw new PresetException(file + ": key '" + key + "' must be an integer, was " + Json.value(v));
            }
            if (!v.canConvertToInt()) {
                throw new PresetException(file + ": key '" + key + "' must be at most " + Integer.MAX_VALUE + ", was "
                        + Json.value(v));
            }
            return v.intValue();
        }
    }
}
