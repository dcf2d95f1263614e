package dev.ridgeline.app.explorer;

import dev.ridgeline.app.UserFolders;
import dev.ridgeline.app.Version;
import dev.ridgeline.engine.Engine;
import dev.ridgeline.engine.io.Catalog;
import dev.ridgeline.engine.io.PresetException;
import dev.ridgeline.engine.io.Presets;
import dev.ridgeline.engine.model.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** The explorer window. Started by {@code Launcher} through {@link Application#launch}; not a main class. */
public final class ExplorerApp extends Application {
    /** The name of the thread the window's engine runs on (one per window; benches name theirs alike). */
    static final String ENGINE_THREAD = "ridgeline-engine";
    private ExecutorService engineThread;
    private ExplorerView view;

    @Override
    public void start(Stage stage) {
        Theme.apply();
        engineThread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, ENGINE_THREAD);
            t.setDaemon(true);
            return t;
        });
        Loaded start = takePreloaded();
        Catalog catalog = start.catalog();
        List<String> problems = start.problems();
        ExplorerModel model = new ExplorerModel(start.engine(), start.initial(), start.first(), engineThread, Platform::runLater);
        view = new ExplorerView(model, catalog, UserFolders.presets(),
                dev.ridgeline.app.explorer.tuning.TuningRunner.background());
        if (!problems.isEmpty()) {
            view.setNotice("Skipped at start: " + problems.get(0)
                    + (problems.size() > 1 ? " (+" + (problems.size() - 1) + " more)" : "") + "\n" + String.join("\n", problems));
        }
        ExplorerMenu menu = new ExplorerMenu(view, catalog);
        menu.setOnQuit(stage::close);
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        double w = Math.min(Math.max(1366, screen.getWidth() * 0.85), screen.getWidth());
        double h = Math.min(Math.max(768, screen.getHeight() * 0.85), screen.getHeight());
        stage.setScene(new Scene(Explorer.withMenus(view, menu), w, h));
        stage.setTitle("Ridgeline " + Version.current() + " — decode explorer");
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        stage.show();
    }

    /**
     * What the window reads before its first frame: presets, the scenario to open on, the engine over its calibration,
     * and that scenario's result (null if the engine refused it: the model then reports the refusal as for any edit).
     */
    record Loaded(Catalog catalog, List<String> problems, Scenario initial, Engine engine, ExplorerModel.Evaluated first) {
    }

    private static final AtomicReference<FutureTask<Loaded>> PRELOADED = new AtomicReference<>();

    /**
     * Starts reading what {@link #start} needs on a thread of its own, while the toolkit starts (the launcher calls it
     * first thing): the built-in and user presets, the scenario the window closed on, the engine's calibration
     * tables, which take the FX thread's time otherwise, and the scenario's result.
     */
    public static void preload() {
        FutureTask<Loaded> task = new FutureTask<>(ExplorerApp::load);
        if (PRELOADED.compareAndSet(null, task)) {
            Thread t = new Thread(task, "ridgeline-preload");
            t.setDaemon(true);
            t.start();
        }
    }

    /** The preloaded files (waiting for them if need be), or, when nothing was preloaded (tests), read now. */
    private static Loaded takePreloaded() {
        FutureTask<Loaded> task = PRELOADED.getAndSet(null);
        if (task == null) {
            return load();
        }
        try {
            return task.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException ? (RuntimeException) e.getCause() : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the presets", e);
        }
    }

    private static Loaded load() {
        Presets.Loaded loaded = Presets.withUserPresets(UserFolders.presets());
        Catalog catalog = loaded.catalog();
        // the catalogue reads each preset when first asked for: the scenario panel's pickers list them all, so read
        // them here, while the toolkit starts, not on the FX thread before the first frame
        catalog.chips();
        catalog.nics();
        catalog.models();
        List<String> problems = new ArrayList<>(loaded.problems());
        Scenario initial = Presets.builtInScenario("default");
        Path last = lastScenario();
        if (Files.exists(last)) {
            try {
                initial = Presets.readScenario(last, catalog);
            } catch (PresetException | IllegalArgumentException e) {
                problems.add("Last session's scenario not restored: " + e.getMessage());
            }
        }
        Engine engine = dev.ridgeline.app.Engines.builtIn();
        // the first result too, while the toolkit starts: the window's first layout then shows it, where it would
        // otherwise lay out and style the view empty, then again when the engine thread delivers
        ExplorerModel.Evaluated first;
        try {
            first = ExplorerModel.Evaluated.of(engine, initial);
        } catch (RuntimeException e) {
            first = null;
        }
        return new Loaded(catalog, problems, initial, engine, first);
    }

    /** Where the window keeps the scenario it closed on, to open on it next time. */
    static Path lastScenario() {
        return UserFolders.home().resolve("last-scenario.json");
    }

    @Override
    public void stop() {
        if (view != null) {
            view.dispose();
            try {
                Files.createDirectories(lastScenario().getParent());
                Presets.writeScenario(lastScenario(), view.model().getScenario()); // atomic: never half-written
            } catch (IOException | RuntimeException e) {
                // the window is gone and nothing else is shown: the next start opens on the default scenario
            }
        }
        if (engineThread != null) {
            engineThread.shutdownNow();
        }
    }
}
