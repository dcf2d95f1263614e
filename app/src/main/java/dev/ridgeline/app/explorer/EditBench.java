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
    /** Each counted edit's CPU time by role ({@link ThreadCpu#ROLES}, ms) and the collectors' pause time over it, ms. */
    protected final double[][] cpuByRole;
    protected final double[] gcMillis;
    /** Each counted edit's JIT compilation time (every compiler thread), ms. */
    protected final double[] jitMillis;
    private final ThreadCpu threadCpu;
    private final CompletableFuture<R> done = new CompletableFuture<>();
    private Stage stage;
    private int index;
    private ThreadCpu.Snapshot cpu0;
    private long t0;
    /** The last edit's time on the FX thread, and from the edit to its result drawn, ms. */
    protected double editMillis;
    protected double drawnMillis;
    private PulseTimer layoutTimer;

    /** @param threads the name of the bench's background threads ({@link BenchWindow#run}) */
    EditBench(ExplorerView view, Scenario base, List<FieldId> fields, int warmup, int edits, long seed, String threads) {
        this.view = view;
        this.base = base;
        this.fields = fields;
        this.warmup = warmup;
        this.random = new SplittableRandom(seed);
        this.total = new double[edits];
        this.cpu = new double[edits];
        this.cpuByRole = new double[edits][];
        this.gcMillis = new double[edits];
        this.jitMillis = new double[edits];
        this.threadCpu = new ThreadCpu(threads);
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
        cpu0 = threadCpu.snapshot();
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
            ThreadCpu.Snapshot now = threadCpu.snapshot();
            cpu[i] = (now.processNanos() - cpu0.processNanos()) / 1e6;
            cpuByRole[i] = ThreadCpu.since(cpu0, now);
            gcMillis[i] = now.gcMillis() - cpu0.gcMillis();
            jitMillis[i] = now.jitMillis() - cpu0.jitMillis();
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
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    /** The mean of {@code values} over the edits whose total is at or above its {@code q} quantile (the slow tail). */
    protected double tailMean(double[] values, double q) {
        double cut = percentile(total, q);
        double sum = 0;
        int n = 0;
        for (int i = 0; i < total.length; i++) {
            if (total[i] >= cut) {
                sum += values[i];
                n++;
            }
        }
        return n > 0 ? sum / n : Double.NaN;
    }

    /** The mean of {@code values}. */
    static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return values.length > 0 ? sum / values.length : Double.NaN;
    }

    /** The mean of each edit's CPU time of role {@code role} ({@link ThreadCpu#ROLES}), ms. */
    protected double meanCpu(int role) {
        double sum = 0;
        for (double[] r : cpuByRole) {
            sum += r[role];
        }
        return cpuByRole.length > 0 ? sum / cpuByRole.length : Double.NaN;
    }
}
