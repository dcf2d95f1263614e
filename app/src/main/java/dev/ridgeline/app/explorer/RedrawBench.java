package dev.ridgeline.app.explorer;

import dev.ridgeline.app.export.HeadlessFx;
import dev.ridgeline.engine.io.Presets;
import dev.ridgeline.engine.model.Dtype;
import dev.ridgeline.engine.model.Fa3Setting;
import dev.ridgeline.engine.model.Policy;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.space.Space;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Time from a scenario edit to the window having redrawn, headless, on a shown stage: the edit itself (engine, the
 * roofline's dataset swap and canvas draw, the Gantt's draw, tiles, table) plus the CSS and layout passes of the
 * pulse that follows (measured between the scene's pre- and post-layout pulse listeners). The wait for the pulse
 * timer and the final rasterisation to pixels are not counted. Warm-up: {@link #SYNC_WARMUP} back-to-back edits,
 * then {@code warmup} edits through pulses.
 */
public final class RedrawBench {
    /** EP degrees of the explorer's space from 32 up, which every preset model can take. */
    private static final List<Integer> LARGE_EPS = Space.EXPLORER_EPS.stream().filter(e -> e >= 32).toList();
    /** p50 and p95 in milliseconds, and the number of edits measured. */
    public record Result(double p50Millis, double p95Millis, int edits) {
    }

    /** Edits run back to back before the timed ones, so that the JIT has compiled the drawing paths. */
    static final int SYNC_WARMUP = 2000;

    private final ExplorerView view;
    private final Scenario base;
    private final SplittableRandom random;
    private final double[] millis;
    private final int warmup;
    private final CompletableFuture<Result> done = new CompletableFuture<>();
    private Stage stage;
    private int index;
    private double editMillis;
    private PulseTimer layoutTimer;

    private RedrawBench(ExplorerView view, Scenario base, int warmup, int edits, long seed) {
        this.view = view;
        this.base = base;
        this.warmup = warmup;
        this.millis = new double[edits];
        this.random = new SplittableRandom(seed);
    }

    public static Result run(int warmup, int edits, long seed) throws Exception {
        CompletableFuture<Result> result = HeadlessFx.call(() -> {
            Scenario base = Presets.builtInScenario("default");
            RedrawBench bench = new RedrawBench(Explorer.headlessView(base), base, warmup, edits, seed);
            bench.start();
            return bench.done;
        });
        return result.get(10, TimeUnit.MINUTES);
    }

    private void start() {
        Scene scene = new Scene(view, 1366, 768);
        layoutTimer = PulseTimer.on(scene, ms -> record(editMillis + ms));
        stage = new Stage();
        stage.setScene(scene);
        stage.show();
        // JIT warm-up without waiting for pulses: the same edits, CSS and layout, back to back; in batches queued on the
        // FX thread, so that the call that starts the bench returns once the window is up, however loaded the machine
        Platform.runLater(() -> warm(SYNC_WARMUP));
    }

    private void warm(int remaining) {
        int batch = Math.min(remaining, 100);
        for (int i = 0; i < batch; i++) {
            view.model().setScenario(randomEdit(view.model().getScenario()));
            view.applyCss();
            view.layout();
        }
        Platform.runLater(remaining > batch ? () -> warm(remaining - batch) : this::next);
    }

    private void next() {
        Scenario s = randomEdit(view.model().getScenario());
        long t0 = System.nanoTime();
        view.model().setScenario(s);
        editMillis = (System.nanoTime() - t0) / 1e6;
        layoutTimer.arm();
        Platform.requestNextPulse();
    }

    private void record(double ms) {
        if (index >= warmup) {
            millis[index - warmup] = ms;
        }
        index++;
        if (index < warmup + millis.length) {
            Platform.runLater(this::next);
            return;
        }
        stage.close();
        view.dispose();
        done.complete(new Result(EditBench.percentile(millis, 0.50), EditBench.percentile(millis, 0.95), millis.length));
    }

    /** One random edit of the kind a user makes: one control at a time. */
    private Scenario randomEdit(Scenario s) {
        switch (random.nextInt(6)) {
            case 0: return s.withBatch(1 + random.nextInt(256));
            case 1: return s.withEp(LARGE_EPS.get(random.nextInt(LARGE_EPS.size())));
            case 2: return s.withContext(1024 << random.nextInt(5));
            case 3: return s.withPolicy(random.nextBoolean() ? Policy.NAIVE : Policy.DUAL_MICRO_BATCH);
            case 4: return s.withFa3(Fa3Setting.values()[random.nextInt(Fa3Setting.values().length)]);
            default: return s.withMtp(random.nextInt(3), base.mtpAcceptance()).withKvDtype(random.nextBoolean() ? Dtype.FP8 : Dtype.BF16);
        }
    }
}
