package dev.ridgeline.engine.report;

/**
 * A run of text in a report: plain words, a symbol or formula, emphasis, or a number with its unit. Numbers stay
 * numbers (the engine's SI value) until a renderer formats them.
 */
public sealed interface Inline permits Inline.Text, Inline.Code, Inline.Strong, Inline.Alert, Inline.Num {

    /** Plain words. */
    record Text(String text) implements Inline {
    }

    /** A symbol, formula or identifier, set in a fixed-width face ({@code T_hbm}, {@code 2·M·K·N}). */
    record Code(String text) implements Inline {
    }

    /** Words set in bold. */
    record Strong(String text) implements Inline {
    }

    /** Words a reader must not miss (a published figure outside Ridgeline's band): red where the format can. */
    record Alert(String text) implements Inline {
    }

    /** A figure from the engine, in SI units. */
    record Num(double value, Unit unit) implements Inline {
    }

    static Inline of(Object o) {
        if (o instanceof Inline) {
            return (Inline) o;
        }
        if (o instanceof String) {
            return new Text((String) o);
        }
        if (o instanceof Integer || o instanceof Long) {
            return new Num(((Number) o).doubleValue(), Unit.COUNT);
        }
        throw new IllegalArgumentException("not a report inline: " + o);
    }
}
