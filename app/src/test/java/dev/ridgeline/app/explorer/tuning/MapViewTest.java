package dev.ridgeline.app.explorer.tuning;

import static dev.ridgeline.app.Names.named;

import dev.ridgeline.app.explorer.TestWindow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.app.Engines;
import dev.ridgeline.app.explorer.ExplorerView;
import dev.ridgeline.engine.io.Catalog;
import dev.ridgeline.engine.io.Presets;
import dev.ridgeline.engine.model.Chip;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.space.FieldMap;
import dev.ridgeline.engine.space.Sensitivity;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import javafx.stage.Stage;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYZDataset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Map view in the real window: a 41 × 41 grid whose cell at the current chip is the headline (computed here by the
 * engine), shown in the note; every catalogue chip marked or named as outside; recomputed around an edited chip.
 * The map's cells compute on a pool (the FX thread waits), as the export does.
 */
@ExtendWith(ApplicationExtension.class)
class MapViewTest {
    @TempDir
    static Path home;

    private static final ExecutorService POOL = TestWindow.pool("map-test");
    private final Catalog catalog = Presets.builtIn();
    private ExplorerView view;

    @Start
    void start(Stage stage) {
        view = new TestWindow().catalog(catalog).presets(home.resolve("presets")).tuning(new TuningRunner(Runnable::run, POOL, 2, Runnable::run)).withoutMenus().show(stage);
    }

    @AfterAll
    static void stopPool() {
        POOL.shutdownNow();
    }

    @Test
    void theCellAtTheCurrentChipIsTheHeadlineAndAChipEditRecentresTheMap(FxRobot robot) {
        robot.clickOn(named("mapTab"));
        WaitForAsyncUtils.waitForFxEvents();
        Scenario s = Presets.builtInScenario("default");
        assertCurrentCellIsTheHeadline(s, 3350, 1979);
        assertEveryCatalogueChipIsMarkedOrNamed(s);

        Chip edited = s.chip().withHbmBandwidth(4000e9).asEdited(); // as the chip editor sets a field
        robot.interact(() -> view.chipEditor().chipProperty().set(edited));
        WaitForAsyncUtils.waitForFxEvents();
        assertCurrentCellIsTheHeadline(s.withChip(edited), 4000, 1979);
    }

    private void assertCurrentCellIsTheHeadline(Scenario s, double hbmGBps, double fp8Tflops) {
        FieldMap.Result r = view.tuning().map().result();
        assertEquals(s, r.scenario());
        assertEquals(FieldMap.DEFAULT_CELLS, r.xs().length);
        assertEquals(FieldMap.DEFAULT_CELLS, r.ys().length);
        int middle = FieldMap.DEFAULT_CELLS / 2;
        assertEquals(hbmGBps, r.xs()[middle], 0.0);
        assertEquals(fp8Tflops, r.ys()[middle], 0.0);
        double headline = Sensitivity.headline(Engines.builtIn(), s, 20);
        assertTrue(headline > 0);
        assertEquals(headline, r.headline()[middle][middle], 0.0);
        // the heat map draws that cell with that value
        XYZDataset heat = (XYZDataset) view.tuning().map().chart().getXYPlot().getDataset(MapChart.HEAT);
        int item = middle * r.xs().length + middle;
        assertEquals(hbmGBps, heat.getXValue(0, item), 0.0);
        assertEquals(fp8Tflops, heat.getYValue(0, item), 0.0);
        assertEquals(headline, heat.getZValue(0, item), 0.0);
        String note = view.tuning().map().noteText();
        assertTrue(note.startsWith(String.format(Locale.ROOT, "%s (%,.0f GB/s, %,.0f TFLOPS): %,.0f tokens/s per card at ≥ 20",
                s.chip().name(), hbmGBps, fp8Tflops, headline)), note);
    }

    private void assertEveryCatalogueChipIsMarkedOrNamed(Scenario s) {
        XYPlot plot = view.tuning().map().chart().getXYPlot();
        XYDataset marks = plot.getDataset(MapChart.MARKS);
        String note = view.tuning().map().noteText();
        for (Chip c : catalog.chips()) {
            double x = c.hbmBandwidthBytesPerSec() / 1e9;
            double y = c.fp8FlopsPerSec() / 1e12;
            if (x == 3350 && y == 1979) {
                continue; // at the current chip's place
            }
            boolean marked = false;
            for (int i = 0; i < marks.getItemCount(1); i++) {
                marked |= marks.getXValue(1, i) == x && marks.getYValue(1, i) == y;
            }
            assertTrue(marked || note.contains(c.name()), c.name() + " neither marked nor named in: " + note);
            boolean inside = x >= plot.getDomainAxis().getLowerBound() && x <= plot.getDomainAxis().getUpperBound()
                    && y >= plot.getRangeAxis().getLowerBound() && y <= plot.getRangeAxis().getUpperBound();
            assertEquals(inside, marked, c.name() + " marked exactly when inside the axes");
        }
    }
}
