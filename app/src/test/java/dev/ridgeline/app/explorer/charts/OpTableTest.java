package dev.ridgeline.app.explorer.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.app.Engines;
import dev.ridgeline.app.explorer.Theme;
import dev.ridgeline.engine.io.Presets;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.stage.Stage;
import javafx.util.Callback;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The op table shown for the first time, as the window's first frame shows it: no column is fitted to its rows. With
 * JavaFX's skin a column still at the default width when its header is first shown (the Bound column) is fitted to its
 * first 30 rows, each laid into a cell and a row made and styled only for that measure (about a tenth of the FX
 * thread's layout before the window's first frame).
 */
@ExtendWith(ApplicationExtension.class)
class OpTableTest {
    private OpTable table;
    private final List<int[]> made = new ArrayList<>();

    @Start
    void start(Stage stage) {
        Theme.apply();
        table = new OpTable();
        for (TableColumn<OpTable.Row, ?> c : table.getColumns()) {
            made.add(counted(c));
        }
        table.show(Engines.builtIn().evaluate(Presets.builtInScenario("default")));
        stage.setScene(new Scene(table, 1280, 240));
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

    @Test
    void noColumnIsFittedToItsRowsWhenFirstShown() {
        WaitForAsyncUtils.waitForFxEvents();
        double defaultWidth = new TableColumn<OpTable.Row, String>().getPrefWidth();
        int stage = column("Stage");
        int bound = column("Bound");
        int rows = (int) table.lookupAll(".table-row-cell").stream().filter(n -> n.getParent() != null).count();
        assertTrue(rows >= 5, "rows shown: " + rows);
        // the rows' cells, one per row made: a cell more is the fitting's (the Stage column keeps its width)
        assertEquals(made.get(stage)[0], made.get(bound)[0], "Bound cells made, as many as Stage cells");
        assertEquals(defaultWidth, table.getColumns().get(bound).getPrefWidth(), "the Bound column at the default width");
    }

    @Test
    void anEditLaysOutTheCellsWhoseTextChangedAndNoRow() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        var s = Presets.builtInScenario("default");
        var hbm = dev.ridgeline.engine.model.ChipField.of(dev.ridgeline.engine.model.FieldId.HBM_BANDWIDTH);
        var faster = Engines.builtIn().evaluate(s.withChip(hbm.with(s.chip(),
                ((Number) hbm.shown(s.chip())).doubleValue() * 1.5)));
        int time = column("Time");
        List<Boolean> rowsNeedingLayout = WaitForAsyncUtils.asyncFx(() -> {
            table.show(faster);
            // a managed cell's new text marked its row for layout, and the table's flow then laid out and styled
            // every row again
            return table.lookupAll(".table-row-cell").stream().filter(n -> n.getParent() != null)
                    .map(n -> ((javafx.scene.Parent) n).isNeedsLayout()).toList();
        }).get();
        assertTrue(rowsNeedingLayout.size() >= 5);
        assertTrue(rowsNeedingLayout.stream().noneMatch(b -> b), "rows marked for layout: " + rowsNeedingLayout);
        WaitForAsyncUtils.waitForFxEvents();
        // each Time cell shows its row's new time, laid out against the cell's right edge
        int checked = 0;
        for (javafx.scene.Node n : table.lookupAll(".table-cell")) {
            @SuppressWarnings("unchecked")
            TableCell<OpTable.Row, ?> cell = (TableCell<OpTable.Row, ?>) n;
            if (cell.getParent() == null || cell.isEmpty() || cell.getTableColumn() != table.getColumns().get(time)) {
                continue;
            }
            OpTable.Row row = cell.getTableRow().getItem();
            assertEquals(dev.ridgeline.app.Units.time(row.op().timeSec()), cell.getText());
            assertTrue(faster.ops().contains(row.op()) || faster.stepOps().contains(row.op()), "the new evaluation's op");
            javafx.scene.Node text = cell.lookup(".text");
            double right = cell.getWidth() - cell.snappedRightInset();
            assertEquals(right, text.getBoundsInParent().getMaxX(), 1.0, "the time's right edge in its cell");
            checked++;
        }
        assertTrue(checked >= 5, "Time cells checked: " + checked);
    }

    private int column(String title) {
        for (int i = 0; i < table.getColumns().size(); i++) {
            if (title.equals(table.getColumns().get(i).getText())) {
                return i;
            }
        }
        throw new AssertionError("no column " + title);
    }
}
