package dev.ridgeline.app.cli;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiFunction;

/** Design-space work of one command on every core: a pool for the call, shut down after it. */
final class AllCores {
    private AllCores() {
    }

    static <R> R run(BiFunction<Executor, Integer, R> work) {
        ExecutorService pool = pool();
        try {
            return work.apply(pool, threads());
        } finally {
            pool.shutdownNow();
        }
    }

    static int threads() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** One daemon worker per core; the caller shuts it down. */
    static ExecutorService pool() {
        return Executors.newFixedThreadPool(threads(), r -> {
            Thread t = new Thread(r, "ridgeline-cli-worker");
            t.setDaemon(true);
            return t;
        });
    }
}
