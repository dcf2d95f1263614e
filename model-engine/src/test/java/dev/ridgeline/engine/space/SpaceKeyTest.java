package dev.ridgeline.engine.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.ridgeline.engine.io.Presets;
import dev.ridgeline.engine.model.Dtype;
import dev.ridgeline.engine.model.Fidelity;
import dev.ridgeline.engine.model.Policy;
import dev.ridgeline.engine.model.Scenario;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The explorer's space is stated once: its key is its first configuration, an edit of a setting the space varies keeps
 * the key (the frontier and the tuning views do not sweep again), and an edit of anything else changes it.
 */
class SpaceKeyTest {
    private static final Scenario H800 = Presets.builtInScenario("default");

    @Test
    void theKeyIsTheSpacesFirstConfigurationInBothFidelities() {
        for (Scenario s : List.of(H800, H800.withFidelity(Fidelity.SEED), H800.withChip(Presets.builtIn().chip("B200")))) {
            assertEquals(Space.explorer(s).configurations().get(0), Space.explorerKey(s), s.summary());
        }
    }

    @Test
    void editsOfWhatTheSpaceVariesKeepTheKeyOthersChangeIt() {
        Scenario k = Space.explorerKey(H800);
        for (Scenario edited : List.of(H800.withBatch(17), H800.withEp(320), H800.withPolicy(Policy.NAIVE),
                H800.withKvDtype(Dtype.FP8), H800.withWeightDtype(Dtype.FP8), H800.withMtp(2, H800.mtpAcceptance()),
                H800.withPromotion(!H800.promotion()), H800.withLayout(4, 1))) {
            assertEquals(k, Space.explorerKey(edited), edited.summary());
        }
        for (Scenario moved : List.of(H800.withContext(8192), H800.withChip(Presets.builtIn().chip("A100")),
                H800.withMtp(H800.mtpDepth(), H800.mtpAcceptance() / 2), H800.withFidelity(Fidelity.SEED))) {
            assertNotEquals(k, Space.explorerKey(moved), moved.summary());
        }
    }
}
