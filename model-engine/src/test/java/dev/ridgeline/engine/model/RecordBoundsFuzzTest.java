package dev.ridgeline.engine.model;

import dev.ridgeline.engine.Fixtures;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ridgeline.engine.Engine;
import dev.ridgeline.engine.Evaluation;
import dev.ridgeline.engine.Hostile;
import dev.ridgeline.engine.io.Catalog;
import dev.ridgeline.engine.io.Presets;
import dev.ridgeline.engine.roofline.OpResult;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Freezes and integer overflow, the first two kinds of bad input: a record either refuses a value, naming the
 * field in one line, or every figure the engine derives from it is finite and positive. Values are drawn hostile
 * ({@link Hostile}): the edges of {@code int} and {@code double}, powers of two up to 2^30, subnormals, and
 * log-uniform draws over the whole range.
 */
class RecordBoundsFuzzTest {
    static final Catalog CATALOG = Presets.builtIn();
    static final int CASES = 1500;

    static int hostileInt(SplittableRandom r) {
        return Hostile.integer(r);
    }

    static double hostileDouble(SplittableRandom r) {
        return Hostile.decimal(r);
    }

    /** A copy of {@code record} with component {@code name} set to {@code value}, through the canonical constructor. */
    static <R extends Record> R with(R record, String name, Object value) throws Throwable {
        RecordComponent[] components = record.getClass().getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            args[i] = components[i].getName().equals(name) ? value : components[i].getAccessor().invoke(record);
        }
        try {
            @SuppressWarnings("unchecked")
            R copy = (R) record.getClass().getDeclaredConstructor(types).newInstance(args);
            return copy;
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    static List<String> components(Class<? extends Record> type, Class<?> of) {
        return Arrays.stream(type.getRecordComponents()).filter(c -> c.getType() == of).map(RecordComponent::getName)
                .toList();
    }

    static Set<String> names(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).collect(Collectors.toSet());
    }

    /** A refusal: a {@link FieldException} naming one of the record's components, in one line. */
    static void assertNamedRefusal(Throwable t, Class<? extends Record> type, String context) {
        assertTrue(t instanceof FieldException, () -> context + ": " + t);
        FieldException f = (FieldException) t;
        assertTrue(names(type).contains(f.field()), () -> context + ": " + f.getMessage());
        assertTrue(f.getMessage().startsWith(f.field() + " must "), f::getMessage);
        assertEquals(1, f.getMessage().lines().count(), f::getMessage);
    }

    /** Every figure finite; times, rates and the headline figures positive; no byte count negative. */
    static void assertFinite(Evaluation e, String context) {
        for (double v : new double[] {e.layerTimeSec(), e.tpotSec(), e.rawTokensPerSec(), e.userTokensPerSec(),
            e.throughputPerCard()}) {
            assertTrue(v > 0 && Double.isFinite(v), () -> context + ": " + v);
        }
        for (OpResult op : Stream.concat(e.ops().stream(), e.stepOps().stream()).toList()) {
            for (double v : new double[] {op.timeSec(), op.flops(), op.totalBytes(), op.hbmBytes()}) {
                assertTrue(v >= 0 && Double.isFinite(v), () -> context + ": " + op);
            }
        }
        var m = e.memory();
        for (double v : new double[] {m.nonExpertWeightBytes(), m.localExpertBytes(), m.kvCacheBytes(),
            m.kvBytesPerSequence()}) {
            assertTrue(v >= 0 && Double.isFinite(v), () -> context + ": " + m);
        }
        assertTrue(e.maxBatch() >= 0, context);
    }

    static Scenario random(SplittableRandom r, ModelConfig model, Chip chip, Nic nic) {
        Scenario s = Scenario.defaults(model, chip, nic).withBatch(1 + r.nextInt(Scenario.MAX_BATCH))
                .withContext(1 + r.nextInt(Scenario.MAX_CONTEXT))
                .withEp(1 + r.nextInt(Math.min(Scenario.MAX_EP, 2 * model.routedExperts())))
                .withFidelity(Fidelity.values()[r.nextInt(2)])
                .withPolicy(Policy.values()[r.nextInt(2)]);
        return model.mtpModules() > 0 ? s.withMtp(r.nextInt(Scenario.MAX_MTP + 1), r.nextDouble()) : s;
    }

    @Test
    void seed31ModelSizesAreRefusedByNameOrEvaluateToFiniteFigures() throws Throwable {
        SplittableRandom r = new SplittableRandom(31);
        List<ModelConfig> models = CATALOG.models();
        List<String> ints = components(ModelConfig.class, int.class);
        int accepted = 0;
        for (int i = 0; i < CASES; i++) {
            ModelConfig m = models.get(r.nextInt(models.size()));
            StringBuilder what = new StringBuilder(m.name());
            try {
                for (int k = 1 + r.nextInt(3); k > 0; k--) {
                    String field = ints.get(r.nextInt(ints.size()));
                    int value = hostileInt(r);
                    what.append(", ").append(field).append(" = ").append(value);
                    m = with(m, field, value);
                }
            } catch (IllegalArgumentException e) {
                assertNamedRefusal(e, ModelConfig.class, what.toString());
                continue;
            }
            accepted++;
            Chip chip = CATALOG.chips().get(r.nextInt(CATALOG.chips().size()));
            Scenario s = random(r, m, chip, CATALOG.nics().get(r.nextInt(CATALOG.nics().size())));
            assertFinite(Fixtures.ENGINE.evaluate(s), what + " on " + s.summary());
        }
        assertTrue(accepted > CASES / 20, "the draws also reach accepted models: " + accepted);
    }

    @Test
    void seed37ChipFiguresAreRefusedByNameOrEvaluateToFiniteFigures() throws Throwable {
        SplittableRandom r = new SplittableRandom(37);
        List<String> doubles = components(Chip.class, double.class);
        ModelConfig v3 = CATALOG.model("DeepSeek-V3");
        for (int i = 0; i < CASES; i++) {
            Chip chip = CATALOG.chips().get(r.nextInt(CATALOG.chips().size()));
            boolean domain = r.nextInt(6) == 0;
            String field = domain ? "scaleUpDomain" : doubles.get(r.nextInt(doubles.size()));
            Object value = domain ? (Object) hostileInt(r) : (Object) hostileDouble(r);
            Chip edited;
            try {
                edited = with(chip, field, value);
            } catch (IllegalArgumentException e) {
                assertNamedRefusal(e, Chip.class, chip.name() + " " + field + " = " + value);
                continue;
            }
            Scenario s = random(r, v3, edited, CATALOG.nics().get(r.nextInt(CATALOG.nics().size())));
            assertFinite(Fixtures.ENGINE.evaluate(s), field + " = " + value + " on " + s.summary());
        }
    }

    @Test
    void seed41NicFiguresAndEfficienciesAreRefusedByNameOrEvaluateToFiniteFigures() throws Throwable {
        SplittableRandom r = new SplittableRandom(41);
        Scenario base = Presets.builtInScenario("default");
        for (int i = 0; i < CASES; i++) {
            double value = hostileDouble(r);
            int which = r.nextInt(4);
            Scenario s;
            try {
                if (which == 0) {
                    s = base.withNic(with(base.nic(), "bandwidthBytesPerSec", value));
                } else if (which == 1) {
                    s = base.withNic(with(base.nic(), "latencySec", value)).withFidelity(Fidelity.CALIBRATED);
                } else if (which == 2) {
                    s = base.withGemmEfficiency(value).withFidelity(Fidelity.values()[r.nextInt(2)]);
                } else {
                    s = base.withMtp(1 + r.nextInt(Scenario.MAX_MTP), value);
                }
            } catch (IllegalArgumentException e) {
                assertNamedRefusal(e, which < 2 ? Nic.class : which == 2 ? Numerics.class : Deployment.class, which + ": " + value);
                continue;
            }
            assertFinite(Fixtures.ENGINE.evaluate(s), which + ": " + value);
        }
    }

    /** The example: a GEMM efficiency of 1e-320 made every time infinite and the Gantt loop forever. */
    @Test
    void aSubnormalGemmEfficiencyIsRefusedNamingTheField() {
        Scenario s = Presets.builtInScenario("default");
        FieldException e = assertThrows(FieldException.class, () -> s.withGemmEfficiency(1e-320));
        assertEquals("gemmEfficiency", e.field());
        assertEquals("gemmEfficiency must be 0 or in [0.01, 1], was 1e-320 (scenario)", e.getMessage());
    }

    /** The example: moe_intermediate_size 2^30 passed every check and gave negative times. */
    @Test
    void anExpertWidthOfTwoToTheThirtyIsRefusedNamingTheField() {
        ModelConfig v3 = CATALOG.model("DeepSeek-V3");
        FieldException e = assertThrows(FieldException.class, () -> with(v3, "moeIntermediateSize", 1 << 30));
        assertEquals("moeIntermediateSize must be in [1, 1048576], was 1073741824 (model 'DeepSeek-V3')", e.getMessage());
    }

    @Test
    void epBeyondTwiceTheRoutedExpertsAndMtpWithoutAModuleAreRefused() {
        Scenario s = Presets.builtInScenario("default").withModel(CATALOG.model("DeepSeek-V3"));
        assertEquals(512, s.withEp(512).ep(), "V3's 256 experts: EP 512 is the most");
        FieldException ep = assertThrows(FieldException.class, () -> s.withEp(513));
        assertEquals("ep", ep.field());
        Scenario qwen = s.withEp(128).withModel(CATALOG.model("Qwen3-235B-A22B"));
        FieldException mtp = assertThrows(FieldException.class, () -> qwen.withMtp(1, 0.85));
        assertEquals("mtpDepth must be 0: 'Qwen3-235B-A22B' has no MTP module, was 1 (scenario)", mtp.getMessage());
    }

    /** The engine's post-condition: an evaluation whose headline figure is not finite and positive cannot exist. */
    @Test
    void seed43AnEvaluationWithANonFiniteFigureIsRefusedNamingTheScenario() throws Throwable {
        SplittableRandom r = new SplittableRandom(43);
        Evaluation good = Fixtures.ENGINE.evaluate(Presets.builtInScenario("default"));
        List<String> headline = List.of("layerTimeSec", "tpotSec", "rawTokensPerSec", "userTokensPerSec",
                "throughputPerCard");
        for (int i = 0; i < 200; i++) {
            String field = headline.get(r.nextInt(headline.size()));
            double bad = new double[] {0, -0.0, -1, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                -Double.MIN_VALUE}[r.nextInt(7)];
            try {
                with(good, field, bad);
                fail(field + " = " + bad + " was accepted");
            } catch (IllegalArgumentException e) {
                assertTrue(e.getMessage().contains(good.scenario().summary()), e.getMessage());
                assertTrue(e.getMessage().contains("not a finite positive number"), e.getMessage());
                assertFalse(e.getMessage().contains("\n"), e.getMessage());
            }
        }
    }
}
