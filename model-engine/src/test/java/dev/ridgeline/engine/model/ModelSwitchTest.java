package dev.ridgeline.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ridgeline.engine.io.HuggingFaceConfigs;
import dev.ridgeline.engine.io.Presets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Picking a model (window or command line) fits EP and MTP to it and says so, rather than refusing the model. */
class ModelSwitchTest {
    static final Path HF = Path.of("src", "test", "resources", "hf");

    @Test
    void mixtralAtEp144GetsEp8AndANote() {
        ModelConfig mixtral = HuggingFaceConfigs.read(HF.resolve("Mixtral-8x7B-v0.1").resolve("config.json"));
        Scenario s = Presets.builtInScenario("default"); // EP144
        ModelSwitch.Result r = ModelSwitch.apply(s, mixtral);
        assertEquals(8, r.scenario().ep(), "one card per routed expert");
        assertEquals(mixtral, r.scenario().model());
        assertEquals("Mixtral-8x7B-v0.1: EP lowered from 144 to 8 (one card per routed expert).", r.note());
    }

    @Test
    void aModelWithoutAnMtpModuleTurnsMtpOffAndAFittingModelChangesNothingElse() {
        Scenario s = Presets.builtInScenario("default").withMtp(2, 0.8);
        ModelSwitch.Result qwen = ModelSwitch.apply(s, Presets.builtIn().model("Qwen3-235B-A22B"));
        assertEquals(0, qwen.scenario().mtpDepth());
        assertEquals(0.8, qwen.scenario().mtpAcceptance());
        assertEquals(144, qwen.scenario().ep(), "128 experts allow EP up to 256");
        assertEquals("Qwen3-235B-A22B: MTP turned off (the model has no MTP module).", qwen.note());
        ModelSwitch.Result v3 = ModelSwitch.apply(qwen.scenario().withMtp(0, 0.8), Presets.builtIn().model("DeepSeek-V3"));
        assertEquals(qwen.scenario().withMtp(0, 0.8).withModel(Presets.builtIn().model("DeepSeek-V3")), v3.scenario());
        assertEquals("", v3.note());
    }
}
