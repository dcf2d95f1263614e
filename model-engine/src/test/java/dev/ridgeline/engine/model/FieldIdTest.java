package dev.ridgeline.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ridgeline.engine.io.Presets;
import dev.ridgeline.engine.space.Knob;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every field and knob is named by exactly one {@link FieldId}; code finds them by it, users by its label. */
class FieldIdTest {
    @Test
    void everyIdNamesOneChipFieldOrOneKnobAndEveryLabelIsDistinct() {
        Set<FieldId> seen = EnumSet.noneOf(FieldId.class);
        for (ChipField f : ChipField.ALL) {
            assertEquals(true, seen.add(f.id()), "twice: " + f.id());
            assertSame(f, ChipField.of(f.id()));
            assertEquals(f.id().label(), f.name());
        }
        List<Knob> knobs = new ArrayList<>(Knob.settable());
        knobs.addAll(Knob.assumptions());
        for (Knob k : knobs) {
            assertEquals(k.id(), Knob.of(k.id()).id());
            assertEquals(k.id().label(), k.name());
            seen.add(k.id());
        }
        assertEquals(EnumSet.allOf(FieldId.class), seen, "an id that names nothing");
        Set<String> labels = new HashSet<>();
        for (FieldId id : FieldId.values()) {
            assertEquals(true, labels.add(id.label().toLowerCase(Locale.ROOT)), "label twice: " + id.label());
        }
    }

    @Test
    void aUserTypedNameFindsTheKnobCaseInsensitivelyAndTheIdFindsTheSame() {
        assertSame(Knob.of(FieldId.HBM_BANDWIDTH), Knob.field(" hbm BANDWIDTH "));
        assertThrows(IllegalArgumentException.class, () -> Knob.field("HBM bandwith"));
        assertThrows(IllegalArgumentException.class, () -> ChipField.of(FieldId.NIC_BANDWIDTH));
    }

    @Test
    void settingANumberByIdSetsThatFieldAndNoOther() {
        Chip h800 = Presets.builtIn().chip("H800 SXM5");
        for (ChipField f : ChipField.ALL) {
            if (!f.numeric() || f.role() != ChipField.Role.SPEC || f.id() == FieldId.SCALE_UP_DOMAIN) {
                continue;
            }
            double before = ((Number) f.shown(h800)).doubleValue();
            double target = before > 0 ? before * 0.75 : f.max() / 2;
            Chip moved = f.with(h800, target);
            assertEquals(target, ((Number) f.shown(moved)).doubleValue(), Math.abs(target) * 1e-12, f.name());
            for (ChipField other : ChipField.ALL) {
                if (other != f) {
                    assertEquals(other.shown(h800), other.shown(moved), f.name() + " moved " + other.name());
                }
            }
        }
    }
}
