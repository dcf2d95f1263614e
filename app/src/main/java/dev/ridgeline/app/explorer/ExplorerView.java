package dev.ridgeline.app.explorer;

import dev.ridgeline.app.Names;
import dev.ridgeline.app.Tips;
import dev.ridgeline.app.UserFolders;
import dev.ridgeline.app.chipeditor.ChipEditor;
import dev.ridgeline.app.explorer.charts.GanttPainter;
import dev.ridgeline.app.explorer.charts.GanttView;
import dev.ridgeline.app.explorer.validation.ValidationView;
import dev.ridgeline.engine.io.Anchors;
import dev.ridgeline.app.explorer.charts.MemoryBar;
import dev.ridgeline.app.explorer.charts.OpTable;
import dev.ridgeline.app.explorer.charts.RooflineView;
import dev.ridgeline.app.explorer.frontier.FrontierView;
import dev.ridgeline.app.explorer.scenario.ScenarioPanel;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.app.explorer.served.ServedView;
import dev.ridgeline.app.explorer.tuning.Tuning;
import dev.ridgeline.app.explorer.tuning.TuningRunner;
import dev.ridgeline.engine.Evaluation;
import dev.ridgeline.engine.io.Catalog;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;

/**
 * The explorer window's content: scenario (left), roofline and, in tabs beside it, the KPIs, the chip editor and the
 * C/B balance (top), the pipeline Gantt (middle), the op table (bottom), and a status line with the scenario summary.
 * It only binds the model's properties to the views.
 */
public final class ExplorerView extends BorderPane {
    /** The side tabs beside the roofline, in order: {@code export --tab} takes these names. */
    public static final List<String> SIDE_TABS = List.of("results", "chip", "balance", "sensitivity", "target");
    /** The views in the centre, in order (tab names, {@link dev.ridgeline.app.Names}: "rooflineTab", "frontierTab", "mapTab", "chipsTab", "servedTab", "validationTab"). */
    public static final List<String> CENTRE_VIEWS = List.of("roofline", "frontier", "map", "chips", "served", "validation");

    private final ExplorerModel model;
    private final ScenarioPanel scenarioPanel;
    private final RooflineView roofline;
    private final GanttView gantt = new GanttView();
    private final KpiPanel kpis = new KpiPanel();
    private final TuningRunner runner;
    /** Built when its tab is first shown or it is asked for. */
    private ValidationView validation;
    private final MemoryBar memoryBar = new MemoryBar();
    private final OpTable opTable = new OpTable();
    private final Label stale = new Label();
    private final StatusBar status;
    private final CompareBar compareBar;
    private final TabPane tabs = new TabPane();
    private final TabPane centreTabs = new TabPane();
    private final LazyViews lazy;
    /** The newest drawn evaluation the roofline has not drawn while hidden, or null. */
    private Evaluation rooflineBehind;
    private final List<Subscription> subscriptions = new ArrayList<>();

    public ExplorerView(ExplorerModel model, Catalog catalog) {
        this(model, catalog, UserFolders.presets());
    }

    /** @param userPresets the folder "Save as preset" writes chips into */
    public ExplorerView(ExplorerModel model, Catalog catalog, Path userPresets) {
        this(model, catalog, userPresets, TuningRunner.callingThread());
    }

    /**
     * @param tuning where chip tuning and the frontier compute (the window: background threads; tests and export: the
     *               calling thread)
     */
    public ExplorerView(ExplorerModel model, Catalog catalog, Path userPresets, TuningRunner tuning) {
        this.model = model;
        status = new StatusBar(model); // before anything that shows a result
        Names.name(this, "explorer");
        getStyleClass().add("explorer");
        getStylesheets().add(stylesheet());
        scenarioPanel = new ScenarioPanel(model.scenarioProperty(), catalog);
        roofline = new RooflineView(); // empty until the first result: the engine may still be running

        ScrollPane left = scrolled(scenarioPanel);
        left.setMinWidth(230);
        left.getStyleClass().add("scenario-scroll");
        Names.name(left, "scenarioScroll");

        kpis.setBelowTiles(memoryBar);
        compareBar = new CompareBar(model);
        VBox right = new VBox(10, kpis, compareBar);
        right.getStyleClass().add("kpi-column");
        ScrollPane rightScroll = scrolled(right);
        Tab chipTab = tab(SIDE_TABS.get(1), "Edit every field of the chip; each accepted edit redraws everything.");
        Tab balanceTab = tab(SIDE_TABS.get(2), "Compute over EP-link bandwidth against the model's threshold (seed 002).");
        Tab sensitivityTab = tab(SIDE_TABS.get(3),
                "Which knob matters: each chip, NIC and assumption field moved down and up by a step.");
        Tab targetTab = tab(SIDE_TABS.get(4), "What value of each field alone reaches a target.");
        Tab resultsTab = tab(SIDE_TABS.get(0), "Throughput, latency, batch limit and HBM use.");
        resultsTab.setContent(rightScroll);
        tabs.getTabs().addAll(resultsTab, chipTab, balanceTab, sensitivityTab, targetTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setMinWidth(280);
        Names.name(tabs, "sideTabs");

        Names.name(stale, "staleLabel");
        stale.getStyleClass().add("stale-banner");
        stale.setWrapText(true);
        stale.setMaxWidth(Double.MAX_VALUE);
        stale.managedProperty().bind(stale.visibleProperty());
        VBox rooflinePane = new VBox(stale, roofline);
        VBox.setVgrow(roofline, Priority.ALWAYS);
        rooflinePane.setMinSize(0, 0);
        Tab frontierTab = tab(CENTRE_VIEWS.get(1),
                "Throughput per card against tokens/s per user over every deployment, and the best one at a target.");
        Tab mapTab = tab(CENTRE_VIEWS.get(2), "The best throughput per card over a grid of two chip fields.");
        Tab rooflineTab = tab(CENTRE_VIEWS.get(0), "Every op of one MoE layer on the chip's roofline.");
        rooflineTab.setContent(rooflinePane);
        Tab chipsTab = tab(CENTRE_VIEWS.get(3),
                "Chip against chip: each at its own best deployment at the target, on throughput, cost and power.");
        Tab servedTab = tab(CENTRE_VIEWS.get(4), "Prefill and decode pools sized for a workload: their ratio, served "
                + "output tokens/s per card, TTFT and TPOT, and the co-located alternative.");
        Tab validationTab = tab(CENTRE_VIEWS.get(5),
                "Calibrated fidelity against published deployments: their figures, ours, our P10-P90 band and the error.");
        this.runner = tuning;
        centreTabs.getTabs().addAll(rooflineTab, frontierTab, mapTab, chipsTab, servedTab, validationTab);
        // the anchor table is built and computed when first shown
        subscriptions.add(validationTab.selectedProperty().subscribe(shown -> {
            if (shown && validationTab.getContent() == null) {
                validationTab.setContent(validation());
                validation.start();
            }
        }));
        centreTabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        Names.name(centreTabs, "centreTabs");
        centreTabs.setMinSize(0, 0);
        lazy = new LazyViews(model, catalog, userPresets, tuning, scenarioPanel::addChip, ExplorerView::scrolled,
                new LazyViews.Tabs(chipTab, balanceTab, sensitivityTab, targetTab, frontierTab, mapTab, chipsTab,
                        servedTab));
        // the served switch (issue 20): the tiles follow its pools as they are sized
        var lens = lazy.servedLens();
        subscriptions.add(lens.resultProperty().subscribe(l -> showLatest(model.evaluationProperty().get())));
        subscriptions.add(model.servedProperty().subscribe(on -> showLatest(model.evaluationProperty().get())));
        // a hidden roofline catches up when shown
        subscriptions.add(rooflineTab.selectedProperty().subscribe(shown -> {
            if (shown) {
                catchUpRoofline();
            }
        }));
        SplitPane top = new SplitPane(centreTabs, tabs);
        top.setDividerPositions(0.64);
        SplitPane.setResizableWithParent(tabs, false);

        SplitPane centre = new SplitPane(top, gantt, opTable);
        centre.setOrientation(Orientation.VERTICAL);
        centre.setDividerPositions(0.52, 0.76);
        opTable.setMinHeight(90);

        SplitPane main = new SplitPane(left, centre);
        main.setDividerPositions(0.2);
        SplitPane.setResizableWithParent(left, false);
        setCenter(main);

        setBottom(status);

        // before any text field sees them: the scenario's undo, not a field's own typing undo
        KeyCombination undoKey = KeyCombination.keyCombination("Shortcut+Z");
        KeyCombination redoKey = KeyCombination.keyCombination("Shortcut+Shift+Z");
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (undoKey.match(e)) {
                model.undo();
                e.consume();
            } else if (redoKey.match(e)) {
                model.redo();
                e.consume();
            }
        });

        // the scenario panel's last sections join the scene once a frame has shown the first result (or the engine's
        // refusal of the scenario): their skins, CSS and layout then come after the window is drawn, not before
        subscriptions.add(sceneProperty().subscribe(scene -> {
            if (scene != null && !scenarioPanel.sectionsComplete()) {
                scene.addPostLayoutPulseListener(new Runnable() {
                    @Override
                    public void run() {
                        if (model.getDrawn() != null || !model.errorProperty().get().isEmpty()
                                || scenarioPanel.sectionsComplete() || getScene() != scene) {
                            scene.removePostLayoutPulseListener(this);
                            Platform.runLater(scenarioPanel::completeSections);
                        }
                    }
                });
            }
        }));
        subscriptions.add(model.evaluationProperty().subscribe(this::showLatest));
        subscriptions.add(model.pinnedProperty().subscribe(a -> showLatest(model.getEvaluation())));
        subscriptions.add(model.drawnProperty().subscribe(this::showDrawn));
        subscriptions.add(model.staleReasonProperty().subscribe(text -> {
            stale.setText(text);
            stale.setVisible(!text.isEmpty());
        }));
    }

    /** A tab named {@code name} ("chip": title "Chip", named "chipTab"), its content set by the caller or when first shown. */
    private static Tab tab(String name, String tip) {
        Tab t = new Tab(Character.toUpperCase(name.charAt(0)) + name.substring(1));
        Names.name(t, name + "Tab");
        Tips.set(t, tip);
        return t;
    }

    private static ScrollPane scrolled(javafx.scene.Node content) {
        ScrollPane p = new ScrollPane(content);
        p.setFitToWidth(true);
        p.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        p.skinProperty().subscribe(skin -> uncacheViewport(p));
        return p;
    }

    /**
     * Turns off the cache JavaFX's scroll pane skin keeps of its viewport (the node of style class "viewport"): any
     * change inside it (the Results tab's tiles at every edit, the scenario panel's edited field) drew the whole
     * viewport into the cache again, every node of it, and then the cache onto the scene; without it, only the
     * changed areas are painted (decision 0006, addendum "front26").
     */
    static void uncacheViewport(ScrollPane p) {
        if (p.getSkin() != null && p.lookup(".viewport") instanceof javafx.scene.layout.Region v) {
            v.setCache(false);
        }
    }

    /**
     * Shows a standing notice in the status line (for example user presets that could not be read); the first line
     * is shown, the whole text is the tooltip. An empty text hides it.
     */
    public void setNotice(String text) {
        status.setNotice(text);
    }

    /** The served switch's figures of {@code e} through {@code lens}; null while the lens is being sized. */
    private static KpiPanel.Served served(dev.ridgeline.app.explorer.served.ServedLens lens, Evaluation e) {
        if (lens == null) {
            return null;
        }
        Scenario s = e.scenario();
        double perCard = lens.perCard(s, e.throughputPerCard());
        return perCard > 0 ? new KpiPanel.Served(perCard, lens.decodePerPrefill(s, e.throughputPerCard()),
                lens.pool(s.kvDtype()).prefill().ttft().totalSec(), "")
                : new KpiPanel.Served(Double.NaN, Double.NaN, Double.NaN, lens.served(s) ? "the batch does not fit"
                : lens.unmet(s));
    }

    private void showLatest(Evaluation e) {
        if (e != null) {
            Evaluation a = model.pinnedProperty().get();
            kpis.show(e, a, model.getBands());
            kpis.showServed(model.servedProperty().get(), served(lazy.servedLens().lensFor(e.scenario()), e));
            memoryBar.show(e);
            status.setSummary(compareBar.show(e.scenario(), a == null ? null : a.scenario()));
        }
    }

    private void showDrawn(Evaluation e) {
        if (e != null) {
            if (centreTabs.getSelectionModel().getSelectedIndex() == 0) {
                roofline.show(e);
            } else {
                rooflineBehind = e; // hidden behind another centre view: drawn when shown (or asked for)
            }
            gantt.show(e.schedule(), GanttPainter.card(e));
            opTable.show(e);
        }
    }

    /** Releases the listeners on the model (the window is closing). */
    public void dispose() {
        subscriptions.forEach(Subscription::unsubscribe);
        subscriptions.clear();
        scenarioPanel.dispose();
        status.dispose();
        lazy.dispose();
    }

    /** The status line's text: the scenario summary and, with A pinned, what differs from A (export footers). */
    public String statusText() {
        return status.summary();
    }

    public ExplorerModel model() {
        return model;
    }

    /** The roofline, brought up to date first when it was hidden behind another centre view. */
    public RooflineView roofline() {
        catchUpRoofline();
        return roofline;
    }

    private void catchUpRoofline() {
        if (rooflineBehind != null) {
            roofline.show(rooflineBehind);
            rooflineBehind = null;
        }
    }

    public GanttView gantt() {
        return gantt;
    }

    public KpiPanel kpis() {
        return kpis;
    }

    public MemoryBar memoryBar() {
        return memoryBar;
    }

    /** The scenario panel, with every section (those below the fold are added now if the window has not yet). */
    public ScenarioPanel scenarioPanel() {
        scenarioPanel.completeSections();
        return scenarioPanel;
    }

    /** The chip editor (built now if its tab was never shown). */
    public ChipEditor chipEditor() {
        return lazy.chipEditor();
    }

    public TabPane sideTabs() {
        return tabs;
    }

    /** Roofline | Frontier | Map | Served. */
    public TabPane centreTabs() {
        return centreTabs;
    }

    /** The Frontier view (built now if its tab was never shown). */
    public FrontierView frontier() {
        return lazy.frontier();
    }

    /** The published anchors beside Ridgeline's figures. */
    public ValidationView validation() {
        if (validation == null) {
            validation = new ValidationView(dev.ridgeline.app.Engines.builtIn(), Anchors.builtIn(), runner.coordinator(),
                    runner.publisher());
        }
        return validation;
    }

    /** The Served view (workload, pools, TTFT and TPOT). */
    public ServedView served() {
        return lazy.served();
    }

    /** Sensitivity, Target and Map. */
    public Tuning tuning() {
        return lazy.tuning();
    }

    public OpTable opTable() {
        return opTable;
    }

    /**
     * Ridgeline's stylesheet. JavaFX reads {@code ridgeline.bss} beside it, the same rules in binary form (made and
     * checked by {@code ThemeTest}), instead of parsing the text before the window's first frame.
     */
    static String stylesheet() {
        URL css = ExplorerView.class.getResource("/css/ridgeline.css");
        if (css == null) {
            throw new IllegalStateException("missing resource /css/ridgeline.css (assets module)");
        }
        return css.toExternalForm();
    }
}
