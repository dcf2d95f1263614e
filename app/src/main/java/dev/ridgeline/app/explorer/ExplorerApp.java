package dev.ridgeline.app.explorer;

import dev.ridgeline.app.UserFolders;
import dev.ridgeline.app.Version;
import dev.ridgeline.engine.io.Catalog;
import dev.ridgeline.engine.io.Presets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
        Preload preload = takePreloaded();
        Preload.Opening opening = preload.opening();
        Catalog catalog = opening.catalog();
        List<String> problems = opening.problems();
        // the view is built and styled while the preload thread makes the engine and the first result
        ExplorerModel model = ExplorerModel.awaitingEngine(opening.initial(), engineThread, Platform::runLater);
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
        Preload.Ready ready = preload.ready();
        model.start(ready.engine(), ready.first()); // the first layout, in show, shows the first result
        stage.show();
    }

    private static final AtomicReference<Preload> PRELOADED = new AtomicReference<>();

    /**
     * Starts reading what {@link #start} needs on a thread of its own, while the toolkit starts (the launcher calls it
     * first thing): the built-in and user presets, the scenario the window closed on, then the engine's calibration
     * tables, which take the FX thread's time otherwise, and the scenario's result.
     */
    public static void preload() {
        if (PRELOADED.get() == null) {
            PRELOADED.set(startPreload()); // the launcher's thread only, once
        }
    }

    private static Preload startPreload() {
        return Preload.start("ridgeline-preload", UserFolders.presets(), lastScenario(), dev.ridgeline.app.Engines::builtIn);
    }

    /** What {@link #preload} started, or, when nothing was (tests), started now. */
    private static Preload takePreloaded() {
        Preload p = PRELOADED.getAndSet(null);
        return p != null ? p : startPreload();
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
