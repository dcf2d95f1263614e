package dev.ridgeline.app.explorer;

import static dev.ridgeline.app.Names.named;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ridgeline.engine.io.Presets;
import dev.ridgeline.engine.model.Chip;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Starts the real application as {@code ./ridgeline} does (engine on its own thread), with a user folder in a
 * temporary home: user presets, a broken one, and the scenario kept from the last session.
 */
class ExplorerAppTest {
    @TempDir
    Path home;

    private final FxRobot robot = new FxRobot();
    private String userHome;
    private Stage primary;
    private Application app;

    @BeforeEach
    void setUp() throws Exception {
        assumeTrue(System.getenv("RIDGELINE_HOME") == null, "the user folder is fixed by RIDGELINE_HOME");
        primary = FxToolkit.registerPrimaryStage(); // the toolkit starts (and unpacks its natives) before HOME moves
        userHome = System.getProperty("user.home");
        System.setProperty("user.home", home.toString());
    }

    @AfterEach
    void tearDown() throws Exception {
        stop();
        FxToolkit.cleanupStages();
        if (userHome != null) {
            System.setProperty("user.home", userHome);
        }
    }

    private void start() throws Exception {
        app = FxToolkit.setupApplication(ExplorerApp.class);
        // the engine runs on its own thread: wait for the first result to reach the tiles
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> !"–".equals(robot.lookup(named("tpotValue")).queryAs(Label.class).getText()));
    }

    private void stop() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app); // Application.stop: keeps the scenario, stops the engine thread
            app = null;
        }
    }

    private String summary() {
        return robot.lookup(named("summaryLabel")).queryAs(Label.class).getText();
    }

    private Label notice() {
        return robot.lookup(named("noticeLabel")).queryAs(Label.class);
    }

    @Test
    void startsOnTheDefaultScenarioWithUserPresetsAndNamesTheBrokenOne() throws Exception {
        Path chips = Files.createDirectories(home.resolve(".ridgeline/presets/chips"));
        Presets.saveUserChip(home.resolve(".ridgeline/presets"), Presets.builtIn().chip("H800").withName("My H800").withHbmBandwidth(5e12));
        Files.writeString(chips.resolve("broken.json"), "{\"schemaVersion\": 1}");
        start();
        assertTrue(primary.getTitle().startsWith("Ridgeline"), primary.getTitle());
        assertTrue(summary().startsWith("DeepSeek-V3 / H800 / CX7 / EP144 / B128"), summary());
        @SuppressWarnings("unchecked")
        ComboBox<Chip> picker = robot.lookup(named("chipChoice")).queryAs(ComboBox.class);
        assertTrue(picker.getItems().stream().anyMatch(c -> c.name().equals("My H800")), "the user's chip is offered");
        assertTrue(notice().isVisible());
        assertTrue(notice().getText().startsWith("Skipped at start: ") && notice().getText().contains("broken.json"),
                notice().getText());
        assertTrue(notice().getTooltip().getText().contains("broken.json"), "the whole text is the tooltip");
        assertTrue(!notice().getText().contains("more)"), "one problem: no '(+N more)'");
    }

    @Test
    void opensOnTheScenarioItClosedOn() throws Exception {
        start();
        robot.doubleClickOn(named("batchField")).eraseText(6).write("64").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> summary().contains("/ B64 /"));
        stop();
        Path last = home.resolve(".ridgeline/last-scenario.json");
        assertEquals(64, Presets.readScenario(last, Presets.builtIn()).batchPerCard());
        start();
        assertTrue(summary().contains("/ B64 /"), summary());
        assertTrue(!notice().isVisible());
    }

    @Test
    void aBrokenLastScenarioIsNamedAndTheDefaultOpens() throws Exception {
        Files.createDirectories(home.resolve(".ridgeline"));
        Files.writeString(home.resolve(".ridgeline/last-scenario.json"), "{ not json");
        start();
        assertTrue(summary().contains("/ B128 /"), summary());
        assertTrue(notice().getText().startsWith("Skipped at start: Last session's scenario not restored: ")
                && notice().getText().contains("last-scenario.json"), notice().getText());
    }
}
