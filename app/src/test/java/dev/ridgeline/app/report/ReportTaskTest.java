package dev.ridgeline.app.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.app.Engines;
import dev.ridgeline.app.explorer.Explorer;
import dev.ridgeline.app.explorer.ExplorerMenu;
import dev.ridgeline.app.export.HeadlessFx;
import dev.ridgeline.engine.io.Presets;
import dev.ridgeline.engine.model.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.concurrent.Worker;
import javafx.scene.control.MenuItem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/** The window's report runs in the background with progress, stops when cancelled and never half-writes a file. */
class ReportTaskTest {
    static final Scenario DEFAULT = Presets.builtInScenario("default");

    @TempDir
    Path dir;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private static ReportTask task(Path out) {
        return new ReportTask(Engines.builtIn(), ReportExport.request(DEFAULT, null, 20, Presets.builtIn(), out), out);
    }

    /** Runs the task on its own thread and waits until it leaves the running states. */
    private static Worker.State runToEnd(ReportTask task) throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        HeadlessFx.call(() -> {
            task.stateProperty().addListener((o, was, now) -> {
                if (now == Worker.State.SUCCEEDED || now == Worker.State.CANCELLED || now == Worker.State.FAILED) {
                    done.countDown();
                }
            });
            return null;
        });
        Thread t = new Thread(task, "test-report");
        t.setDaemon(true);
        t.start();
        assertTrue(done.await(120, TimeUnit.SECONDS), "the report did not finish");
        t.join(10_000);
        return HeadlessFx.call(task::getState);
    }

    @Test
    void aFinishedReportHasFullProgressAndItsFile() throws Exception {
        Path out = dir.resolve("review.html");
        ReportTask task = task(out);
        assertEquals(Worker.State.SUCCEEDED, runToEnd(task));
        assertEquals(1.0, HeadlessFx.call(task::getProgress), 0.0);
        assertTrue(Files.readString(out).startsWith("<!DOCTYPE html>"));
    }

    @Test
    void aReportCancelledWhileBuildingLeavesTheEarlierFileAsItWas() throws Exception {
        Path out = dir.resolve("review.pdf");
        Files.writeString(out, "earlier report");
        ReportTask task = task(out);
        // cancel at the first step the window shows while the engine works (the steps take 0.1-0.5 s each, so the FX
        // thread sees at least one of them before "Writing")
        HeadlessFx.call(() -> {
            task.messageProperty().addListener((o, was, now) -> {
                if (!now.isEmpty() && !now.startsWith("Writ")) {
                    task.cancel();
                }
            });
            return null;
        });
        assertEquals(Worker.State.CANCELLED, runToEnd(task));
        assertEquals("earlier report", Files.readString(out));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary or partial file is left beside it");
        }
    }

    @Test
    void theFileMenuOffersTheReport() throws Exception {
        boolean offered = HeadlessFx.call(() -> {
            var view = Explorer.headlessView(DEFAULT);
            try {
                return new ExplorerMenu(view, Presets.builtIn()).menuBar().getMenus().get(0).getItems().stream()
                        .map(MenuItem::getText).anyMatch("Export review re_port…"::equals);
            } finally {
                view.dispose();
            }
        });
        assertTrue(offered);
    }
}
