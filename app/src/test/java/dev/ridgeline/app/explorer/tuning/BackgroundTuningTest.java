package dev.ridgeline.app.explorer.tuning;

import static dev.ridgeline.app.Names.named;

import dev.ridgeline.app.explorer.TestWindow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ridgeline.app.Engines;
import dev.ridgeline.app.explorer.ExplorerView;
import dev.ridgeline.engine.io.Presets;
import dev.ridgeline.engine.model.Chip;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.space.Sensitivity;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.jfree.data.category.CategoryDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window's own threads (a coordinator, a worker per core, results on the FX thread): a burst of chip edits while
 * the Sensitivity tab is open ends with the bars of the last edit, whatever the earlier requests did.
 */
@ExtendWith(ApplicationExtension.class)
class BackgroundTuningTest {
    @TempDir
    static Path home;

    private ExplorerView view;

    @Start
    void start(Stage stage) {
        view = new TestWindow().presets(home.resolve("presets")).tuning(TuningRunner.background()).withoutMenus().show(stage);
    }

    @Test
    void aBurstOfEditsEndsWithTheLastEditsBars(FxRobot robot) throws Exception {
        robot.clickOn(named("sensitivityTab"));
        Chip h800 = Presets.builtInScenario("default").chip();
        for (int gbps = 3000; gbps <= 3800; gbps += 200) {
            Chip edited = h800.withHbmBandwidth(gbps * 1e9).asEdited();
            robot.interact(() -> view.chipEditor().chipProperty().set(edited));
        }
        Scenario last = view.model().getScenario();
        assertEquals(3800e9, last.chip().hbmBandwidthBytesPerSec(), 0.0);
        // generous: the machine's two cores are shared with other builds; the wait ends as soon as the result is in
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
            Sensitivity.Result r = view.tuning().sensitivity().result();
            return r != null && r.scenario().equals(last);
        });
        WaitForAsyncUtils.waitForFxEvents();
        Sensitivity.Result expected = Sensitivity.compute(Engines.builtIn(), last, 20, 0.10);
        CategoryDataset up = view.tuning().sensitivity().chart().getCategoryPlot().getDataset(TornadoChart.UP);
        int rows = 0;
        for (Sensitivity.Bar b : expected.bars()) {
            int c = -1;
            for (int k = 0; k < up.getColumnCount(); k++) {
                if (up.getColumnKey(k).toString().startsWith(b.knob().name() + "\n")) {
                    c = k;
                }
            }
            if (c >= 0) {
                rows++;
                if (b.up().refused() != null) { // a step up the field cannot take draws no bar
                    assertEquals(null, up.getValue(0, c), b.knob().name());
                    assertEquals(null, up.getValue(1, c), b.knob().name());
                    continue;
                }
                assertEquals(b.up().headline() - expected.headline(), up.getValue(0, c).doubleValue(), 0.0, b.knob().name());
                assertEquals(b.up().fixed() - expected.fixed(), up.getValue(1, c).doubleValue(), 0.0, b.knob().name());
            }
        }
        assertEquals(up.getColumnCount(), rows);
    }
}
