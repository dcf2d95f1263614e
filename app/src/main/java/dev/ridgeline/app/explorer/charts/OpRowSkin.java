package dev.ridgeline.app.explorer.charts;

import com.sun.javafx.scene.control.behavior.TableRowBehavior;
import com.sun.javafx.scene.control.skin.Utils;
import dev.ridgeline.app.Tips;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.collections.WeakListChangeListener;
import javafx.scene.AccessibleAttribute;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.SkinBase;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;

/**
 * An op table row that draws each column's value as a {@link Text} where JavaFX's row skin makes a {@code TableCell}
 * per column: a cell is a control with a skin, a text node and about fifty styleable properties, and the op table's
 * cells (eleven a row) were most of the table's cost before the window's first frame. Each text sits where a cell's
 * text sat: in the column's width, padded as the theme pads a cell (0.5em each side), centred in the row's height,
 * right-aligned for figures, cut with an ellipsis when too wide as a cell cuts it, and coloured by the theme's cell
 * colour (ridgeline.css's {@code .op-text}, which follows a selected row's). The texts are unmanaged: a text that
 * changes is placed again on its own, and no row is laid out again on an edit.
 */
final class OpRowSkin extends SkinBase<TableRow<OpTable.Row>> {
    /** The theme's cell padding on each side (Primer Light: {@code -fx-padding: 0 0.5em}). */
    private static final double PADDING_EM = 0.5;
    private static final String ELLIPSIS = "...";

    /** One column's text in this row: the column, its look, its text node, the whole value and where it sits. */
    private static final class Part {
        final TableColumn<OpTable.Row, ?> column;
        final OpTable.Look look;
        final Text text = new Text();
        String whole = "";
        double x;
        double width = -1;

        Part(TableColumn<OpTable.Row, ?> column, OpTable.Look look) {
            this.column = column;
            this.look = look;
            text.getStyleClass().add("text");
            text.getStyleClass().addAll(look.styleClasses());
            text.setManaged(false);
        }
    }

    private final OpTable table;
    private final TableRowBehavior<OpTable.Row> behavior;
    private final List<Part> parts = new ArrayList<>();
    // weakly held by the table, its columns and rows: a row made and dropped (the double click's fitting makes one)
    // leaves nothing behind
    private final InvalidationListener valueChanged = o -> refresh();
    private final InvalidationListener widthChanged = o -> getSkinnable().requestLayout();
    private final ListChangeListener<TableColumn<OpTable.Row, ?>> columnsChanged = c -> rebuild();
    private final WeakInvalidationListener weakValueChanged = new WeakInvalidationListener(valueChanged);
    private final WeakInvalidationListener weakWidthChanged = new WeakInvalidationListener(widthChanged);
    private final WeakListChangeListener<TableColumn<OpTable.Row, ?>> weakColumnsChanged =
            new WeakListChangeListener<>(columnsChanged);
    private final ChangeListener<OpTable.Row> itemChanged = (o, old, now) -> {
        watch(old, false);
        watch(now, true);
        refresh();
    };
    /** Where the pointer finds the Basis column's whole text (a tooltip made on first entry). */
    private final Rectangle basisArea = new Rectangle();
    private final StringProperty basisWhole = new SimpleStringProperty();
    private Part basis;

    OpRowSkin(TableRow<OpTable.Row> row, OpTable table) {
        super(row);
        this.table = table;
        // a press anywhere on the row selects it (JavaFX's row behaviour leaves presses on cells to the cells) and, as a
        // press on a cell does, focuses the table: the row's behaviour consumes the press before the table sees it
        behavior = new TableRowBehavior<>(row) {
            @Override
            protected boolean isClickPositionValid(double x, double y) {
                return true;
            }

            @Override
            public void mousePressed(MouseEvent e) {
                if (!table.isFocused() && table.isFocusTraversable()) {
                    table.requestFocus();
                }
                super.mousePressed(e);
            }
        };
        // not drawn (the software pipeline blends even a transparent fill over every repainted pixel), but picked
        basisArea.setFill(Color.TRANSPARENT);
        basisArea.setOpacity(0);
        basisArea.setManaged(false);
        Tips.follow(basisArea, basisWhole);
        table.getVisibleLeafColumns().addListener(weakColumnsChanged);
        row.itemProperty().addListener(itemChanged);
        watch(row.getItem(), true);
        rebuild();
    }

    private void watch(OpTable.Row item, boolean on) {
        if (item == null) {
            return;
        }
        if (on) {
            item.entryProperty().addListener(weakValueChanged);
        } else {
            item.entryProperty().removeListener(weakValueChanged);
        }
    }

    /** A text per visible column, in the columns' order. */
    private void rebuild() {
        for (Part p : parts) {
            p.column.widthProperty().removeListener(weakWidthChanged);
        }
        parts.clear();
        basis = null;
        for (TableColumn<OpTable.Row, ?> c : table.getVisibleLeafColumns()) {
            Part p = new Part(c, table.look(c));
            c.widthProperty().addListener(weakWidthChanged);
            parts.add(p);
            if (p.look.basis()) {
                basis = p;
            }
        }
        getChildren().setAll(parts.stream().map(p -> p.text).toList());
        if (basis != null) {
            getChildren().add(0, basisArea);
        }
        refresh();
        getSkinnable().requestLayout();
    }

    /** Each text from the row's values; only a text whose value changed is set and placed again. */
    private void refresh() {
        TableRow<OpTable.Row> row = getSkinnable();
        OpTable.Row item = row.isEmpty() ? null : row.getItem();
        boolean shown = item != null && item.entryProperty().get() != null;
        for (Part p : parts) {
            String whole = shown ? p.look.text().apply(item) : "";
            if (p.look.fill() != null && shown) {
                Paint fill = p.look.fill().apply(item);
                if (!fill.equals(p.text.getFill())) {
                    p.text.setFill(fill); // a new paint, even an equal one, would repaint the text
                }
            }
            if (!whole.equals(p.whole)) {
                p.whole = whole;
                place(p);
            }
        }
        if (basis != null) {
            basisWhole.set(basis.whole);
            basisArea.setVisible(!basis.whole.isEmpty());
        }
    }

    @Override
    protected void layoutChildren(double x, double y, double w, double h) {
        double at = x;
        for (Part p : parts) {
            p.x = at;
            p.width = snapSizeX(p.column.getWidth());
            place(p);
            at += p.width;
        }
        if (basis != null) {
            basisArea.setX(basis.x);
            basisArea.setWidth(basis.width);
            basisArea.setHeight(getSkinnable().getHeight());
        }
    }

    /** As a cell lays out its text: cut to the room between the paddings, centred in the row's height. */
    private void place(Part p) {
        if (p.width < 0) {
            return;
        }
        Text t = p.text;
        double pad = snapSpaceX(PADDING_EM * t.getFont().getSize());
        double room = Math.max(p.width - 2 * pad, 0);
        t.setText(p.whole.isEmpty() ? "" : Utils.computeClippedText(t.getFont(), p.whole, room, OverrunStyle.ELLIPSIS, ELLIPSIS));
        double textWidth = snapSizeX(Math.min(t.getLayoutBounds().getWidth(), room));
        double textHeight = snapSizeY(t.getLayoutBounds().getHeight());
        double left = p.look.right() ? p.x + p.width - pad - textWidth : p.x + pad;
        t.relocate(snapPositionX(left), snapPositionY((getSkinnable().getHeight() - textHeight) / 2));
    }

    @Override
    protected double computePrefWidth(double height, double top, double right, double bottom, double left) {
        double w = left + right;
        for (Part p : parts) {
            w += snapSizeX(p.column.getWidth());
        }
        return w;
    }

    @Override
    protected double computePrefHeight(double width, double top, double right, double bottom, double left) {
        return table.getFixedCellSize();
    }

    @Override
    protected Object queryAccessibleAttribute(AccessibleAttribute attribute, Object... parameters) {
        if (attribute == AccessibleAttribute.TEXT) {
            return String.join(", ", parts.stream().map(p -> p.whole).filter(s -> !s.isEmpty()).toList());
        }
        return super.queryAccessibleAttribute(attribute, parameters);
    }

    @Override
    public void dispose() {
        if (getSkinnable() == null) {
            return;
        }
        table.getVisibleLeafColumns().removeListener(weakColumnsChanged);
        getSkinnable().itemProperty().removeListener(itemChanged);
        watch(getSkinnable().getItem(), false);
        for (Part p : parts) {
            p.column.widthProperty().removeListener(weakWidthChanged);
        }
        behavior.dispose();
        super.dispose();
    }
}
