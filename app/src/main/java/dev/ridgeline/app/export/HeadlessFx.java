package dev.ridgeline.app.export;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.Callable;
import dev.ridgeline.app.FxLogging;
import javafx.application.Platform;

/**
 * Starts the JavaFX toolkit without a display (Monocle headless, software rendering) and runs work on its thread.
 * The properties must be set before the toolkit starts; when it is already running (tests) it is reused.
 */
public final class HeadlessFx {
    private static boolean started;

    private HeadlessFx() {
    }

    /** Selects Monocle's headless platform unless the caller chose a platform already. */
    public static synchronized void start() {
        if (started) {
            return;
        }
        setIfAbsent("glass.platform", "Monocle");
        setIfAbsent("monocle.platform", "Headless");
        setIfAbsent("prism.order", "sw");
        setIfAbsent("java.awt.headless", "true");
        setIfAbsent("headless.geometry", "3840x2160-32");
        FxLogging.quietClasspathWarning();
        try {
            Platform.startup(() -> { });
        } catch (IllegalStateException alreadyRunning) {
            // The toolkit is up (a test harness started it): use it.
        }
        Platform.setImplicitExit(false);
        started = true;
    }

    /** Runs {@code work} on the FX thread and returns its result, rethrowing its exception. */
    public static <T> T call(Callable<T> work) throws Exception {
        start();
        if (Platform.isFxApplicationThread()) {
            return work.call();
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        try {
            return result.get(120, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception) {
                throw (Exception) cause;
            }
            throw new IllegalStateException(cause);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the JavaFX thread did not answer within 120 s", e);
        }
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
