package dev.ridgeline.app.cli;

import dev.ridgeline.engine.model.Checks;
import java.util.Arrays;

/** Checks of enumerated flag values, with the one-line message of the CLI contract. */
final class Formats {
    private Formats() {
    }

    static void check(String flag, String value, String... allowed) {
        for (String a : allowed) {
            if (a.equalsIgnoreCase(value)) {
                return;
            }
        }
        throw new IllegalArgumentException(flag + ": bad value " + Checks.quote(value) + " (expected one of "
                + String.join(", ", Arrays.asList(allowed)) + ")");
    }
}
