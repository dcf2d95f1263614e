package dev.ridgeline.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.engine.io.Presets;
import dev.ridgeline.engine.model.Scenario;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The records whose {@code equals} is written out ({@link Scenario#equals}: the generated one spins method-handle
 * classes at every window start) against the record contract, read from the records' components by reflection:
 * equal exactly when every component is equal, references by {@code equals}, primitives by their wrapper's
 * {@code equals} (so {@code 0.0} and {@code -0.0} differ), whatever component a later change adds.
 */
class RecordEqualsTest {
    private static final Scenario SCENARIO = Presets.builtInScenario("default");
    private static final Evaluation EVALUATION = Fixtures.ENGINE.evaluate(SCENARIO);

    static Stream<Record> writtenOut() {
        return Stream.of(SCENARIO, SCENARIO.model(), SCENARIO.chip(), SCENARIO.nic(), EVALUATION);
    }

    /** Its {@code equals} is its own code, not an {@code invokedynamic} of {@code ObjectMethods} (javap's reading). */
    @ParameterizedTest
    @MethodSource("writtenOut")
    void equalsLinksNoMethodHandles(Record r) {
        StringWriter out = new StringWriter();
        int exit = ToolProvider.findFirst("javap").orElseThrow()
                .run(new PrintWriter(out), new PrintWriter(out), "-c", "-cp", classPath(r.getClass()), r.getClass().getName());
        assertEquals(0, exit, out.toString());
        String code = out.toString();
        int start = code.indexOf("boolean equals(java.lang.Object);");
        int end = code.indexOf("\n\n", start);
        assertTrue(start >= 0 && end > start, code);
        String equals = code.substring(start, end);
        assertFalse(equals.contains("invokedynamic"), equals);
        assertTrue(code.contains("invokedynamic"), "javap shows the generated hashCode's invokedynamic: " + code);
    }

    private static String classPath(Class<?> c) {
        try {
            return java.nio.file.Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Each component of each record changed alone, in one sample or another (an MLA and a GQA model: each fixes the
     * other's head fields), and replaced by an equal copy. Only a model's attention cannot change alone: MLA and GQA
     * each require fields of their own.
     */
    @Test
    void equalsIsTheRecordsEqualityOverEveryComponent() {
        Set<String> varied = new TreeSet<>();
        Set<String> all = new TreeSet<>();
        List<Record> samples = new ArrayList<>(writtenOut().toList());
        samples.add(Fixtures.CATALOG.model("Qwen3-30B-A3B"));
        for (Record r : samples) {
            Object[] values = values(r);
            Record copy = construct(r.getClass(), values);
            assertNotSame(r, copy);
            assertTrue(r.equals(copy) && copy.equals(r));
            assertEquals(r.hashCode(), copy.hashCode());
            assertFalse(r.equals(null));
            assertFalse(r.equals(r.toString()));
            RecordComponent[] components = r.getClass().getRecordComponents();
            for (int i = 0; i < components.length; i++) {
                String name = r.getClass().getSimpleName() + "." + components[i].getName();
                all.add(name);
                Object[] same = values.clone();
                same[i] = equalCopy(values[i]);
                assertTrue(r.equals(construct(r.getClass(), same)), name + " equal but not the same object");
                for (Object candidate : others(values[i])) {
                    Object[] changed = values.clone();
                    changed[i] = candidate;
                    Record other = tryConstruct(r.getClass(), changed);
                    if (other != null) {
                        assertFalse(contract(r, other), name);
                        assertFalse(r.equals(other) || other.equals(r), name + " changed, still equal");
                        varied.add(name);
                    }
                }
            }
        }
        all.removeAll(varied);
        assertEquals(Set.of("ModelConfig.attention"), all, "components never changed alone");
    }

    /** Equal by the record contract: every component equal, primitives compared boxed. */
    private static boolean contract(Record a, Record b) {
        return Arrays.equals(values(a), values(b));
    }

    private static Object[] values(Record r) {
        RecordComponent[] components = r.getClass().getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            try {
                values[i] = components[i].getAccessor().invoke(r);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        }
        return values;
    }

    private static Record construct(Class<?> type, Object[] values) {
        Record r = tryConstruct(type, values);
        if (r == null) {
            throw new AssertionError("the record refused its own components: " + type.getSimpleName());
        }
        return r;
    }

    /** The record made of {@code values}, or null if its constructor refuses them. */
    private static Record tryConstruct(Class<?> type, Object[] values) {
        Class<?>[] types = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getType).toArray(Class<?>[]::new);
        try {
            return (Record) type.getDeclaredConstructor(types).newInstance(values);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof IllegalArgumentException) {
                return null;
            }
            throw new AssertionError(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** A value equal to {@code v} that is another object where {@code v} is one the test can copy. */
    private static Object equalCopy(Object v) {
        if (v instanceof String s) {
            return new String(s);
        }
        if (v instanceof List<?> l) {
            return new ArrayList<>(l);
        }
        if (v instanceof Record r) {
            return construct(r.getClass(), values(r));
        }
        return v;
    }

    /** Values other than {@code v} by the record contract, the smallest changes first. */
    private static List<Object> others(Object v) {
        List<Object> out = new ArrayList<>();
        if (v instanceof Double d) {
            if (d == 0 && Double.doubleToRawLongBits(d) == 0) {
                out.add(-0.0); // equal by ==, not by the contract
            }
            out.add(Math.nextUp(d));
            out.add(Math.nextDown(d));
        } else if (v instanceof Integer n) {
            Stream.of(n + 1, n - 1, 2 * n, n / 2, 0, 1).filter(c -> !c.equals(n)).forEach(out::add);
        } else if (v instanceof Boolean b) {
            out.add(!b);
        } else if (v instanceof String s) {
            out.add(s + "x");
        } else if (v instanceof Enum<?> e) {
            Arrays.stream(e.getDeclaringClass().getEnumConstants()).filter(c -> c != e).forEach(out::add);
        } else if (v instanceof List<?> l && !l.isEmpty()) {
            out.add(l.subList(0, l.size() - 1));
        } else if (v instanceof Record r) {
            Object[] values = values(r);
            for (int i = 0; i < values.length; i++) {
                for (Object candidate : others(values[i])) {
                    Object[] changed = values.clone();
                    changed[i] = candidate;
                    Record other = tryConstruct(r.getClass(), changed);
                    if (other != null && !Objects.equals(other, r)) {
                        out.add(other);
                        return out;
                    }
                }
            }
        }
        return out;
    }
}
