package dev.ridgeline.app.explorer.tuning;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One view's design-space work off the FX thread (STYLE 10, 18): each {@link #submit} supersedes the one before,
 * which stops between items and whose result is dropped (newest request wins); progress is published in steps of
 * 5 %; {@link #cancel} stops the work under way and keeps the last result. Properties change on the publisher (the FX
 * thread in the window).
 *
 * @param <R> the result
 */
public final class Job<R> {
    /** The work: checks {@code stop} between items and reports its progress 0..1. */
    public interface Work<R> {
        R compute(BooleanSupplier stop, DoubleConsumer progress);
    }

    private final TuningRunner runner;
    private final Function<R, String> describe;
    private final ReadOnlyObjectWrapper<R> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final AtomicLong requested = new AtomicLong();
    private final AtomicInteger progressStep = new AtomicInteger();
    private volatile long cancelled = -1;

    /** @param describe the status line for a result ("16 knobs"); the time taken is appended */
    public Job(TuningRunner runner, Function<R, String> describe) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.describe = Objects.requireNonNull(describe, "describe");
    }

    /** Starts {@code work}; the work under way, if any, stops and its result is dropped (FX thread). */
    public void submit(Work<R> work) {
        long id = requested.incrementAndGet();
        progressStep.set(-1);
        running.set(true);
        progress.set(0);
        runner.coordinator().execute(() -> {
            if (stale(id)) {
                runner.publisher().execute(() -> publish(id, null, 0, true));
                return;
            }
            long start = System.nanoTime();
            R r;
            try {
                r = work.compute(() -> stale(id), p -> progress(id, p));
            } catch (RuntimeException e) {
                runner.publisher().execute(() -> failed(id, e));
                return;
            }
            long nanos = System.nanoTime() - start;
            boolean stopped = stale(id);
            runner.publisher().execute(() -> publish(id, r, nanos, stopped));
        });
    }

    /** Stops the work under way; the last result stays. */
    public void cancel() {
        cancelled = requested.get();
    }

    /** Drops whatever is under way for good (the view is going away). */
    public void dispose() {
        requested.incrementAndGet();
    }

    public ReadOnlyObjectProperty<R> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public R getResult() {
        return result.get();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** What the last result covered and how long it took, or that it was cancelled or failed. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    private boolean stale(long id) {
        return id != requested.get() || id == cancelled;
    }

    private void progress(long id, double fraction) {
        int step = (int) (fraction * 20);
        int before = progressStep.get();
        if (step > before && progressStep.compareAndSet(before, step)) {
            runner.publisher().execute(() -> {
                if (id == requested.get()) {
                    progress.set(fraction);
                }
            });
        }
    }

    private void publish(long id, R r, long nanos, boolean stopped) {
        if (id != requested.get()) {
            return; // a newer request is under way: it wins
        }
        running.set(false);
        if (stopped) {
            status.set(result.get() == null ? "Cancelled." : "Cancelled; the result shown is the previous one.");
            return;
        }
        progress.set(1);
        status.set(describe.apply(r) + String.format(java.util.Locale.ROOT, ", %.0f ms", nanos / 1e6));
        result.set(r);
    }

    private void failed(long id, RuntimeException e) {
        if (id != requested.get()) {
            return;
        }
        running.set(false);
        status.set("Failed: " + e.getMessage());
    }
}
