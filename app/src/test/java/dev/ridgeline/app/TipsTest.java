package dev.ridgeline.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Slider;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
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
    // made in start(): a control made before the toolkit starts fails (run alone, this class is the first to start it)
    private Button button;
    private Region tile;
    private Tab tab;
    private TabPane tabs;
    private Region priced;
    private final SimpleStringProperty price = new SimpleStringProperty("$2.10 per hour");
    private Slider slider;
    private TextField field;
    private HBox row;
    private javafx.scene.control.Label status;
    private final SimpleStringProperty contrast = new SimpleStringProperty("The fidelities disagree.");

    @Start
    void start(Stage stage) {
        button = new Button("Pin");
        tile = new Region();
        tab = new Tab("Chip");
        tabs = new TabPane(new Tab("Results"), tab);
        priced = new Region();
        slider = new Slider();
        field = new TextField("64");
        row = new HBox(8, slider, field);
        Tips.set(button, "Keep the current result as A.");
        tile.setMinSize(200, 60);
        Tips.install(tile, "HBM of one card.");
        Tips.set(tab, "Edit every field of the chip.");
        tabs.setMinHeight(80);
        priced.setMinSize(200, 40);
        Tips.follow(priced, price);
        Tips.share(row, "Sequences per card.", slider, field);
        status = new javafx.scene.control.Label("The fidelities disagree.");
        Tips.followWhileSet(status, contrast);
        stage.setScene(new Scene(new VBox(20, button, tile, tabs, priced, row, status), 400, 460));
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

    @Test
    void aFollowingTipTakesTheTextItFollowsBeforeAndAfterTheFirstHover(FxRobot robot) {
        assertEquals("$2.10 per hour", priced.getAccessibleHelp());
        robot.interact(() -> price.set("$3.00 per hour"));
        assertEquals("$3.00 per hour", priced.getAccessibleHelp(), "an edit before the hover is read");
        robot.moveTo(priced);
        WaitForAsyncUtils.waitForFxEvents();
        Tooltip made = (Tooltip) priced.getProperties().get("javafx.scene.control.Tooltip");
        assertEquals("$3.00 per hour", made.getText());
        robot.interact(() -> price.set("$4.50 per hour"));
        assertEquals("$4.50 per hour", made.getText(), "and one after it");
    }

    @Test
    void aSharedTipIsOneTooltipForTheRowAndItsControls(FxRobot robot) {
        assertNull(slider.getTooltip());
        assertEquals("Sequences per card.", Tips.text(field));
        assertEquals("Sequences per card.", slider.getAccessibleHelp());
        robot.moveTo(row);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Sequences per card.", slider.getTooltip().getText());
        assertSame(slider.getTooltip(), field.getTooltip(), "one tooltip, not one per control");
        assertSame(slider.getTooltip(), row.getProperties().get("javafx.scene.control.Tooltip"));
    }

    @Test
    void aTipWhileSetIsMadeOnTheFirstHoverAndIsNoneWhileItsTextIsEmpty(FxRobot robot) throws TimeoutException {
        assertNull(status.getTooltip(), "none before the pointer comes");
        assertEquals("The fidelities disagree.", status.getAccessibleHelp());
        robot.moveTo(status);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("The fidelities disagree.", status.getTooltip().getText());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> showing("The fidelities disagree."));
        robot.interact(() -> contrast.set(""));
        assertNull(status.getTooltip(), "no empty tooltip while the fidelities agree");
        robot.interact(() -> contrast.set("They disagree again."));
        assertEquals("They disagree again.", status.getTooltip().getText());
        assertEquals("They disagree again.", status.getAccessibleHelp());
    }

    private static boolean showing(String text) {
        return Window.getWindows().stream().anyMatch(w -> w instanceof Tooltip && w.isShowing()
                && text.equals(((Tooltip) w).getText()));
    }
}
