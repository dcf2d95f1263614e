package dev.ridgeline.app.explorer.tuning;

import dev.ridgeline.app.Names;
import dev.ridgeline.app.explorer.charts.LiveViewer;
import dev.ridgeline.engine.space.Sensitivity;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;

/**
 * The Sensitivity side tab: the target tokens/s per user and the step, the headline, the tornado of every knob that
 * changes something, and the knobs that change nothing (or could not be moved) by name.
 */
public final class SensitivityPane extends VBox {
    /** Height of one knob's row of the tornado; the chart scrolls when the tab is shorter. */
    static final double ROW_PX = 34;

    private final SensitivityModel model;
    private final JFreeChart chart = TornadoChart.createChart(TornadoChart.emptyDataset());
    private final ChartViewer viewer = LiveViewer.of(chart);
    private final Label headline = new Label();
    private final Label unchanged = new Label();
    private final Label refused = new Label();

    SensitivityPane(SensitivityModel model, TuningInputs inputs) {
        super(6);
        this.model = model;
        Names.name(this, "sensitivityPane");
        setMinWidth(0);
        setPadding(new Insets(6));
        NumberField target = new NumberField("sensitivityTarget", "Target ≥", "tokens/s per user",
                "The headline is the best throughput per card over every deployment reaching this many tokens/s per user.",
                inputs.targetTpsProperty(), 0, 1e6, v -> v, v -> v);
        NumberField step = new NumberField("sensitivityStep", "Step ±", "%",
                "Each knob is moved down and up by this fraction of its value (the FA3 stage mode by one mode).",
                inputs.stepProperty(), 0, 0.99, v -> v * 100, v -> v / 100);
        javafx.scene.layout.HBox objectiveRow = new javafx.scene.layout.HBox(6, new Label("Objective: tokens/s"),
                ObjectiveChoice.create("sensitivityObjective", inputs.objectiveProperty()));
        objectiveRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox controls = new VBox(2, objectiveRow, target, step);
        Names.name(headline, "sensitivityHeadline");
        Names.name(unchanged, "sensitivityUnchanged");
        Names.name(refused, "sensitivityRefused");
        for (Label l : List.of(headline, unchanged, refused)) {
            l.setWrapText(true);
            l.setMaxWidth(Double.MAX_VALUE);
            l.setMinHeight(Region.USE_PREF_SIZE);
        }
        unchanged.getStyleClass().add("muted-text");
        refused.getStyleClass().add("muted-text");
        Names.name(viewer, "tornado");
        viewer.setMinSize(200, 120);
        VBox.setVgrow(viewer, Priority.ALWAYS);
        // the tab is short at 768 px: everything but the inputs scrolls, the chart keeps a row height per knob
        VBox content = new VBox(6, headline, viewer, unchanged, refused);
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        JobBar job = new JobBar("sensitivity", model.job(), model::cancel);
        getChildren().addAll(controls, job, scroll);
        model.job().resultProperty().addListener((obs, old, r) -> show(r));
    }

    private void show(Sensitivity.Result r) {
        if (r == null) {
            return;
        }
        headline.setText(TuningFigures.headline(r));
        unchanged.setText(TuningFigures.unchanged(r));
        refused.setText(TuningFigures.refused(r));
        for (Label l : List.of(unchanged, refused)) {
            l.setVisible(!l.getText().isEmpty());
            l.setManaged(!l.getText().isEmpty());
        }
        viewer.setMinHeight(90 + ROW_PX * TornadoChart.drawn(r).size());
        TornadoChart.show(chart, r, model.headlineBand());
    }

    /** What the tab says around its chart: the headline, the knobs that change nothing or were not moved. */
    public String captionText() {
        return model.job().getResult() == null ? "" : TuningFigures.sensitivityCaption(model.job().getResult());
    }

    /** The tornado (tests read its datasets; export draws it). */
    public JFreeChart chart() {
        return chart;
    }

    ChartViewer viewer() {
        return viewer;
    }

    /** The result on display, or null before the first one. */
    public Sensitivity.Result result() {
        return model.job().getResult();
    }
}
