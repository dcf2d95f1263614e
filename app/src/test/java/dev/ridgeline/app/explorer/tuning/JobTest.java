package dev.ridgeline.app.explorer.tuning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Newest request wins, cancel keeps the last result, a failure is said: a job driven by a hand-run queue. */
class JobTest {
    private final Deque<Runnable> queue = new ArrayDeque<>();
    private final TuningRunner runner = new TuningRunner(queue::add, Runnable::run, 1, Runnable::run);
    private final Job<String> job = new Job<>(runner, r -> "done " + r);

    private void runQueue() {
        while (!queue.isEmpty()) {
            queue.poll().run();
        }
    }

    @Test
    void aNewerRequestSupersedesOneNotYetStartedAndOnlyItsResultIsShown() {
        AtomicInteger ran = new AtomicInteger();
        job.submit((stop, progress) -> {
            ran.incrementAndGet();
            return "first";
        });
        job.submit((stop, progress) -> "second");
        assertTrue(job.runningProperty().get());
        runQueue();
        assertEquals(0, ran.get(), "the superseded work never ran");
        assertEquals("second", job.getResult());
        assertFalse(job.runningProperty().get());
        assertEquals(1.0, job.progressProperty().get());
        assertTrue(job.statusProperty().get().startsWith("done second, "), job.statusProperty().get());
    }

    @Test
    void workSupersededWhileRunningStopsAndItsResultIsDropped() {
        job.submit((stop, progress) -> "shown");
        runQueue();
        job.submit((stop, progress) -> {
            job.submit((s, p) -> "newest"); // an edit arrives while this runs
            return stop.getAsBoolean() ? "partial" : "complete";
        });
        runQueue();
        assertEquals("newest", job.getResult());
    }

    @Test
    void cancelKeepsTheLastResultAndSaysSo() {
        job.submit((stop, progress) -> "shown");
        runQueue();
        job.submit((stop, progress) -> {
            progress.accept(0.5);
            job.cancel(); // the user presses Cancel half way
            return stop.getAsBoolean() ? "partial" : "complete";
        });
        runQueue();
        assertEquals("shown", job.getResult());
        assertFalse(job.runningProperty().get());
        assertEquals("Cancelled; the result shown is the previous one.", job.statusProperty().get());
        assertEquals(0.5, job.progressProperty().get(), 0.0);
    }

    @Test
    void aFailureIsSaidAndTheLastResultStays() {
        job.submit((stop, progress) -> {
            throw new IllegalStateException("no deployment fits");
        });
        runQueue();
        assertNull(job.getResult());
        assertFalse(job.runningProperty().get());
        assertEquals("Failed: no deployment fits", job.statusProperty().get());
    }
}
