package dev.ridgeline.app.explorer;

import dev.ridgeline.app.explorer.tuning.TuningRunner;
import dev.ridgeline.engine.io.Catalog;
import dev.ridgeline.engine.io.Presets;
import dev.ridgeline.engine.model.Scenario;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The explorer window as the window tests open it, as {@code ExplorerApp} does: the theme, the view over a model that
 * evaluates on the calling thread, the menus, a laptop's 1366 x 768. Each test states only what it changes (scenario,
 * catalogue, presets folder, where tuning runs, no menus, size). Presets are saved into a temporary folder unless a
 * test gives one, never into the user's own.
 */
public final class TestWindow {
    private Scenario start = Presets.builtInScenario("default");
    private Catalog catalog;
    private Path presets;
    private TuningRunner tuning = TuningRunner.callingThread();
    private boolean menus = true;
    private double width = 1366;
    private double height = 768;
    private ExplorerMenu menu;

    public TestWindow scenario(Scenario value) {
        start = value;
        return this;
    }

    public TestWindow catalog(Catalog value) {
        catalog = value;
        return this;
    }

    public TestWindow presets(Path folder) {
        presets = folder;
        return this;
    }

    public TestWindow tuning(TuningRunner value) {
        tuning = value;
        return this;
    }

    public TestWindow withoutMenus() {
        menus = false;
        return this;
    }

    public TestWindow size(double w, double h) {
        width = w;
        height = h;
        return this;
    }

    /** Opens the window on {@code stage} (call on the FX thread, e.g. in a test's {@code @Start}); its view. */
    public ExplorerView show(Stage stage) {
        Theme.apply();
        Catalog shown = catalog != null ? catalog : Presets.builtIn();
        ExplorerView view = new ExplorerView(ExplorerModel.sameThread(start), shown, presetsFolder(), tuning);
        menu = menus ? new ExplorerMenu(view, shown) : null;
        stage.setScene(new Scene(Explorer.withMenus(view, menu), width, height));
        stage.show();
        return view;
    }

    /** The window's menus, once shown with them. */
    public ExplorerMenu menu() {
        return menu;
    }

    /** Two daemon threads for tuning that a test runs off the FX thread (shut down in the test's {@code @AfterAll}). */
    public static ExecutorService pool(String name) {
        return Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    private Path presetsFolder() {
        if (presets != null) {
            return presets;
        }
        try {
            Path folder = Files.createTempDirectory("ridgeline-test-presets");
            folder.toFile().deleteOnExit();
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Shows each centre and side tab of {@code view} in turn and, with each shown, hands the root of every open window
     * (popups included) to {@code visit} on the FX thread: the walk of tests that must reach every view.
     */
    public static void eachTabShown(FxRobot robot, ExplorerView view, Consumer<Parent> visit) {
        for (TabPane tabs : new TabPane[] {view.centreTabs(), view.sideTabs()}) {
            for (int i = 0; i < tabs.getTabs().size(); i++) {
                int tab = i;
                robot.interact(() -> tabs.getSelectionModel().select(tab));
                WaitForAsyncUtils.waitForFxEvents();
                robot.interact(() -> Window.getWindows().forEach(w -> visit.accept(w.getScene().getRoot())));
            }
        }
    }
}
