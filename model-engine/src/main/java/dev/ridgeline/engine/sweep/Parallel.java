package dev.ridgeline.engine.sweep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Maps a function over items on {@code threads} tasks of an executor: for design-space work whose items (a chip
 * field's step, a map cell) each cost a headline. Results keep the items' order; cancelling stops between items and
 * leaves the unfinished results null; an exception in a worker stops the rest and is rethrown.
 */
public final class Parallel {
    private Parallel() {
    }

    public static <T, R> List<R> map(List<T> items, Function<T, R> fn, Executor executor, int threads,
                                     BooleanSupplier cancelled, DoubleConsumer progress) {
        return map(items, () -> null, (state, item) -> fn.apply(item), executor, threads, cancelled, progress);
    }

    /**
     * As {@link #map(List, Function, Executor, int, BooleanSupplier, DoubleConsumer)}, each worker with its own state
     * from {@code state} (a reusable result buffer, a cache), handed to every call it makes.
     */
    public static <S, T, R> List<R> map(List<T> items, Supplier<S> state, BiFunction<S, T, R> fn, Executor executor,
                                        int threads, BooleanSupplier cancelled, DoubleConsumer progress) {
        int n = items.size();
        Object[] out = new Object[n];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        int tasks = Math.max(1, Math.min(threads, n));
        CountDownLatch finished = new CountDownLatch(tasks);
        for (int t = 0; t < tasks; t++) {
            executor.execute(() -> {
                try {
                    S mine = state.get();
                    for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                        if (cancelled.getAsBoolean() || failure.get() != null) {
                            break;
                        }
                        out[i] = fn.apply(mine, items.get(i));
                        progress.accept(done.incrementAndGet() / (double) n);
                    }
                } catch (RuntimeException | Error e) {
                    failure.compareAndSet(null, e);
                } finally {
                    finished.countDown();
                }
            });
        }
        try {
            finished.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        }
        Throwable f = failure.get();
        if (f instanceof RuntimeException) {
            throw (RuntimeException) f;
        }
        if (f instanceof Error) {
            throw (Error) f;
        }
        @SuppressWarnings("unchecked")
        List<R> result = new ArrayList<>((List<R>) Arrays.asList(out));
        return result;
    }
}
