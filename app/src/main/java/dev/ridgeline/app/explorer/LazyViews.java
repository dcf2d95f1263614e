package dev.ridgeline.app.explorer;

import dev.ridgeline.app.Engines;
import dev.ridgeline.app.balance.BalancePanel;
import dev.ridgeline.app.chipeditor.ChipEditor;
import dev.ridgeline.app.explorer.frontier.FrontierModel;
import dev.ridgeline.app.explorer.frontier.FrontierView;
import dev.ridgeline.app.explorer.served.ServedModel;
import dev.ridgeline.app.explorer.served.ServedView;
import dev.ridgeline.app.explorer.tuning.Tuning;
import dev.ridgeline.app.explorer.tuning.TuningRunner;
import dev.ridgeline.engine.io.Catalog;
import dev.ridgeline.engine.model.Chip;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.util.Subscription;

/**
 * The views behind every tab but the first of each pane: the chip editor, the C/B balance, Sensitivity and Target
 * (chip tuning, which also holds the Map and the Chips view), the Frontier and the Served view. None is built before its
 * tab is first shown or the view
 * is asked for (an export, a menu action): the window's first frame needs none of them, and building and styling
 * them took a third of the start-up (README "Speed").
 */
final class LazyViews {
    /** The tabs the views fill, by the views' names ({@link ExplorerView#SIDE_TABS}, {@link ExplorerView#CENTRE_VIEWS}). */
    record Tabs(Tab chip, Tab balance, Tab sensitivity, Tab target, Tab frontier, Tab map, Tab chips, Tab served) {
    }

    private final ExplorerModel model;
    private final Catalog catalog;
    private final Path userPresets;
    private final TuningRunner runner;
    private final Consumer<Chip> onChipSaved;
    private final Function<Node, Node> scrolled;
    private final Tabs tabs;
    private final List<Subscription> subscriptions = new ArrayList<>();
    private ChipEditor chipEditor;
    private Node balance;
    private Tuning tuning;
    private FrontierView frontier;
    private ServedView served;
    private dev.ridgeline.app.explorer.served.ServedLensModel servedLens;
    /** The served workload, one for the Served view and the served objective of the tuning views. */
    private final javafx.beans.property.ObjectProperty<dev.ridgeline.engine.serve.Workload> workload =
            new javafx.beans.property.SimpleObjectProperty<>(dev.ridgeline.engine.serve.Workload.DEFAULT);

    /**
     * @param onChipSaved what a chip saved as a preset does (the scenario panel offers it)
     * @param scrolled    wraps a view that may be taller than its tab
     */
    LazyViews(ExplorerModel model, Catalog catalog, Path userPresets, TuningRunner runner, Consumer<Chip> onChipSaved,
              Function<Node, Node> scrolled, Tabs tabs) {
        this.model = model;
        this.catalog = catalog;
        this.userPresets = userPresets;
        this.runner = runner;
        this.onChipSaved = onChipSaved;
        this.scrolled = scrolled;
        this.tabs = tabs;
        fillWhenShown(tabs.chip(), this::chipEditor);
        fillWhenShown(tabs.balance(), this::balance);
        fillWhenShown(tabs.sensitivity(), () -> tuning().sensitivity());
        fillWhenShown(tabs.target(), () -> tuning().target());
        fillWhenShown(tabs.frontier(), this::frontier);
        fillWhenShown(tabs.map(), () -> tuning().map());
        fillWhenShown(tabs.chips(), () -> tuning().compare());
        fillWhenShown(tabs.served(), this::served);
    }

    private void fillWhenShown(Tab tab, Supplier<Node> content) {
        subscriptions.add(tab.selectedProperty().subscribe(shown -> {
            if (shown && tab.getContent() == null) {
                tab.setContent(content.get());
            }
        }));
    }

    ChipEditor chipEditor() {
        if (chipEditor == null) {
            chipEditor = new ChipEditor(model.scenarioProperty(), userPresets, ChipEditor::dialog);
            chipEditor.setOnSaved(onChipSaved);
        }
        return chipEditor;
    }

    private Node balance() {
        if (balance == null) {
            balance = scrolled.apply(new BalancePanel(model.evaluationProperty()));
        }
        return balance;
    }

    /** Sensitivity, Target and Map: each computes only while its tab is shown. */
    Tuning tuning() {
        if (tuning == null) {
            tuning = new Tuning(Engines.builtIn(), model.scenarioProperty(), catalog, runner);
            tuning.inputs().workloadProperty().bindBidirectional(workload);
            tuning.follow(tabs.sensitivity().selectedProperty(), tabs.target().selectedProperty(),
                    tabs.map().selectedProperty());
            tuning.followCompare(tabs.chips().selectedProperty());
        }
        return tuning;
    }

    /** The frontier sweeps only while its tab is shown. */
    FrontierView frontier() {
        if (frontier == null) {
            frontier = new FrontierView(new FrontierModel(Engines.builtIn(), runner), model.scenarioProperty(),
                    model.drawnProperty(), model.pinnedProperty(), model::setScenario);
            frontier.follow(model.servedProperty(), servedLens().resultProperty(), servedLens()::lensFor);
            subscriptions.add(tabs.frontier().selectedProperty()
                    .subscribe(shown -> frontier.model().activeProperty().set(shown)));
        }
        return frontier;
    }

    /** The Served view sizes only while its tab is shown (or an export asks). */
    ServedView served() {
        if (served == null) {
            ServedModel m = new ServedModel(Engines.builtIn(), runner);
            m.workloadProperty().bindBidirectional(workload);
            served = new ServedView(m, model.scenarioProperty());
            subscriptions.add(tabs.served().selectedProperty().subscribe(shown -> served.model().activeProperty().set(shown)));
        }
        return served;
    }

    /**
     * The prefill pools of the served switch (the headline tiles and the frontier), for the Served view's workload;
     * sizes only while the switch is on.
     */
    dev.ridgeline.app.explorer.served.ServedLensModel servedLens() {
        if (servedLens == null) {
            servedLens = new dev.ridgeline.app.explorer.served.ServedLensModel(Engines.builtIn(), runner, workload);
            servedLens.activeProperty().bind(model.servedProperty());
            subscriptions.add(model.scenarioProperty().subscribe(servedLens::setScenario));
        }
        return servedLens;
    }

    /** Stops what was built (the window is closing). */
    void dispose() {
        subscriptions.forEach(Subscription::unsubscribe);
        subscriptions.clear();
        if (tuning != null) {
            tuning.dispose();
        }
        if (frontier != null) {
            frontier.dispose();
        }
        if (served != null) {
            served.dispose();
        }
        if (servedLens != null) {
            servedLens.activeProperty().unbind();
            servedLens.dispose();
        }
    }
}
