package dev.ridgeline.app.explorer;

import dev.ridgeline.engine.io.Presets;
import dev.ridgeline.engine.model.FieldId;
import dev.ridgeline.engine.model.Fidelity;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.serve.Served;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Time from a chip edit to the Served view redrawn (DESIGN 8: 100 ms p95 on 2 cores), headless, in the window at
 * 1366x768 with the Served tab shown and the default workload, calibrated fidelity: the edit on the FX thread, the
 * sizing on the background threads (one per core), the hop back, the pools drawn, and the CSS and layout pass of the
 * pulse that follows (as the frontier's bench counts them). Each edit scales one chip rate by 0.6-1.6, so every edit
 * re-sizes both pools; the next starts once the last is drawn.
 */
public final class ServedBench {
    /**
     * Latency percentiles (ms) and the process's CPU time per edit at the median, every thread (ms; on a machine
     * others load, it moves less than the latency does).
     */
    public record Result(double p50Millis, double p95Millis, int edits, double cpuP50Millis) {
    }

    static final List<FieldId> FIELDS = List.of(FieldId.HBM_BANDWIDTH, FieldId.FP8_RATE, FieldId.BF16_RATE, FieldId.HBM_CAPACITY);

    private final ExplorerView view;
    private final Scenario base;
    private final SplittableRandom random;
    private final int warmup;
    private final double[] total;
    private final double[] cpu;
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    private long cpu0;
    private final CompletableFuture<Result> done = new CompletableFuture<>();
    private Stage stage;
    private int index;
    private long t0;
    private double drawnMillis;
    private PulseTimer layoutTimer;

    private ServedBench(ExplorerView view, Scenario base, int warmup, int edits, long seed) {
        this.view = view;
        this.base = base;
        this.warmup = warmup;
        this.random = new SplittableRandom(seed);
        this.total = new double[edits];
        this.cpu = new double[edits];
    }

    public static Result run(int warmup, int edits, long seed) throws Exception {
        Scenario base = Presets.builtInScenario("default").withFidelity(Fidelity.physical());
        return BenchWindow.run("bench-served", base, view -> {
            ServedBench bench = new ServedBench(view, base, warmup, edits, seed);
            bench.start();
            return bench.done;
        });
    }

    private void start() {
        Scene scene = new Scene(view, 1366, 768);
        layoutTimer = PulseTimer.on(scene, this::record);
        // registered after the view's own listener: runs once the new pools are drawn
        view.served().model().job().resultProperty().addListener((obs, old, r) -> drawn(r));
        stage = new Stage();
        stage.setScene(scene);
        stage.show();
        view.centreTabs().getSelectionModel().select(ExplorerView.CENTRE_VIEWS.indexOf("served"));
    }

    private void next() {
        cpu0 = os.getProcessCpuTime();
        t0 = System.nanoTime();
        view.model().setScenario(base.withChip(BenchWindow.scaledField(random, FIELDS, base.chip())));
    }

    private void drawn(Served r) {
        if (t0 == 0) {
            Platform.runLater(this::next); // the opening scenario is drawn: start editing
            return;
        }
        drawnMillis = (System.nanoTime() - t0) / 1e6;
        layoutTimer.arm();
        Platform.requestNextPulse();
    }

    private void record(double pulseMillis) {
        if (index >= warmup) {
            total[index - warmup] = drawnMillis + pulseMillis;
            cpu[index - warmup] = (os.getProcessCpuTime() - cpu0) / 1e6;
        }
        index++;
        if (index < warmup + total.length) {
            Platform.runLater(this::next);
            return;
        }
        stage.close();
        view.dispose();
        done.complete(new Result(percentile(total, 0.50), percentile(total, 0.95), total.length, percentile(cpu, 0.50)));
    }

    private static double percentile(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }
}
