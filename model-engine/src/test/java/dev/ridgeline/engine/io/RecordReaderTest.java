package dev.ridgeline.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Files read without the mapper ({@link Json#tree}, {@link RecordReader}) read as the strict mapper reads them
 * ({@link MapperReading}, the oracle): the same tree, the same record, or the same one-line refusal; the one wording
 * of our own is text after the document.
 */
class RecordReaderTest {
    static final String FILE = StrictFilesFuzzTest.FILE;

    /** The record or tree read, or "refused: " and the message. */
    static Object outcome(Supplier<Object> read) {
        try {
            return read.get();
        } catch (PresetException e) {
            return "refused: " + e.getMessage();
        }
    }

    static void readsAsTheMapper(String json, Class<? extends Record> type) {
        Object mapped = outcome(() -> MapperReading.tree(json, FILE));
        Object streamed = outcome(() -> Json.tree(json, FILE));
        if (mapped instanceof String m && m.contains("Trailing token")) {
            assertTrue(String.valueOf(streamed).startsWith("refused: " + FILE + ": not valid JSON: text after the"
                    + " document (line "), () -> streamed + " for " + json);
            return;
        }
        assertEquals(mapped, streamed, json);
        if (mapped instanceof JsonNode tree) {
            assertEquals(outcome(() -> MapperReading.read(tree, type, FILE)), outcome(() -> RecordReader.read(tree, type,
                    FILE)), json);
        }
    }

    /** The nonsense of the fuzz test (seed 59, and another seed), each mutant read both ways. */
    @ParameterizedTest
    @ValueSource(ints = {59, 60})
    void mutatedFilesReadOrAreRefusedAsTheMapperDid(int seed) {
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < StrictFilesFuzzTest.CASES; i++) {
            StrictFilesFuzzTest.Target t = StrictFilesFuzzTest.target(r);
            StrictFilesFuzzTest.Mutant m = StrictFilesFuzzTest.mutate(r, t);
            boolean inline = t.document() != t.mutated();
            readsAsTheMapper(m.json() != null ? m.json() : t.document().toString(),
                    inline ? PresetFiles.ScenarioFile.class : t.schema());
            if (inline && m.json() == null) {
                readsAsTheMapper(t.mutated().toString(), t.schema()); // the inline chip, as its own reading sees it
            }
        }
    }

    @Test
    void everyShippedPresetAndAnchorReadsAsTheMapperReadIt() {
        Presets.Index index = IndexReader.read(Presets.resource(Presets.ROOT + "index.json"), "index.json");
        List<String> files = new ArrayList<>();
        index.chips().values().forEach(f -> files.add("chips/" + f));
        index.nics().values().forEach(f -> files.add("nics/" + f));
        index.models().values().forEach(f -> files.add("models/" + f));
        index.scenarios().forEach(f -> files.add("scenarios/" + f));
        for (String f : files) {
            Class<? extends Record> type = f.startsWith("chips/") ? PresetFiles.ChipFile.class
                    : f.startsWith("nics/") ? PresetFiles.NicFile.class
                    : f.startsWith("models/") ? PresetFiles.ModelFile.class : PresetFiles.ScenarioFile.class;
            Object read = outcome(() -> RecordReader.read(Json.tree(Presets.resource(Presets.ROOT + f), f), type, f));
            assertTrue(type.isInstance(read), () -> f + ": " + read);
            readsAsTheMapper(Presets.resource(Presets.ROOT + f), type);
        }
        String anchors = Presets.resource(Anchors.BUILT_IN);
        readsAsTheMapper(anchors, Anchors.RegistryFile.class);
        for (JsonNode a : Json.tree(anchors, "a").get("anchors")) {
            ObjectNode fields = ((ObjectNode) a).deepCopy();
            JsonNode prefill = fields.remove("prefill");
            fields.remove("balancedRouting");
            readsAsTheMapper(fields.toString(), Anchors.AnchorFile.class);
            if (prefill != null) {
                readsAsTheMapper(prefill.toString(), Anchors.PrefillFile.class);
            }
        }
    }

    /** What the fuzz does not reach: the nested cost object, integers beyond int, numbers beyond double, lists. */
    @ParameterizedTest
    @ValueSource(strings = {
        "\"cost\": null", "\"cost\": 3", "\"cost\": []", "\"cost\": {}", "\"cost\": {\"pue\": 1.3}",
        "\"scaleUpDomainCards\": 2147483648", "\"scaleUpDomainCards\": -2147483649",
        "\"scaleUpDomainCards\": 123456789012345678901234567890", "\"scaleUpDomainCards\": 8.0",
        "\"scaleUpDomainCards\": 8e0", "\"memoryGB\": 1e400", "\"memoryGB\": -0", "\"memoryGB\": 123456789012345678901234567890",
        "\"fa3Mode\": \"\"", "\"fa3Mode\": \"two_stage\"", "\"fa3Mode\": 1", "\"fa3Mode\": null", "\"name\": null",
        "\"name\": \"\"", "\"name\": {}", "\"fp8LowAccPrecision\": null", "\"fp8LowAccPrecision\": \"false\"",
        "\"calibration\": \"NONE \"", "\"schemaVersion\": null", "\"x\": 1",
    })
    void aChipWithOneKeyChangedReadsAsTheMapperReadIt(String change) {
        ObjectNode chip = StrictFilesFuzzTest.parse(StrictFilesFuzzTest.shipped("chips/H800.json"));
        String key = change.substring(1, change.indexOf('"', 1));
        if (key.equals("cost") || chip.has(key)) {
            chip.remove(key);
        }
        String body = chip.toString();
        readsAsTheMapper("{" + change + "," + body.substring(1), PresetFiles.ChipFile.class);
        readsAsTheMapper(body.substring(0, body.length() - 1) + "," + change + "}", PresetFiles.ChipFile.class);
        ObjectNode cost = (ObjectNode) StrictFilesFuzzTest.parse(StrictFilesFuzzTest.shipped("chips/H800.json")).get("cost");
        if (!key.equals("cost")) {
            ObjectNode withCost = StrictFilesFuzzTest.parse(StrictFilesFuzzTest.shipped("chips/H800.json"));
            String inner = cost.toString();
            withCost.remove("cost");
            String costJson = "{" + change.replace("\"" + key + "\"", "\"pue\"") + "," + inner.substring(1);
            String doc = withCost.toString();
            readsAsTheMapper(doc.substring(0, doc.length() - 1) + ",\"cost\":" + costJson + "}", PresetFiles.ChipFile.class);
        }
    }

    /** Two problems at once, each key of a chip, its cost and a scenario in turn: which one the refusal names. */
    @Test
    void aKeyRenamedOrNulledBesideAnUnknownKeyIsRefusedAsTheMapperRefusedIt() {
        for (String path : List.of("chips/H800.json", "scenarios/default.json")) {
            ObjectNode doc = StrictFilesFuzzTest.parse(StrictFilesFuzzTest.shipped(path));
            Class<? extends Record> type = path.startsWith("chips/") ? PresetFiles.ChipFile.class
                    : PresetFiles.ScenarioFile.class;
            List<String> keys = StrictFilesFuzzTest.keys(doc);
            for (int i = 0; i < keys.size(); i++) {
                for (String how : List.of("renamed", "null and unknown first", "null and unknown last")) {
                    ObjectNode changed = doc.objectNode();
                    if (how.endsWith("first")) {
                        changed.put("turbo", 1);
                    }
                    for (String k : keys) {
                        if (!k.equals(keys.get(i))) {
                            changed.set(k, doc.get(k));
                        } else if (how.equals("renamed")) {
                            changed.set(k + "X", doc.get(k));
                        } else {
                            changed.putNull(k);
                        }
                    }
                    if (how.endsWith("last")) {
                        changed.put("turbo", 1);
                    }
                    readsAsTheMapper(changed.toString(), type);
                }
            }
            if (doc.get("cost") instanceof ObjectNode cost) {
                for (String k : StrictFilesFuzzTest.keys(cost)) {
                    ObjectNode renamed = doc.deepCopy();
                    ObjectNode c = renamed.putObject("cost");
                    cost.fields().forEachRemaining(e -> c.set(e.getKey().equals(k) ? "when" : e.getKey(), e.getValue()));
                    readsAsTheMapper(renamed.toString(), type);
                }
            }
        }
    }

    @Test
    void aListOfAnchorsTakesAnyValueAndRefusesAnythingElse() {
        for (String anchors : List.of("[]", "[1, null, {}]", "null", "{}", "\"a\"", "[[]]")) {
            readsAsTheMapper("{\"schemaVersion\": 1, \"source\": \"s\", \"anchors\": " + anchors + "}",
                    Anchors.RegistryFile.class);
        }
    }
}
