package dev.ridgeline.app.explorer;

import dev.ridgeline.app.UserFolders;
import dev.ridgeline.app.cli.Version;
import dev.ridgeline.engine.io.Catalog;
import dev.ridgeline.engine.io.Presets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** The explorer window. Started by {@code Launcher} through {@link Application#launch}; not a main class. */
public final class ExplorerApp extends Application {
    private ExecutorService engineThread;
    private ExplorerView view;

    @Override
    public void start(Stage stage) {
        Theme.apply();
        engineThread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "ridgeline-engine");
            t.setDaemon(true);
            return t;
        });
        Presets.Loaded loaded = Presets.withUserPresets(UserFolders.presets());
        Catalog catalog = loaded.catalog();
        ExplorerModel model = new ExplorerModel(Presets.builtInScenario("default"), engineThread, Platform::runLater);
        view = new ExplorerView(model, catalog, UserFolders.presets());
        if (!loaded.problems().isEmpty()) {
            view.setNotice(loaded.problems().size() + " user preset(s) skipped: " + String.join("\n", loaded.problems()));
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

    @Override
    public void stop() {
        if (view != null) {
            view.dispose();
        }
        if (engineThread != null) {
            engineThread.shutdownNow();
        }
    }
}
