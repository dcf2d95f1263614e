package dev.ridgeline.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ridgeline.engine.model.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenario and preset files as a new user writes them by hand, mutated at random from the shipped ones. Each mutation
 * is nonsense the reader must refuse with one line naming the file and the key (a string for a number, a fraction for
 * an integer, a number for a boolean, null, text after the document, a duplicate or unknown key, another schema
 * version, an inline preset of another version), or a harmless re-encoding it must read as the original (key order,
 * whitespace, another spelling of the same number).
 */
class StrictFilesFuzzTest {
    static final ObjectMapper PLAIN = new ObjectMapper();
    static final String FILE = "hand.json";
    static final int CASES = 1500;

    static ObjectNode parse(String json) {
        try {
            return (ObjectNode) PLAIN.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String shipped(String path) {
        return Presets.resource(Presets.ROOT + path);
    }

    /** A document to mutate and how to read it: the default scenario, with an inline chip half the time, or a preset. */
    record Target(ObjectNode document, ObjectNode mutated, Class<? extends Record> schema,
                  BiFunction<String, String, Object> read) {
    }

    static Target target(SplittableRandom r) {
        Catalog c = Presets.builtIn();
        switch (r.nextInt(5)) {
            case 0: {
                ObjectNode chip = parse(shipped("chips/H800.json"));
                return new Target(chip, chip, PresetFiles.ChipFile.class, Presets::parseChip);
            }
            case 1: {
                ObjectNode nic = parse(shipped("nics/CX7.json"));
                return new Target(nic, nic, PresetFiles.NicFile.class, Presets::parseNic);
            }
            case 2: {
                ObjectNode model = parse(shipped("models/DeepSeek-V3.json"));
                return new Target(model, model, PresetFiles.ModelFile.class, Presets::parseModel);
            }
            case 3: {
                // an inline chip: the scenario carries a whole chip document, mutated inside
                ObjectNode scenario = parse(shipped("scenarios/default.json"));
                ObjectNode chip = parse(shipped("chips/H800_SXM5.json"));
                scenario.set("chip", chip);
                return new Target(scenario, chip, PresetFiles.ChipFile.class,
                        (json, file) -> Presets.parseScenario(json, file, c));
            }
            default: {
                ObjectNode scenario = parse(shipped("scenarios/default.json"));
                return new Target(scenario, scenario, PresetFiles.ScenarioFile.class,
                        (json, file) -> Presets.parseScenario(json, file, c));
            }
        }
    }

    static List<String> keys(ObjectNode node) {
        List<String> keys = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            keys.add(it.next());
        }
        return keys;
    }

    /** The type the file's record declares for {@code key}. */
    static Class<?> declared(Class<? extends Record> schema, String key) {
        return java.util.Arrays.stream(schema.getRecordComponents()).filter(c -> c.getName().equals(key)).findFirst()
                .orElseThrow().getType();
    }

    /** Replaces the value of a random key with a value of the wrong kind for its declared type; returns the key. */
    static String wrongKind(SplittableRandom r, ObjectNode node, Class<? extends Record> schema) {
        List<String> keys = keys(node);
        String key = keys.get(r.nextInt(keys.size()));
        JsonNode v = node.get(key);
        Class<?> type = declared(schema, key);
        if (type == int.class) {
            switch (r.nextInt(4)) {
                case 0: node.put(key, String.valueOf(v.intValue())); break;           // "128"
                case 1: node.put(key, v.intValue() + 0.7); break;                    // 128.7
                case 2: node.put(key, v.intValue() + ".0e0"); break;                 // a string again
                default: node.put(key, r.nextBoolean()); break;                      // true
            }
        } else if (type == double.class) {
            switch (r.nextInt(3)) {
                case 0: node.put(key, String.valueOf(v.doubleValue())); break;       // "0.85"
                case 1: node.put(key, r.nextBoolean()); break;
                default: node.putArray(key).add(v.doubleValue()); break;             // [0.85]
            }
        } else if (type == boolean.class) {
            switch (r.nextInt(3)) {
                case 0: node.put(key, 2); break;                                     // promotion: 2
                case 1: node.put(key, r.nextInt(2)); break;                          // 0 or 1
                default: node.put(key, String.valueOf(v.booleanValue())); break;     // "true"
            }
        } else if (v.isTextual()) { // a string, an enum or a preset reference
            switch (r.nextInt(3)) {
                case 0: node.put(key, r.nextInt(1000)); break;
                case 1: node.put(key, r.nextBoolean()); break;
                default: node.putArray(key).add("x"); break;
            }
        } else {
            node.put(key, 1 + r.nextInt(10)); // an object (an inline preset) replaced by a number
        }
        return key;
    }

    /** The whole document after one mutation (null: the tree as mutated), and the key as the refusal must echo it. */
    record Mutant(String json, String key) {
    }

    static Mutant mutate(SplittableRandom r, Target t) {
        switch (r.nextInt(9)) {
            case 0:
            case 1:
                return new Mutant(null, wrongKind(r, t.mutated(), t.schema()));
            case 2: {
                List<String> keys = keys(t.mutated());
                String key = keys.get(r.nextInt(keys.size()));
                t.mutated().putNull(key);
                return new Mutant(null, key);
            }
            case 3: {
                Object[] versions = {"1", 1.9, 1.0, 5, 0, -1, Integer.MAX_VALUE}; // 5: a version from the future (chips are at 4)
                Object v = versions[r.nextInt(versions.length)];
                t.mutated().set("schemaVersion", PLAIN.valueToTree(v));
                return new Mutant(null, "schemaVersion");
            }
            case 4: {
                String key = "turbo" + r.nextInt(100) + (r.nextBoolean() ? "\n" : "");
                t.mutated().put(key, 1);
                return new Mutant(null, dev.ridgeline.engine.model.Checks.shorten(key));
            }
            case 5: {
                List<String> keys = keys(t.mutated());
                String key = keys.get(r.nextInt(keys.size()));
                t.mutated().remove(key);
                return new Mutant(null, key);
            }
            case 6: {
                String[] tails = {" x", " {}", " 1", " \"more\"", " null", "\n// comment", " ,", " ]", "}"};
                return new Mutant(t.document().toString() + tails[r.nextInt(tails.length)], "");
            }
            case 7: {
                // a key written twice, the second time with another value
                String text = t.document().toString();
                String key = keys(t.document()).get(r.nextInt(keys(t.document()).size()));
                return new Mutant(text.substring(0, text.length() - 1) + ",\"" + key + "\":" + t.document().get(key)
                        + "}", key);
            }
            default: {
                String[] documents = {"", " ", "null", "[]", "1", "\"scenario\"", "true", "{", "[{}]"};
                return new Mutant(documents[r.nextInt(documents.length)], "");
            }
        }
    }

    @Test
    void seed59NonsenseInAFileIsRefusedInOneLineNamingTheFileAndTheKey() {
        SplittableRandom r = new SplittableRandom(59);
        for (int i = 0; i < CASES; i++) {
            Target t = target(r);
            Mutant m = mutate(r, t);
            String json = m.json() != null ? m.json() : t.document().toString();
            PresetException e = assertThrows(PresetException.class, () -> t.read().apply(json, FILE),
                    () -> "accepted: " + json);
            String message = e.getMessage();
            assertTrue(message.startsWith(FILE), message);
            assertEquals(1, message.lines().count(), message);
            assertTrue(message.length() <= 400, message);
            assertFalse(message.contains("dev.ridgeline") || message.contains("java."), "no class names: " + message);
            if (!m.key().isEmpty()) {
                assertTrue(message.contains("'" + m.key() + "'") || message.contains("\"" + m.key() + "\""),
                        () -> "names " + m.key() + ": " + message);
            }
        }
    }

    /** Key order, whitespace and another spelling of the same number are not nonsense: they read as the original. */
    @Test
    void seed61HarmlessReencodingsReadAsTheOriginal() {
        SplittableRandom r = new SplittableRandom(61);
        Scenario original = Presets.builtInScenario("default");
        ObjectNode doc = parse(shipped("scenarios/default.json"));
        for (int i = 0; i < 300; i++) {
            List<String> keys = keys(doc);
            java.util.Collections.shuffle(keys, new java.util.Random(r.nextLong()));
            StringBuilder json = new StringBuilder("{");
            for (String key : keys) {
                JsonNode v = doc.get(key);
                String value = v.isDouble() ? respell(r, v.doubleValue()) : v.toString();
                json.append(r.nextBoolean() ? "\n  " : " ").append('"').append(key).append("\" :\t").append(value).append(',');
            }
            json.setLength(json.length() - 1);
            json.append(r.nextBoolean() ? "\n}\n" : "}");
            assertEquals(original, Presets.parseScenario(json.toString(), FILE, Presets.builtIn()), json::toString);
        }
    }

    /** 0.85 as 0.85, 8.5e-1, 85E-2 or 0.850. */
    static String respell(SplittableRandom r, double v) {
        switch (r.nextInt(4)) {
            case 0: return String.valueOf(v);
            case 1: return new java.math.BigDecimal(String.valueOf(v)).movePointRight(1).toPlainString() + "e-1";
            case 2: return new java.math.BigDecimal(String.valueOf(v)).movePointRight(2).toPlainString() + "E-2";
            default: return String.valueOf(v) + "0";
        }
    }

    @Test
    void aNullDocumentAndANullChipAreRefusedNotAnInternalError() {
        Catalog c = Presets.builtIn();
        PresetException doc = assertThrows(PresetException.class, () -> Presets.parseScenario("null", FILE, c));
        assertEquals("hand.json: must be a JSON object, was null", doc.getMessage());
        ObjectNode s = parse(shipped("scenarios/default.json"));
        s.putNull("chip");
        PresetException chip = assertThrows(PresetException.class, () -> Presets.parseScenario(s.toString(), FILE, c));
        assertEquals("hand.json: key 'chip' must not be null", chip.getMessage());
    }

    @Test
    void aWrongTypeSaysWhatTheKeyMustBeAndWhatItWas() {
        ObjectNode s = parse(shipped("scenarios/default.json"));
        s.put("ep", "abc");
        PresetException e = assertThrows(PresetException.class,
                () -> Presets.parseScenario(s.toString(), FILE, Presets.builtIn()));
        assertEquals("hand.json: key 'ep' must be an integer, was \"abc\"", e.getMessage());
    }

    /** A chip figure out of its plausible range is reported in the file's key and unit, not the engine's. */
    @Test
    void chipBoundsAreStatedInTheFilesKeyAndUnit() {
        ObjectNode chip = parse(shipped("chips/H800.json"));
        chip.put("hbmBandwidthGBPerSec", 1e-300);
        PresetException e = assertThrows(PresetException.class, () -> Presets.parseChip(chip.toString(), FILE));
        // Checks: 1e7 to 1e15 bytes/s are 0.01 to 1,000,000 GB/s
        assertEquals("hand.json: key 'hbmBandwidthGBPerSec' must be in [0.01, 1000000], was 1.0E-300", e.getMessage());
        ObjectNode nic = parse(shipped("nics/CX7.json"));
        nic.put("bandwidthGBPerSec", 1e308);
        PresetException n = assertThrows(PresetException.class, () -> Presets.parseNic(nic.toString(), FILE));
        assertEquals("hand.json: key 'bandwidthGBPerSec' must be in [0.01, 1000000], was 1.0E308", n.getMessage());
    }

    /** /dev/zero never ends: reading stops at 4 MiB and says so; bytes that are not UTF-8 are named too. */
    @Test
    void anEndlessOrBinaryFileIsRefusedInOneLine(@TempDir Path dir) throws IOException {
        Path big = dir.resolve("big.json");
        Files.write(big, new byte[Presets.MAX_FILE_BYTES + 1]);
        PresetException e = assertThrows(PresetException.class, () -> Presets.readScenario(big, Presets.builtIn()));
        assertEquals(big + ": larger than 4 MiB; a preset, scenario or config.json is a few kB", e.getMessage());
        Path binary = dir.resolve("binary.json");
        Files.write(binary, new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'});
        PresetException b = assertThrows(PresetException.class, () -> Presets.readScenario(binary, Presets.builtIn()));
        assertEquals(binary + ": is not UTF-8 text", b.getMessage());
        Path zero = Path.of("/dev/zero");
        if (Files.isReadable(zero)) {
            assertTrue(assertThrows(PresetException.class, () -> Presets.readScenario(zero, Presets.builtIn()))
                    .getMessage().contains("larger than 4 MiB"));
        }
    }
}
