package dev.ridgeline.app.explorer.tuning;

import dev.ridgeline.engine.space.Knob;
import dev.ridgeline.engine.space.Sensitivity;
import dev.ridgeline.engine.space.Solve;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/** How chip tuning shows its numbers, in the window and in the command line's tables. */
public final class TuningText {
    private TuningText() {
    }

    /** A field's value in its own unit, without the unit: "3,350", "42.95", "0.5", "three-stage". */
    public static String value(Knob k, double v) {
        return value(k, v, RoundingMode.HALF_EVEN);
    }

    /** The value with its unit: "3,350 GB/s", "8 cards", "two-stage". */
    public static String withUnit(Knob k, double v) {
        return k.unit().isEmpty() || k.stepped() ? value(k, v) : value(k, v) + " " + k.unit();
    }

    /**
     * A solved value to four significant digits, rounded toward the safe side: up for a field where more is better,
     * down for a cost, so that the value shown still reaches the target.
     */
    public static String required(Knob k, double v) {
        return value(k, v, k.higherIsBetter() ? RoundingMode.CEILING : RoundingMode.FLOOR);
    }

    private static String value(Knob k, double v, RoundingMode rounding) {
        if (k.stepped()) {
            return k.stepLabel(v);
        }
        return dev.ridgeline.engine.model.Checks.fourDigits(v, rounding);
    }

    /** A relative change: "+14 %", "−3.2 %", "0 %". */
    public static String percent(double fraction) {
        double p = fraction * 100;
        if (Math.abs(p) < 0.05) {
            return "0 %";
        }
        String digits = Math.abs(p) >= 10 ? String.format(Locale.ROOT, "%.0f", Math.abs(p))
                : String.format(Locale.ROOT, "%.1f", Math.abs(p));
        return (p > 0 ? "+" : "−") + digits + " %";
    }

    /** A change of tokens/s per card: "+136", "−50.2", "0". */
    public static String delta(double tokens) {
        if (Math.abs(tokens) < 0.05) {
            return "0";
        }
        String digits = Math.abs(tokens) >= 100 ? String.format(Locale.ROOT, "%,.0f", Math.abs(tokens))
                : String.format(Locale.ROOT, "%.1f", Math.abs(tokens));
        return (tokens > 0 ? "+" : "−") + digits;
    }

    /** Tokens/s per card: "3,864". */
    public static String tokens(double perCard) {
        return String.format(Locale.ROOT, "%,.0f", perCard);
    }

    /** "±10 %" for a step of 0.1. */
    public static String step(double step) {
        return "±" + new BigDecimal(step * 100).round(new MathContext(3)).stripTrailingZeros().toPlainString() + " %";
    }

    /** What a move sets the knob to: "3,015 GB/s", or why it could not ("outside 1..100 %"). */
    public static String move(Knob k, Sensitivity.Move m) {
        return m.refused() != null ? "not moved (" + m.refused() + ")" : withUnit(k, m.value());
    }

    /**
     * One answer of the target solve as a line: "HBM bandwidth 4,100 GB/s, +14 %", or "HBM capacity: not reachable by
     * this field alone: REASON".
     */
    public static String answer(Solve.Answer a) {
        Knob k = a.field();
        if (a.required() == null) {
            return k.name() + ": " + a.reason();
        }
        String required = k.stepped() ? value(k, a.required()) : required(k, a.required()) + (k.unit().isEmpty() ? "" : " " + k.unit());
        String change = k.stepped() ? (a.required() == a.current() ? "as now" : "now " + value(k, a.current()))
                : Double.isNaN(a.change()) ? "none now" : percent(a.change());
        return k.name() + " " + required + ", " + change;
    }
}
