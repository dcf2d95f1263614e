package dev.ridgeline.app.explorer.charts;

import dev.ridgeline.app.Names;
import dev.ridgeline.app.Tips;
import dev.ridgeline.app.Units;
import dev.ridgeline.engine.Evaluation;
import dev.ridgeline.engine.ops.Stage;
import dev.ridgeline.engine.roofline.OpResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.Skin;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.NestedTableColumnHeader;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.control.skin.TableHeaderRow;
import javafx.scene.control.skin.TableViewSkin;
import javafx.scene.paint.Paint;

/**
 * The sortable op table: one row per operator of the layer and, in calibrated fidelity, of the step outside the
 * MoE layers (embedding, LM head, MTP). Rows are kept across updates and their values replaced
 * in place, so an edit re-renders the texts that changed rather than rebuilding the table's rows. The rows draw their
 * values as texts, without a cell per column ({@link OpRowSkin}); the columns' value factories still sort them.
 */
public final class OpTable extends TableView<OpTable.Row> {
    /** One operator and its share of the layer (or, for step ops, the step) time; the row object stays, its entry changes with each update. */
    public static final class Row {
        /** Both figures in one value: an update is one change of the row, which its skin draws once. */
        record Entry(OpResult op, double share) {
        }

        private final ReadOnlyObjectWrapper<Entry> entry = new ReadOnlyObjectWrapper<>();

        public OpResult op() {
            return entry.get().op();
        }

        public double share() {
            return entry.get().share();
        }

        ReadOnlyObjectProperty<Entry> entryProperty() {
            return entry.getReadOnlyProperty();
        }
    }

    private final Map<String, Row> rowsByName = new HashMap<>();
    /** Each column's look, by identity. */
    private final Map<TableColumnBase<Row, ?>, Look> looks = new IdentityHashMap<>();

    public OpTable() {
        Names.name(this, "opTable");
        setFixedCellSize(26);
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Tips.set(this, "Operators of one layer; click a header to sort.");
        getColumns().add(text("Op", o -> o.name() + (o.extrapolated() ? " *" : ""), 150));
        getColumns().add(text("Stage", o -> o.stage().label(), 70));
        getColumns().add(number("FLOPs", OpResult::flops, Units::flops));
        getColumns().add(number("HBM", OpResult::hbmBytes, Units::bytes));
        getColumns().add(number("Network", OpResult::networkBytes, Units::bytes));
        getColumns().add(number("FLOP/byte", OpResult::intensity, v -> Units.fixed(v, 1)));
        getColumns().add(number("Time", OpResult::timeSec, Units::time));
        getColumns().add(number("×", o -> o.invocations(), v -> String.valueOf(v.intValue())));
        TableColumn<Row, Double> share = new TableColumn<>();
        share.setGraphic(header("Share", "Of the MoE layer time for layer ops; of the whole decode step for step ops."));
        share.setCellValueFactory(cd -> cd.getValue().entryProperty().map(Row.Entry::share));
        format(share, Units::percent);
        looks.put(share, new Look(r -> Units.percent(r.share()), true, null, false, List.of("op-text")));
        getColumns().add(share);
        TableColumn<Row, String> bound = text("Bound", o -> o.bound().label(), 80);
        bound.setCellFactory(c -> new FitCell<>(Function.identity(), "bound-cell"));
        // a paint, not a style: the palette's colour of the row's bound
        looks.compute(bound, (c, l) -> new Look(l.text(), false, r -> Palette.fx(Palette.of(r.op().bound())), false,
                List.of("bound-cell")));
        getColumns().add(bound);
        TableColumn<Row, String> basis = text("", OpResult::basis, 220);
        basis.setGraphic(header("Basis", "Where the figure comes from; * marks calibrated figures used beyond what was measured."));
        looks.compute(basis, (c, l) -> new Look(l.text(), false, null, true, l.styleClasses()));
        getColumns().add(basis);
        setRowFactory(t -> new TableRow<>() {
            @Override
            protected Skin<?> createDefaultSkin() {
                return new OpRowSkin(this, OpTable.this);
            }
        });
    }

    /**
     * How a row shows a column's value: its text, right-aligned or not, its colour if not the theme's cell colour, whether
     * the whole text is offered as a tooltip (the Basis column), the text's style classes.
     */
    record Look(Function<Row, String> text, boolean right, Function<Row, Paint> fill, boolean basis,
                List<String> styleClasses) {
    }

    /** {@code column}'s look. */
    Look look(TableColumnBase<Row, ?> column) {
        return looks.get(column);
    }

    /**
     * JavaFX's skin, but a column still at JavaFX's default width (80, the Bound column) is not fitted to its first 30
     * rows when its header is first shown: each row laid into a cell and a row made and styled for that measure alone
     * (about a tenth of the FX thread's layout before the window's first frame), and under the constrained resize
     * policy the widths stayed as they were. A double click on a column's edge still fits it to all its rows.
     */
    @Override
    protected Skin<?> createDefaultSkin() {
        return new SkinFittingOnDemand(this);
    }

    /** JavaFX's table skin with the header row below. */
    private static final class SkinFittingOnDemand extends TableViewSkin<Row> {
        SkinFittingOnDemand(OpTable table) {
            super(table);
        }

        @Override
        protected TableHeaderRow createTableHeaderRow() {
            return new TableHeaderRow(this) {
                @Override
                protected NestedTableColumnHeader createRootHeader() {
                    return new RootHeader();
                }
            };
        }
    }

    /** The root header: a header of its own for each leaf column. */
    private static final class RootHeader extends NestedTableColumnHeader {
        RootHeader() {
            super(null);
        }

        @Override
        protected TableColumnHeader createTableColumnHeader(TableColumnBase col) {
            return col == null || !col.getColumns().isEmpty() ? super.createTableColumnHeader(col)
                    : new HeaderFittingOnDemand(col);
        }
    }

    /** A leaf column's header that fits its column to all rows (the double click), not to the first 30 at first show. */
    private static final class HeaderFittingOnDemand extends TableColumnHeader {
        HeaderFittingOnDemand(TableColumnBase<?, ?> col) {
            super(col);
        }

        @Override
        protected void resizeColumnToFitContent(int maxRows) {
            if (maxRows == -1) {
                super.resizeColumnToFitContent(maxRows);
            }
        }
    }

    /**
     * A column's cell, made only to measure the column's values when a double click on its header's edge fits the column
     * to them (the rows draw their values without cells: {@link OpRowSkin}).
     */
    private static final class FitCell<T> extends TableCell<Row, T> {
        private final Function<T, String> text;

        FitCell(Function<T, String> text, String... styleClasses) {
            this.text = text;
            getStyleClass().addAll(styleClasses);
        }

        @Override
        protected void updateItem(T item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : text.apply(item));
        }
    }

    private static Label header(String title, String tip) {
        Label l = new Label(title);
        Tips.set(l, tip);
        return l;
    }

    public void show(Evaluation e) {
        double layer = e.layerTimeSec() > 0 ? e.layerTimeSec() : 1;
        double step = e.tpotSec() > 0 ? e.tpotSec() : 1;
        List<OpResult> ops = new ArrayList<>(e.ops());
        ops.addAll(e.stepOps());
        boolean sameOps = ops.size() == rowsByName.size()
                && ops.stream().allMatch(o -> rowsByName.containsKey(o.name()));
        if (!sameOps) {
            rowsByName.clear();
            List<Row> rows = new ArrayList<>();
            for (OpResult op : ops) {
                Row row = new Row();
                rowsByName.put(op.name(), row);
                rows.add(row);
            }
            getItems().setAll(rows);
        }
        for (OpResult op : ops) {
            Row row = rowsByName.get(op.name());
            row.entry.set(new Row.Entry(op, op.timePerLayerSec() / (op.stage() == Stage.STEP ? step : layer)));
        }
        if (!getSortOrder().isEmpty()) {
            sort();
        }
    }

    /** The operators in display order, for tests and export. */
    public List<OpResult> shownOps() {
        return getItems().stream().map(Row::op).toList();
    }

    private TableColumn<Row, String> text(String title, Function<OpResult, String> value, double width) {
        TableColumn<Row, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> cd.getValue().entryProperty().map(en -> value.apply(en.op())));
        c.setCellFactory(col -> new FitCell<>(Function.identity()));
        c.setPrefWidth(width);
        looks.put(c, new Look(r -> value.apply(r.op()), false, null, false, List.of("op-text")));
        return c;
    }

    private TableColumn<Row, Double> number(String title, ToDoubleFunction<OpResult> value,
                                            Function<Double, String> format) {
        TableColumn<Row, Double> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> cd.getValue().entryProperty().map(en -> value.applyAsDouble(en.op())));
        format(c, format);
        looks.put(c, new Look(r -> format.apply(value.applyAsDouble(r.op())), true, null, false, List.of("op-text")));
        return c;
    }

    private static void format(TableColumn<Row, Double> c, Function<Double, String> format) {
        c.setCellFactory(col -> new FitCell<>(format));
        c.setStyle("-fx-alignment: CENTER-RIGHT;");
        c.setPrefWidth(90);
    }
}
