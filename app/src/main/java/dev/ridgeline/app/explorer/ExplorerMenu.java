package dev.ridgeline.app.explorer;

import dev.ridgeline.app.Names;
import dev.ridgeline.app.export.ImageExport;
import dev.ridgeline.app.export.ViewKind;
import dev.ridgeline.engine.io.Catalog;
import dev.ridgeline.engine.io.HuggingFaceConfigs;
import dev.ridgeline.engine.model.ModelConfig;
import dev.ridgeline.engine.model.ModelSwitch;
import dev.ridgeline.engine.io.Presets;
import java.io.File;
import java.nio.file.Path;
import javafx.scene.control.Alert;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Edit menu: undo and redo of scenario edits. Compare menu: pin A and clear it. File menu: open and save scenario JSON, import a Hugging Face model config, export the window, the roofline, the Gantt, the frontier, the sensitivity, the map (PNG/SVG/PDF), the op table and the frontier's deployments (CSV) and the review report. */
public final class ExplorerMenu {
    private final ExplorerView view;
    private final Catalog catalog;
    private final MenuBar bar = new MenuBar();
    private Runnable onQuit = () -> { };

    public ExplorerMenu(ExplorerView view, Catalog catalog) {
        this.view = view;
        this.catalog = catalog;
        Menu file = new Menu("_File");
        file.getItems().addAll(
                item("_Open scenario…", "Shortcut+O", this::open),
                item("_Save scenario as…", "Shortcut+S", this::save),
                item("_Import model config.json…", "Shortcut+I", this::importModel),
                new SeparatorMenuItem(),
                item("Export _window…", "Shortcut+E", () -> exportImage(ViewKind.WINDOW)),
                item("Export _roofline…", "Shortcut+Shift+R", () -> exportImage(ViewKind.ROOFLINE)),
                item("Export _Gantt…", "Shortcut+Shift+G", () -> exportImage(ViewKind.GANTT)),
                item("Export _frontier…", "Shortcut+Shift+F", () -> exportImage(ViewKind.FRONTIER)),
                item("Export sensitivit_y…", "Shortcut+Shift+Y", () -> exportImage(ViewKind.SENSITIVITY)),
                item("Export _map…", "Shortcut+Shift+M", () -> exportImage(ViewKind.MAP)),
                item("Export ser_ved…", "Shortcut+Shift+V", () -> exportImage(ViewKind.SERVED)),
                item("Export op _table (CSV)…", "Shortcut+Shift+T", this::exportCsv),
                item("Export frontier _deployments (CSV)…", "Shortcut+Shift+D", this::exportFrontierCsv),
                item("Export review re_port…", "Shortcut+Shift+E",
                        () -> guarded("export the review report", () -> ReportDialog.export(window(), view.model(), catalog))),
                new SeparatorMenuItem(),
                item("_Quit", "Shortcut+Q", () -> onQuit.run()));
        Menu edit = new Menu("_Edit");
        MenuItem undo = item("_Undo", "Shortcut+Z", () -> view.model().undo());
        undo.disableProperty().bind(view.model().canUndoProperty().not());
        MenuItem redo = item("_Redo", "Shortcut+Shift+Z", () -> view.model().redo());
        redo.disableProperty().bind(view.model().canRedoProperty().not());
        edit.getItems().addAll(undo, redo);
        Menu compare = new Menu("_Compare");
        MenuItem clear = item("_Clear A", "Shortcut+Shift+P", () -> view.model().unpin());
        clear.disableProperty().bind(view.model().pinnedProperty().isNull());
        // the served switch (issue 20): the headline tiles and the frontier in a served workload's output per card
        javafx.scene.control.CheckMenuItem served = new javafx.scene.control.CheckMenuItem("_Served workload headline");
        served.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+W"));
        served.selectedProperty().bindBidirectional(view.model().servedProperty());
        compare.getItems().addAll(item("_Pin current result as A", "Shortcut+P", () -> view.model().pin()), clear,
                new SeparatorMenuItem(), served);
        bar.getMenus().addAll(file, edit, compare);
        Names.name(bar, "menuBar");
    }

    public MenuBar menuBar() {
        return bar;
    }

    public void setOnQuit(Runnable action) {
        onQuit = action;
    }

    private MenuItem item(String text, String accelerator, Runnable action) {
        MenuItem m = new MenuItem(text);
        m.setAccelerator(KeyCombination.keyCombination(accelerator));
        m.setOnAction(e -> action.run());
        return m;
    }

    private void open() {
        File f = chooser("Open scenario", "Scenario JSON", "*.json").showOpenDialog(window());
        if (f != null) {
            guarded("open " + f, () -> view.model().setScenario(Presets.readScenario(f.toPath(), catalog)));
        }
    }

    private void save() {
        File f = chooser("Save scenario", "Scenario JSON", "*.json").showSaveDialog(window());
        if (f != null) {
            guarded("save " + f, () -> Presets.writeScenario(f.toPath(), view.model().getScenario()));
        }
    }

    private void importModel() {
        File f = chooser("Import a Hugging Face model config", "config.json", "*.json").showOpenDialog(window());
        if (f != null) {
            guarded("import " + f, () -> importModel(f.toPath()));
        }
    }

    /** Reads a Hugging Face {@code config.json}, adds the model to the picker and switches the scenario to it. */
    void importModel(Path file) {
        ModelConfig m = HuggingFaceConfigs.read(file);
        ModelSwitch.Result r = ModelSwitch.apply(view.model().getScenario(), m);
        view.model().setScenario(r.scenario());
        view.scenarioPanel().addModel(m);
        view.scenarioPanel().showNote(r.note());
    }

    private void exportImage(ViewKind kind) {
        FileChooser c = chooser("Export " + kind.label(), "PNG image", "*.png");
        c.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("SVG drawing", "*.svg"),
                new FileChooser.ExtensionFilter("PDF document", "*.pdf"));
        c.setInitialFileName("ridgeline-" + kind.label() + ".png");
        File f = c.showSaveDialog(window());
        if (f == null) {
            return;
        }
        if (kind == ViewKind.FRONTIER || kind == ViewKind.SERVED) {
            view.centreTabs().getSelectionModel().select(ExplorerView.CENTRE_VIEWS.indexOf(kind.label()));
        }
        Path out = f.toPath();
        // the tuning charts are small on screen: they are written at the window's size
        boolean whole = kind == ViewKind.WINDOW || kind == ViewKind.SENSITIVITY || kind == ViewKind.MAP;
        int w = Math.max((int) Math.round(whole ? view.getWidth() : nodeWidth(kind)), 320);
        // the picture is the node's size over the footer, which a narrow picture wraps onto more lines
        String footer = ViewExport.footer(view, kind);
        int h = (int) Math.round(whole ? view.getHeight() : nodeHeight(kind)) + ImageExport.footerHeight(footer, w);
        guarded("export " + f, () -> ViewExport.write(view, kind, out, w, Math.max(h, 200)));
    }

    private double nodeWidth(ViewKind kind) {
        return viewNode(kind).getWidth();
    }

    private double nodeHeight(ViewKind kind) {
        return viewNode(kind).getHeight();
    }

    private javafx.scene.layout.Region viewNode(ViewKind kind) {
        switch (kind) {
            case ROOFLINE: return view.roofline();
            case FRONTIER: return view.frontier().viewer();
            case SERVED: return view.served();
            default: return view.gantt();
        }
    }

    private void exportFrontierCsv() {
        File f = chooser("Export the frontier's deployments", "CSV", "*.csv").showSaveDialog(window());
        if (f != null) {
            guarded("export " + f, () -> ViewExport.writeFrontierCsv(view, f.toPath()));
        }
    }

    private void exportCsv() {
        File f = chooser("Export op table", "CSV", "*.csv").showSaveDialog(window());
        if (f != null) {
            guarded("export " + f, () -> ViewExport.writeCsv(view, f.toPath()));
        }
    }

    private interface Action {
        void run() throws Exception;
    }

    private void guarded(String what, Action action) {
        try {
            action.run();
        } catch (Exception e) {
            Alert alert = new Alert(Alert.AlertType.ERROR, "Could not " + what + ":\n" + e.getMessage());
            alert.initOwner(window());
            alert.showAndWait();
        }
    }

    private static FileChooser chooser(String title, String kind, String pattern) {
        FileChooser c = new FileChooser();
        c.setTitle(title);
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind, pattern));
        return c;
    }

    private Window window() {
        return view.getScene() == null ? null : view.getScene().getWindow();
    }
}
