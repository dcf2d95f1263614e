package dev.ridgeline.app.cli;

import dev.ridgeline.engine.io.PresetException;
import dev.ridgeline.engine.model.Checks;
import java.io.PrintWriter;

/**
 * How a failure reaches the user, for the commands ({@link RidgelineCommand}) and the window's launch
 * ({@link Launcher#window}) alike, without picocli: bad input in one line (exit 2), anything else as an internal
 * error with its stack trace (exit 1).
 */
final class Failures {
    private Failures() {
    }

    /**
     * The contract's one line: control characters escaped (a value with a newline cannot split it) and at most
     * {@link RidgelineCommand#MAX_LINE} characters, whatever a message quotes.
     */
    static String oneLine(String message) {
        return Checks.shorten(message, RidgelineCommand.MAX_LINE);
    }

    /** Reports {@code ex} on {@code err}; returns the exit code. */
    static int report(PrintWriter err, Exception ex) {
        if (ex instanceof IllegalArgumentException || ex instanceof PresetException) {
            err.println(oneLine("ridgeline: " + ex.getMessage()));
            return RidgelineCommand.BAD_INPUT;
        }
        err.println("ridgeline: internal error: " + ex);
        ex.printStackTrace(err);
        return RidgelineCommand.INTERNAL_ERROR;
    }
}
