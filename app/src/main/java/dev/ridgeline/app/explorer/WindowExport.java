package dev.ridgeline.app.explorer;

import dev.ridgeline.app.explorer.tuning.TuningRunner;
import dev.ridgeline.app.export.ChartExport;
import dev.ridgeline.app.export.HeadlessFx;
import dev.ridgeline.app.export.ImageExport;
import dev.ridgeline.app.export.ViewKind;
import dev.ridgeline.engine.model.Checks;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Executor;
import javafx.scene.Scene;

/**
 * The whole window as a picture: the explorer built headless on the JavaFX toolkit (Monocle, software rendering, no
 * display) and snapshotted. The one export that needs the toolkit; every chart alone is a {@link ChartExport}.
 */
public final class WindowExport {
    private WindowExport() {
    }

    /** The index of side tab {@code name} (results, chip, balance, sensitivity, target); throws naming {@code flag}. */
    public static int sideTab(String flag, String name) {
        int index = ExplorerView.SIDE_TABS.indexOf(name.toLowerCase(Locale.ROOT));
        if (index < 0) {
            throw new IllegalArgumentException(flag + ": bad value " + Checks.quote(name) + " (expected "
                    + String.join(", ", ExplorerView.SIDE_TABS) + ")");
        }
        return index;
    }

    /**
     * Writes the window showing {@code q} (A pinned when given, the targets and the map's fields as asked) with side tab
     * {@code tab} to {@code out}; the tuning views compute on {@code threads} tasks of {@code sweep}.
     */
    public static void write(ChartExport.Request q, int tab, Path out, int width, int height, Executor sweep, int threads)
            throws Exception {
        // the FX thread waits for the sensitivity and the map (nothing else to draw), computed on every core
        TuningRunner tuning = new TuningRunner(Runnable::run, sweep, threads, Runnable::run);
        HeadlessFx.call(() -> {
            ExplorerView v = Explorer.headlessView(q.pinned() != null ? q.pinned() : q.scenario(), tuning);
            try {
                if (q.pinned() != null) {
                    v.model().pin();
                    v.model().setScenario(q.scenario());
                }
                new Scene(v, width, height - ImageExport.footerHeight(ViewExport.footer(v, ViewKind.WINDOW), width));
                v.frontier().model().targetProperty().set(q.targetTps());
                v.tuning().inputs().targetTpsProperty().set(q.targetTps());
                v.tuning().inputs().objectiveProperty().set(q.objective());
                v.tuning().map().setFields(q.mapX(), q.mapY());
                v.sideTabs().getSelectionModel().select(tab);
                ViewExport.write(v, ViewKind.WINDOW, out, width, height);
            } finally {
                v.dispose();
            }
            return null;
        });
    }
}
