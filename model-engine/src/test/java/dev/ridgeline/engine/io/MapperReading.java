package dev.ridgeline.engine.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The independent oracle of {@link Json#tree} and {@link RecordReader}: a file read as the strict mapper reads it
 * ({@code readTree}, then {@code treeToValue} into the record), its refusals put in one line by {@link Json#describe}.
 * This is how every file was read before the start-up stopped making the mapper to read one.
 */
final class MapperReading {
    private MapperReading() {
    }

    static JsonNode tree(String text, String file) {
        JsonNode tree;
        try {
            tree = Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new PresetException(Json.describe(e, file, null), e);
        }
        if (tree == null || tree.isMissingNode()) {
            throw new PresetException(file + ": is empty (expected a JSON object)");
        }
        if (!tree.isObject()) {
            throw new PresetException(file + ": must be a JSON object, was " + Json.value(tree));
        }
        return tree;
    }

    static <T> T read(String text, Class<T> type, String file) {
        return read(tree(text, file), type, file);
    }

    static <T> T read(JsonNode tree, Class<T> type, String file) {
        try {
            return Json.mapper().treeToValue(tree, type);
        } catch (JsonProcessingException e) {
            throw new PresetException(Json.describe(e, file, tree), e);
        } catch (IllegalArgumentException e) {
            throw new PresetException(file + ": " + e.getMessage(), e);
        }
    }
}
