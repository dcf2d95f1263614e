package dev.ridgeline.app.explorer.tuning;

import dev.ridgeline.app.Names;
import dev.ridgeline.app.explorer.charts.CompareChart;
import dev.ridgeline.engine.model.Chip;
import dev.ridgeline.engine.space.ChipComparison;
import dev.ridgeline.engine.space.Objective;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.CheckComboBox;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;

/**
 * The Chips view (DESIGN 4d): the scenario's chip against the rivals picked, each at its own best deployment at the
 * target tokens/s per user, ranked on the objective: a table (throughput, dollars and joules per output token, the
 * deployment, the price and its date), a chart of the three figures, what it finds (the winners, the break-even
 * prices) and where every price and power comes from.
 */
public final class CompareView extends BorderPane {
    private final CompareModel model;
    private final TableView<List<String>> table = new TableView<>();
    private final JFreeChart chart = CompareChart.createChart(CompareChart.createDataset(
            new ChipComparison.Result(null, 1, dev.ridgeline.engine.space.Objective.THROUGHPUT, List.of(), false)));
    private final ChartViewer viewer = dev.ridgeline.app.explorer.charts.LiveViewer.of(chart);
    private final Label findings = new Label();
    private final Label sources = new Label();

    CompareView(CompareModel model, TuningInputs inputs, Supplier<List<Chip>> catalogue) {
        this.model = model;
        Names.name(this, "compareView");
        // by name: a chip's own toString is a record's, not for the screen
        List<Chip> chips = List.copyOf(catalogue.get());
        CheckComboBox<String> rivals = new CheckComboBox<>(FXCollections.observableArrayList(
                chips.stream().map(Chip::name).toList()));
        Names.name(rivals, "compareRivals");
        rivals.setTitle("rivals");
        for (Chip c : model.rivalsProperty().get()) {
            rivals.getCheckModel().check(c.name());
        }
        rivals.getCheckModel().getCheckedItems().addListener((ListChangeListener<String>) ch ->
                model.rivalsProperty().set(chips.stream()
                        .filter(c -> rivals.getCheckModel().getCheckedItems().contains(c.name())).toList()));
        Tooltip.install(rivals, new Tooltip("The catalogue's chips to compare with the scenario's own (as edited)."));
        NumberField target = new NumberField("compareTarget", "at ≥", "tokens/s per user",
                "Each chip's best deployment must give every user at least this many tokens/s.",
                inputs.targetTpsProperty(), 0, 1e6, v -> v, v -> v);
        FlowPane top = new FlowPane(8, 4, new Label("Scenario's chip against"), rivals, target, new Label("ranked by tokens/s"),
                ObjectiveChoice.create("compareObjective", inputs.objectiveProperty(), Objective.DECODE),
                new JobBar("compare", model.job(), model::cancel));
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(4, 6, 2, 6));
        Names.name(table, "compareTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        for (int c = 0; c < HEADINGS.size(); c++) {
            int column = c;
            TableColumn<List<String>, String> col = new TableColumn<>(HEADINGS.get(c));
            col.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().get(column)));
            col.setSortable(false);
            col.setPrefWidth(WIDTHS[c]);
            col.setMinWidth(Math.min(WIDTHS[c], 60));
            table.getColumns().add(col);
        }
        table.setPlaceholder(new Label("computing …"));
        table.setFixedCellSize(ROW_PX);
        fitRows(4);
        Names.name(viewer, "compareChart");
        viewer.setMinSize(200, 220);
        viewer.setPrefHeight(260);
        for (Label l : List.of(findings, sources)) {
            l.setWrapText(true);
            l.setMaxWidth(Double.MAX_VALUE);
        }
        Names.name(findings, "compareFindings");
        Names.name(sources, "compareSources");
        sources.getStyleClass().add("muted-text");
        javafx.scene.control.TitledPane sourcePane = new javafx.scene.control.TitledPane(
                "Where each price and power comes from", sources);
        sourcePane.setExpanded(false);
        sourcePane.setAnimated(false);
        VBox centre = new VBox(4, table, viewer, findings, sourcePane);
        centre.setPadding(new Insets(2, 6, 4, 6));
        // a short centre pane scrolls; the table keeps a row per chip, the chart its height
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(centre);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        setTop(top);
        setCenter(scroll);
        setMinSize(0, 0);
        model.job().resultProperty().addListener((obs, old, r) -> show(r));
    }

    private void show(ChipComparison.Result r) {
        if (r == null) {
            return;
        }
        table.getItems().setAll(CompareText.rows(r));
        fitRows(r.rows().size());
        CompareChart.show(chart, r);
        findings.setText(String.join(" ", CompareText.findings(r)) + " " + dev.ridgeline.engine.TokenCost.BASIS + ".");
        sources.setText(String.join("\n", CompareText.sources(r)));
    }

    /** Height of a table row, px. */
    static final double ROW_PX = 24;

    /**
     * {@link CompareText#HEADINGS} on two lines, so that each is whole in a column as narrow as its figures (the
     * command line and the report keep the one-line headings).
     */
    static final List<String> HEADINGS = List.of("#", "chip", "tokens/s\nper card", "$/Mtok\n(output)",
            "J/token\n(output)", "tokens/s\nper kW", "best deployment", "$/card-hour\n(as of)");
    /**
     * Preferred column widths, px: each figure's and heading's room, the deployment's whole summary; together they fit
     * the Chips tab of a 1600-px window (about 900 px).
     */
    private static final double[] WIDTHS = {30, 84, 70, 74, 80, 76, 336, 130};

    /** The table as tall as its header and {@code rows} rows (no scroll bar of its own). */
    private void fitRows(int rows) {
        double h = ROW_PX * Math.max(1, rows) + 46; // the two-line header row, and the table's border
        table.setPrefHeight(h);
        table.setMinHeight(h);
        table.setMaxHeight(h);
    }

    /** The comparison on display, or null before the first. */
    public ChipComparison.Result result() {
        return model.job().getResult();
    }

    /** The chart (tests read its datasets; export draws it). */
    public JFreeChart chart() {
        return chart;
    }

    /** The table's rows as shown. */
    public List<List<String>> rows() {
        return List.copyOf(table.getItems());
    }

    /** What the view says under its chart. */
    public String findingsText() {
        return findings.getText();
    }
}
