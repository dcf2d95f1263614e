package dev.ridgeline.app.explorer.charts;

import dev.ridgeline.app.explorer.Units;
import dev.ridgeline.engine.Evaluation;
import dev.ridgeline.engine.roofline.OpResult;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;

/** The sortable op table: one row per operator of the layer. */
public final class OpTable extends TableView<OpResult> {
    private double layerTimeSec = 1;

    public OpTable() {
        setId("opTable");
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        setTooltip(new Tooltip("Operators of one layer; click a header to sort."));
        getColumns().add(text("Op", OpResult::name, 150));
        getColumns().add(text("Stage", o -> o.stage().label(), 70));
        getColumns().add(number("FLOPs", OpResult::flops, Units::flops));
        getColumns().add(number("HBM bytes", OpResult::hbmBytes, Units::bytes));
        getColumns().add(number("Net bytes", OpResult::networkBytes, Units::bytes));
        getColumns().add(number("FLOP/byte", OpResult::intensity, v -> String.format(Locale.ROOT, "%.1f", v)));
        getColumns().add(number("Time", OpResult::timeSec, Units::time));
        getColumns().add(number("×", o -> o.invocations(), v -> String.valueOf(v.intValue())));
        getColumns().add(number("Layer share", o -> o.timePerLayerSec() / layerTimeSec, Units::percent));
        TableColumn<OpResult, String> bound = text("Bound", o -> o.bound().name().toLowerCase(Locale.ROOT), 80);
        bound.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                OpResult op = empty || getTableRow() == null ? null : getTableRow().getItem();
                setStyle(op == null ? "" : "-fx-text-fill: " + Palette.css(Palette.of(op.bound())) + "; -fx-font-weight: bold;");
            }
        });
        getColumns().add(bound);
    }

    public void show(Evaluation e) {
        layerTimeSec = e.layerTimeSec() > 0 ? e.layerTimeSec() : 1;
        var order = new java.util.ArrayList<>(getSortOrder());
        getItems().setAll(e.ops());
        getSortOrder().setAll(order);
        sort();
    }

    private static TableColumn<OpResult, String> text(String title, Function<OpResult, String> value, double width) {
        TableColumn<OpResult, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private TableColumn<OpResult, Double> number(String title, ToDoubleFunction<OpResult> value,
                                                 Function<Double, String> format) {
        TableColumn<OpResult, Double> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.applyAsDouble(cd.getValue())));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Double item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : format.apply(item));
            }
        });
        c.setStyle("-fx-alignment: CENTER-RIGHT;");
        c.setPrefWidth(90);
        return c;
    }
}
