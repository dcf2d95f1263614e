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
