package dev.ridgeline.app.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.engine.io.Presets;
import dev.ridgeline.engine.model.Chip;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Starts the real application as {@code ./ridgeline} does, with a user folder holding one good and one bad preset. */
class ExplorerAppTest {
    @TempDir
    Path home;

    private String userHome;
    private javafx.application.Application app;

    @AfterEach
    void tearDown() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app); // stops the engine thread
        }
        FxToolkit.cleanupStages();
        if (userHome != null) {
            System.setProperty("user.home", userHome);
        }
    }

    @Test
    void startsOnTheDefaultScenarioWithUserPresetsAndNamesTheBrokenOne() throws Exception {
        Stage primary = FxToolkit.registerPrimaryStage(); // the toolkit starts (and unpacks its natives) first
        Path chips = Files.createDirectories(home.resolve(".ridgeline/presets/chips"));
        Presets.saveUserChip(home.resolve(".ridgeline/presets"), Presets.builtIn().chip("H800").withName("My H800").withHbmBandwidth(5e12));
        Files.writeString(chips.resolve("broken.json"), "{\"schemaVersion\": 1}");
        userHome = System.getProperty("user.home");
        System.setProperty("user.home", home.toString());
        if (System.getenv("RIDGELINE_HOME") != null) {
            return; // the user folder is fixed by the environment: nothing to check here
        }
        app = FxToolkit.setupApplication(ExplorerApp.class);
        WaitForAsyncUtils.waitForFxEvents();
        FxRobot robot = new FxRobot();
        // the engine runs on its own thread: wait for the first result to reach the tiles
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                () -> !"–".equals(robot.lookup("#tpotValue").queryAs(Label.class).getText()));
        assertTrue(primary.getTitle().startsWith("Ridgeline"), primary.getTitle());
        assertTrue(robot.lookup("#summaryLabel").queryAs(Label.class).getText().startsWith("DeepSeek-V3 / H800 / CX7 / EP144"));
        @SuppressWarnings("unchecked")
        ComboBox<Chip> picker = robot.lookup("#chipChoice").queryAs(ComboBox.class);
        assertTrue(picker.getItems().stream().anyMatch(c -> c.name().equals("My H800")), "the user's chip is offered");
        Label notice = robot.lookup("#noticeLabel").queryAs(Label.class);
        assertTrue(notice.isVisible());
        assertTrue(notice.getText().startsWith("1 user preset(s) skipped: ") && notice.getText().contains("broken.json"),
                notice.getText());
        assertEquals(1, notice.getText().lines().count());
    }
}
