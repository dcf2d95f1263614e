package dev.ridgeline.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Tooltips made on the first hover: none before it, the same text after it, and shown as a tooltip is. */
@ExtendWith(ApplicationExtension.class)
class TipsTest {
    private final Button button = new Button("Pin");
    private final Region tile = new Region();
    private final Tab tab = new Tab("Chip");
    private final TabPane tabs = new TabPane(new Tab("Results"), tab);

    @Start
    void start(Stage stage) {
        Tips.set(button, "Keep the current result as A.");
        tile.setMinSize(200, 60);
        Tips.install(tile, "HBM of one card.");
        Tips.set(tab, "Edit every field of the chip.");
        tabs.setMinHeight(80);
        stage.setScene(new Scene(new VBox(20, button, tile, tabs), 400, 300));
        stage.show();
    }

    @Test
    void noTooltipIsMadeBeforeThePointerEntersButItsTextIsThere(FxRobot robot) {
        assertNull(button.getTooltip());
        assertNull(tab.getTooltip());
        assertNull(tile.getProperties().get("javafx.scene.control.Tooltip"), "not installed yet");
        assertEquals("Keep the current result as A.", Tips.text(button));
        assertEquals("Keep the current result as A.", button.getAccessibleHelp(), "read by a screen reader meanwhile");
        assertEquals("HBM of one card.", Tips.text(tile));
        assertEquals("Edit every field of the chip.", Tips.text(tab));
        assertNull(Tips.text(tabs), "the tab pane has no tip of its own");
    }

    @Test
    void theFirstHoverMakesTheTooltipAndItShows(FxRobot robot) throws TimeoutException {
        robot.moveTo(button);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Keep the current result as A.", button.getTooltip().getText());
        // shown after the pointer rests, as any tooltip (one second by default)
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> showing("Keep the current result as A."));

        robot.moveTo(tile);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> showing("HBM of one card."));

        robot.moveTo(tabs);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Edit every field of the chip.", tab.getTooltip().getText());
        assertTrue(Tips.text(button).equals(button.getTooltip().getText()), "the same text once made");
    }

    private static boolean showing(String text) {
        return Window.getWindows().stream().anyMatch(w -> w instanceof Tooltip && w.isShowing()
                && text.equals(((Tooltip) w).getText()));
    }
}
