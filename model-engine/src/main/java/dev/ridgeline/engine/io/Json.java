package dev.ridgeline.engine.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.util.stream.Collectors;

/** The one strict ObjectMapper: unknown keys, missing keys and nulls are errors that name the file and the key. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }

    static <T> T read(String text, Class<T> type, String file) {
        try {
            return MAPPER.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new PresetException(describe(e, file), e);
        }
    }

    /** One line: file, key, what is wrong. */
    static String describe(JsonProcessingException e, String file) {
        if (e instanceof ValueInstantiationException && e.getCause() instanceof IllegalArgumentException) {
            return file + ": " + e.getCause().getMessage();
        }
        String key = e instanceof JsonMappingException ? path((JsonMappingException) e) : "";
        if (e instanceof UnrecognizedPropertyException) {
            return file + ": unknown key '" + ((UnrecognizedPropertyException) e).getPropertyName() + "'";
        }
        if (e instanceof InvalidFormatException) {
            return file + ": key '" + key + "' has a bad value " + ((InvalidFormatException) e).getValue();
        }
        String original = e.getOriginalMessage();
        if (e instanceof MismatchedInputException && original.startsWith("Missing")) {
            return file + ": missing key '" + original.replaceAll("(?s)^[^']*'([^']*)'.*", "$1") + "'";
        }
        if (e instanceof MismatchedInputException && original.startsWith("Null value")) {
            return file + ": key '" + original.replaceAll("(?s)^[^']*'([^']*)'.*", "$1") + "' must not be null";
        }
        if (!key.isEmpty()) {
            return file + ": key '" + key + "': " + e.getOriginalMessage().split("\n")[0];
        }
        return file + ": not valid JSON: " + e.getOriginalMessage().split("\n")[0]
                + (e.getLocation() != null ? " (line " + e.getLocation().getLineNr() + ")" : "");
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
    }
}
