package dev.ridgeline.app.cli;

import dev.ridgeline.engine.model.Checks;
import dev.ridgeline.engine.model.FieldId;
import dev.ridgeline.engine.space.Knob;

/** {@code export --x-field NAME --y-field NAME}: the map's two fields, chip or NIC fields, different from each other. */
final class MapFields {
    static final String DEFAULT_X = FieldId.HBM_BANDWIDTH.label();
    static final String DEFAULT_Y = FieldId.FP8_RATE.label();

    private MapFields() {
    }

    static Knob[] of(String x, String y) {
        Knob kx = one("--x-field", x == null ? DEFAULT_X : x);
        Knob ky = one("--y-field", y == null ? DEFAULT_Y : y);
        if (kx.id() == ky.id()) {
            String flag = y != null ? "--y-field" : "--x-field";
            throw new IllegalArgumentException(flag + ": bad value " + Checks.quote(y != null ? y : x)
                    + " (the map needs two different fields; the other is " + kx.name() + " too)");
        }
        return new Knob[] {kx, ky};
    }

    private static Knob one(String flag, String name) {
        Knob k = ChipFieldFlags.field(flag, name, name);
        if (k.stepped()) {
            throw new IllegalArgumentException(flag + ": bad value " + Checks.quote(name)
                    + " (a map needs a field with a number; the FA3 stage mode has three modes)");
        }
        return k;
    }
}
