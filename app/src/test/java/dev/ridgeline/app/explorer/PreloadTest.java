package dev.ridgeline.app.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.engine.Engine;
import dev.ridgeline.engine.io.Presets;
import dev.ridgeline.engine.model.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The window's preload in its two stages: what the view is built from is handed over before the engine is made, and
 * a failure of the engine's stage is thrown by it, not lost.
 */
class PreloadTest {
    private static final Scenario DEFAULT = Presets.builtInScenario("default");

    @TempDir
    Path home;

    @Test
    void theViewsFilesAreHandedOverWhileTheEngineIsStillBeingMade() throws Exception {
        CountDownLatch engineMayFinish = new CountDownLatch(1);
        Engine built = dev.ridgeline.app.Engines.builtIn();
        Preload p = Preload.start("test-preload", home.resolve("presets"), home.resolve("last-scenario.json"), () -> {
            try {
                assertTrue(engineMayFinish.await(30, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return built;
        });
        Preload.Opening opening = p.opening(); // would wait forever if it waited for the engine
        assertEquals(DEFAULT, opening.initial());
        assertEquals(java.util.List.of(), opening.problems());
        assertTrue(opening.catalog().hasChip("H800"));
        engineMayFinish.countDown();
        Preload.Ready ready = p.ready();
        assertSame(built, ready.engine());
        assertNotNull(ready.first());
        assertEquals(DEFAULT, ready.first().evaluation().scenario(), "the first result is the initial scenario's");
    }

    @Test
    void theEnginesFailureIsThrownByItsStageAndTheViewsFilesStillArrive() {
        IllegalStateException broken = new IllegalStateException("calibration table unreadable");
        Preload p = Preload.start("test-preload", home.resolve("presets"), home.resolve("last-scenario.json"), () -> {
            throw broken;
        });
        assertEquals(DEFAULT, p.opening().initial());
        assertSame(broken, assertThrows(IllegalStateException.class, p::ready));
    }

    @Test
    void theLastScenarioOpensAndProblemsAreNamed() throws Exception {
        Path last = home.resolve("last-scenario.json");
        Presets.writeScenario(last, DEFAULT.withBatch(64));
        Preload.Opening restored = Preload.start("test-preload", home.resolve("presets"), last,
                dev.ridgeline.app.Engines::builtIn).opening();
        assertEquals(64, restored.initial().batchPerCard());

        Files.writeString(last, "{ not json");
        Path chips = Files.createDirectories(home.resolve("presets/chips"));
        Files.writeString(chips.resolve("broken.json"), "{\"schemaVersion\": 1}");
        Preload p = Preload.start("test-preload", home.resolve("presets"), last, dev.ridgeline.app.Engines::builtIn);
        Preload.Opening opening = p.opening();
        assertEquals(DEFAULT, opening.initial());
        assertEquals(2, opening.problems().size(), opening.problems().toString());
        assertTrue(opening.problems().get(0).contains("broken.json"), opening.problems().get(0));
        assertTrue(opening.problems().get(1).startsWith("Last session's scenario not restored: "), opening.problems().get(1));
        assertFalse(p.ready().first() == null, "the default scenario is evaluated");
    }
}
