package dev.ridgeline.app.explorer;

import dev.ridgeline.app.Engines;
import dev.ridgeline.app.UserFolders;
import dev.ridgeline.app.explorer.tuning.TuningRunner;
import dev.ridgeline.app.export.HeadlessFx;
import dev.ridgeline.engine.io.Presets;
import dev.ridgeline.engine.model.Chip;
import dev.ridgeline.engine.model.ChipField;
import dev.ridgeline.engine.model.FieldId;
import dev.ridgeline.engine.model.Scenario;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import javafx.application.Platform;

/**
 * The headless window the background-work benches drive (the frontier's and the Served view's): the explorer on
 * {@code base} as the window runs it, its engine on a thread of its own ({@link ExplorerApp#ENGINE_THREAD}) that
 * hands each result to the FX thread, and a tuning runner of its own (a coordinator and one worker per core, daemon
 * threads named after the bench), built on the FX thread; {@code start} starts the bench there and returns its result,
 * awaited up to ten minutes; the threads are stopped afterwards.
 */
public final class BenchWindow {
    private BenchWindow() {
    }

    public static <R> R run(String name, Scenario base, Function<ExplorerView, CompletableFuture<R>> start)
            throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        AtomicInteger n = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(cores, r -> daemon(r, name + "-" + n.incrementAndGet()));
        ExecutorService coordinator = Executors.newSingleThreadExecutor(r -> daemon(r, name));
        ExecutorService engine = Executors.newSingleThreadExecutor(r -> daemon(r, ExplorerApp.ENGINE_THREAD));
        try {
            TuningRunner runner = new TuningRunner(coordinator, workers, cores, Platform::runLater);
            CompletableFuture<R> result = HeadlessFx.call(() -> {
                Theme.apply();
                ExplorerView view = new ExplorerView(new ExplorerModel(Engines.builtIn(), base, engine,
                        Platform::runLater), Presets.builtIn(), UserFolders.presets(), runner);
                return start.apply(view);
            });
            return result.get(10, TimeUnit.MINUTES);
        } finally {
            coordinator.shutdownNow();
            workers.shutdownNow();
            engine.shutdownNow();
        }
    }

    /** A chip edit that moves every deployment: one of {@code fields} (a chip rate or size) scaled by 0.6-1.6. */
    static Chip scaledField(SplittableRandom random, List<FieldId> fields, Chip chip) {
        ChipField field = ChipField.of(fields.get(random.nextInt(fields.size())));
        double shown = ((Number) field.shown(chip)).doubleValue();
        return field.with(chip, shown * (0.6 + random.nextDouble()));
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
