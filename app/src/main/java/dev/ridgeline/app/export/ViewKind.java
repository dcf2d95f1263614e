package dev.ridgeline.app.export;

import dev.ridgeline.engine.model.Checks;
import java.util.Locale;

/** The views {@code ridgeline export --view} and the Export menu can write. */
public enum ViewKind {
    WINDOW, ROOFLINE, GANTT, FRONTIER, SENSITIVITY, MAP, SERVED;

    public static ViewKind of(String value) {
        for (ViewKind k : values()) {
            if (k.name().equalsIgnoreCase(value)) {
                return k;
            }
        }
        throw new IllegalArgumentException("--view: bad value " + Checks.quote(value)
                + " (expected window, roofline, gantt, frontier, sensitivity, map or served)");
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
