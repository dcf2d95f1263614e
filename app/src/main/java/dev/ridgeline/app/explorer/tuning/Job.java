package dev.ridgeline.app.explorer.tuning;

import dev.ridgeline.app.NewestWins;
import java.util.Locale;
import java.util.Objects;
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
 * One view's design-space work off the FX thread, run by a {@link NewestWins}: each {@link #submit} supersedes the one
 * before, which stops between items and whose partial result is dropped; progress is published in steps of 5 %;
 * {@link #cancel} stops the work under way and keeps the last result. Properties change on the publisher (the FX
 * thread in the window).
 *
 * @param <R> the result
 */
public final class Job<R> {
    /** The work: checks {@code stop} between items and reports its progress 0..1. */
    public interface Work<R> extends NewestWins.Work<R> {
    }

    private final NewestWins runs;
    private final Function<R, String> describe;
    private final ReadOnlyObjectWrapper<R> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final NewestWins.Delivery<R> delivery = new NewestWins.Delivery<>() {
        @Override
        public void result(R r, boolean stopped, long nanos, boolean newest) {
            if (newest) {
                running.set(false);
            }
            if (stopped) {
                status.set(result.get() == null ? "Cancelled." : "Cancelled; the result shown is the previous one.");
                return;
            }
            if (newest) {
                progress.set(1);
            }
            status.set(describe.apply(r) + String.format(Locale.ROOT, ", %.0f ms", nanos / 1e6));
            result.set(r);
        }

        @Override
        public void failed(RuntimeException e, boolean newest) {
            if (newest) {
                running.set(false);
            }
            status.set("Failed: " + e.getMessage());
        }

        @Override
        public void progress(double fraction) {
            progress.set(fraction);
        }
    };

    /** @param describe the status line for a result ("16 knobs"); the time taken is appended */
    public Job(TuningRunner runner, Function<R, String> describe) {
        Objects.requireNonNull(runner, "runner");
        this.runs = new NewestWins(runner.coordinator(), runner.publisher());
        this.describe = Objects.requireNonNull(describe, "describe");
    }

    /** Starts {@code work}; the work under way, if any, stops and its result is dropped (FX thread). */
    public void submit(Work<R> work) {
        running.set(true);
        progress.set(0);
        runs.submit(work, delivery);
    }

    /** Stops the work under way; the last result stays. */
    public void cancel() {
        runs.cancel();
    }

    /** Drops whatever is under way for good (the view is going away). */
    public void dispose() {
        runs.dispose();
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
}
