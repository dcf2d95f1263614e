package dev.ridgeline.app.explorer;

import dev.ridgeline.engine.model.FieldId;
import dev.ridgeline.engine.model.Scenario;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.beans.value.ObservableValue;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The edit loop of the benches of background work (the frontier's and the Served view's), headless, in the window at
 * 1366x768 with one centre view shown: once the opening scenario's result is drawn, one chip edit at a time (one of
 * the bench's fields scaled by 0.6-1.6, {@link BenchWindow#scaledField}), each timed from the edit to its result drawn
 * plus the CSS and layout pass of the pulse that follows ({@link PulseTimer}), with the process's CPU time over it
 * (every thread); the next edit starts once the last is drawn, and the first {@code warmup} are not counted.
 *
 * @param <R> the bench's result
 */
abstract class EditBench<R> {
    protected final ExplorerView view;
    private final Scenario base;
    private final List<FieldId> fields;
    private final SplittableRandom random;
    private final int warmup;
    /** Each counted edit's time to drawn and laid out, and the process's CPU time over it, ms. */
    protected final double[] total;
    protected final double[] cpu;
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    private final CompletableFuture<R> done = new CompletableFuture<>();
    private Stage stage;
    private int index;
    private long cpu0;
    private long t0;
    /** The last edit's time on the FX thread, and from the edit to its result drawn, ms. */
    protected double editMillis;
    protected double drawnMillis;
    private PulseTimer layoutTimer;

    EditBench(ExplorerView view, Scenario base, List<FieldId> fields, int warmup, int edits, long seed) {
        this.view = view;
        this.base = base;
        this.fields = fields;
        this.warmup = warmup;
        this.random = new SplittableRandom(seed);
        this.total = new double[edits];
        this.cpu = new double[edits];
    }

    /**
     * Shows the window on the centre view {@code centre} and edits once {@code result} (the view's, drawn when it
     * changes) has its first value; completes with {@link #result()} after the last edit.
     */
    final CompletableFuture<R> start(String centre, ObservableValue<?> result) {
        Scene scene = new Scene(view, 1366, 768);
        layoutTimer = PulseTimer.on(scene, this::record);
        // registered after the view's own listener: runs once the new result is drawn
        result.addListener((obs, old, r) -> drawn(r));
        stage = new Stage();
        stage.setScene(scene);
        stage.show();
        view.centreTabs().getSelectionModel().select(ExplorerView.CENTRE_VIEWS.indexOf(centre));
        return done;
    }

    /** Called when a counted edit's result is drawn. */
    protected void drawnCounted(Object result) {
    }

    /** Called when counted edit {@code i} is laid out, after {@code total[i]} and {@code cpu[i]} are set. */
    protected void counted(int i, double pulseMillis) {
    }

    /** The bench's result, after the last edit. */
    protected abstract R result();

    private void next() {
        Scenario s = base.withChip(BenchWindow.scaledField(random, fields, base.chip()));
        cpu0 = os.getProcessCpuTime();
        t0 = System.nanoTime();
        view.model().setScenario(s);
        editMillis = (System.nanoTime() - t0) / 1e6;
    }

    private void drawn(Object r) {
        if (t0 == 0) {
            Platform.runLater(this::next); // the opening scenario's result is drawn: start editing
            return;
        }
        drawnMillis = (System.nanoTime() - t0) / 1e6;
        if (index >= warmup) {
            drawnCounted(r);
        }
        layoutTimer.arm();
        Platform.requestNextPulse();
    }

    private void record(double pulseMillis) {
        if (index >= warmup) {
            int i = index - warmup;
            total[i] = drawnMillis + pulseMillis;
            cpu[i] = (os.getProcessCpuTime() - cpu0) / 1e6;
            counted(i, pulseMillis);
        }
        index++;
        if (index < warmup + total.length) {
            Platform.runLater(this::next);
            return;
        }
        stage.close();
        view.dispose();
        done.complete(result());
    }

    /** The {@code q} quantile of {@code values} (nearest rank: the smallest value with at least q of them at or below). */
    static double percentile(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }
}
