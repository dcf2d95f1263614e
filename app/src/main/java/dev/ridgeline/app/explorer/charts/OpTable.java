package dev.ridgeline.app.explorer.charts;

import dev.ridgeline.app.Names;
import dev.ridgeline.app.Tips;
import dev.ridgeline.app.Units;
import dev.ridgeline.engine.Evaluation;
import dev.ridgeline.engine.ops.Stage;
import dev.ridgeline.engine.roofline.OpResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.Skin;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.NestedTableColumnHeader;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.control.skin.TableHeaderRow;
import javafx.scene.control.skin.TableViewSkin;

/**
 * The sortable op table: one row per operator of the layer and, in calibrated fidelity, of the step outside the
 * MoE layers (embedding, LM head, MTP). Rows are kept across updates and their values replaced
 * in place, so an edit re-renders cell texts rather than rebuilding the table's rows.
 */
public final class OpTable extends TableView<OpTable.Row> {
    /** One operator and its share of the layer (or, for step ops, the step) time; the row object stays, its entry changes with each update. */
    public static final class Row {
        private final ReadOnlyObjectWrapper<OpResult> op = new ReadOnlyObjectWrapper<>();
        private final ReadOnlyObjectWrapper<Double> share = new ReadOnlyObjectWrapper<>();

        public OpResult op() {
            return op.get();
        }

        public double share() {
            return share.get();
        }
    }

    private final Map<String, Row> rowsByName = new HashMap<>();

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
        share.setCellValueFactory(cd -> cd.getValue().share.getReadOnlyProperty());
        format(share, Units::percent);
        getColumns().add(share);
        TableColumn<Row, String> bound = text("Bound", o -> o.bound().label(), 80);
        bound.setCellFactory(c -> new OwnLayoutCell<>(Function.identity()) {
            {
                getStyleClass().add("bound-cell");
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                Row row = empty || getTableRow() == null ? null : getTableRow().getItem();
                OpResult op = row == null ? null : row.op();
                // a paint, not a style string: re-styling a cell costs a CSS pass on every edit
                setTextFill(op == null ? javafx.scene.paint.Color.BLACK : Palette.fx(Palette.of(op.bound())));
            }
        });
        getColumns().add(bound);
        TableColumn<Row, String> basis = text("", OpResult::basis, 220);
        basis.setGraphic(header("Basis", "Where the figure comes from; * marks calibrated figures used beyond what was measured."));
        basis.setCellFactory(c -> new OwnLayoutCell<>(Function.identity()) {
            /** The whole text, for a cell too narrow for it; made when the pointer first enters the cell. */
            private Tooltip full;

            {
                Tips.whenEntered(this, () -> {
                    full = new Tooltip();
                    tip(getItem(), isEmpty());
                });
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                tip(item, empty);
            }

            private void tip(String item, boolean empty) {
                if (full != null) {
                    full.setText(item == null ? "" : item);
                    setTooltip(empty || item == null ? null : full);
                }
            }
        });
        getColumns().add(basis);
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
     * A cell that its row lays out on its own: the row sets its size (the column's width, the table's fixed row height)
     * and place. As a managed node, a cell whose text changed marked its row as needing layout, and the table's flow
     * then laid out and styled every row again (a chip edit changes the times and shares of every row: about a tenth
     * of the FX thread's time per edit); unmanaged, only the cells whose text changed are laid out.
     */
    private static class OwnLayoutCell<T> extends TableCell<Row, T> {
        private final Function<T, String> text;

        OwnLayoutCell(Function<T, String> text) {
            this.text = text;
            setManaged(false);
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
            row.op.set(op);
            row.share.set(op.timePerLayerSec() / (op.stage() == Stage.STEP ? step : layer));
        }
        if (!getSortOrder().isEmpty()) {
            sort();
        }
    }

    /** The operators in display order, for tests and export. */
    public List<OpResult> shownOps() {
        return getItems().stream().map(Row::op).toList();
    }

    private static TableColumn<Row, String> text(String title, Function<OpResult, String> value, double width) {
        TableColumn<Row, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> cd.getValue().op.getReadOnlyProperty().map(value));
        c.setCellFactory(col -> new OwnLayoutCell<>(Function.identity()));
        c.setPrefWidth(width);
        return c;
    }

    private static TableColumn<Row, Double> number(String title, ToDoubleFunction<OpResult> value,
                                                   Function<Double, String> format) {
        TableColumn<Row, Double> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> cd.getValue().op.getReadOnlyProperty().map(o -> value.applyAsDouble(o)));
        format(c, format);
        return c;
    }

    private static void format(TableColumn<Row, Double> c, Function<Double, String> format) {
        c.setCellFactory(col -> new OwnLayoutCell<>(format));
        c.setStyle("-fx-alignment: CENTER-RIGHT;");
        c.setPrefWidth(90);
    }
}
