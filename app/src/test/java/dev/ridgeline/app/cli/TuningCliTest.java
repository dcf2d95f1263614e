package dev.ridgeline.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ridgeline.app.Engines;
import dev.ridgeline.engine.Engine;
import dev.ridgeline.engine.Evaluation;
import dev.ridgeline.engine.io.Presets;
import dev.ridgeline.engine.model.ChipField;
import dev.ridgeline.engine.model.Fa3Mode;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.space.Knob;
import dev.ridgeline.engine.space.Sensitivity;
import dev.ridgeline.engine.space.Solve;
import dev.ridgeline.engine.space.Space;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code --chip-field}, {@code presets fields}, {@code sensitivity} and {@code solve}: the DESIGN 6 contract. */
class TuningCliTest {
    private static final Engine ENGINE = Engines.builtIn();
    private static final Scenario DEFAULT = Presets.builtInScenario("default");
    /**
     * The chip editor's fields with a number, as it names them (spec, then price and power), then the NIC's bandwidth
     * and the FA3 stage mode: what --chip-field takes.
     */
    private static final List<String> FIELDS = List.of("HBM capacity", "HBM bandwidth", "FP8 tensor rate",
            "BF16 tensor rate", "FP4 tensor rate", "exp2 rate", "FP32 add rate", "Reduction latency", "Scale-up domain",
            "Scale-up bandwidth", "Price", "Power", "PUE", "Purchase price", "Amortisation", "Electricity price",
            "NIC bandwidth", "FA3 stage mode");
    /** The fields a throughput target is solved for: the spec ones (price and power move no throughput). */
    private static final List<String> SPEC_FIELDS = FIELDS.stream().filter(n -> !List.of("Price", "Power", "PUE",
            "Purchase price", "Amortisation", "Electricity price").contains(n)).toList();

    private static JsonNode json(String text) {
        return CliTest.json(text);
    }

    private static CliTest.Run ok(String... args) {
        return CliTest.ok(args);
    }

    @Test
    void presetsFieldsListsTheEditorsNamesWithUnitsAndTheChipsValues() {
        for (ChipField f : ChipField.ALL) {
            assertEquals(!f.unit().isEmpty() || f.name().equals("FA3 stage mode"), FIELDS.contains(f.name()), f.name());
        }
        JsonNode fields = json(ok("presets", "fields", "--format", "json").out());
        List<String> names = new ArrayList<>();
        fields.forEach(f -> names.add(f.get("field").asText()));
        assertEquals(FIELDS, names);
        // the seed's H800 (seed 000): 80 GB, 3.35 TB/s, 1979 TFLOPS FP8; CX7 at 40 GiB/s = 42.94967296 GB/s
        assertEquals(80, fields.get(0).get("current").asDouble(), 0.0);
        assertEquals("GB/s", fields.get(1).get("unit").asText());
        assertEquals(3350, fields.get(1).get("current").asDouble(), 0.0);
        assertEquals(1979, fields.get(2).get("current").asDouble(), 0.0);
        // H800 has no FP4 tensor cores: its FP4 rate is 0 (none)
        assertEquals(0, fields.get(4).get("current").asDouble(), 0.0);
        assertEquals(2.0, fields.get(10).get("current").asDouble(), 0.0); // DeepSeek's $2 per H800 GPU-hour
        assertEquals("$/card-hour", fields.get(10).get("unit").asText());
        assertEquals(42.94967296, fields.get(16).get("current").asDouble(), 1e-9);
        assertEquals("mode", fields.get(17).get("unit").asText());
        assertEquals(Fa3Mode.TWO_STAGE.ordinal(), fields.get(17).get("current").asInt());
        String table = ok("presets", "fields", "--chip", "A100").out();
        assertTrue(table.startsWith("--chip-field NAME=VALUE for A100 / CX7:"), table);
        FIELDS.forEach(n -> assertTrue(table.contains(n), n));
    }

    @Test
    void chipFieldEditsTheChipAsTheEditorDoesRepeatably() throws Exception {
        JsonNode e = json(ok("evaluate", "--format", "json", "--chip-field", "HBM bandwidth=4000",
                "--chip-field", "hbm capacity=96", "--chip-field", "FA3 stage mode=three-stage").out());
        Scenario expected = DEFAULT.withChip(DEFAULT.chip().withHbmBandwidth(4000e9).withMemory(96e9)
                .withFa3Mode(Fa3Mode.THREE_STAGE).asEdited());
        Evaluation ev = ENGINE.evaluate(expected);
        assertTrue(e.get("scenario").asText().startsWith("DeepSeek-V3 / H800 (edited) / CX7 /"), e.get("scenario").asText());
        assertEquals(ev.userTokensPerSec(), e.get("userTokensPerSecond").asDouble(), 0.0);
        assertEquals(ev.maxBatch(), e.get("maxBatch").asInt());
        // calibrated fidelity (the default) reads the 96 GB as the datasheet's SI: 96e9 bytes; seed fidelity reads them
        // as GiB (seed 000): 96 x 2^30 bytes
        assertEquals(96e9, e.get("memoryBytes").get("capacity").asDouble(), 0.0);
        JsonNode seed = json(ok("evaluate", "--format", "json", "--fidelity", "seed", "--chip-field", "hbm capacity=96").out());
        assertEquals(96 * Math.pow(2, 30), seed.get("memoryBytes").get("capacity").asDouble(), 0.0);
        // the NIC's bandwidth: the NIC is then named as edited too, never passed off as the preset
        JsonNode nic = json(ok("evaluate", "--format", "json", "--chip-field", "NIC bandwidth=50").out());
        assertTrue(nic.get("scenario").asText().startsWith("DeepSeek-V3 / H800 / CX7 (edited) /"), nic.get("scenario").asText());
        // the FA3 mode by number, as solve reports it (2 = three-stage), gives the same scenario as by name
        assertEquals(ok("evaluate", "--chip-field", "FA3 stage mode=three-stage").out(),
                ok("evaluate", "--chip-field", "FA3 stage mode=2").out());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            evaluate;--chip-field;HBM bandwidth                      | ridgeline: --chip-field: bad value 'HBM bandwidth' (expected NAME=VALUE, e.g. 'HBM bandwidth=4000')
            evaluate;--chip-field;HBM bandwidth=-5                   | ridgeline: --chip-field: bad value 'HBM bandwidth=-5' (HBM bandwidth must be in [0.01, 1000000] GB/s, was -5)
            evaluate;--chip-field;HBM bandwidth=fast                 | ridgeline: --chip-field: bad value 'HBM bandwidth=fast' ('fast' is not a decimal number)
            evaluate;--chip-field;Scale-up domain=8.5                | ridgeline: --chip-field: bad value 'Scale-up domain=8.5' (Scale-up domain takes a whole number, was 8.5)
            evaluate;--chip-field;FA3 stage mode=3                   | ridgeline: --chip-field: bad value 'FA3 stage mode=3' (FA3 stage mode must be in [0, 2], was 3)
            evaluate;--chip-field;FA3 stage mode=four-stage          | ridgeline: --chip-field: bad value 'FA3 stage mode=four-stage' (expected none, two-stage, three-stage or 0, 1, 2)
            sensitivity;--step;1.5                                   | ridgeline: --step: bad value 1.5 (must be in (0, 1), e.g. 0.1 for ±10 %)
            solve;--target-tps;0;--min-throughput;4000               | ridgeline: --target-tps: bad value 0 (must be > 0)
            solve;--target-tps;20;--min-throughput;-1                | ridgeline: --min-throughput: bad value -1 (must be > 0)
            solve;--target-tps;20;--min-throughput;1;--format;xml    | ridgeline: --format: bad value 'xml' (expected one of table, csv, json)
            export;--out;x.png;--view;map;--x-field;fp8 tensor rate  | ridgeline: --x-field: bad value 'fp8 tensor rate' (the map needs two different fields; the other is FP8 tensor rate too)
            export;--out;x.png;--view;map;--y-field;FA3 stage mode   | ridgeline: --y-field: bad value 'FA3 stage mode' (a map needs a field with a number; the FA3 stage mode has three modes)
            """)
    void badInputExitsTwoWithOneLine(String args, String message) {
        CliTest.Run r = CliTest.run(args.strip().split(";"));
        assertEquals(2, r.code(), r.out());
        assertEquals(message, r.err().strip());
        assertEquals(1, r.err().strip().lines().count());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            evaluate;--chip-field;HBM bandwith=4000                  | ridgeline: --chip-field: bad value 'HBM bandwith=4000' (unknown field 'HBM bandwith' (fields:
            solve;--target-tps;20;--min-throughput;4000;--field;nope | ridgeline: --field: bad value 'nope' (unknown field 'nope' (fields:
            export;--out;x.png;--view;map;--x-field;nope             | ridgeline: --x-field: bad value 'nope' (unknown field 'nope' (fields:
            """)
    void anUnknownFieldIsRefusedInOneLineListingTheNames(String args, String start) {
        CliTest.Run r = CliTest.run(args.strip().split(";"));
        assertEquals(2, r.code(), r.out());
        assertTrue(r.err().startsWith(start), r.err());
        assertEquals(1, r.err().strip().lines().count());
        assertTrue(r.err().strip().endsWith(String.join(", ", FIELDS) + "))"), r.err());
    }

    @Test
    void solveJsonGivesEachFieldsValueInTheUnitChipFieldTakesOrNull() {
        String text = ok("solve", "--target-tps", "20", "--min-throughput", "4000", "--format", "json").out();
        JsonNode answers = json(text);
        assertTrue(answers.isArray());
        assertEquals(SPEC_FIELDS.size() - 1, answers.size()); // not the FP4 rate: the H800 has none
        Solve.Target target = new Solve.Target(20, 4000, false);
        boolean someNull = false;
        for (JsonNode a : answers) {
            Set<String> keys = new TreeSet<>();
            for (Iterator<String> it = a.fieldNames(); it.hasNext(); ) {
                keys.add(it.next());
            }
            assertEquals(Set.of("current", "field", "reason", "required", "unit"), keys);
            String name = a.get("field").asText();
            Knob k = Knob.field(name);
            if (a.get("required").isNull()) {
                someNull = true;
                assertTrue(a.get("reason").asText().startsWith("not reachable by this field alone: "), a.toString());
                continue;
            }
            double required = a.get("required").asDouble();
            if (k.stepped()) {
                continue;
            }
            // the value reaches the target, 1 % less (more of a cost) does not: the engine, asked here
            assertTrue(Solve.reaches(ENGINE, DEFAULT, k, required, target, Space::explorer), name);
            // 1 % less (more of a cost); for whole cards the next whole number (1 % of a small domain rounds back)
            double worse = k.integer() ? (k.higherIsBetter() ? required - 1 : required + 1)
                    : k.higherIsBetter() ? required * 0.99 : required * 1.01;
            assertFalse(Solve.reaches(ENGINE, DEFAULT, k, worse, target, Space::explorer), name);
        }
        assertTrue(someNull, "HBM capacity alone cannot reach 4,000 per card on H800 (network-bound)");
        JsonNode hbm = answers.get(1);
        assertEquals("HBM bandwidth", hbm.get("field").asText());
        assertEquals("GB/s", hbm.get("unit").asText());
        assertEquals(3350, hbm.get("current").asDouble(), 0.0);
        // calibrated (the default), this deployment is network-bound: the NIC is what reaches 4,000
        JsonNode nic = null;
        for (JsonNode a : answers) {
            if (a.get("field").asText().equals("NIC bandwidth")) {
                nic = a;
            }
        }
        assertNotNull(nic, text);
        // round trip: the value, given back to --chip-field, reaches 4,000 tokens/s per card at 20 per user
        String value = nic.get("required").asText();
        JsonNode s = json(ok("sensitivity", "--chip-field", "NIC bandwidth=" + value, "--format", "json").out());
        assertTrue(s.get("headline").asDouble() >= 4000, s.get("headline").asText());
        // in seed fidelity HBM bandwidth alone reaches it, and its value round-trips the same way
        JsonNode seedHbm = json(ok("solve", "--target-tps", "20", "--min-throughput", "4000", "--format", "json",
                "--fidelity", "seed", "--field", "HBM bandwidth").out()).get(0);
        JsonNode seed = json(ok("sensitivity", "--fidelity", "seed", "--chip-field", "HBM bandwidth="
                + seedHbm.get("required").asText(), "--format", "json").out());
        assertTrue(seed.get("headline").asDouble() >= 4000, seed.get("headline").asText());
    }

    @Test
    void aTargetPerNodeIsEightTimesTheTargetPerCardAndFieldPicksOne() {
        String perCard = ok("solve", "--target-tps", "20", "--min-throughput", "4000", "--format", "json",
                "--field", "nic bandwidth", "--field", "FP8 tensor rate").out();
        String perNode = ok("solve", "--target-tps", "20", "--min-throughput", "32000", "--per-node", "--format", "json",
                "--field", "NIC bandwidth", "--field", "fp8 tensor rate").out();
        assertEquals(perCard, perNode);
        JsonNode answers = json(perCard);
        assertEquals(2, answers.size());
        assertEquals("NIC bandwidth", answers.get(0).get("field").asText());
        assertEquals("FP8 tensor rate", answers.get(1).get("field").asText());
        String csv = ok("solve", "--target-tps", "20", "--min-throughput", "4000", "--format", "csv").out();
        assertEquals("field,unit,current,required,change,reason", csv.lines().findFirst().orElseThrow());
        // every spec field but the FP4 rate: the H800 has no FP4 tensor cores, so there is nothing to solve for
        assertEquals(1 + SPEC_FIELDS.size() - 1, csv.lines().count());
    }

    @Test
    void sensitivityJsonHasTheHeadlineAndEveryKnobDownAndUp() {
        JsonNode r = json(ok("sensitivity", "--format", "json").out());
        assertEquals(Sensitivity.headline(ENGINE, DEFAULT, 20), r.get("headline").asDouble(), 0.0);
        assertEquals(ENGINE.summarize(DEFAULT).throughputPerCard(), r.get("fixed").asDouble(), 0.0);
        List<String> knobs = new ArrayList<>();
        double previous = Double.MAX_VALUE;
        for (JsonNode b : r.get("bars")) {
            knobs.add(b.get("knob").asText());
            double swing = 0;
            for (String side : List.of("down", "up")) {
                JsonNode m = b.get(side);
                if (m.get("refused").isNull()) {
                    swing = Math.max(swing, Math.abs(m.get("headlineChange").asDouble()));
                    assertEquals(m.get("headline").asDouble() - r.get("headline").asDouble(), m.get("headlineChange").asDouble(), 0.0);
                }
            }
            assertTrue(swing <= previous, "sorted by swing, largest first: " + knobs);
            previous = swing;
            if (b.get("knob").asText().equals("HBM bandwidth")) {
                assertEquals(3350 * 0.9, b.get("down").get("value").asDouble(), 1e-9);
                assertEquals(3350 * 1.1, b.get("up").get("value").asDouble(), 1e-9);
            }
        }
        List<String> all = new ArrayList<>(SPEC_FIELDS);
        all.addAll(List.of("GEMM efficiency", "MTP acceptance", "Kernel gap", "Memory reserve", "Host overhead",
                "Redundant experts", "EPLB"));
        all.remove("FP4 tensor rate"); // the H800 has none: no fraction of none to move
        assertEquals(new TreeSet<>(all), new TreeSet<>(knobs));
        String table = ok("sensitivity", "--step", "0.2").out();
        assertTrue(table.contains("knob ±20 %"), table);
        // the seed's FlashMLA reduction latency, which calibrated fidelity does not read: nothing to move
        assertTrue(table.lines().anyMatch(l -> l.startsWith("Reduction latency") && l.endsWith("changes nothing")), table);
        String csv = ok("sensitivity", "--format", "csv", "--target-tps", "15").out();
        assertEquals(dev.ridgeline.engine.io.TuningReports.SENSITIVITY_CSV_HEADER, csv.lines().findFirst().orElseThrow());
        assertEquals(1 + all.size(), csv.lines().count());
    }
}
