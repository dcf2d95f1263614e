package dev.ridgeline.app;

import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Keeps a good run's stderr empty. Ridgeline runs JavaFX from the class path (the {@code ridgeline} script, the app
 * image, the tests: JFreeChart is an automatic module, so JavaFX cannot be linked as modules), and on every start
 * JavaFX's {@code PlatformImpl.startup} logs "Unsupported JavaFX configuration: classes were loaded from 'unnamed
 * module ...'" through its "javafx" logger, which is java.util.logging unless configured otherwise. The class path
 * is how JavaFX is meant to run here, so this one record is dropped; every other JavaFX message (CSS errors, real
 * warnings) still prints. Call before the toolkit starts.
 */
public final class FxLogging {
    /** The logger JavaFX's {@code Logging.getJavaFXLogger()} resolves to; held so that its filter stays. */
    private static final Logger JAVAFX = Logger.getLogger("javafx");
    static final String CLASSPATH_WARNING = "Unsupported JavaFX configuration";

    private FxLogging() {
    }

    /** Drops JavaFX's class-path warning (idempotent; keeps any filter already set). */
    public static synchronized void quietClasspathWarning() {
        Filter previous = JAVAFX.getFilter();
        if (previous instanceof ClasspathWarning) {
            return;
        }
        JAVAFX.setFilter(new ClasspathWarning(previous));
    }

    private static final class ClasspathWarning implements Filter {
        private final Filter next;

        ClasspathWarning(Filter next) {
            this.next = next;
        }

        @Override
        public boolean isLoggable(LogRecord record) {
            String message = record.getMessage();
            if (message != null && message.startsWith(CLASSPATH_WARNING)) {
                return false;
            }
            return next == null || next.isLoggable(record);
        }
    }
}
