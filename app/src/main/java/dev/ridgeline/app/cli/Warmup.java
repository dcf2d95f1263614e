package dev.ridgeline.app.cli;

import dev.ridgeline.engine.io.CalibrationTables;

/**
 * Start-up on both cores. While picocli reads the command line on the main thread (its classes predate class-data
 * sharing and are read and verified from the jar on every start), a second thread reads the built-in presets and
 * calibration tables that nearly every command needs next: Jackson's first use (its mapper, whose date format loads
 * the locale's calendar data, and a reader per record type) and the tables, both cached for the process. Only a
 * process's own command line starts it (not a command run in-process). A failure here is the command's to meet and
 * report.
 */
final class Warmup {
    private Warmup() {
    }

    static void start() {
        Thread t = new Thread(Warmup::run, "ridgeline-warmup");
        t.setDaemon(true);
        t.start();
    }

    private static void run() {
        try {
            CalibrationTables.builtIn(); // the built-in presets first, then the tables
        } catch (RuntimeException | Error e) {
            // the command reads them again on its own thread and says what is wrong
        }
    }
}
