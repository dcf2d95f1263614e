package dev.ridgeline.engine.model;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.engine.io.Presets;
import dev.ridgeline.engine.ops.Stage;
import dev.ridgeline.engine.roofline.Bound;
import dev.ridgeline.engine.schedule.Lane;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every choice a user reads has a label ("two-stage"), distinct within its enum. That no constant name reaches a
 * summary, a table or the window is checked where those are shown (the app's UserTextTest).
 */
class LabelsTest {
    private static final List<Class<? extends Enum<?>>> USER_FACING = List.of(Fa3Mode.class, Fa3Setting.class, Dtype.class,
            Policy.class, Fidelity.class, ThroughputReading.class, ExpertLoad.class, Bound.class, Lane.class, Stage.class);

    @Test
    void everyUserFacingConstantHasADistinctLabelWithoutUnderscores() {
        for (Class<? extends Enum<?>> type : USER_FACING) {
            Set<String> seen = new HashSet<>();
            for (Enum<?> c : type.getEnumConstants()) {
                assertTrue(c instanceof Labelled, type.getSimpleName() + " is not Labelled");
                String label = ((Labelled) c).label();
                assertFalse(label.isBlank() || label.contains("_"), type.getSimpleName() + "." + c.name() + ": '" + label + "'");
                assertTrue(seen.add(label), type.getSimpleName() + ": label '" + label + "' twice");
            }
        }
    }

    @Test
    void theDefaultSummaryNamesTheChipsModeInWords() {
        // the seed's H800 is a two-stage (Hopper) chip, and the default scenario uses the chip's own mode in calibrated
        // fidelity, the default everywhere (issue 19)
        String summary = Presets.builtInScenario("default").summary();
        assertTrue(summary.contains(" / FA3 two-stage / "), summary);
        assertTrue(summary.endsWith(" / calibrated"), summary);
        assertTrue(Presets.builtInScenario("default").withFidelity(Fidelity.SEED).summary().endsWith(" / seed"));
    }
}
