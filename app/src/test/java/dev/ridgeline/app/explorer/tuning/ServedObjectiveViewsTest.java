package dev.ridgeline.app.explorer.tuning;

import static dev.ridgeline.app.Names.named;

import dev.ridgeline.app.explorer.TestWindow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.app.Engines;
import dev.ridgeline.app.explorer.ExplorerView;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.serve.Serving;
import dev.ridgeline.engine.serve.Workload;
import dev.ridgeline.engine.space.Objective;
import dev.ridgeline.engine.space.Sensitivity;
import java.nio.file.Path;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The served objective in the window: the tornado answers for the Served view's workload, and follows its edits. */
@ExtendWith(ApplicationExtension.class)
class ServedObjectiveViewsTest {
    @TempDir
    static Path home;

    private ExplorerView view;

    @Start
    void start(Stage stage) {
        view = new TestWindow().presets(home.resolve("presets")).withoutMenus().show(stage);
    }

    @Test
    void theSensitivityOnServedSizesTheServedViewsWorkload(FxRobot robot) {
        Scenario s = view.model().getScenario();
        robot.interact(() -> view.tuning().inputs().objectiveProperty().set(Objective.SERVED));
        robot.clickOn(named("sensitivityTab"));
        WaitForAsyncUtils.waitForFxEvents();
        Sensitivity.Result r = view.tuning().sensitivity().result();
        assertEquals(Objective.SERVED, r.objective());
        assertEquals(Serving.size(Engines.builtIn(), s, Workload.DEFAULT).servedPerCard(), r.headline(), 0.0);
        assertFalse(r.bars().stream().anyMatch(b -> b.knob().costOnly()), "no price or power bar");
        String caption = view.tuning().sensitivity().captionText();
        assertTrue(caption.contains("served output tokens/s per card"), caption);
        // the Served view's workload is the objective's: an edit there re-sizes the tornado
        Workload shorter = Workload.of(1024, 256);
        robot.interact(() -> view.served().model().workloadProperty().set(shorter));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Serving.size(Engines.builtIn(), s, shorter).servedPerCard(),
                view.tuning().sensitivity().result().headline(), 0.0);
    }
}
