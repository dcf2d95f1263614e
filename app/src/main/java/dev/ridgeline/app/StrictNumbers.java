package dev.ridgeline.app;

import dev.ridgeline.engine.model.Checks;
import java.util.regex.Pattern;

/**
 * Numbers as a user types them, and nothing else: ASCII digits, an optional sign, a decimal point and exponent for
 * decimals. Java's own parsers also take Arabic-Indic and other Unicode digits ({@code Integer.parseInt("١٢٨")} is
 * 128), hexadecimal floats ({@code 0x1p-1}), type suffixes ({@code 1d}), {@code NaN} and {@code Infinity}; a
 * command line or a number field that takes those accepts what its user did not mean. The command line and the
 * window's number fields both parse through here.
 */
public final class StrictNumbers {
    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?");

    private StrictNumbers() {
    }

    /** A whole number in {@code int} range; throws {@link NumberFormatException} with a one-line message. */
    public static int integer(String text) {
        if (text == null || !INTEGER.matcher(text).matches()) {
            throw new NumberFormatException(Checks.quote(text) + " is not a whole number");
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new NumberFormatException(Checks.quote(text) + " is out of range (at most " + Integer.MAX_VALUE + ")");
        }
    }

    /** A finite decimal number; throws {@link NumberFormatException} with a one-line message. */
    public static double decimal(String text) {
        if (text == null || !DECIMAL.matcher(text).matches()) {
            throw new NumberFormatException(Checks.quote(text) + " is not a decimal number");
        }
        double v = Double.parseDouble(text);
        if (Double.isInfinite(v)) {
            throw new NumberFormatException(Checks.quote(text) + " is out of range");
        }
        return v;
    }
}
