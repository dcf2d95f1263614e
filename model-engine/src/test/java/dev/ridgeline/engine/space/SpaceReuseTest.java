package dev.ridgeline.engine.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.engine.io.Presets;
import dev.ridgeline.engine.model.ModelConfig;
import dev.ridgeline.engine.model.Scenario;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The explorer's space taken from the previous one on a chip edit ({@link Space#explorerForDrawing(Scenario, Space)})
 * against the space built anew: the same configurations in the same order and the same batches, along chains of
 * random chip and NIC edits (every field of {@link Knob#fields}, the scale-up domain and the FP4 rate among them, which
 * change the configurations), from every chip preset, in both fidelities and for every model preset; and the reuse is
 * taken where it can be (the deployments are the previous space's objects), not only built anew.
 */
class SpaceReuseTest {
    static final Scenario DEFAULT = Presets.builtInScenario("default");

    @Test
    void chipEditsGiveTheSpaceBuiltAnew() {
        SplittableRandom random = new SplittableRandom(20261207L);
        int reused = 0;
        int rebuilt = 0;
        for (Scenario start : ChipEdits.everyChipPreset(DEFAULT)) {
            Scenario s = start;
            Space previous = Space.explorerForDrawing(s, null);
            sameAsAnew(s, previous);
            for (int edit = 0; edit < 6; edit++) {
                Scenario edited = ChipEdits.randomEdit(s, random);
                if (edited == s) {
                    continue; // a value the field refuses: no edit
                }
                s = edited;
                Space next = Space.explorerForDrawing(s, previous);
                sameAsAnew(s, next);
                if (next.configurations().get(0).deployment() == previous.configurations().get(0).deployment()) {
                    reused++;
                } else {
                    rebuilt++;
                }
                previous = next;
            }
        }
        // most edits move a rate (same shape: reused); the domain and FP4 edits change the shape (built anew)
        assertTrue(reused > 100, "reused " + reused);
        assertTrue(rebuilt > 0, "rebuilt " + rebuilt);
    }

    @Test
    void onlyTheChipIsTaken() {
        Space previous = Space.explorerForDrawing(DEFAULT, null);
        Scenario faster = DEFAULT.withChip(DEFAULT.chip().withHbmBandwidth(DEFAULT.chip().hbmBandwidthBytesPerSec() * 1.3));
        Space next = Space.explorerForDrawing(faster, previous);
        sameAsAnew(faster, next);
        for (int k = 0; k < next.configurations().size(); k++) {
            assertSame(previous.configurations().get(k).deployment(), next.configurations().get(k).deployment());
            assertSame(faster.hardware(), next.configurations().get(k).hardware());
        }
        // anything but the hardware builds the space anew: the context, the fidelity, the model
        for (Scenario other : List.of(DEFAULT.withContext(DEFAULT.deployment().contextTokens() * 2),
                DEFAULT.withFidelity(DEFAULT.fidelity().other()))) {
            Space built = Space.explorerForDrawing(other, previous);
            sameAsAnew(other, built);
            assertNotSame(previous.configurations().get(0).deployment(), built.configurations().get(0).deployment());
        }
        for (ModelConfig m : Presets.builtIn().models()) {
            Scenario other;
            try {
                other = DEFAULT.withModel(m);
            } catch (IllegalArgumentException refused) {
                continue;
            }
            sameAsAnew(other, Space.explorerForDrawing(other, previous));
        }
    }

    /** {@code space} has the configurations of the space built anew, in order, and the same batches for each. */
    static void sameAsAnew(Scenario s, Space space) {
        Space anew = Space.explorerForDrawing(Space.explorerKey(s));
        assertEquals(anew.configurations(), space.configurations(), s.chip().name());
        for (int k = 0; k < anew.configurations().size(); k += 7) {
            Scenario c = anew.configurations().get(k);
            for (int max : new int[] {0, 1, 37, 300, 4096}) {
                assertEquals(java.util.Arrays.toString(anew.batches().of(c, max)),
                        java.util.Arrays.toString(space.batches().of(space.configurations().get(k), max)));
            }
        }
    }
}
