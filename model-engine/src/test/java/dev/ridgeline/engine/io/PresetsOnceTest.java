package dev.ridgeline.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A built-in scenario is read once per process even when two threads ask at once (the launcher's presets thread and
 * the command both ask for {@code default}: each used to parse it). Tested on {@link Presets#once} with a map of its
 * own, since the process-wide map may already hold {@code default} when this test runs.
 */
class PresetsOnceTest {
    @Test
    void twoThreadsAskingTogetherShareOneReading() throws Exception {
        Map<String, FutureTask<Object>> readings = new ConcurrentHashMap<>();
        AtomicInteger reads = new AtomicInteger();
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Object> first = CompletableFuture.supplyAsync(() -> Presets.once(readings, "default", () -> {
            reads.incrementAndGet();
            firstStarted.countDown();
            release.await(10, TimeUnit.SECONDS); // the second caller arrives while this reading is under way
            return new Object();
        }));
        firstStarted.await(10, TimeUnit.SECONDS);
        CompletableFuture<Object> second = CompletableFuture.supplyAsync(() -> Presets.once(readings, "default", () -> {
            reads.incrementAndGet();
            return new Object();
        }));
        Thread.sleep(50); // let the second caller reach the map before the first reading ends (it waits either way)
        release.countDown();
        assertSame(first.get(10, TimeUnit.SECONDS), second.get(10, TimeUnit.SECONDS));
        assertEquals(1, reads.get());
    }

    @Test
    void aFailedReadingFailsEveryCallerWithItsOwnMessage() {
        Map<String, FutureTask<Object>> readings = new ConcurrentHashMap<>();
        AtomicInteger reads = new AtomicInteger();
        for (int i = 0; i < 2; i++) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Presets.once(readings,
                    "broken", () -> {
                        reads.incrementAndGet();
                        throw new IllegalArgumentException("scenarios/broken.json: batch: -1 is not a count");
                    }));
            assertEquals("scenarios/broken.json: batch: -1 is not a count", e.getMessage());
        }
        assertEquals(1, reads.get());
    }

    @Test
    void theBuiltInDefaultIsTheSameRecordOnEveryCall() {
        assertSame(Presets.builtInScenario("default"), Presets.builtInScenario("default"));
    }
}
