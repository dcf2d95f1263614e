package dev.ridgeline.engine.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import dev.ridgeline.engine.model.Checks;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The one strict ObjectMapper. A preset says exactly what it means or is refused, naming the file and the key:
 * unknown, missing, duplicate and null keys; text after the document; a string where a number belongs ("128"), a
 * fraction for an integer (128.7), a number for a boolean or a string, a number for an enum, and an enum's name
 * with anything around it ("FP8 ", " FP8": Jackson trims them by default) or in another case ("fp8").
 */
final class Json {
    static final ObjectMapper MAPPER = strict();

    private Json() {
    }

    private static ObjectMapper strict() {
        JsonMapper mapper = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .addModule(new SimpleModule("exact-enums").setDeserializerModifier(new ExactEnums()))
                .build();
        for (LogicalType type : List.of(LogicalType.Integer, LogicalType.Float, LogicalType.Boolean, LogicalType.Textual,
                LogicalType.Enum)) {
            mapper.coercionConfigFor(type)
                    .setCoercion(CoercionInputShape.String, type == LogicalType.Textual || type == LogicalType.Enum
                            ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, type == LogicalType.Textual
                            ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Integer, type == LogicalType.Integer || type == LogicalType.Float
                            ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, type == LogicalType.Float
                            ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, type == LogicalType.Boolean
                            ? CoercionAction.TryConvert : CoercionAction.Fail);
        }
        return mapper;
    }

    /** Enum values as the exact constant name: Jackson's own reader trims the text before it looks the name up. */
    private static final class ExactEnums extends BeanDeserializerModifier {
        private static final long serialVersionUID = 1L;

        @Override
        public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                                                          BeanDescription description, JsonDeserializer<?> deserializer) {
            return new ExactEnum(deserializer, type.getRawClass());
        }
    }

    private static final class ExactEnum extends DelegatingDeserializer {
        private static final long serialVersionUID = 1L;
        private final Class<?> type;

        ExactEnum(JsonDeserializer<?> delegate, Class<?> type) {
            super(delegate);
            this.type = type;
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new ExactEnum(delegate, type);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.hasToken(JsonToken.VALUE_STRING)) {
                String text = p.getText();
                if (Arrays.stream(type.getEnumConstants()).noneMatch(c -> ((Enum<?>) c).name().equals(text))) {
                    throw ctxt.weirdStringException(text, type, "not one of the names");
                }
            }
            return super.deserialize(p, ctxt);
        }
    }

    /** The document's tree: strict JSON, exactly one value, an object; else a one-line {@link PresetException}. */
    static JsonNode tree(String text, String file) {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new PresetException(describe(e, file, null), e);
        }
        if (tree == null || tree.isMissingNode()) {
            throw new PresetException(file + ": is empty (expected a JSON object)");
        }
        if (!tree.isObject()) {
            throw new PresetException(file + ": must be a JSON object, was " + value(tree));
        }
        return tree;
    }

    static <T> T read(String text, Class<T> type, String file) {
        return read(tree(text, file), type, file);
    }

    static <T> T read(JsonNode tree, Class<T> type, String file) {
        try {
            return MAPPER.treeToValue(tree, type);
        } catch (JsonProcessingException e) {
            throw new PresetException(describe(e, file, tree), e);
        } catch (IllegalArgumentException e) {
            throw new PresetException(file + ": " + e.getMessage(), e);
        }
    }

    /** One line: file, key, what it must be and what it was (shortened). */
    static String describe(JsonProcessingException e, String file, JsonNode tree) {
        if (e instanceof ValueInstantiationException && e.getCause() instanceof IllegalArgumentException) {
            return file + ": " + e.getCause().getMessage();
        }
        String key = e instanceof JsonMappingException ? path((JsonMappingException) e) : "";
        if (e instanceof UnrecognizedPropertyException) {
            return file + ": unknown key " + Checks.quote(((UnrecognizedPropertyException) e).getPropertyName());
        }
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (e instanceof MismatchedInputException && original.startsWith("Missing")) {
            return file + ": missing key '" + original.replaceAll("(?s)^[^']*'([^']*)'.*", "$1") + "'";
        }
        if (e instanceof MismatchedInputException && original.startsWith("Null value")) {
            return file + ": key '" + original.replaceAll("(?s)^[^']*'([^']*)'.*", "$1") + "' must not be null";
        }
        if (e instanceof MismatchedInputException && !key.isEmpty()) {
            JsonNode bad = tree == null ? null : tree.at("/" + key.replace(".", "/"));
            return file + ": key " + Checks.quote(key) + " must be "
                    + expected(((MismatchedInputException) e).getTargetType())
                    + (bad != null && !bad.isMissingNode() ? ", was " + value(bad) : "");
        }
        if (!key.isEmpty() && original.startsWith("Numeric value (")) {
            // an integer beyond int, e.g. 2147483648 for contextTokens
            JsonNode bad = tree == null ? null : tree.at("/" + key.replace(".", "/"));
            return file + ": key " + Checks.quote(key) + " must be an integer up to " + Integer.MAX_VALUE
                    + (bad != null && !bad.isMissingNode() ? ", was " + value(bad) : "");
        }
        if (!key.isEmpty()) {
            return file + ": key " + Checks.quote(key) + ": " + shortened(original);
        }
        String first = original.split("\n")[0];
        return file + ": not valid JSON: " + shortened(first)
                + (e.getLocation() != null && e.getLocation().getLineNr() > 0 ? " (line " + e.getLocation().getLineNr() + ")" : "");
    }

    /** A JSON value as echoed: its JSON text ("\"abc\"", 128.7, true), shortened. */
    static String value(JsonNode node) {
        return Checks.shorten(node.toString());
    }

    /** What a Java type reads as: "an integer", "a number", "true or false", "a string", "one of A, B". */
    static String expected(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "an integer";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).collect(Collectors.joining(", "));
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "an object";
    }

    /**
     * A parser's message without its locator ("(start marker at [Source: REDACTED ...; line: 1, column: 1])"), one
     * line of at most three echoes (it may quote a long token).
     */
    private static String shortened(String message) {
        String plain = message.replaceAll("\\s*\\(start marker at \\[Source:[^\\]]*\\]\\)", "")
                .replaceAll("\\s*at \\[Source:[^\\]]*\\]", "").replaceAll("\\s*\\[Source:[^\\]]*\\]", "")
                .replaceAll(", from `[^`]*`", "");
        return Checks.shorten(plain, 3 * Checks.ECHO_LIMIT);
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : String.valueOf(r.getIndex()))
                .collect(Collectors.joining("."));
    }
}
