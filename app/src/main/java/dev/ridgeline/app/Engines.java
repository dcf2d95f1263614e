package dev.ridgeline.app;

import dev.ridgeline.engine.Engine;
import dev.ridgeline.engine.io.CalibrationTables;

/** Builds the engine over the calibration tables shipped in the assets jar: the one place the app loads them. */
public final class Engines {
    private Engines() {
    }

    /** A new engine over the built-in calibration (the tables are read once per process by the io package). */
    public static Engine builtIn() {
        return new Engine(CalibrationTables.builtIn());
    }
}
