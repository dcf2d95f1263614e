package dev.ridgeline.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.engine.model.AttentionKind;
import dev.ridgeline.engine.model.ModelConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Hugging Face config.json importer against test copies of the published files (src/test/resources/hf). */
class HuggingFaceConfigsTest {
    static final Path HF = Path.of("src", "test", "resources", "hf");

    static Path config(String model) {
        return HF.resolve(model).resolve("config.json");
    }

    @Test
    void importedDeepSeekV3HasTheBuiltInPresetsShapes() {
        ModelConfig imported = HuggingFaceConfigs.read(config("DeepSeek-V3"));
        ModelConfig preset = Presets.builtIn().model("DeepSeek-V3");
        assertEquals("DeepSeek-V3", imported.name(), "named after its folder");
        assertTrue(imported.source().contains("config.json"), imported.source());
        assertTrue(imported.source().contains("DeepseekV3ForCausalLM"), imported.source());
        assertEquals(preset.withIdentity(imported.name(), imported.source()), imported);
    }

    @Test
    void importedDeepSeekV2LiteHasNoQueryCompressionAndMatchesItsPreset() {
        ModelConfig imported = HuggingFaceConfigs.read(config("DeepSeek-V2-Lite"));
        assertEquals(0, imported.qLoraRank(), "q_lora_rank null means no query compression");
        assertFalse(imported.compressesQueries());
        ModelConfig preset = Presets.builtIn().model("DeepSeek-V2-Lite");
        assertEquals(preset.withIdentity(imported.name(), imported.source()), imported);
    }

    @Test
    void importedQwen3IsGroupedQueryAttentionAndMatchesItsPreset() {
        ModelConfig imported = HuggingFaceConfigs.read(config("Qwen3-235B-A22B"));
        assertEquals(AttentionKind.GQA, imported.attention());
        assertEquals(4, imported.numKeyValueHeads());
        assertEquals(128, imported.headDim());
        assertEquals(0, imported.sharedExperts(), "no n_shared_experts key: no shared expert");
        assertEquals(0, imported.denseLayers(), "no first_k_dense_replace key: every layer is MoE");
        ModelConfig preset = Presets.builtIn().model("Qwen3-235B-A22B");
        assertEquals(preset.withIdentity(imported.name(), imported.source()), imported);
    }

    /**
     * Mixtral-8x7B (https://huggingface.co/mistralai/Mixtral-8x7B-v0.1/blob/main/config.json): 8 experts
     * ({@code num_local_experts}), top-2, each expert 14,336 wide ({@code intermediate_size}; no
     * {@code moe_intermediate_size}), no shared expert, GQA with 8 KV heads of 4096 / 32 = 128. Its paper gives
     * 46.7B parameters (arXiv:2401.04088): 32 x (attention 41.9M + 8 experts x 176.2M) + 2 x 32,000 x 4,096
     * embeddings = 46.70B.
     */
    @Test
    void mixtralIsAcceptedWithItsPublishedShape() {
        ModelConfig m = HuggingFaceConfigs.read(config("Mixtral-8x7B-v0.1"));
        assertEquals(AttentionKind.GQA, m.attention());
        assertEquals(8, m.routedExperts());
        assertEquals(2, m.expertsPerToken());
        assertEquals(14336, m.moeIntermediateSize());
        assertEquals(0, m.sharedExperts());
        assertEquals(0, m.denseLayers());
        assertEquals(8, m.numKeyValueHeads());
        assertEquals(128, m.headDim());
        assertEquals(0, m.mtpModules());
        double total = m.nonExpertParams() + (double) m.moeLayers() * m.routedExperts() * m.expertParams();
        assertEquals(46.7e9, total, 0.05e9, "46.7B to the paper's one decimal: " + total);
    }

    /**
     * gpt-oss-120b (https://huggingface.co/openai/gpt-oss-120b/blob/main/config.json): 128 experts, top-4, experts
     * 2,880 wide, 36 layers, 64 query heads of 64 over 8 KV heads. The model card gives 116.8B parameters; the
     * shapes give 36 x (attention 26.5M + 128 x 24.9M) + 2 x 201,088 x 2,880 = 116.8B (biases, router and norms,
     * under 0.1 %, are not counted). Its sliding-window layers are costed as full attention, which the source says.
     */
    @Test
    void gptOssIsAcceptedWithItsPublishedShape() {
        ModelConfig m = HuggingFaceConfigs.read(config("gpt-oss-120b"));
        assertEquals(AttentionKind.GQA, m.attention());
        assertEquals(128, m.routedExperts());
        assertEquals(4, m.expertsPerToken());
        assertEquals(2880, m.moeIntermediateSize());
        assertEquals(64, m.headDim());
        assertEquals(36, m.numLayers());
        double total = m.nonExpertParams() + (double) m.moeLayers() * m.routedExperts() * m.expertParams();
        assertEquals(116.8e9, total, 0.1e9, "116.8B, to the card's one decimal: " + total);
        assertTrue(m.source().contains("sliding-window layers are costed as full attention"), m.source());
    }

    /** Both evaluate in both fidelities at an EP they allow (Mixtral: EP 8 of at most 16). */
    @Test
    void mixtralAndGptOssEvaluate() {
        for (String name : new String[] {"Mixtral-8x7B-v0.1", "gpt-oss-120b"}) {
            ModelConfig m = HuggingFaceConfigs.read(config(name));
            for (dev.ridgeline.engine.model.Fidelity f : dev.ridgeline.engine.model.Fidelity.values()) {
                var s = Presets.builtInScenario("default").withEp(8).withModel(m).withFidelity(f);
                double tps = dev.ridgeline.engine.Fixtures.ENGINE.evaluate(s).userTokensPerSec();
                assertTrue(tps > 0 && Double.isFinite(tps), name + " " + f + ": " + tps);
            }
        }
    }

    /** The example: moe_intermediate_size 0 divided by zero before any check. */
    @Test
    void aZeroExpertWidthIsRefusedNamingTheKey() throws IOException {
        String json = Files.readString(config("Qwen3-235B-A22B")).replace("\"moe_intermediate_size\": 1536",
                "\"moe_intermediate_size\": 0");
        PresetException e = assertThrows(PresetException.class, () -> HuggingFaceConfigs.parse(json, "q.json", "Q"));
        assertEquals("q.json: key 'moe_intermediate_size' must be > 0, was 0", e.getMessage());
    }

    /**
     * Shape keys of the four accepted configs set to hostile integers (0, negatives, 2^30, 2^31 - 1, log-uniform
     * draws, fractions, strings): each file is refused in one line naming a config.json key, or its model evaluates
     * to finite, positive figures.
     */
    @Test
    void seed67HostileShapesAreRefusedByKeyOrEvaluateFinite() throws IOException {
        java.util.SplittableRandom r = new java.util.SplittableRandom(67);
        String[] models = {"DeepSeek-V3", "DeepSeek-V2-Lite", "Qwen3-235B-A22B", "Mixtral-8x7B-v0.1", "gpt-oss-120b"};
        String[] keys = {"hidden_size", "num_hidden_layers", "first_k_dense_replace", "num_attention_heads",
            "num_key_value_heads", "head_dim", "q_lora_rank", "kv_lora_rank", "qk_nope_head_dim", "qk_rope_head_dim",
            "v_head_dim", "n_routed_experts", "num_experts", "num_local_experts", "n_shared_experts",
            "num_experts_per_tok", "moe_intermediate_size", "intermediate_size", "vocab_size",
            "num_nextn_predict_layers", "shared_expert_intermediate_size"};
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        for (int i = 0; i < 1500; i++) {
            String model = models[r.nextInt(models.length)];
            var root = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(Files.readString(config(model)));
            String key = keys[r.nextInt(keys.length)];
            int draw = r.nextInt(10);
            if (draw == 0) {
                root.put(key, r.nextInt(100) + 0.5);
            } else if (draw == 1) {
                root.put(key, String.valueOf(r.nextInt(100)));
            } else {
                root.put(key, dev.ridgeline.engine.Hostile.integer(r));
            }
            String json = root.toString();
            ModelConfig m;
            try {
                m = HuggingFaceConfigs.parse(json, "c.json", "M");
            } catch (PresetException e) {
                assertEquals(1, e.getMessage().lines().count(), e.getMessage());
                assertTrue(e.getMessage().matches("c\\.json: .*'[a-z_]+'.*"), () -> key + ": " + e.getMessage());
                continue;
            }
            var s = Presets.builtInScenario("default").withEp(1).withModel(m)
                    .withFidelity(dev.ridgeline.engine.model.Fidelity.values()[r.nextInt(2)]);
            var e = dev.ridgeline.engine.Fixtures.ENGINE.evaluate(s);
            assertTrue(e.userTokensPerSec() > 0 && Double.isFinite(e.userTokensPerSec()), key + " in " + model);
            assertTrue(e.memory().usedBytes() > 0 && Double.isFinite(e.memory().usedBytes()), key + " in " + model);
        }
    }

    @Test
    void denseLlamaIsRefusedNamingItsArchitecture() {
        Path file = config("Meta-Llama-3-8B");
        PresetException e = assertThrows(PresetException.class, () -> HuggingFaceConfigs.read(file));
        assertEquals(file + ": architecture 'LlamaForCausalLM' (model_type 'llama') is not a mixture-of-experts model "
                + "(no 'n_routed_experts', 'num_experts', 'num_local_experts' key); Ridgeline models MoE decode only", e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @ParameterizedTest(name = "{0} without {1}")
    @CsvSource(textBlock = """
            DeepSeek-V3,      moe_intermediate_size
            DeepSeek-V3,      kv_lora_rank
            DeepSeek-V3,      q_lora_rank
            DeepSeek-V3,      hidden_size
            DeepSeek-V2-Lite, qk_rope_head_dim
            Qwen3-235B-A22B,  num_key_value_heads
            Qwen3-235B-A22B,  num_experts_per_tok
            """)
    void missingRequiredKeyIsRefusedNamingTheFileAndTheKey(String model, String key, @TempDir Path dir)
            throws IOException {
        String json = Files.readString(config(model));
        String without = json.replaceAll("(?m)^\\s*\"" + key + "\": [^\\n]*\\n", "");
        assertFalse(without.equals(json), "the test removed " + key);
        Path file = dir.resolve("config.json");
        Files.writeString(file, without);
        PresetException e = assertThrows(PresetException.class, () -> HuggingFaceConfigs.read(file));
        assertEquals(file + ": missing key '" + key + "'", e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            text for a number    | "hidden_size": 7168,       | "hidden_size": "big",     | x.json: key 'hidden_size' must be an integer, was "big"
            null required key    | "vocab_size": 129280       | "vocab_size": null        | x.json: key 'vocab_size' must not be null
            top-k over experts   | "num_experts_per_tok": 8,  | "num_experts_per_tok": 300, | x.json: key 'num_experts_per_tok' must be <= the 256 routed experts, was 300
            interleaved dense    | "moe_layer_freq": 1,       | "moe_layer_freq": 2,      | x.json: key 'moe_layer_freq' must be 1 (every layer after the dense ones is MoE), was 2
            broken JSON          | "vocab_size": 129280       | "vocab_size": 129280,,    | x.json: not valid JSON
            """)
    void badValuesAreOneLineNamingTheFileAndTheKey(String what, String from, String to, String message)
            throws IOException {
        String json = Files.readString(config("DeepSeek-V3"));
        assertTrue(json.contains(from.strip()), from);
        PresetException e = assertThrows(PresetException.class,
                () -> HuggingFaceConfigs.parse(json.replace(from.strip(), to.strip()), "x.json", "V3"));
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }

    @Test
    void missingFileSaysSo(@TempDir Path dir) {
        PresetException e = assertThrows(PresetException.class,
                () -> HuggingFaceConfigs.read(dir.resolve("config.json")));
        assertEquals(dir.resolve("config.json") + ": no such file", e.getMessage());
    }

    @Test
    void modelIsNamedAfterItsFolderOrItsFile() {
        assertEquals("Kimi-K2", HuggingFaceConfigs.nameOf(Path.of("models", "Kimi-K2", "config.json")));
        assertEquals("kimi", HuggingFaceConfigs.nameOf(Path.of("models", "kimi.json")));
    }

    @Test
    void unknownKeysAreIgnored() throws IOException {
        String json = Files.readString(config("Qwen3-235B-A22B"));
        String extra = json.replaceFirst("\\{", "{\n  \"some_future_key\": {\"nested\": [1, 2]},\n  \"another\": \"x\",");
        assertFalse(extra.equals(json));
        assertEquals(HuggingFaceConfigs.parse(json, "a.json", "Q"), HuggingFaceConfigs.parse(extra, "a.json", "Q"));
    }

    @Test
    void qwen2StyleSharedExpertWidthCountsAsSharedExperts() throws IOException {
        // Qwen2-MoE states its shared expert as a width: 3,072 = 2 x moe_intermediate_size 1,536
        String json = Files.readString(config("Qwen3-235B-A22B"))
                .replace("\"moe_intermediate_size\": 1536,", "\"moe_intermediate_size\": 1536,\n  \"shared_expert_intermediate_size\": 3072,");
        assertEquals(2, HuggingFaceConfigs.parse(json, "q.json", "Q").sharedExperts());
        PresetException e = assertThrows(PresetException.class,
                () -> HuggingFaceConfigs.parse(json.replace("3072", "1000"), "q.json", "Q"));
        assertEquals("q.json: key 'shared_expert_intermediate_size' must be a multiple of moe_intermediate_size 1536, "
                + "was 1000", e.getMessage());
    }

    /**
     * Qwen1.5-MoE-A2.7B (https://huggingface.co/Qwen/Qwen1.5-MoE-A2.7B/blob/main/config.json): 60 routed experts of
     * 1,408, top-4, one 5,632-wide shared expert, which is 5,632 / 1,408 = 4 routed-expert widths (the model card:
     * "4 shared experts and 60 routing experts"), 24 layers, MHA (16 KV heads of 2048 / 16 = 128).
     */
    @Test
    void qwen15MoeCountsItsSharedExpertWidthAsFourExperts() {
        ModelConfig m = HuggingFaceConfigs.read(config("Qwen1.5-MoE-A2.7B"));
        assertEquals(60, m.routedExperts());
        assertEquals(4, m.sharedExperts());
        assertEquals(4, m.expertsPerToken());
        assertEquals(1408, m.moeIntermediateSize());
        assertEquals(16, m.numKeyValueHeads());
        assertEquals(128, m.headDim());
    }

    /**
     * The issue: a refusal of the shared experts derived from Qwen's width named 'n_shared_experts', a key the file
     * does not have. At most 64 shared experts (ModelConfig) = 64 x 1,408 = 90,112 wide.
     */
    @Test
    void aSharedWidthTooLargeIsRefusedInTheKeyAndUnitTheFileWrote() throws IOException {
        String json = Files.readString(config("Qwen1.5-MoE-A2.7B"))
                .replace("\"shared_expert_intermediate_size\": 5632", "\"shared_expert_intermediate_size\": 140800000");
        PresetException e = assertThrows(PresetException.class, () -> HuggingFaceConfigs.parse(json, "q.json", "Q"));
        assertEquals("q.json: key 'shared_expert_intermediate_size' must be in [0, 90112], was 140800000", e.getMessage());
    }

    /** Near-misses of the keys that describe the layout: the wrong JSON type is refused like any bad value. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            a number for the list   | "mlp_only_layers": 5                | key 'mlp_only_layers' must be a list of layer indices, was 5
            the list as text        | "mlp_only_layers": "[]"             | key 'mlp_only_layers' must be a list of layer indices, was "[]"
            an object for the list  | "mlp_only_layers": {}               | key 'mlp_only_layers' must be a list of layer indices, was {}
            a name for the list     | "architectures": "MixtralForCausalLM" | key 'architectures' must be a list of class names, was "MixtralForCausalLM"
            a number for the type   | "model_type": 7                     | key 'model_type' must be a string, was 7
            a fraction for 1        | "decoder_sparse_step": 1.0          | key 'decoder_sparse_step' must be an integer, was 1.0
            """)
    void nearMissesOfTheLayoutKeysAreRefused(String what, String entry, String message) throws IOException {
        String json = Files.readString(config("Mixtral-8x7B-v0.1"));
        String key = entry.strip().substring(0, entry.strip().indexOf(':'));
        String bad = json.contains(key) ? json.replaceFirst(java.util.regex.Pattern.quote(key) + ": (\\[[^\\]]*\\]|[^,\\n]*)",
                java.util.regex.Matcher.quoteReplacement(entry.strip()))
                : json.replaceFirst("\\{", "{\n  " + java.util.regex.Matcher.quoteReplacement(entry.strip()) + ",");
        assertTrue(bad.contains(entry.strip()), bad);
        PresetException e = assertThrows(PresetException.class, () -> HuggingFaceConfigs.parse(bad, "m.json", "M"));
        assertEquals("m.json: " + message, e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            sparse step 2      | "decoder_sparse_step": 1, | "decoder_sparse_step": 2, | q.json: key 'decoder_sparse_step' must be 1 (every layer after the dense ones is MoE), was 2
            dense layers mixed | "mlp_only_layers": [],    | "mlp_only_layers": [0, 5], | q.json: key 'mlp_only_layers' must be empty (dense layers between MoE layers are not modelled), was [0,5]
            """)
    void interleavedDenseLayersAreRefused(String what, String from, String to, String message) throws IOException {
        String json = Files.readString(config("Qwen3-235B-A22B"));
        assertTrue(json.contains(from.strip()), from);
        PresetException e = assertThrows(PresetException.class,
                () -> HuggingFaceConfigs.parse(json.replace(from.strip(), to.strip()), "q.json", "Q"));
        assertEquals(message, e.getMessage());
    }
}
