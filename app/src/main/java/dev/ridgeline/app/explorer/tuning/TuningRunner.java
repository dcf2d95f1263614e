package dev.ridgeline.app.explorer.tuning;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;

/**
 * Where design-space work runs: a coordinator that takes one request at a time (it waits for the workers, so it is
 * never one of them), the workers ({@code threads} tasks of {@code sweep}) and the publisher of results. The window
 * uses background threads; tests, export and the command line run everything on the calling thread.
 */
public record TuningRunner(Executor coordinator, Executor sweep, int threads, Executor publisher) {
    public TuningRunner {
        Objects.requireNonNull(coordinator, "coordinator");
        Objects.requireNonNull(sweep, "sweep");
        Objects.requireNonNull(publisher, "publisher");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, was " + threads);
        }
    }

    public static TuningRunner callingThread() {
        return new TuningRunner(Runnable::run, Runnable::run, 1, Runnable::run);
    }

    /** The calling thread coordinates and publishes, every core computes (headless export: blocking is fine). */
    public static TuningRunner allCoresBlocking() {
        int cores = Runtime.getRuntime().availableProcessors();
        return new TuningRunner(Runnable::run, pool(cores, "ridgeline-export-worker"), cores, Runnable::run);
    }

    /** Daemon threads: one coordinator, one worker per core; results published on the FX thread. */
    public static TuningRunner background() {
        int cores = Runtime.getRuntime().availableProcessors();
        ExecutorService coordinator = Executors.newSingleThreadExecutor(r -> daemon(r, "ridgeline-tuning"));
        return new TuningRunner(coordinator, pool(cores, "ridgeline-tuning-worker"), cores, Platform::runLater);
    }

    private static ExecutorService pool(int threads, String name) {
        AtomicInteger n = new AtomicInteger();
        return Executors.newFixedThreadPool(threads, r -> daemon(r, name + "-" + n.incrementAndGet()));
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
