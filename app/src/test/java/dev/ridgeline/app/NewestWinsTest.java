package dev.ridgeline.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The semantics of the window's one background runner, with hand-driven queues for the worker and the publisher so
 * each test decides when, and in which order, work runs and results arrive.
 */
class NewestWinsTest {
    /** Queues tasks; a test runs them in the order it wants. */
    private static final class Queued implements Executor {
        final Deque<Runnable> tasks = new ArrayDeque<>();

        @Override
        public void execute(Runnable task) {
            tasks.add(task);
        }

        void runAll() {
            while (!tasks.isEmpty()) {
                tasks.poll().run();
            }
        }

        void runNewestFirst() {
            while (!tasks.isEmpty()) {
                tasks.pollLast().run();
            }
        }
    }

    private final Queued worker = new Queued();
    private final Queued publisher = new Queued();
    private final NewestWins runs = new NewestWins(worker, publisher);
    /** What was delivered, in order: "result R", "stopped R", "failed MESSAGE", with " (older)" when not newest. */
    private final List<String> delivered = new ArrayList<>();
    private final List<Double> progress = new ArrayList<>();

    private final NewestWins.Delivery<String> log = new NewestWins.Delivery<>() {
        @Override
        public void result(String r, boolean stopped, long nanos, boolean newest) {
            delivered.add((stopped ? "stopped " : "result ") + r + (newest ? "" : " (older)"));
        }

        @Override
        public void failed(RuntimeException e, boolean newest) {
            delivered.add("failed " + e.getMessage() + (newest ? "" : " (older)"));
        }

        @Override
        public void progress(double fraction) {
            progress.add(fraction);
        }
    };

    private void submit(String value) {
        runs.submit((stop, p) -> value, log);
    }

    @Test
    void aNewerRequestSupersedesAnOlderOneStillPending() {
        AtomicInteger ran = new AtomicInteger();
        runs.submit((stop, p) -> {
            ran.incrementAndGet();
            return "first";
        }, log);
        submit("second");
        worker.runAll();
        publisher.runAll();
        assertEquals(0, ran.get(), "the superseded request never ran");
        assertEquals(List.of("result second"), delivered);
    }

    @Test
    void aStaleResultIsNeverDeliveredAfterANewerOne() {
        // both run (each before the next request), then their results reach the publisher newest first
        submit("first");
        worker.runAll();
        submit("second");
        worker.runAll();
        publisher.runNewestFirst();
        assertEquals(List.of("result second"), delivered, "the first's result arrived after the second's: dropped");
    }

    @Test
    void aCompleteOlderResultIsShownWhileTheNewerOneRunsButFlaggedOlder() {
        submit("first");
        worker.runAll();
        submit("second"); // asked after the first completed, before its result reached the publisher
        publisher.runAll();
        worker.runAll();
        publisher.runAll();
        assertEquals(List.of("result first (older)", "result second"), delivered);
    }

    @Test
    void workSupersededWhileRunningSeesStopAndItsPartialResultIsDropped() {
        submit("shown");
        worker.runAll();
        publisher.runAll();
        List<Boolean> stopSeen = new ArrayList<>();
        runs.submit((stop, p) -> {
            submit("newest"); // an edit arrives while this runs
            stopSeen.add(stop.getAsBoolean());
            return "partial";
        }, log);
        worker.runAll();
        publisher.runAll();
        assertEquals(List.of(true), stopSeen);
        assertEquals(List.of("result shown", "result newest"), delivered);
    }

    @Test
    void anErrorIsDeliveredOnceAndNotAfterANewerResult() {
        runs.submit((stop, p) -> {
            throw new IllegalStateException("no deployment fits");
        }, log);
        worker.runAll();
        publisher.runAll();
        publisher.runAll(); // nothing more queued: once
        assertEquals(List.of("failed no deployment fits"), delivered);

        delivered.clear();
        runs.submit((stop, p) -> {
            throw new IllegalStateException("late");
        }, log);
        worker.runAll();
        submit("newer");
        worker.runAll();
        publisher.runNewestFirst(); // the newer result arrives first; the older failure after it is dropped
        assertEquals(List.of("result newer"), delivered);
    }

    @Test
    void cancelStopsTheNewestRequestWhichIsDeliveredAsStopped() {
        submit("shown");
        worker.runAll();
        publisher.runAll();
        runs.submit((stop, p) -> {
            runs.cancel(); // the user presses Cancel half way
            return stop.getAsBoolean() ? "partial" : "complete";
        }, log);
        worker.runAll();
        publisher.runAll();
        assertEquals(List.of("result shown", "stopped partial"), delivered);

        submit("pending");
        runs.cancel(); // cancelled before it started: it never runs
        worker.runAll();
        publisher.runAll();
        assertEquals(List.of("result shown", "stopped partial", "stopped null"), delivered);
    }

    @Test
    void progressComesInStepsOfFivePercentForTheNewestRequestOnly() {
        runs.submit((stop, p) -> {
            for (int i = 0; i <= 100; i++) {
                p.accept(i / 100.0);
            }
            return "done";
        }, log);
        worker.runAll();
        publisher.runAll();
        assertEquals(21, progress.size(), "0, 5, 10, ... 100 %: " + progress);
        assertEquals(1.0, progress.get(20), 0.0);

        progress.clear();
        runs.submit((stop, p) -> {
            submit("newer"); // superseded: its progress is no longer shown
            p.accept(0.5);
            return "old";
        }, log);
        worker.runAll();
        publisher.runAll();
        assertTrue(progress.isEmpty(), progress.toString());
    }

    @Test
    void afterDisposeNothingIsDelivered() {
        submit("asked");
        worker.runAll();
        runs.dispose();
        publisher.runAll();
        submit("after");
        worker.runAll();
        publisher.runAll();
        assertTrue(delivered.isEmpty(), delivered.toString());
    }

    @Test
    void dropAllDropsWhatWasAskedButKeepsTheRunnerUsable() {
        submit("dropped");
        runs.dropAll();
        worker.runAll();
        publisher.runAll();
        assertTrue(delivered.isEmpty(), delivered.toString());
        submit("next");
        worker.runAll();
        publisher.runAll();
        assertEquals(List.of("result next"), delivered);
        assertFalse(runs.isNewest(1));
    }
}
