package dev.ridgeline.app;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

/**
 * The one background runner of the window's models (the evaluation, the frontier, each design-space view; STYLE 10,
 * 18): work runs on the worker, what it gives is delivered on the publisher (the FX thread in the window), and the
 * newest request wins.
 * <ul>
 * <li>A request still waiting when a newer one arrives never runs; one under way sees its {@code stop} turn true.</li>
 * <li>Nothing is delivered after something newer: a request's result or failure is delivered only if no newer
 * request's has been. The complete result of an older request may be delivered while a newer one is still under way
 * (a slider drag shows its way), flagged not {@code newest}; a stopped (partial) one only if it is the newest.</li>
 * <li>A failure is delivered once, under the same rule.</li>
 * <li>{@link #cancel} stops the newest request: its result (null if it had not started) is delivered as
 * {@code stopped}, and the model keeps what it showed. After {@link #dispose} nothing is delivered.</li>
 * <li>Progress is delivered in steps of 5 %, for the newest request only.</li>
 * </ul>
 */
public final class NewestWins {
    /** The work: checks {@code stop} between items and may report its progress 0..1 (from any thread). */
    public interface Work<R> {
        R compute(BooleanSupplier stop, DoubleConsumer progress);
    }

    /** What a model does with what the work gave; called on the publisher. */
    public interface Delivery<R> {
        /**
         * @param stopped the request was cancelled or superseded while it ran: {@code result} is partial
         * @param nanos   the time the work took
         * @param newest  no newer request is waiting or under way
         */
        void result(R result, boolean stopped, long nanos, boolean newest);

        void failed(RuntimeException e, boolean newest);

        default void progress(double fraction) {
        }
    }

    private final Executor worker;
    private final Executor publisher;
    private final AtomicLong requested = new AtomicLong();
    private final AtomicInteger progressStep = new AtomicInteger();
    private volatile long cancelled = -1;
    private volatile boolean disposed;
    /** The newest request whose result or failure was delivered (publisher only). */
    private long delivered;

    public NewestWins(Executor worker, Executor publisher) {
        this.worker = Objects.requireNonNull(worker, "worker");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
    }

    /** Asks for {@code work}; whatever was asked before and has not run yet never will. Returns the request's id. */
    public <R> long submit(Work<R> work, Delivery<R> delivery) {
        Objects.requireNonNull(work, "work");
        Objects.requireNonNull(delivery, "delivery");
        long id = requested.incrementAndGet();
        progressStep.set(-1);
        worker.execute(() -> run(id, work, delivery));
        return id;
    }

    /** Stops the newest request; it is delivered as stopped. */
    public void cancel() {
        cancelled = requested.get();
    }

    /** Drops every request asked so far: none still waiting runs, none under way is delivered (unless complete). */
    public void dropAll() {
        requested.incrementAndGet();
    }

    /** Stops everything under way; nothing is delivered any more (the view is going away). */
    public void dispose() {
        disposed = true;
        requested.incrementAndGet();
    }

    /** Whether {@code id} is the newest request (its work should stop otherwise). */
    public boolean isNewest(long id) {
        return id == requested.get();
    }

    private <R> void run(long id, Work<R> work, Delivery<R> delivery) {
        if (id != requested.get()) {
            return; // a newer request is waiting: it runs instead
        }
        if (id == cancelled) {
            publisher.execute(() -> {
                if (deliverable(id, true)) {
                    delivery.result(null, true, 0, isNewest(id));
                }
            });
            return;
        }
        AtomicBoolean sawStop = new AtomicBoolean();
        BooleanSupplier stop = () -> {
            boolean s = stopped(id);
            if (s) {
                sawStop.set(true);
            }
            return s;
        };
        long start = System.nanoTime();
        R r;
        try {
            r = work.compute(stop, p -> progress(id, p, delivery));
        } catch (RuntimeException e) {
            publisher.execute(() -> {
                if (deliverable(id, false)) {
                    delivery.failed(e, isNewest(id));
                }
            });
            return;
        }
        long nanos = System.nanoTime() - start;
        // partial if the work saw the stop; a complete result of a request superseded since is still a result
        boolean stopped = sawStop.get() || id == cancelled;
        publisher.execute(() -> {
            if (deliverable(id, stopped)) {
                delivery.result(r, stopped, nanos, isNewest(id));
            }
        });
    }

    private boolean stopped(long id) {
        return id != requested.get() || id == cancelled;
    }

    /** Publisher only: whether {@code id}'s outcome may be delivered now, and if so, records it as delivered. */
    private boolean deliverable(long id, boolean stopped) {
        if (disposed || id <= delivered || stopped && !isNewest(id)) {
            return false;
        }
        delivered = id;
        return true;
    }

    private void progress(long id, double fraction, Delivery<?> delivery) {
        int step = (int) (fraction * 20);
        int before = progressStep.get();
        if (step > before && isNewest(id) && progressStep.compareAndSet(before, step)) {
            publisher.execute(() -> {
                if (!disposed && isNewest(id)) {
                    delivery.progress(fraction);
                }
            });
        }
    }
}
