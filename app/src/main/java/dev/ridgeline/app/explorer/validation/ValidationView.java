package dev.ridgeline.app.explorer.validation;

import dev.ridgeline.app.Names;
import dev.ridgeline.engine.Engine;
import dev.ridgeline.engine.validation.Anchor;
import dev.ridgeline.engine.validation.Validation;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;

/**
 * The Validation view (issue 19): every published anchor with its deployment, the figure published and where,
 * Ridgeline's figure, its P10-P90 band and the error; a published figure outside Ridgeline's band in red, with its
 * known cause. The anchors do not depend on the scenario on screen, so the table is computed once, off the FX thread,
 * the first time the view is shown.
 */
public final class ValidationView extends BorderPane {
    private final TableView<Validation.Row> table = new TableView<>();
    private final Label summary = new Label("Validating against published deployments …");
    private final ReadOnlyObjectWrapper<Validation> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final Engine engine;
    private final List<Anchor> anchors;
    private final Executor worker;
    private final Executor publisher;
    private boolean started;

    public ValidationView(Engine engine, List<Anchor> anchors, Executor worker, Executor publisher) {
        this.engine = engine;
        this.anchors = List.copyOf(anchors);
        this.worker = worker;
        this.publisher = publisher;
        Names.name(this, "validationView");
        Names.name(summary, "validationSummary");
        summary.setWrapText(true);
        summary.setPadding(new Insets(6, 8, 6, 8));
        Names.name(table, "validationTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().addAll(List.of(
                column("Anchor", 210, r -> r.anchor().id()),
                column("Chip", 120, r -> r.anchor().scenario().chip().name()),
                column("Metric", 170, r -> r.anchor().metric().label()),
                column("Published", 95, r -> published(r.anchor())),
                column("Ridgeline", 85, r -> number(r.ours())),
                column("P10–P90", 120, r -> number(r.band().low()) + "–" + number(r.band().high())),
                column("Error", 72, r -> String.format(Locale.ROOT, "%+.1f %%", 100 * r.error())),
                column("Known cause", 200, r -> r.outsideBand() && r.anchor().knownCause().isEmpty() ? "not known"
                        : r.anchor().knownCause())));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(Validation.Row r, boolean empty) {
                super.updateItem(r, empty);
                getStyleClass().remove("outside-band");
                setTooltip(null);
                if (!empty && r != null) {
                    if (r.outsideBand()) {
                        getStyleClass().add("outside-band");
                    }
                    Anchor a = r.anchor();
                    Tooltip tip = new Tooltip(a.deployment() + "\nScenario: " + a.scenarioText()
                            + "\nConditions: " + a.conditions() + "\nSource: " + a.source()
                            + (a.knownCause().isEmpty() ? "" : "\nKnown cause: " + a.knownCause()));
                    tip.setWrapText(true);
                    tip.setMaxWidth(640);
                    setTooltip(tip);
                }
            }
        });
        setTop(summary);
        setCenter(table);
    }

    /** Computes the table the first time it is asked for (the view shown); later calls do nothing. */
    public void start() {
        if (started) {
            return;
        }
        started = true;
        worker.execute(() -> {
            Validation v = Validation.run(engine, anchors);
            publisher.execute(() -> show(v));
        });
    }

    private void show(Validation v) {
        table.getItems().setAll(v.rows());
        long outside = v.rows().stream().filter(Validation.Row::outsideBand).count();
        summary.setText(String.format(Locale.ROOT, "Calibrated fidelity against %d published deployments on %d chips: "
                        + "median |error| %.1f %% (decode %.1f %%, prefill %.1f %%), worst %.1f %%; %d published figure%s "
                        + "outside Ridgeline's P10–P90 band (red). Hover a row for its deployment, scenario, conditions "
                        + "and source; the same table: ridgeline validate.", v.rows().size(), v.chips().size(),
                100 * v.medianAbsError(), 100 * v.phase(false).medianAbsError(), 100 * v.phase(true).medianAbsError(),
                100 * v.worstAbsError(), outside, outside == 1 ? "" : "s"));
        result.set(v);
    }

    /** The table's rows once computed (null before). */
    public ReadOnlyObjectProperty<Validation> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public TableView<Validation.Row> table() {
        return table;
    }

    private static String published(Anchor a) {
        return a.publishedLow() == a.publishedHigh() ? number(a.published())
                : number(a.publishedLow()) + "–" + number(a.publishedHigh());
    }

    static String number(double v) {
        return v >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }

    private static TableColumn<Validation.Row, String> column(String title, double width,
                                                              Function<Validation.Row, String> text) {
        TableColumn<Validation.Row, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        // every column but the last keeps its width (no figure clipped to "…"); the known cause takes what is left
        // and says the rest on hover
        c.setMinWidth(title.equals("Known cause") ? 80 : width);
        c.setCellValueFactory(d -> new SimpleStringProperty(text.apply(d.getValue())));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
            }
        });
        return c;
    }
}
