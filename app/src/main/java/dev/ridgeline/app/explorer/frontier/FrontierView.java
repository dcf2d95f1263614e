package dev.ridgeline.app.explorer.frontier;

import dev.ridgeline.app.Names;
import dev.ridgeline.app.StrictNumbers;
import dev.ridgeline.app.Units;
import dev.ridgeline.app.explorer.charts.LiveViewer;
import dev.ridgeline.engine.Evaluation;
import dev.ridgeline.engine.model.Checks;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.space.Frontier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.Subscription;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;

/**
 * The Frontier view: a row of controls (target, colouring, "use best", progress and cancel, what was swept) over the
 * frontier chart. It follows the scenario on screen, its drawn evaluation (the marker) and pinned A (the ghost);
 * hovering a deployment names it, clicking one makes it the scenario (one edit, one undo step).
 */
public final class FrontierView extends BorderPane {
    /** Largest target accepted, tokens/s per user: far beyond any decode speed, still a number an axis can frame. */
    static final double MAX_TARGET = 100_000;
    /** How near the pointer a deployment must be to be hovered or clicked, px. */
    static final double PICK_RADIUS = 7;

    private final FrontierModel model;
    private final Consumer<Scenario> apply;
    private final ObservableValue<Evaluation> drawn;
    private final JFreeChart chart;
    private final ChartViewer viewer;
    private final TextField targetField = new TextField();
    private final Label targetMessage = new Label();
    private final ComboBox<ColourBy> colourBy = new ComboBox<>();
    private final Tooltip tip = new Tooltip();
    private final List<Subscription> subscriptions = new ArrayList<>();
    private final PointPicker picker = new PointPicker();
    private FrontierData data;
    /** The chart lags {@link #data}: it was not drawn while the view was hidden. */
    private boolean dirty;
    /** The marker moved to a scenario whose frontier is being swept: it is drawn with that frontier. */
    private boolean markerWaits;
    private final javafx.scene.control.CheckBox servedSwitch = new javafx.scene.control.CheckBox("Served");
    /** The served switch's lens for a scenario (null: off, or its pools are being sized). */
    private Function<Scenario, FrontierData.Lens> lens = s -> null;

    /**
     * @param scenario the scenario on screen
     * @param drawn    its evaluation as the charts draw it (the marker)
     * @param pinned   scenario A's evaluation, or null
     * @param apply    makes a deployment the scenario (one undoable edit)
     */
    public FrontierView(FrontierModel model, ObservableValue<Scenario> scenario, ObservableValue<Evaluation> drawn,
                        ObservableValue<Evaluation> pinned, Consumer<Scenario> apply) {
        this.model = model;
        this.apply = apply;
        this.drawn = drawn;
        Names.name(this, "frontier");
        data = FrontierData.of(null, null, drawn.getValue(), model.targetProperty().get(), ColourBy.AUTO);
        chart = FrontierChart.createChart(data);
        viewer = LiveViewer.of(chart);
        FrontierChart.drawOn(chart, viewer.getCanvas().getGraphicsContext2D());
        viewer.setMinSize(200, 150);
        viewer.getCanvas().setTooltipEnabled(false);
        viewer.getCanvas().addEventHandler(MouseEvent.MOUSE_MOVED, e -> hover(e.getX(), e.getY(), e.getScreenX(), e.getScreenY()));
        viewer.getCanvas().addEventHandler(MouseEvent.MOUSE_EXITED, e -> tip.hide());
        viewer.getCanvas().addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.isStillSincePress()) {
                click(e.getX(), e.getY());
            }
        });
        setCenter(viewer);
        setTop(controls());
        setMinSize(0, 0);

        subscriptions.add(scenario.subscribe(model::setScenario));
        subscriptions.add(pinned.subscribe(a -> model.setPinned(a == null ? null : a.scenario())));
        subscriptions.add(model.resultProperty().subscribe(r -> redraw()));
        subscriptions.add(model.ghostProperty().subscribe(g -> redraw()));
        subscriptions.add(drawn.subscribe(this::moveMarker));
        subscriptions.add(model.runningProperty().subscribe(running -> {
            if (!running && markerWaits) {
                show(data); // a cancelled or failed sweep: the newest scenario's marker on the last frontier
            }
        }));
        subscriptions.add(model.activeProperty().subscribe(active -> {
            if (active && dirty) {
                show(data);
            }
        }));
        subscriptions.add(colourBy.valueProperty().subscribe(c -> redraw()));
        subscriptions.add(model.targetProperty().subscribe(t -> targetField.setText(AnswerText.target(t.doubleValue()))));
    }

    private HBox controls() {
        Label targetLabel = new Label("Target");
        targetLabel.setLabelFor(targetField);
        Names.name(targetField, "frontierTarget");
        targetField.setPrefColumnCount(4);
        targetField.setAlignment(Pos.CENTER_RIGHT);
        targetField.setTooltip(new Tooltip("Tokens/s per user the best deployment must reach (seed 000's search uses 20 and 15)."));
        targetField.setOnAction(e -> commitTarget());
        targetField.focusedProperty().addListener((obs, was, now) -> {
            if (!now) {
                commitTarget();
            }
        });
        Names.name(targetMessage, "frontierTargetMessage");
        targetMessage.getStyleClass().add("field-message");
        targetMessage.managedProperty().bind(targetMessage.visibleProperty());
        targetMessage.setVisible(false);
        Label unit = new Label("tokens/s per user");
        unit.setMinWidth(Region.USE_PREF_SIZE);

        Names.name(colourBy, "frontierColourBy");
        colourBy.getItems().setAll(ColourBy.choices());
        colourBy.setValue(ColourBy.AUTO);
        colourBy.setTooltip(new Tooltip("What the frontier's colours tell apart; 'what changes' colours by the settings that vary along it."));

        Button useBest = new Button("Use best");
        Names.name(useBest, "frontierUseBest");
        useBest.setTooltip(new Tooltip("Make the best deployment at the target the scenario (Ctrl+Z returns)."));
        useBest.setOnAction(e -> {
            Frontier.Result r = model.getResult();
            if (r != null && r.answer() != null) {
                apply.accept(r.answer().deployment());
            }
        });
        useBest.disableProperty().bind(model.resultProperty().map(r -> r == null || r.answer() == null).orElse(true));

        ProgressBar progress = new ProgressBar();
        Names.name(progress, "frontierProgress");
        progress.setPrefWidth(70);
        progress.progressProperty().bind(model.progressProperty());
        Button cancel = new Button("Cancel");
        Names.name(cancel, "frontierCancel");
        cancel.setOnAction(e -> model.cancel());
        for (javafx.scene.Node n : new javafx.scene.Node[] {progress, cancel}) {
            n.visibleProperty().bind(model.slowProperty());
            n.managedProperty().bind(model.slowProperty());
        }
        Label status = new Label();
        Names.name(status, "frontierStatus");
        status.setTextFill(dev.ridgeline.app.explorer.charts.Palette.fx(dev.ridgeline.app.explorer.charts.Palette.MUTED));
        status.textProperty().bind(model.statusProperty());
        status.setMinWidth(Region.USE_PREF_SIZE); // short ("swept in 18 ms"); the spacer gives way first
        status.setTooltip(new Tooltip("Time of the last sweep of every deployment, on the background threads."));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Names.name(servedSwitch, "frontierServed");
        servedSwitch.setMnemonicParsing(false);
        servedSwitch.setMinWidth(Region.USE_PREF_SIZE);
        servedSwitch.setTooltip(new Tooltip("Heights in served output tokens/s per card: the Served view's workload over "
                + "its prefill and decode cards, TTFT limit included; the tiles follow (Shortcut+Shift+W)."));
        HBox row = new HBox(6, targetLabel, targetField, unit, targetMessage, colourBy, useBest, servedSwitch, progress,
                cancel, spacer, status);
        row.setAlignment(Pos.CENTER_LEFT);
        row.setStyle("-fx-padding: 4 8 4 8;");
        return row;
    }

    private void commitTarget() {
        String text = targetField.getText() == null ? "" : targetField.getText().trim();
        double t;
        try {
            t = StrictNumbers.decimal(text);
        } catch (NumberFormatException e) {
            refuseTarget(e.getMessage() + ".");
            return;
        }
        if (!(t > 0 && t <= MAX_TARGET)) {
            refuseTarget("Target must be above 0 and at most " + Units.fixed(MAX_TARGET, 0) + " tokens/s per user; "
                    + Checks.quote(text) + " refused.");
            return;
        }
        targetMessage.setVisible(false);
        targetField.getStyleClass().remove("refused");
        model.targetProperty().set(t);
    }

    private void refuseTarget(String message) {
        targetMessage.setText(message);
        targetMessage.setVisible(true);
        if (!targetField.getStyleClass().contains("refused")) {
            targetField.getStyleClass().add("refused");
        }
    }

    /**
     * Follows the served switch (issue 20): {@code on} flips the heights to served output per card through the lens
     * {@code lenses} gives for a scenario (null while its pools are being sized; redrawn when {@code sized} changes),
     * and back.
     */
    public void follow(javafx.beans.property.BooleanProperty on, ObservableValue<?> sized,
                       Function<Scenario, ? extends FrontierData.Lens> lenses) {
        servedSwitch.selectedProperty().bindBidirectional(on);
        lens = s -> on.get() ? lenses.apply(s) : null;
        subscriptions.add(on.subscribe(x -> redraw()));
        subscriptions.add(sized.subscribe(l -> redraw()));
    }

    private void redraw() {
        Evaluation current = drawn.getValue();
        show(FrontierData.of(model.getResult(), model.ghostProperty().get(), current, model.targetProperty().get(),
                colourBy.getValue() == null ? ColourBy.AUTO : colourBy.getValue(), model.bandsProperty().get(),
                current == null ? null : lens.apply(current.scenario())));
    }

    /**
     * A new current scenario: only the marker moves (one redraw). A scenario with another chip (or anything else that
     * moves the frontier) waits for its frontier, which is drawn with the marker: one redraw, not two.
     */
    private void moveMarker(Evaluation e) {
        FrontierData d = data.withCurrent(e);
        if (e != null && data.result != null && model.activeProperty().get() && !model.shows(e.scenario())) {
            data = d;
            markerWaits = true;
            return;
        }
        show(d);
    }

    /** Draws {@code d}, or keeps it for when the view is shown again: a hidden chart costs nothing per edit. */
    private void show(FrontierData d) {
        data = d;
        markerWaits = false;
        picker.clear();
        dirty = !model.activeProperty().get();
        if (!dirty) {
            FrontierChart.show(chart, d);
        }
    }

    private void hover(double x, double y, double screenX, double screenY) {
        Optional<Frontier.Point> p = pointAt(x, y);
        if (p.isEmpty()) {
            tip.hide();
            return;
        }
        tip.setText(describe(data.result, p.get()));
        if (tip.isShowing()) {
            tip.setAnchorX(screenX + 14);
            tip.setAnchorY(screenY + 14);
        } else {
            tip.show(viewer.getCanvas(), screenX + 14, screenY + 14);
        }
    }

    private void click(double x, double y) {
        pointAt(x, y).ifPresent(p -> apply.accept(data.result.deployment(p)));
    }

    /** The deployment drawn nearest to canvas position (x, y), within {@link #PICK_RADIUS} px. */
    public Optional<Frontier.Point> pointAt(double x, double y) {
        if (data.result == null) {
            return Optional.empty();
        }
        return picker.nearest(viewer.getCanvas().getRenderingInfo(), chart.getXYPlot(), data.result, x, y, PICK_RADIUS);
    }

    /** The tooltip of a deployment: its settings, figures and whether it is on the frontier. */
    static String describe(Frontier.Result r, Frontier.Point p) {
        Scenario d = r.deployment(p);
        boolean onFrontier = r.frontier().contains(p);
        return AnswerText.settings(d) + "\nKV " + d.kvDtype().label() + " · weights " + d.weightDtype().label()
                + (d.promotion() ? " · promotion" : "") + "\n" + Units.tokens(p.userTokensPerSec()) + " tokens/s per user · "
                + Units.tokens(p.throughputPerCard()) + " per card" + (onFrontier ? "\non the frontier" : "")
                + "\nclick: make it the scenario";
    }

    /** The text of the tooltip on display, or null when none is shown. */
    public String tooltipText() {
        return tip.isShowing() ? tip.getText() : null;
    }

    public FrontierModel model() {
        return model;
    }

    public JFreeChart chart() {
        return chart;
    }

    public ChartViewer viewer() {
        return viewer;
    }

    /** What the chart shows now. */
    public FrontierData data() {
        return data;
    }

    public void dispose() {
        subscriptions.forEach(Subscription::unsubscribe);
        subscriptions.clear();
        tip.hide();
        model.dispose();
    }
}
