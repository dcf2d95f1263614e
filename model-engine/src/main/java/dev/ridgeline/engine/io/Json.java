package dev.ridgeline.engine.io;

import com.fasterxml.jackson.core.JsonFactory;
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
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
    /** Made at first use: reading a file does not need it ({@link #tree}, {@link RecordReader}), writing one does. */
    private static final class Holder {
        static final ObjectMapper MAPPER = strict();
    }

    /** The parser of every file: text after the document and duplicate keys are refused. */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private Json() {
    }

    /** The strict mapper, for writing reports and files (and reading nothing on a command's start-up path). */
    static ObjectMapper mapper() {
        return Holder.MAPPER;
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

    /**
     * The document's tree: strict JSON, exactly one value, an object; else a one-line {@link PresetException}. Read by
     * jackson-core's streaming parser into the mapper's node types (as {@code readTree} made them), without the mapper.
     */
    static JsonNode tree(String text, String file) {
        JsonNode tree;
        try (JsonParser p = FACTORY.createParser(text)) {
            tree = p.nextToken() == null ? null : node(p);
            if (tree != null && p.nextToken() != null) {
                throw new PresetException(file + ": not valid JSON: text after the document (line "
                        + p.currentLocation().getLineNr() + ")");
            }
        } catch (JsonProcessingException e) {
            throw new PresetException(describe(e, file, null), e);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // a String never fails to read
        }
        if (tree == null) {
            throw new PresetException(file + ": is empty (expected a JSON object)");
        }
        if (!tree.isObject()) {
            throw new PresetException(file + ": must be a JSON object, was " + value(tree));
        }
        return tree;
    }

    /** The value at the parser's current token, with everything inside it. */
    private static JsonNode node(JsonParser p) throws IOException {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        switch (p.currentToken()) {
            case START_OBJECT: {
                ObjectNode object = nodes.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    p.nextToken();
                    object.set(key, node(p));
                }
                return object;
            }
            case START_ARRAY: {
                ArrayNode array = nodes.arrayNode();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    array.add(node(p));
                }
                return array;
            }
            case VALUE_STRING:
                return nodes.textNode(p.getText());
            case VALUE_NUMBER_INT:
                switch (p.getNumberType()) {
                    case INT:
                        return nodes.numberNode(p.getIntValue());
                    case LONG:
                        return nodes.numberNode(p.getLongValue());
                    default:
                        return nodes.numberNode(p.getBigIntegerValue());
                }
            case VALUE_NUMBER_FLOAT:
                return nodes.numberNode(p.getDoubleValue());
            case VALUE_TRUE:
                return nodes.booleanNode(true);
            case VALUE_FALSE:
                return nodes.booleanNode(false);
            case VALUE_NULL:
                return nodes.nullNode();
            default:
                throw new IllegalStateException("no JSON value at " + p.currentToken());
        }
    }

    static <T> T read(String text, Class<T> type, String file) {
        return read(tree(text, file), type, file);
    }

    static <T> T read(JsonNode tree, Class<T> type, String file) {
        return RecordReader.read(tree, type, file);
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
