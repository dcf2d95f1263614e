package dev.ridgeline.app.explorer;

import static dev.ridgeline.app.Names.named;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.app.Names;
import dev.ridgeline.app.explorer.tuning.TuningRunner;
import dev.ridgeline.engine.Engine;
import dev.ridgeline.engine.io.Presets;
import dev.ridgeline.engine.model.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window's start builds, styles and shows its view over a model whose engine is still being made (the preload's
 * second stage): the view shows no result until the engine arrives, then the first result in every part the first
 * frame shows, and the scenario panel's last sections join after a frame has shown it.
 */
@ExtendWith(ApplicationExtension.class)
class EngineArrivesLaterTest {
    private static final Scenario START = Presets.builtInScenario("default").withBatch(96);

    private ExplorerView view;
    private Scene scene;

    @Start
    void start(Stage stage) throws Exception {
        Theme.apply();
        ExplorerModel model = ExplorerModel.awaitingEngine(START, Runnable::run, Runnable::run);
        Path presets = Files.createTempDirectory("ridgeline-test-presets");
        presets.toFile().deleteOnExit();
        view = new ExplorerView(model, Presets.builtIn(), presets, TuningRunner.callingThread());
        scene = new Scene(Explorer.withMenus(view, null), 1366, 768);
        stage.setScene(scene);
        scene.getRoot().applyCss(); // styled before the engine is there, as the window's start may
        stage.show();
    }

    private String text(FxRobot robot, String id) {
        return robot.lookup(named(id)).queryAs(Label.class).getText();
    }

    @Test
    void theResultShowsOnceTheEngineArrives(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("–", text(robot, "tpotValue"), "no result before the engine");
        assertTrue(view.opTable().getItems().isEmpty());
        assertNull(Names.find(scene.getRoot(), "hostOverheadField"), "the last sections wait for a frame with a result");
        Engine engine = dev.ridgeline.app.Engines.builtIn();
        ExplorerModel.Evaluated first = ExplorerModel.Evaluated.of(engine, START);
        robot.interact(() -> view.model().start(engine, first));
        assertNotEquals("–", text(robot, "tpotValue"));
        assertEquals(first.evaluation().ops().size() + first.evaluation().stepOps().size(), view.opTable().getItems().size(),
                "the op table lists every op");
        assertTrue(text(robot, "summaryLabel").contains("/ B96 /"), text(robot, "summaryLabel"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Names.find(scene.getRoot(), "hostOverheadField") != null);
    }
}
