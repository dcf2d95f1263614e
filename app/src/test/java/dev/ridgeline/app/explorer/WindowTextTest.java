package dev.ridgeline.app.explorer;

import static dev.ridgeline.app.Names.named;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.engine.io.Catalog;
import dev.ridgeline.engine.io.Presets;
import dev.ridgeline.engine.model.ChipField;
import java.util.List;
import java.util.stream.Collectors;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.control.skin.ComboBoxListViewSkin;
import javafx.scene.layout.GridPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Text in the window at 1366 × 768 (a common laptop screen, and the exported window's size) is shown whole: no label
 * elided ("FP8 tensor rat…") and the memory caption not cut by the edge of its panel ("free 40.8 GB of").
 */
@ExtendWith(ApplicationExtension.class)
class WindowTextTest {
    private final Catalog catalog = Presets.builtIn();
    private ExplorerView view;

    @Start
    void start(Stage stage) {
        view = new TestWindow().catalog(catalog).show(stage);
    }

    /** The text a label shows: its skin's text node, which ends in "…" when the label is too narrow for its text. */
    private static String shown(Label l) {
        return ((Text) l.lookup(".text")).getText();
    }

    @Test
    void everyChipFieldNameIsShownWhole(FxRobot robot) {
        robot.clickOn(named("chipTab"));
        WaitForAsyncUtils.waitForFxEvents();
        List<TitledPane> categories = robot.from(view.chipEditor()).lookup(".titled-pane").queryAllAs(TitledPane.class)
                .stream().toList();
        robot.interact(() -> categories.forEach(p -> p.setAnimated(false)));
        int seen = 0;
        for (TitledPane category : categories) {
            robot.interact(() -> category.setExpanded(true));
            WaitForAsyncUtils.waitForFxEvents();
            for (Node n : category.getContent().lookupAll(".label")) {
                Label l = (Label) n;
                if (l.getParent() instanceof GridPane && Integer.valueOf(0).equals(GridPane.getColumnIndex(l))) {
                    assertEquals(l.getText(), shown(l), "chip field name (the sheet's first column) in " + category.getText());
                    seen++;
                }
            }
        }
        assertEquals(ChipField.ALL.size(), seen, "every chip field has its name shown");
    }

    /**
     * What each choice in the chip sheet shows (its combo box's button cell) is whole: a calibration named in full
     * ("H800 (measured)") did not fit the editor's share of the side panel and showed as "H800 (measu…".
     */
    @Test
    void everyChipChoiceShowsItsValueWhole(FxRobot robot) {
        robot.clickOn(named("chipTab"));
        WaitForAsyncUtils.waitForFxEvents();
        List<TitledPane> categories = robot.from(view.chipEditor()).lookup(".titled-pane").queryAllAs(TitledPane.class)
                .stream().toList();
        robot.interact(() -> categories.forEach(p -> p.setAnimated(false)));
        int seen = 0;
        for (TitledPane category : categories) {
            robot.interact(() -> category.setExpanded(true));
            WaitForAsyncUtils.waitForFxEvents();
            for (Node n : category.getContent().lookupAll(".combo-box")) {
                ListCell<?> button = (ListCell<?>) ((ComboBoxListViewSkin<?>) ((ComboBox<?>) n).getSkin()).getDisplayNode();
                assertFalse(button.getText().isEmpty(), "a choice shows its value in " + category.getText());
                assertEquals(button.getText(), ((Text) button.lookup(".text")).getText(), "choice shown in " + category.getText());
                seen++;
            }
        }
        assertEquals(2, seen, "the FA3 stage mode and the calibration are choices");
    }

    @Test
    void theMemoryCaptionIsWhollyInViewOnTheResultsTab(FxRobot robot) {
        Label caption = robot.from(view.memoryBar()).lookup(".memory-legend").queryAs(Label.class);
        assertTrue(caption.getText().contains(" of "), caption.getText());
        ScrollPane scroll = (ScrollPane) view.sideTabs().getTabs().get(0).getContent();
        Bounds viewport = scroll.localToScene(scroll.getLayoutBounds());
        Bounds text = caption.localToScene(caption.getLayoutBounds());
        assertTrue(viewport.contains(text), "caption " + text + " inside the results panel " + viewport);
        // wrapped lines, none elided: the text nodes hold the whole caption
        String drawn = caption.lookupAll(".text").stream().map(t -> ((Text) t).getText()).collect(Collectors.joining());
        assertEquals(caption.getText().replace(" ", ""), drawn.replace(" ", "").replace("\n", ""), "caption text drawn");
    }
}
