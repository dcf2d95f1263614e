package dev.ridgeline.app.explorer;

import dev.ridgeline.engine.Engine;
import dev.ridgeline.engine.io.Catalog;
import dev.ridgeline.engine.io.PresetException;
import dev.ridgeline.engine.io.Presets;
import dev.ridgeline.engine.model.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * What the window reads before its first frame, in two stages on a thread of its own, so that the FX thread builds
 * and styles the view between them: first what the view is built from ({@link Opening}: the presets, every one listed
 * for the pickers, and the scenario to open on), then the engine over its calibration and that scenario's result
 * ({@link Ready}). A failure of either stage is thrown by its getter, as the stage's own exception.
 */
final class Preload {
    /** The presets (user presets' problems, and a last scenario not restored, named) and the scenario to open on. */
    record Opening(Catalog catalog, List<String> problems, Scenario initial) {
    }

    /** The engine and the initial scenario's result, null if the engine refused it (the model then reports it). */
    record Ready(Engine engine, ExplorerModel.Evaluated first) {
    }

    private final CompletableFuture<Opening> opening = new CompletableFuture<>();
    private final CompletableFuture<Ready> ready = new CompletableFuture<>();

    private Preload() {
    }

    /**
     * Starts both stages on a daemon thread named {@code thread}: {@code userPresets} and {@code lastScenario} are
     * read for the first, {@code engines} makes the engine for the second.
     */
    static Preload start(String thread, Path userPresets, Path lastScenario, Supplier<Engine> engines) {
        Preload p = new Preload();
        Thread t = new Thread(() -> p.run(userPresets, lastScenario, engines), thread);
        t.setDaemon(true);
        t.start();
        return p;
    }

    private void run(Path userPresets, Path lastScenario, Supplier<Engine> engines) {
        Opening open;
        try {
            open = open(userPresets, lastScenario);
        } catch (RuntimeException | Error e) {
            opening.completeExceptionally(e);
            ready.completeExceptionally(e);
            return;
        }
        opening.complete(open);
        try {
            FirstUse.fonts(); // while the FX thread builds the view, which would meet it first
            Engine engine = engines.get();
            // the first result too: the window's first layout then shows it, where it would otherwise lay out and
            // style the view empty, then again when the engine thread delivers
            ExplorerModel.Evaluated first;
            try {
                first = ExplorerModel.Evaluated.of(engine, open.initial());
            } catch (RuntimeException e) {
                first = null;
            }
            ready.complete(new Ready(engine, first));
        } catch (RuntimeException | Error e) {
            ready.completeExceptionally(e);
        }
    }

    private static Opening open(Path userPresets, Path lastScenario) {
        Presets.Loaded loaded = Presets.withUserPresets(userPresets);
        Catalog catalog = loaded.catalog();
        // the catalogue reads each preset when first asked for: the scenario panel's pickers list them all, so read
        // them here, while the toolkit starts, not on the FX thread before the first frame
        catalog.chips();
        catalog.nics();
        catalog.models();
        List<String> problems = new ArrayList<>(loaded.problems());
        Scenario initial = Presets.builtInScenario("default");
        if (Files.exists(lastScenario)) {
            try {
                initial = Presets.readScenario(lastScenario, catalog);
            } catch (PresetException | IllegalArgumentException e) {
                problems.add("Last session's scenario not restored: " + e.getMessage());
            }
        }
        return new Opening(catalog, List.copyOf(problems), initial);
    }

    /** The first stage, waiting for it if need be. */
    Opening opening() {
        return take(opening);
    }

    /** The second stage, waiting for it if need be. */
    Ready ready() {
        return take(ready);
    }

    private static <T> T take(Future<T> stage) {
        try {
            return stage.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the presets", e);
        }
    }
}
