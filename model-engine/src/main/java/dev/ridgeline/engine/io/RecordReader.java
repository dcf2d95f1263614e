package dev.ridgeline.engine.io;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ridgeline.engine.model.Checks;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A file's tree bound to its record ({@link PresetFiles}, {@link Anchors}) by the record's own components, as strictly
 * as the mapper ({@link Json#mapper()}) bound it and with the same one-line refusals, but without the mapper: its class
 * initialisation (a date format whose calendar probes every locale of the JDK) and one reader built per record type by
 * introspection cost a fresh command about 150 ms of CPU before its first preset, on the start-up's critical path.
 * The rules: every key of the record present and no other; a value of the right kind (an integer within int for
 * {@code int}, any number for {@code double}, true or false, a string, an enum's exact constant name, an object for a
 * nested record, a list); no null. The refusal reported is the mapper's first: a value of the wrong kind in the
 * file's order; then, once every key was read (or at the end), a missing key and a null in the record's order; then a
 * key it does not know. {@code RecordReaderTest} checks all this against the mapper's own reading.
 */
final class RecordReader {
    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            return Shape.of(type);
        }
    };

    private RecordReader() {
    }

    /** A record's components by name and its canonical constructor. */
    private record Shape(RecordComponent[] components, Constructor<?> constructor) {
        static Shape of(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
            try {
                Constructor<?> constructor = type.getDeclaredConstructor(types);
                constructor.setAccessible(true);
                return new Shape(components, constructor);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("a record has its canonical constructor", e);
            }
        }

        int index(String key) {
            for (int i = 0; i < components.length; i++) {
                if (components[i].getName().equals(key)) {
                    return i;
                }
            }
            return -1;
        }
    }

    /** {@code tree} as a {@code type} record; anything else is refused in one line naming the file and the key. */
    static <T> T read(JsonNode tree, Class<T> type, String file) {
        try {
            return type.cast(record(tree, type, ""));
        } catch (Refusal r) {
            throw new PresetException(file + ": " + r.getMessage());
        }
    }

    /** What a refusal says after the file's name. */
    private static final class Refusal extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refusal(String message) {
            super(message, null, false, false);
        }
    }

    private static Object record(JsonNode node, Class<?> type, String prefix) {
        Shape shape = SHAPES.get(type);
        RecordComponent[] components = shape.components();
        Object[] args = new Object[components.length];
        boolean[] seen = new boolean[components.length];
        int assigned = 0;
        String unknown = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            int i = shape.index(field.getKey());
            if (i < 0) {
                if (assigned == components.length) {
                    throw unknown(field.getKey());
                }
                unknown = unknown == null ? field.getKey() : unknown;
                continue;
            }
            args[i] = value(field.getValue(), components[i].getType(), components[i].getGenericType(),
                    prefix + field.getKey());
            seen[i] = true;
            if (++assigned == components.length) {
                // the mapper made the record as soon as it had every key: nulls, then a key it did not know
                nulls(components, args);
                if (unknown != null) {
                    throw unknown(unknown);
                }
            }
        }
        if (assigned < components.length) {
            for (int i = 0; i < components.length; i++) {
                if (!seen[i]) {
                    throw new Refusal("missing key '" + components[i].getName() + "'");
                }
            }
        }
        try {
            return shape.constructor().newInstance(args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof IllegalArgumentException iae) {
                throw new Refusal(iae.getMessage());
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void nulls(RecordComponent[] components, Object[] args) {
        for (int i = 0; i < components.length; i++) {
            if (args[i] == null) {
                throw new Refusal("key '" + components[i].getName() + "' must not be null");
            }
        }
    }

    private static Refusal unknown(String key) {
        return new Refusal("unknown key " + Checks.quote(key));
    }

    /** The value of {@code key}; null for a JSON null where null is refused at the end (not a primitive, not a tree). */
    private static Object value(JsonNode node, Class<?> type, Type generic, String key) {
        if (type == JsonNode.class) {
            return node;
        }
        if (node.isNull() && !type.isPrimitive()) {
            return null;
        }
        if (type == int.class) {
            if (node.canConvertToInt() && node.isIntegralNumber()) {
                return node.intValue();
            }
            if (node.isIntegralNumber()) {
                throw new Refusal("key " + Checks.quote(key) + " must be an integer up to " + Integer.MAX_VALUE
                        + ", was " + Json.value(node));
            }
        } else if (type == double.class) {
            if (node.isNumber()) {
                return node.doubleValue();
            }
        } else if (type == boolean.class) {
            if (node.isBoolean()) {
                return node.booleanValue();
            }
        } else if (type == String.class) {
            if (node.isTextual()) {
                return node.textValue();
            }
        } else if (type.isEnum()) {
            if (node.isTextual()) {
                for (Object constant : type.getEnumConstants()) {
                    if (((Enum<?>) constant).name().equals(node.textValue())) {
                        return constant;
                    }
                }
            }
        } else if (type.isRecord()) {
            if (node.isObject()) {
                return record(node, type, key + ".");
            }
        } else if (type == List.class) {
            if (node.isArray()) {
                Type element = ((ParameterizedType) generic).getActualTypeArguments()[0];
                Class<?> raw = (Class<?>) (element instanceof ParameterizedType p ? p.getRawType() : element);
                List<Object> out = new ArrayList<>();
                for (JsonNode item : node) {
                    Object v = value(item, raw, element, key + "." + out.size());
                    if (v == null) {
                        throw new Refusal("key " + Checks.quote(key + "." + out.size()) + " must not be null");
                    }
                    out.add(v);
                }
                return List.copyOf(out);
            }
        } else {
            throw new IllegalStateException("no reading of " + type + " (" + key + ")");
        }
        throw new Refusal("key " + Checks.quote(key) + " must be " + Json.expected(type) + ", was " + Json.value(node));
    }
}
