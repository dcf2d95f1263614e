package dev.ridgeline.app.explorer;

import dev.ridgeline.engine.io.Presets;
import dev.ridgeline.engine.model.Scenario;
import javafx.scene.layout.BorderPane;

/** Builds the explorer's scene graph: menu bar over the view. Shared by the window, the tests and the export. */
public final class Explorer {
    private Explorer() {
    }

    /** The view for {@code model}, with the menus of {@code menus} (null for none) above it. */
    public static BorderPane withMenus(ExplorerView view, ExplorerMenu menus) {
        BorderPane root = new BorderPane(view);
        if (menus != null) {
            root.setTop(menus.menuBar());
        }
        return root;
    }

    /** A same-thread model and view on {@code scenario}, for export and bench. */
    public static ExplorerView headlessView(Scenario scenario) {
        return headlessView(scenario, dev.ridgeline.app.explorer.tuning.TuningRunner.callingThread());
    }

    /** As {@link #headlessView(Scenario)}, chip tuning computing on {@code tuning}. */
    public static ExplorerView headlessView(Scenario scenario, dev.ridgeline.app.explorer.tuning.TuningRunner tuning) {
        Theme.apply();
        ExplorerView view = new ExplorerView(ExplorerModel.sameThread(scenario), Presets.builtIn(),
                dev.ridgeline.app.UserFolders.presets(), tuning);
        view.scenarioPanel().completeSections(); // no frame comes before a snapshot or a bench: every section now
        return view;
    }
}
