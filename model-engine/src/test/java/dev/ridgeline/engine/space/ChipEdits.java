package dev.ridgeline.engine.space;

import dev.ridgeline.engine.io.Presets;
import dev.ridgeline.engine.model.Chip;
import dev.ridgeline.engine.model.Fidelity;
import dev.ridgeline.engine.model.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Chains of chip edits for the space's tests: where they start and one random step. */
final class ChipEdits {
    private ChipEdits() {
    }

    /** {@code base} on every built-in chip preset in each fidelity, leaving out the pairs the scenario refuses. */
    static List<Scenario> everyChipPreset(Scenario base) {
        List<Scenario> starts = new ArrayList<>();
        for (Fidelity f : Fidelity.values()) {
            for (Chip chip : Presets.builtIn().chips()) {
                try {
                    starts.add(base.withFidelity(f).withChip(chip));
                } catch (IllegalArgumentException refused) {
                    // a chip this fidelity or model cannot take
                }
            }
        }
        return starts;
    }

    /**
     * {@code s} with one random chip or NIC field ({@link Knob#fields}) moved by a factor in [0.5, 1.5), a zero field
     * set to 2e15; {@code s} itself where the field refuses the value.
     */
    static Scenario randomEdit(Scenario s, SplittableRandom random) {
        List<Knob> knobs = Knob.fields();
        Knob k = knobs.get(random.nextInt(knobs.size()));
        double now = k.of(s);
        try {
            return k.with(s, now == 0 ? 2e15 : now * (0.5 + random.nextDouble()));
        } catch (IllegalArgumentException refused) {
            return s;
        }
    }
}
