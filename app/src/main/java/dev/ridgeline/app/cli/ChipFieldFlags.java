package dev.ridgeline.app.cli;

import dev.ridgeline.app.StrictNumbers;
import dev.ridgeline.engine.model.Checks;
import dev.ridgeline.engine.model.Fa3Mode;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.space.Knob;
import java.util.List;

/**
 * {@code --chip-field NAME=VALUE}: one field of the chip (or the NIC's bandwidth) set as the chip editor sets it, in
 * the unit it shows ({@code ridgeline presets fields} lists them); the chip is then named "NAME (edited)". The FA3
 * stage mode takes none, two-stage, three-stage or 0, 1, 2. Each refusal names the flag and the value.
 */
final class ChipFieldFlags {
    static final String FLAG = "--chip-field";

    private ChipFieldFlags() {
    }

    /** {@code s} with every {@code NAME=VALUE} applied in order. */
    static Scenario apply(Scenario s, List<String> specs) {
        Scenario out = s;
        for (String spec : specs == null ? List.<String>of() : specs) {
            out = applyOne(out, spec);
        }
        return out;
    }

    static Scenario applyOne(Scenario s, String spec) {
        int eq = spec.indexOf('=');
        if (eq < 0) {
            throw bad(spec, "expected NAME=VALUE, e.g. 'HBM bandwidth=4000'");
        }
        Knob k = field(FLAG, spec, spec.substring(0, eq));
        double value = value(spec, k, spec.substring(eq + 1).strip());
        if (!k.accepts(value)) {
            throw bad(spec, k.name() + " must be " + (k.accepts(0) && k.min() > 0 ? "0 (none) or " : "") + "in ["
                    + Checks.number(k.min()) + ", " + Checks.number(k.max()) + "]"
                    + (k.unit().isEmpty() ? "" : " " + k.unit()) + ", was " + Checks.number(value));
        }
        try {
            Scenario moved = k.with(s, value);
            return k.kind() == Knob.Kind.NIC ? moved.withNic(moved.nic().asEdited()) : moved;
        } catch (IllegalArgumentException e) {
            throw bad(spec, e.getMessage());
        }
    }

    /** The field named {@code name}, or a refusal of {@code flag}'s value {@code shown} listing the names. */
    static Knob field(String flag, String shown, String name) {
        try {
            return Knob.field(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(flag + ": bad value " + Checks.quote(shown) + " (" + e.getMessage() + ")", e);
        }
    }

    private static double value(String spec, Knob k, String text) {
        if (k.stepped()) {
            for (Fa3Mode m : Fa3Mode.values()) {
                if (m.label().equalsIgnoreCase(text)) {
                    return m.ordinal();
                }
            }
        }
        double v;
        try {
            v = StrictNumbers.decimal(text);
        } catch (NumberFormatException e) {
            throw bad(spec, k.stepped() ? "expected none, two-stage, three-stage or 0, 1, 2" : e.getMessage());
        }
        if (k.integer() && v != Math.rint(v)) {
            throw bad(spec, k.name() + " takes a whole number, was " + Checks.number(v));
        }
        return v;
    }

    private static IllegalArgumentException bad(String spec, String why) {
        return new IllegalArgumentException(FLAG + ": bad value " + Checks.quote(spec) + " (" + why + ")");
    }
}
