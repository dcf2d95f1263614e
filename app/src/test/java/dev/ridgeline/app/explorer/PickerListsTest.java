package dev.ridgeline.app.explorer;

import static dev.ridgeline.app.Names.named;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.engine.io.Catalog;
import dev.ridgeline.engine.io.Presets;
import dev.ridgeline.engine.model.Chip;
import dev.ridgeline.engine.model.Dtype;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.skin.ComboBoxListViewSkin;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The scenario panel's pickers, whose drop-down lists join a scene only when first opened (the first frame styles
 * none of them): before that they show the scenario's value, edits made elsewhere included, and fill their column;
 * opened from the keyboard for the first time, the list shows every item with the current one selected, and choosing
 * from it edits the scenario.
 */
@ExtendWith(ApplicationExtension.class)
class PickerListsTest {
    private static final String[] PICKERS = {"modelChoice", "chipChoice", "nicChoice", "kvChoice", "weightChoice",
        "fa3Choice", "policyChoice", "fidelityChoice", "attnTpChoice", "moeTpChoice", "expertChoice"};

    @TempDir
    static Path home;

    private final Catalog catalog = Presets.builtIn();
    private ExplorerView view;

    @Start
    void start(javafx.stage.Stage stage) {
        view = new TestWindow().catalog(catalog).presets(home.resolve("presets")).show(stage);
    }

    @SuppressWarnings("unchecked")
    private static <T> ComboBox<T> picker(FxRobot robot, String id) {
        return robot.lookup(named(id)).queryAs(ComboBox.class);
    }

    /** The picker's drop-down list (its skin's popup content), wherever it is. */
    @SuppressWarnings("unchecked")
    private static <T> ListView<T> list(ComboBox<T> box) {
        return (ListView<T>) ((ComboBoxListViewSkin<T>) box.getSkin()).getPopupContent();
    }

    /** The cell a closed picker shows its value in (a child of the picker; its list's cells are not). */
    private static String shown(ComboBox<?> box) {
        return box.getChildrenUnmodifiable().stream().filter(ListCell.class::isInstance).map(c -> ((ListCell<?>) c).getText())
                .findFirst().orElseThrow();
    }

    private static boolean inside(Node node, Node ancestor) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }

    @Test
    void noListIsStyledBeforeItOpensAndEachPickerFillsItsColumn(FxRobot robot) {
        for (String id : PICKERS) {
            ComboBox<Object> box = picker(robot, id);
            ListView<Object> list = list(box);
            assertTrue(list.getScene() == null && list.getSkin() == null, id + ": its list is in no scene, unstyled");
            assertFalse(inside(list, box), id);
            // the picker takes its column's width (that of the label above it), not a width measured from its items
            double column = box.getParent().getLayoutBounds().getWidth();
            assertEquals(column, box.getWidth(), 0.5, id);
            assertTrue(box.getWidth() > 100, id + " is " + box.getWidth() + " px wide");
        }
    }

    @Test
    void aListFirstOpenedAfterEditsShowsTheCurrentValueAndChoosesFromTheKeyboard(FxRobot robot) {
        ComboBox<Chip> chips = picker(robot, "chipChoice");
        ComboBox<Dtype> kv = picker(robot, "kvChoice");
        // edits made before either list was opened: through the model (as undo or a loaded scenario does) and by
        // another picker
        Chip a100 = catalog.chip("A100");
        robot.interact(() -> view.model().setScenario(view.model().getScenario().withChip(a100)));
        robot.interact(() -> kv.setValue(Dtype.BF16));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("A100", shown(chips), "the closed picker shows the edit");
        assertSame(Dtype.BF16, view.model().getScenario().kvDtype());

        // opened from the keyboard (F4), for the first time
        robot.interact(chips::requestFocus);
        robot.type(KeyCode.F4);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(chips.isShowing(), "F4 opens the list");
        ListView<Chip> list = list(chips);
        assertTrue(list.getScene() != null && list.getSkin() != null, "the list is styled in its popup's scene");
        assertEquals(catalog.chips().size(), list.getItems().size(), "every chip is listed");
        assertSame(a100, list.getSelectionModel().getSelectedItem(), "the current chip is selected in the list");
        assertTrue(list.lookupAll(".list-cell").stream().anyMatch(c -> "A100".equals(((ListCell<?>) c).getText())),
                "and drawn in a cell");

        // the next chip by the down arrow, taken by Enter: the scenario is edited
        Chip next = list.getItems().get(list.getItems().indexOf(a100) + 1);
        robot.type(KeyCode.DOWN);
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(chips.isShowing(), "Enter closes the list");
        assertSame(next, view.model().getScenario().chip());
        assertEquals(next.name(), shown(chips));
    }
}
