package dev.ridgeline.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

    /**
     * The issue: the default scenario's EP144 is more than these models' routed experts allow (twice their count:
     * Mixtral 8 -> 16, gpt-oss-120b 128 -> 256 takes 144, Qwen1.5-MoE 60 -> 120, DeepSeek-V2-Lite 64 -> 128). As in
     * the window, EP is lowered to one card per routed expert and one line on stderr says so; the model's own figures
     * are unchanged.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            Mixtral-8x7B-v0.1, 8
            Qwen1.5-MoE-A2.7B, 60
            DeepSeek-V2-Lite,  64
            """)
    void aModelThatCannotTakeTheDefaultEpGetsItLoweredAndSaysSo(String model, int ep) {
        Path config = HF.resolve(model).resolve("config.json");
        CliTest.Run r = CliTest.run("evaluate", "--model-config", config.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith(model + " / H800 / CX7 / EP" + ep + " / "), r.out());
        assertEquals("ridgeline: " + model + ": EP lowered from 144 to " + ep + " (one card per routed expert).",
                r.err().strip());
        // the same design point as asking for that EP
        CliTest.Run asked = CliTest.run("evaluate", "--model-config", config.toString(), "--ep", String.valueOf(ep));
        assertEquals(0, asked.code(), asked.err());
        assertEquals("", asked.err(), "nothing adapted: nothing said");
        assertEquals(asked.out(), r.out());
    }

    @Test
    void gptOssTakesTheDefaultEpAsItIs() {
        Path config = HF.resolve("gpt-oss-120b").resolve("config.json");
        CliTest.Run r = CliTest.run("export", "--model-config", config.toString(), "--view", "gantt", "--out",
                Path.of(System.getProperty("java.io.tmpdir"), "ridgeline-gpt-oss-" + ProcessHandle.current().pid() + ".svg").toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
    }

    @Test
    void anExplicitEpBeyondTheModelIsStillRefusedInOneLine() {
        Path config = HF.resolve("Mixtral-8x7B-v0.1").resolve("config.json");
        CliTest.Run r = CliTest.run("evaluate", "--model-config", config.toString(), "--ep", "144");
        assertEquals(2, r.code(), r.out());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("ridgeline: --ep: bad value 144 (ep must be <= 16, twice the 8 routed experts"), r.err());
        CliTest.Run export = CliTest.run("export", "--model", "DeepSeek-V2-Lite", "--ep", "200", "--view", "gantt",
                "--out", "never-written.png");
        assertEquals(2, export.code());
        assertEquals(1, export.err().strip().lines().count(), export.err());
        assertTrue(export.err().startsWith("ridgeline: --ep: bad value 200 "), export.err());
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
