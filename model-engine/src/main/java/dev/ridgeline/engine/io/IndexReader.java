package dev.ridgeline.engine.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.ridgeline.engine.model.Checks;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code presets/index.json} with jackson-core's streaming parser: three objects of names to files and a list of
 * scenario files, nothing else. A command's start-up reads it first, on the presets thread; through the strict mapper
 * ({@link Json}) it cost the mapper's first record reader, about 10 ms of CPU in a fresh JVM, before any preset was
 * read. As strict as the mapper: unknown, missing and duplicate keys, a value of another type and text after the
 * document are refused in one line naming the file and the key.
 */
final class IndexReader {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private IndexReader() {
    }

    static Presets.Index read(String text, String file) {
        Map<String, Map<String, String>> named = new LinkedHashMap<>();
        List<String> scenarios = null;
        try (JsonParser p = FACTORY.createParser(text)) {
            p.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new PresetException(file + ": must be a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                p.nextToken();
                switch (key) {
                    case "chips", "nics", "models" -> named.put(key, names(p, file, key));
                    case "scenarios" -> scenarios = files(p, file, key);
                    default -> throw new PresetException(file + ": unknown key " + Checks.quote(key));
                }
            }
            if (p.nextToken() != null) {
                throw new PresetException(file + ": text after the document");
            }
        } catch (JsonProcessingException e) {
            throw new PresetException(file + ": not valid JSON: " + Checks.shorten(e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw new PresetException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
        for (String key : List.of("chips", "nics", "models")) {
            if (!named.containsKey(key)) {
                throw new PresetException(file + ": missing key '" + key + "'");
            }
        }
        if (scenarios == null) {
            throw new PresetException(file + ": missing key 'scenarios'");
        }
        return new Presets.Index(named.get("chips"), named.get("nics"), named.get("models"), scenarios);
    }

    /** An object of preset names to file names, in the file's order. */
    private static Map<String, String> names(JsonParser p, String file, String key) throws IOException {
        if (!p.hasToken(JsonToken.START_OBJECT)) {
            throw new PresetException(file + ": key " + Checks.quote(key) + " must be an object of names to files");
        }
        Map<String, String> out = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            out.put(name, text(p, file, key + "." + name));
        }
        return out;
    }

    /** A list of file names. */
    private static List<String> files(JsonParser p, String file, String key) throws IOException {
        if (!p.hasToken(JsonToken.START_ARRAY)) {
            throw new PresetException(file + ": key " + Checks.quote(key) + " must be a list of files");
        }
        List<String> out = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            out.add(current(p, file, key + "." + out.size()));
        }
        return List.copyOf(out);
    }

    private static String text(JsonParser p, String file, String key) throws IOException {
        p.nextToken();
        return current(p, file, key);
    }

    private static String current(JsonParser p, String file, String key) throws IOException {
        if (!p.hasToken(JsonToken.VALUE_STRING)) {
            throw new PresetException(file + ": key " + Checks.quote(key) + " must be a string, was "
                    + Checks.shorten(String.valueOf(p.currentToken() == null ? "the end" : p.getText())));
        }
        return p.getText();
    }
}
