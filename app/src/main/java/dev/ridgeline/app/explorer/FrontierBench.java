package dev.ridgeline.app.explorer;

import dev.ridgeline.engine.io.Presets;
import dev.ridgeline.engine.model.FieldId;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.space.Frontier;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Time from a chip edit to the frontier redrawn, headless, in the window at 1366x768 with the Frontier tab shown:
 * the edit on the FX thread (the engine, tiles and charts of the new scenario, the frontier's marker), the sweep of
 * every deployment on the background threads (one per core), the hop back to the FX thread, the frontier's dataset
 * swap and canvas draw, and the CSS and layout passes of the pulse that follows (as {@code RedrawBench} counts them;
 * the wait for the pulse timer and the rasterisation to pixels are not counted). Each edit scales one chip rate of
 * the default scenario's chip (HBM bandwidth, FP8 or BF16 tensor rate, exp2 rate) by a random factor, so every
 * edit moves the frontier and sweeps the same number of deployments; the next edit starts once it is drawn.
 */
public final class FrontierBench {
    /**
     * Latency percentiles (ms), their parts at the median, the smallest sweep measured, and the process's CPU time
     * per edit (all threads, the rasteriser's included: what the cores must do, whatever else runs on them).
     */
    public record Result(double p50Millis, double p95Millis, int edits, int minDeployments, double editP50Millis,
                         double sweepP50Millis, double hopP50Millis, double drawP50Millis, double pulseP50Millis,
                         double cpuP50Millis) {
    }

    static final List<FieldId> FIELDS = List.of(FieldId.HBM_BANDWIDTH, FieldId.FP8_RATE, FieldId.BF16_RATE, FieldId.EXP2_RATE);

    private final ExplorerView view;
    private final Scenario base;
    private final SplittableRandom random;
    private final int warmup;
    private final double[] total;
    private final double[] edit;
    private final double[] sweep;
    private final double[] hop;
    private final double[] draw;
    private final double[] pulse;
    private final double[] cpu;
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    private long cpu0;
    private final CompletableFuture<Result> done = new CompletableFuture<>();
    private Stage stage;
    private int index;
    private int minDeployments = Integer.MAX_VALUE;
    private long t0;
    private double editMillis;
    private double drawnMillis;
    private PulseTimer layoutTimer;

    private FrontierBench(ExplorerView view, Scenario base, int warmup, int edits, long seed) {
        this.view = view;
        this.base = base;
        this.warmup = warmup;
        this.random = new SplittableRandom(seed);
        total = new double[edits];
        edit = new double[edits];
        sweep = new double[edits];
        hop = new double[edits];
        draw = new double[edits];
        pulse = new double[edits];
        cpu = new double[edits];
    }

    public static Result run(int warmup, int edits, long seed) throws Exception {
        Scenario base = Presets.builtInScenario("default");
        return BenchWindow.run("bench-sweep", base, view -> {
            FrontierBench bench = new FrontierBench(view, base, warmup, edits, seed);
            bench.start();
            return bench.done;
        });
    }

    private void start() {
        Scene scene = new Scene(view, 1366, 768);
        layoutTimer = PulseTimer.on(scene, this::record);
        // registered after the view's own listener: runs once the new frontier is drawn
        view.frontier().model().resultProperty().addListener((obs, old, r) -> drawn(r));
        stage = new Stage();
        stage.setScene(scene);
        stage.show();
        view.centreTabs().getSelectionModel().select(ExplorerView.CENTRE_VIEWS.indexOf("frontier"));
    }

    private void next() {
        Scenario s = base.withChip(BenchWindow.scaledField(random, FIELDS, base.chip()));
        cpu0 = os.getProcessCpuTime();
        t0 = System.nanoTime();
        view.model().setScenario(s);
        editMillis = (System.nanoTime() - t0) / 1e6;
    }

    private void drawn(Frontier.Result r) {
        if (t0 == 0) {
            Platform.runLater(this::next); // the first frontier (the opening scenario) is drawn: start editing
            return;
        }
        drawnMillis = (System.nanoTime() - t0) / 1e6;
        if (index >= warmup) {
            minDeployments = Math.min(minDeployments, r.points().size());
        }
        layoutTimer.arm();
        Platform.requestNextPulse();
    }

    private void record(double pulseMillis) {
        if (index >= warmup) {
            int i = index - warmup;
            total[i] = drawnMillis + pulseMillis;
            edit[i] = editMillis;
            sweep[i] = view.frontier().model().lastSweepMillis();
            hop[i] = view.frontier().model().lastHopMillis();
            draw[i] = drawnMillis - editMillis - sweep[i] - hop[i];
            pulse[i] = pulseMillis;
            cpu[i] = (os.getProcessCpuTime() - cpu0) / 1e6;
        }
        index++;
        if (index < warmup + total.length) {
            Platform.runLater(this::next);
            return;
        }
        stage.close();
        view.dispose();
        done.complete(new Result(percentile(total, 0.50), percentile(total, 0.95), total.length, minDeployments,
                percentile(edit, 0.5), percentile(sweep, 0.5), percentile(hop, 0.5), percentile(draw, 0.5),
                percentile(pulse, 0.5), percentile(cpu, 0.5)));
    }

    private static double percentile(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }
}
