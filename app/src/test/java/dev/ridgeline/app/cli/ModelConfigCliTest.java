package dev.ridgeline.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --model-config FILE}: a Hugging Face config.json instead of a model preset. */
class ModelConfigCliTest {
    /** The engine's test copies of published config.json files. */
    static final Path HF = Path.of("..", "model-engine", "src", "test", "resources", "hf");

    @Test
    void evaluateWithAQwen3ConfigTimesGqaAttention() {
        Path config = HF.resolve("Qwen3-235B-A22B").resolve("config.json");
        CliTest.Run r = CliTest.run("evaluate", "--model-config", config.toString(), "--ep", "128", "--format", "json");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("\"name\" : \"GQA attention\""), r.out());
        assertTrue(r.out().contains("\"name\" : \"QKV projection\""), r.out());
    }

    @Test
    void modelConfigOverridesModel() {
        Path config = HF.resolve("DeepSeek-V2-Lite").resolve("config.json");
        // DeepSeek-V2-Lite has 64 routed experts: EP at most 128
        CliTest.Run r = CliTest.run("evaluate", "--model", "DeepSeek-V3", "--model-config", config.toString(),
                "--ep", "64", "--format", "csv");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Q projection"), r.out());
        assertFalse(r.out().contains("Q down"), r.out());
    }

    @Test
    void denseConfigExitsTwoWithOneLineNamingTheArchitecture() {
        Path config = HF.resolve("Meta-Llama-3-8B").resolve("config.json");
        CliTest.Run r = CliTest.run("evaluate", "--model-config", config.toString());
        assertEquals(2, r.code());
        assertEquals("ridgeline: --model-config: " + config + ": architecture 'LlamaForCausalLM' (model_type 'llama') "
                + "is not a mixture-of-experts model (no 'n_routed_experts', 'num_experts', 'num_local_experts' key); "
                + "Ridgeline models MoE decode only", r.err().strip());
    }

    @Test
    void brokenOrMissingConfigExitsTwoWithOneLine(@TempDir Path dir) throws IOException {
        Path broken = dir.resolve("config.json");
        Files.writeString(broken, "{\"hidden_size\": ");
        CliTest.Run r = CliTest.run("evaluate", "--model-config", broken.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("ridgeline: --model-config: " + broken + ": not valid JSON"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());

        Path missing = dir.resolve("nope.json");
        CliTest.Run m = CliTest.run("evaluate", "--model-config", missing.toString());
        assertEquals(2, m.code());
        assertEquals("ridgeline: --model-config: " + missing + ": no such file", m.err().strip());
    }
}
