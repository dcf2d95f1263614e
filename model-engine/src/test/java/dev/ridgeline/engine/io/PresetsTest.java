package dev.ridgeline.engine.io;

import dev.ridgeline.engine.Fixtures;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.engine.Engine;
import dev.ridgeline.engine.model.CalibrationKey;
import dev.ridgeline.engine.model.Chip;
import dev.ridgeline.engine.model.ExpertDtype;
import dev.ridgeline.engine.model.Fa3Mode;
import dev.ridgeline.engine.model.ModelConfig;
import dev.ridgeline.engine.model.Nic;
import dev.ridgeline.engine.model.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PresetsTest {
    static final Path PRESETS = Path.of("..", "assets", "src", "main", "resources", "presets");
    static final String H800 = Presets.resource("presets/chips/H800.json");

    @Test
    void everyPresetFileIsListedInTheIndexAndLoads() throws IOException {
        Catalog c = Presets.builtIn();
        for (String folder : List.of("chips", "nics", "models", "scenarios")) {
            try (Stream<Path> files = Files.list(PRESETS.resolve(folder))) {
                Set<String> onDisk = files.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
                String index = Presets.resource("presets/index.json");
                for (String f : onDisk) {
                    assertTrue(index.contains("\"" + f + "\""), folder + "/" + f + " is missing from presets/index.json");
                }
            }
        }
        assertEquals(List.of("H800", "H20", "A100", "L20", "L40S", "Ideal-3stage"),
                c.chips().stream().map(Chip::name).limit(6).toList());
        // the 18 chips of calibration/chips.csv follow the seed's six
        assertEquals(24, c.chips().size());
        assertEquals(List.of("CX7", "E810", "CX6 200G", "CX8 800G"), c.nics().stream().map(Nic::name).toList());
        assertEquals(List.of("DeepSeek-V3", "DeepSeek-V2", "DeepSeek-V2-Lite", "Kimi-K2", "Qwen3-235B-A22B", "Qwen3-30B-A3B"),
                c.models().stream().map(ModelConfig::name).toList());
    }

    @Test
    void everyChipAndNicEvaluatesWithEveryModel() {
        Catalog c = Presets.builtIn();
        for (ModelConfig m : c.models()) {
            for (Chip chip : c.chips()) {
                for (Nic nic : c.nics()) {
                    double tps = Fixtures.ENGINE.evaluate(Scenario.defaults(m, chip, nic)).userTokensPerSec();
                    assertTrue(tps > 0 && Double.isFinite(tps), chip.name() + "/" + nic.name());
                }
            }
        }
        for (String name : Presets.builtInScenarioNames()) {
            assertTrue(Fixtures.ENGINE.evaluate(Presets.builtInScenario(name)).userTokensPerSec() > 0, name);
        }
    }

    @Test
    void seedPresetsCarryTheSeedsFigures() {
        Catalog c = Presets.builtIn();
        // seed 000: H800 80 GiB and 3,350 GiB/s: the datasheet's 80 GB and 3.35 TB/s, which seed fidelity reads as GiB
        assertEquals(3.35e12, c.chip("H800").hbmBandwidthBytesPerSec(), 0.0);
        assertEquals(80e9, c.chip("H800").memoryBytes(), 0.0);
        assertEquals(3350.0 * (1L << 30), c.chip("H800").seedHbmBandwidthBytesPerSec(), 0.0);
        assertEquals(80.0 * (1L << 30), c.chip("H800").seedMemoryBytes(), 0.0);
        // NICs 40 and 10 GiB/s, H800/H20 two-stage FA3, Ada/Ampere none
        assertEquals(624e12, c.chip("A100").fp8FlopsPerSec(), 0.0);
        assertEquals(Fa3Mode.TWO_STAGE, c.chip("H20").fa3Mode());
        assertEquals(Fa3Mode.NONE, c.chip("L40S").fa3Mode());
        assertEquals(Fa3Mode.THREE_STAGE, c.chip("Ideal-3stage").fa3Mode());
        assertEquals(40.0 * (1L << 30), c.nic("CX7").bandwidthBytesPerSec(), 1e-3);
        assertEquals(10.0 * (1L << 30), c.nic("E810").bandwidthBytesPerSec(), 1e-3);
        // exp2: 16 per clock per SM x 132 SMs x 1.98 GHz
        assertEquals(16 * 132 * 1.98e9, c.chip("H800").exp2PerSec(), 1.0);
        for (Chip chip : c.chips()) {
            assertFalse(chip.source().isBlank(), chip.name());
            assertFalse(chip.confidence().isBlank(), chip.name());
        }
        assertTrue(c.chip("L20").confidence().startsWith("low"), "L20 TFLOPS are low-confidence in chips.csv");
        assertTrue(c.chip("Ascend 910B").confidence().startsWith("LOW"), "Ascend rows are low-confidence in chips.csv");
        // spec-sheet presets are in SI: H800 SXM5 3.35 TB/s, 80 GB
        assertEquals(3.35e12, c.chip("H800 SXM5").hbmBandwidthBytesPerSec(), 1.0);
        assertEquals(8, c.chip("H800 SXM5").scaleUpDomain());
        assertEquals(72, c.chip("GB300").scaleUpDomain());
        assertEquals(1, c.chip("L40S").scaleUpDomain());
    }

    @Test
    void version1ChipsAndScenariosStillOpenWithTheCalibrationTheyHadByName() {
        // Version 1 chip files had no 'calibration' key: calibration followed the name ("H800...", "H20...").
        String v1 = H800.replace("\"schemaVersion\": 4", "\"schemaVersion\": 1").replaceAll(",\\s*\"calibration\": \"H800\"", "")
                .replaceAll(",\\s*\"cost\": \\{[^}]*\\}", "")
                .replaceAll(",\\s*\"fp4Tflops\": [0-9.]+", "");
        assertFalse(v1.contains("\"calibration\""));
        assertEquals(CalibrationKey.H800, Presets.parseChip(v1.replace("\"name\": \"H800\"", "\"name\": \"H800 (edited)\""), "v1.json").calibration());
        assertEquals(CalibrationKey.H20, Presets.parseChip(v1.replace("\"name\": \"H800\"", "\"name\": \"H20 custom\""), "v1.json").calibration());
        assertEquals(CalibrationKey.NONE, Presets.parseChip(v1.replace("\"name\": \"H800\"", "\"name\": \"Mine\""), "v1.json").calibration());
        // an H200 is an H100-class chip: "H200..." starts with "H20" but was measured on neither
        assertEquals(CalibrationKey.NONE, Presets.parseChip(v1.replace("\"name\": \"H800\"", "\"name\": \"H200 SXM\""), "v1.json").calibration());
        // the built-in chips keep a measured key only where that chip was measured (DeepGEMM/DeepEP/FlashMLA on H800,
        // FlashMLA on H20)
        for (var chip : Presets.builtIn().chips()) {
            CalibrationKey expected = chip.name().startsWith("H800") ? CalibrationKey.H800
                    : chip.name().equals("H20") || chip.name().startsWith("H20 (") ? CalibrationKey.H20 : CalibrationKey.NONE;
            assertEquals(expected, chip.calibration(), chip.name());
        }
        // Version 1 scenarios had the 4 GiB reserve and 2 µs gap built in and no host overhead.
        String scenario = Presets.resource("presets/scenarios/default.json")
                .replace("\"schemaVersion\": 4", "\"schemaVersion\": 1")
                .replaceAll(",\\s*\"(attentionTp|moeTp|eplb|redundantExperts|localPeersOverScaleUp|expertDtype)\": [^,\\n]+", "")
                .replaceAll(",\\s*\"memoryReserveGB\": [0-9.]+", "").replaceAll(",\\s*\"kernelGapMicros\": [0-9.]+", "")
                .replaceAll(",\\s*\"hostOverheadFraction\": [0-9.]+", "");
        assertFalse(scenario.contains("memoryReserveGB"));
        var s = Presets.parseScenario(scenario, "v1.json", Presets.builtIn());
        assertEquals(4.0 * (1L << 30), s.assumptions().memoryReserveBytes(), 1e-3);
        assertEquals(2e-6, s.assumptions().kernelGapSec(), 1e-18);
        assertEquals(0.0, s.assumptions().hostOverheadFraction(), 0.0);
    }

    @Test
    void version2ChipsOpenWithNoPriceAndNoPower() {
        // Version 2 chip files had no 'cost' object: a user's chip gets no invented price.
        String v2 = H800.replace("\"schemaVersion\": 4", "\"schemaVersion\": 2").replaceAll(",\\s*\"cost\": \\{[^}]*\\}", "")
                .replaceAll(",\\s*\"fp4Tflops\": [0-9.]+", "");
        assertFalse(v2.contains("\"cost\""));
        Chip c = Presets.parseChip(v2, "v2.json");
        assertFalse(c.cost().priced());
        assertFalse(c.cost().powered());
        assertEquals(Presets.builtIn().chip("H800").hbmBandwidthBytesPerSec(), c.hbmBandwidthBytesPerSec());
        // it saves as the current version and reads back equal
        assertEquals(c, Presets.parseChip(Presets.chipJson(c), "saved.json"));
    }

    @Test
    void version3ChipsWithFp4ButNoCostOpenWithNoPrice() {
        // Version 3 chip files (FP4 rate, saved before the cost object existed) keep their FP4 rate and get no price.
        String v3 = Presets.resource("presets/chips/B200.json").replace("\"schemaVersion\": 4", "\"schemaVersion\": 3")
                .replaceAll(",\\s*\"cost\": \\{[^}]*\\}", "");
        assertFalse(v3.contains("\"cost\""));
        Chip c = Presets.parseChip(v3, "v3.json");
        assertEquals(9000e12, c.fp4FlopsPerSec(), 0.0);
        assertFalse(c.cost().priced());
        assertFalse(c.cost().powered());
        assertTrue(Presets.chipJson(c).contains("\"schemaVersion\" : 4") || Presets.chipJson(c).contains("\"schemaVersion\": 4"),
                Presets.chipJson(c));
        assertEquals(c, Presets.parseChip(Presets.chipJson(c), "saved.json"));
    }

    @Test
    void everyPricedPresetSaysWhereAndWhenItsPriceWasRead() {
        for (Chip c : Presets.builtIn().chips()) {
            if (c.cost().priced()) {
                assertTrue(c.cost().priceSource().contains("https://"), c.name() + ": " + c.cost().priceSource());
                assertTrue(c.cost().asOf().matches("20\\d\\d-\\d\\d(-\\d\\d)?"), c.name() + ": " + c.cost().asOf());
            }
            if (c.cost().powered()) {
                assertTrue(c.cost().powerSource().contains("https://") || c.cost().powerSource().contains("chips.csv"),
                        c.name() + " says how its power was found: " + c.cost().powerSource());
                assertTrue(c.cost().powerSource().contains("PUE"), c.name() + ": " + c.cost().powerSource());
            }
            assertFalse(c.cost().priceSource().isBlank(), c.name() + " says why it has no price");
            assertFalse(c.cost().powerSource().isBlank(), c.name() + " says why it has no power");
        }
    }

    @Test
    void version1ModelsOpenWithoutAGroupLimit() {
        // Version 1 model files had no routing groups: every token could pick any expert.
        String v1 = Presets.resource("presets/models/DeepSeek-V3.json").replace("\"schemaVersion\": 2", "\"schemaVersion\": 1")
                .replaceAll(",\\s*\"(expertGroups|limitedGroups)\": [0-9]+", "");
        assertFalse(v1.contains("Groups"));
        var m = Presets.parseModel(v1, "v1.json");
        assertEquals(1, m.expertGroups());
        assertFalse(m.groupLimited());
        assertEquals(8, Presets.builtIn().model("DeepSeek-V3").expertGroups());
        assertEquals(4, Presets.builtIn().model("DeepSeek-V3").limitedGroups());
        String bad = Presets.resource("presets/models/DeepSeek-V3.json").replace("\"limitedGroups\": 4", "\"limitedGroups\": 9");
        String message = assertThrows(RuntimeException.class, () -> Presets.parseModel(bad, "x.json")).getMessage();
        assertTrue(message.contains("limitedGroups") && message.contains("9"), message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown key        | "fp8Tflops": 1979,                 | "fp8Tflops": 1979, "turbo": true,  | x.json: unknown key 'turbo'
            missing key        | "bf16Tflops": 989,                 | ,                                  | x.json: missing key 'bf16Tflops'
            negative bandwidth | "hbmBandwidthGBPerSec": 3350,       | "hbmBandwidthGBPerSec": -1,        | x.json: key 'hbmBandwidthGBPerSec' must be in [0.01, 1000000], was -1
            bad enum           | "fa3Mode": "TWO_STAGE",            | "fa3Mode": "FOUR_STAGE",           | x.json: key 'fa3Mode' must be one of NONE, TWO_STAGE, THREE_STAGE, was "FOUR_STAGE"
            enum and a space   | "fa3Mode": "TWO_STAGE",            | "fa3Mode": "TWO_STAGE ",           | x.json: key 'fa3Mode' must be one of NONE, TWO_STAGE, THREE_STAGE, was "TWO_STAGE "
            space and an enum  | "fa3Mode": "TWO_STAGE",            | "fa3Mode": " TWO_STAGE",           | x.json: key 'fa3Mode' must be one of NONE, TWO_STAGE, THREE_STAGE, was " TWO_STAGE"
            enum in lower case | "fa3Mode": "TWO_STAGE",            | "fa3Mode": "two_stage",            | x.json: key 'fa3Mode' must be one of NONE, TWO_STAGE, THREE_STAGE, was "two_stage"
            key and a space    | "calibration": "H800"              | "calibration": "H800\\t"            | x.json: key 'calibration' must be one of NONE, H800, H20, was "H800\\t"
            text for a number  | "scaleUpDomainCards": 8,           | "scaleUpDomainCards": "many",      | x.json: key 'scaleUpDomainCards' must be an integer, was "many"
            null               | "name": "H800",                    | "name": null,                      | x.json: key 'name' must not be null
            schema version     | "schemaVersion": 4,                | "schemaVersion": 5,                | x.json: key 'schemaVersion' must be 4, was 5
            negative price     | "dollarsPerCardHour": 2.0,         | "dollarsPerCardHour": -2,          | x.json: key 'cost.dollarsPerCardHour' must be 0 or in [0.01, 1000], was -2
            absurd price       | "dollarsPerCardHour": 2.0,         | "dollarsPerCardHour": 20000,       | x.json: key 'cost.dollarsPerCardHour' must be 0 or in [0.01, 1000], was 20000
            negative power     | "powerKw": 1.275,                  | "powerKw": -1.275,                 | x.json: key 'cost.powerKw' must be 0 or in [0.001, 100], was -1.275
            absurd power       | "powerKw": 1.275,                  | "powerKw": 700,                    | x.json: key 'cost.powerKw' must be 0 or in [0.001, 100], was 700
            PUE below 1        | "pue": 1.3,                        | "pue": 0.5,                        | x.json: key 'cost.pue' must be in [1, 3], was 0.5
            price and purchase | "purchaseDollars": 0,              | "purchaseDollars": 30000,          | x.json: key 'cost.dollarsPerCardHour' must be 0 when a purchase price is given (the TCO form sets the price), was 2.0
            missing cost key   | "asOf": "2025-02-28"               | "when": "2025-02-28"               | x.json: missing key 'asOf'
            negative FP4 rate  | "fp4Tflops": 0.0,                  | "fp4Tflops": -1,                   | x.json: key 'fp4Tflops' must be 0 or in [0.001, 1000000], was -1
            """)
    void badChipFilesNameTheFileAndTheKey(String what, String from, String to, String message) {
        // a "," replacement deletes the key
        String json = H800.replace(from.strip(), to.strip().equals(",") ? "" : to.strip());
        PresetException e = assertThrows(PresetException.class, () -> Presets.parseChip(json, "x.json"));
        assertEquals(message, e.getMessage());
    }

    /** The near-miss: an enum's name with a space after it was read as the name (Jackson trims). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            "kvDtype": "FP8",                  | "kvDtype": "FP8 ",                  | key 'kvDtype' must be one of FP8, BF16, was "FP8 "
            "policy": "DUAL_MICRO_BATCH",      | "policy": "\\tDUAL_MICRO_BATCH",     | key 'policy' must be one of NAIVE, DUAL_MICRO_BATCH, was "\\tDUAL_MICRO_BATCH"
            "fidelity": "CALIBRATED",          | "fidelity": "Calibrated",           | key 'fidelity' must be one of SEED, CALIBRATED, was "Calibrated"
            "fa3": "CHIP_DEFAULT",             | "fa3": "CHIP_DEFAULT\\n",            | key 'fa3' must be one of
            """)
    void scenarioEnumsMustBeTheExactName(String from, String to, String message) {
        String json = Presets.resource("presets/scenarios/default.json");
        assertTrue(json.contains(from.strip()), from);
        PresetException e = assertThrows(PresetException.class,
                () -> Presets.parseScenario(json.replace(from.strip(), to.strip()), "s.json", Presets.builtIn()));
        assertTrue(e.getMessage().startsWith("s.json: " + message), e.getMessage());
    }

    @Test
    void version2ChipsAndScenariosOpenWithoutFp4AndWithTheNeutralLayout() {
        // Version 2 chip files had no FP4 rate: no chip ran FP4.
        String chip = Presets.resource("presets/chips/B200.json").replace("\"schemaVersion\": 4", "\"schemaVersion\": 2")
                .replaceAll(",\\s*\"fp4Tflops\": [0-9.]+", "").replaceAll(",\\s*\"cost\": \\{[^}]*\\}", "");
        assertFalse(chip.contains("fp4Tflops"));
        assertEquals(0.0, Presets.parseChip(chip, "v2.json").fp4FlopsPerSec(), 0.0);
        assertEquals(9000e12, Presets.builtIn().chip("B200").fp4FlopsPerSec(), 0.0);
        // Version 2 scenarios: data-parallel attention, EP only, FP8 experts, EPLB with 32 redundant experts (version
        // 2's calibrated fidelity held 32 redundant experts below full EP).
        String scenario = Presets.resource("presets/scenarios/default.json")
                .replace("\"schemaVersion\": 4", "\"schemaVersion\": 2")
                .replaceAll(",\\s*\"(attentionTp|moeTp|eplb|redundantExperts|localPeersOverScaleUp|expertDtype)\": [^,\\n]+", "");
        assertFalse(scenario.contains("attentionTp") || scenario.contains("expertDtype"), scenario);
        Scenario s = Presets.parseScenario(scenario, "v2.json", Presets.builtIn());
        assertEquals(List.of(1, 1, 32), List.of(s.attentionTp(), s.moeTp(), s.redundantExperts()));
        assertTrue(s.eplb());
        assertEquals(ExpertDtype.FP8, s.expertDtype());
    }

    @Test
    void version3ScenariosOpenWithEveryPeerButTheCardOverTheNic() {
        // Version 3 sent all of decode's EP traffic over the NIC beyond the scale-up domain (DeepEP's first low-latency
        // kernels, "pure RDMA"); version 4 reaches a node's peers over NVLink by default, as DeepEP has since 2025-05-23.
        String v4 = Presets.resource("presets/scenarios/default.json");
        assertTrue(Presets.parseScenario(v4, "v4.json", Presets.builtIn()).localPeersOverScaleUp());
        String v3 = v4.replace("\"schemaVersion\": 4", "\"schemaVersion\": 3")
                .replaceAll(",\\s*\"localPeersOverScaleUp\": [^,\\n]+", "");
        assertFalse(v3.contains("localPeersOverScaleUp"), v3);
        assertFalse(Presets.parseScenario(v3, "v3.json", Presets.builtIn()).localPeersOverScaleUp());
        // and a saved scenario keeps the field through a write and a read
        Scenario off = Presets.parseScenario(v4, "v4.json", Presets.builtIn()).withLocalPeersOverScaleUp(false);
        String saved = Presets.scenarioJson("off", off);
        assertFalse(Presets.parseScenario(saved, "off.json", Presets.builtIn()).localPeersOverScaleUp(), saved);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            not a TP degree  | "attentionTp": 1,      | "attentionTp": 3,                        | x.json: key 'attentionTp' must be 1, 2, 4 or 8, was 3
            TP beyond NVLink | "chip": "H800",        | "chip": "L40S", "fidelity": "CALIBRATED", "attentionTp": 8, "x": 0 | x.json: key 'attentionTp' must be at most the scale-up domain of chip 'L40S' (1 card), was 8
            TP in seed       | "attentionTp": 1,      | "attentionTp": 2, "fidelity": "SEED", "x": 0 | x.json: key 'attentionTp' must be 1 in seed fidelity (seed 000 has data-parallel attention only), was 2
            FP4 in seed      | "expertDtype": "FP8",  | "expertDtype": "NVFP4", "fidelity": "SEED", "x": 0 | x.json: expertDtype must be FP8 in seed fidelity (seed 000 keeps the experts in FP8), was NVFP4 (scenario)
            FP4 on H800      | "expertDtype": "FP8",  | "expertDtype": "NVFP4",                  | x.json: expertDtype NVFP4 needs an FP4 tensor rate; chip 'H800' has none (scenario)
            unknown dtype    | "expertDtype": "FP8",  | "expertDtype": "FP2",                    | x.json: key 'expertDtype' must be one of FP8, BF16, NVFP4, MXFP4, was "FP2"
            negative copies  | "redundantExperts": 32, | "redundantExperts": -1,                 | x.json: key 'redundantExperts' must be in [0, 4096], was -1
            """)
    void badScenarioLayoutsNameTheKeyAndTheValue(String what, String from, String to, String message) {
        // a replacement that repeats a key ("x": 0 marks it) drops the file's own line of that key first; the default
        // scenario is calibrated, so the seed's rows say "fidelity": "SEED"
        String json = Presets.resource("presets/scenarios/default.json");
        for (String key : List.of("fidelity", "attentionTp", "expertDtype")) {
            if (to.contains("\"x\": 0") && to.contains("\"" + key + "\"") && !from.contains("\"" + key + "\"")) {
                json = json.replaceAll("\\s*\"" + key + "\": [^,\\n]+,", "");
            }
        }
        String bad = json.replace(from.strip(), to.strip().replace(", \"x\": 0", ","));
        PresetException e = assertThrows(PresetException.class, () -> Presets.parseScenario(bad, "x.json", Presets.builtIn()));
        assertEquals(message, e.getMessage());
    }

    @Test
    void brokenJsonSaysWhere() {
        PresetException e = assertThrows(PresetException.class, () -> Presets.parseChip("{\"name\": ", "x.json"));
        assertTrue(e.getMessage().startsWith("x.json: "), e.getMessage());
    }

    @Test
    void scenarioRoundTripsThroughAFile(@TempDir Path dir) throws IOException {
        Scenario s = Presets.builtInScenario("default").withBatch(96).withEp(320);
        Path file = dir.resolve("mine.json");
        Presets.writeScenario(file, s);
        assertEquals(s, Presets.readScenario(file, Presets.builtIn()));
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(file), left.toList(), "no temporary file is left behind");
        }
    }

    @Test
    void scenarioNamingAnUnknownChipSaysSo(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, Presets.scenarioJson("bad", Presets.builtInScenario("default")).replace("\"H800\"", "\"H900\""));
        PresetException e = assertThrows(PresetException.class, () -> Presets.readScenario(file, Presets.builtIn()));
        assertEquals(file + ": unknown chip 'H900' (did you mean H800?)", e.getMessage());
    }

    @Test
    void missingScenarioFileSaysSo(@TempDir Path dir) {
        PresetException e = assertThrows(PresetException.class,
                () -> Presets.readScenario(dir.resolve("nope.json"), Presets.builtIn()));
        assertEquals(dir.resolve("nope.json") + ": no such file", e.getMessage());
    }
}
