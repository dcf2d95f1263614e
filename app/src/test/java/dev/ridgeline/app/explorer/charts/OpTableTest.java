package dev.ridgeline.app.explorer.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.app.Engines;
import dev.ridgeline.app.Units;
import dev.ridgeline.app.explorer.Theme;
import dev.ridgeline.engine.Evaluation;
import dev.ridgeline.engine.io.Presets;
import dev.ridgeline.engine.ops.Stage;
import dev.ridgeline.engine.roofline.OpResult;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Paint;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;
import javafx.util.Callback;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The op table as the window shows it: its rows draw each column's value as a text, without a {@code TableCell} per
 * column (a cell is a control with a skin of its own; the cells were most of the table's cost before the window's
 * first frame), showing what the cells showed, where and in the colours they showed it.
 */
@ExtendWith(ApplicationExtension.class)
class OpTableTest {
    private OpTable table;
    /** A plain table with JavaFX's cells, in the same scene: what the theme does to a cell. */
    private TableView<String> reference;
    private final Evaluation evaluation = Engines.builtIn().evaluate(Presets.builtInScenario("default"));
    private final List<int[]> made = new ArrayList<>();

    @Start
    void start(javafx.stage.Stage stage) {
        Theme.apply();
        table = new OpTable();
        for (TableColumn<OpTable.Row, ?> c : table.getColumns()) {
            made.add(counted(c));
        }
        table.show(evaluation);
        table.setPrefHeight(30 + 26 * (table.getItems().size() + 1));
        reference = new TableView<>();
        TableColumn<String, String> c = new TableColumn<>("Reference");
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(cd.getValue()));
        reference.getColumns().add(c);
        reference.getItems().setAll("one", "two");
        reference.setFixedCellSize(26);
        reference.setPrefHeight(100);
        Scene scene = new Scene(new VBox(table, reference), 1280, 30 + 26 * (table.getItems().size() + 1) + 100);
        scene.getStylesheets().add(OpTableTest.class.getResource("/css/ridgeline.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    /** Counts the cells {@code column}'s factory makes; returns the counter. */
    private static <S, T> int[] counted(TableColumn<S, T> column) {
        int[] count = {0};
        Callback<TableColumn<S, T>, TableCell<S, T>> factory = column.getCellFactory();
        column.setCellFactory(c -> {
            count[0]++;
            return factory.call(c);
        });
        return count;
    }

    /**
     * No cell is made for the rows, nor for fitting a column to its rows when its header is first shown (JavaFX's skin
     * fits a column still at the default width, the Bound column, to its first 30 rows: a cell and a row made and
     * styled for that measure alone); a double click on a column's edge still fits it with its factory's cell.
     */
    @Test
    void theRowsHaveNoCellsAndNoColumnIsFittedWhenFirstShown() {
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(rows().size() >= 5, "rows shown: " + rows().size());
        assertEquals(0, cellsIn(table).size(), "cells in the op table");
        assertEquals(List.of(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), made.stream().map(m -> m[0]).toList(), "cells made");
        double defaultWidth = new TableColumn<OpTable.Row, String>().getPrefWidth();
        assertEquals(defaultWidth, table.getColumns().get(column("Bound")).getPrefWidth(), "the Bound column at the default width");
    }

    /** Every row of the default scenario shows each column's value as the cells did (cut with an ellipsis if too wide). */
    @Test
    void eachRowShowsEveryColumnsValue() {
        WaitForAsyncUtils.waitForFxEvents();
        List<TableRow<OpTable.Row>> rows = rows();
        assertEquals(evaluation.ops().size() + evaluation.stepOps().size(), rows.size(), "every row shown");
        int cut = 0;
        for (TableRow<OpTable.Row> row : rows) {
            OpResult o = row.getItem().op();
            double share = o.timePerLayerSec() / (o.stage() == Stage.STEP ? evaluation.tpotSec() : evaluation.layerTimeSec());
            List<String> whole = List.of(o.name() + (o.extrapolated() ? " *" : ""), o.stage().label(), Units.flops(o.flops()),
                    Units.bytes(o.hbmBytes()), Units.bytes(o.networkBytes()), Units.fixed(o.intensity(), 1),
                    Units.time(o.timeSec()), String.valueOf(o.invocations()), Units.percent(share), o.bound().label(), o.basis());
            List<Text> texts = texts(row);
            assertEquals(whole.size(), texts.size(), o.name());
            for (int i = 0; i < whole.size(); i++) {
                String shown = texts.get(i).getText();
                if (!shown.equals(whole.get(i))) {
                    assertTrue(shown.endsWith("...") && whole.get(i).startsWith(shown.substring(0, shown.length() - 3)),
                            "column " + i + " of " + o.name() + ": " + shown + " for " + whole.get(i));
                    assertTrue(width(texts.get(i), whole.get(i)) > table.getVisibleLeafColumn(i).getWidth() - 2 * padding(),
                            "cut only when too wide: " + whole.get(i));
                    cut++;
                }
            }
        }
        assertTrue(cut > 0, "the Basis column at this width cuts some texts");
    }

    /** Sorting by a figure's column (a click on its header) orders the rows by that figure, and the rows show it. */
    @Test
    void aClickOnAFiguresHeaderSortsTheRows(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        int hbm = column("HBM");
        robot.clickOn(robot.from(table).lookup(".column-header").lookup((Node n) -> n instanceof javafx.scene.control.Label
                && "HBM".equals(((javafx.scene.control.Label) n).getText())).<Node>query());
        WaitForAsyncUtils.waitForFxEvents();
        List<OpResult> shown = table.shownOps();
        for (int i = 1; i < shown.size(); i++) {
            assertTrue(shown.get(i - 1).hbmBytes() <= shown.get(i).hbmBytes(), "ascending by HBM bytes at " + i);
        }
        List<TableRow<OpTable.Row>> rows = rows();
        rows.sort(java.util.Comparator.comparingInt(TableRow::getIndex));
        for (TableRow<OpTable.Row> row : rows) {
            assertEquals(Units.bytes(shown.get(row.getIndex()).hbmBytes()), texts(row).get(hbm).getText(), "row " + row.getIndex());
        }
        assertTrue(shown.get(0).hbmBytes() < shown.get(shown.size() - 1).hbmBytes(), "not all the same");
    }

    /** A cut Basis text ends with the ellipsis; the pointer over it finds the whole text in a tooltip. */
    @Test
    void aCutBasisTextOffersTheWholeTextAsATooltip(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        int basis = column("Basis");
        TableRow<OpTable.Row> row = rows().stream().filter(r -> texts(r).get(basis).getText().endsWith("...")).findFirst()
                .orElseThrow(() -> new AssertionError("no cut Basis text"));
        Rectangle area = (Rectangle) row.getChildrenUnmodifiable().stream().filter(n -> n instanceof Rectangle).findFirst().orElseThrow();
        robot.moveTo(area);
        WaitForAsyncUtils.waitForFxEvents();
        Tooltip tip = (Tooltip) area.getProperties().get("javafx.scene.control.Tooltip");
        assertTrue(tip != null, "a tooltip on the Basis text");
        assertEquals(row.getItem().op().basis(), tip.getText());
    }

    /**
     * A selected row's texts take the colour the theme gives a selected cell's text (here made red, to tell it from the
     * unselected colour), and the unselected rows the colour of an unselected cell's text.
     */
    @Test
    void aSelectedRowsTextsTakeTheThemesSelectedColour(FxRobot robot) throws Exception {
        robot.interact(() -> {
            table.getScene().getStylesheets().add("data:text/css,.table-view{-color-cell-fg-selected:red;-color-cell-fg-selected-focused:red;}");
            table.getSelectionModel().select(1);
            reference.getSelectionModel().select(1);
        });
        WaitForAsyncUtils.waitForFxEvents();
        List<TableCell<?, ?>> cells = cellsIn(reference);
        Paint selected = cells.stream().filter(c -> c.getIndex() == 1).findFirst().orElseThrow().getTextFill();
        Paint unselected = cells.stream().filter(c -> c.getIndex() == 0).findFirst().orElseThrow().getTextFill();
        assertNotEquals(selected, unselected, "the theme's selected cell text");
        int stage = column("Stage");
        for (TableRow<OpTable.Row> row : rows()) {
            assertEquals(row.getIndex() == 1 ? selected : unselected, texts(row).get(stage).getFill(), "row " + row.getIndex());
        }
    }

    /**
     * An edit (every row's time changes) sets the texts that changed and lays out no row: the texts place themselves.
     * Each time text sits against its column's right edge less the theme's cell padding, as a cell's text did.
     */
    @Test
    void anEditChangesTheTextsAndLaysOutNoRow() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        var s = Presets.builtInScenario("default");
        var hbm = dev.ridgeline.engine.model.ChipField.of(dev.ridgeline.engine.model.FieldId.HBM_BANDWIDTH);
        var faster = Engines.builtIn().evaluate(s.withChip(hbm.with(s.chip(),
                ((Number) hbm.shown(s.chip())).doubleValue() * 1.5)));
        int time = column("Time");
        List<Boolean> rowsNeedingLayout = WaitForAsyncUtils.asyncFx(() -> {
            table.show(faster);
            return rows().stream().map(Parent::isNeedsLayout).toList();
        }).get();
        assertTrue(rowsNeedingLayout.size() >= 5);
        assertTrue(rowsNeedingLayout.stream().noneMatch(b -> b), "rows marked for layout: " + rowsNeedingLayout);
        WaitForAsyncUtils.waitForFxEvents();
        double right = 0;
        for (int i = 0; i <= time; i++) {
            right += table.getVisibleLeafColumn(i).getWidth();
        }
        int checked = 0;
        for (TableRow<OpTable.Row> row : rows()) {
            OpResult op = row.getItem().op();
            assertTrue(faster.ops().contains(op) || faster.stepOps().contains(op), "the new evaluation's op");
            Text text = texts(row).get(time);
            assertEquals(Units.time(op.timeSec()), text.getText());
            assertEquals(right - padding(), text.getBoundsInParent().getMaxX(), 1.0, "the time's right edge");
            checked++;
        }
        assertTrue(checked >= 5, "Time texts checked: " + checked);
    }

    /** The reference table's cell padding on each side: the theme's. */
    private double padding() {
        return cellsIn(reference).get(0).snappedRightInset();
    }

    private static double width(Text like, String s) {
        Text t = new Text(s);
        t.setFont(like.getFont());
        return t.getLayoutBounds().getWidth();
    }

    /** The op table's rows in the scene showing an op. */
    @SuppressWarnings("unchecked")
    private List<TableRow<OpTable.Row>> rows() {
        List<TableRow<OpTable.Row>> rows = new ArrayList<>();
        for (Node n : table.lookupAll(".table-row-cell")) {
            TableRow<OpTable.Row> r = (TableRow<OpTable.Row>) n;
            if (r.getParent() != null && r.isVisible() && !r.isEmpty() && r.getItem() != null) {
                rows.add(r);
            }
        }
        return rows;
    }

    /** A row's texts, one a column in the columns' order. */
    private static List<Text> texts(TableRow<OpTable.Row> row) {
        return row.getChildrenUnmodifiable().stream().filter(n -> n instanceof Text).map(n -> (Text) n).toList();
    }

    private static List<TableCell<?, ?>> cellsIn(Parent root) {
        List<TableCell<?, ?>> cells = new ArrayList<>();
        collect(root, cells);
        return cells;
    }

    private static void collect(Parent p, List<TableCell<?, ?>> cells) {
        for (Node n : p.getChildrenUnmodifiable()) {
            if (n instanceof TableCell<?, ?> c && c.getParent() != null && c.isVisible()) {
                cells.add(c);
            }
            if (n instanceof Parent child) {
                collect(child, cells);
            }
        }
    }

    /** The column titled {@code title}, in its text or its header's label. */
    private int column(String title) {
        for (int i = 0; i < table.getColumns().size(); i++) {
            TableColumn<OpTable.Row, ?> c = table.getColumns().get(i);
            String shown = c.getGraphic() instanceof javafx.scene.control.Label l ? l.getText() : c.getText();
            if (title.equals(shown)) {
                return i;
            }
        }
        throw new AssertionError("no column " + title);
    }
}
