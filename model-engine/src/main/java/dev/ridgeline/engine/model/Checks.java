package dev.ridgeline.engine.model;

/**
 * Argument checks for the compact constructors; every failure is a {@link FieldException} naming the field, the
 * value and the owner, in one line. Also the text helpers every message uses to echo what the user typed: one line,
 * control characters escaped, at most {@link #ECHO_LIMIT} characters.
 */
public final class Checks {
    /** Memory of one card, bytes: 0.1 GB to 100 TB (today's cards hold 16-288 GB). */
    public static final double MIN_MEMORY_BYTES = 1e8;
    public static final double MAX_MEMORY_BYTES = 1e14;
    /** Bandwidth of any memory or link, bytes/s: 10 MB/s to 1 PB/s (today: 10 GB/s NICs to 8 TB/s HBM). */
    public static final double MIN_BYTES_PER_SEC = 1e7;
    public static final double MAX_BYTES_PER_SEC = 1e15;
    /** A compute rate (FLOP/s, exp2/s, additions/s): 1 G/s to 1 E/s (today: 1e12 to 1e16). */
    public static final double MIN_OPS_PER_SEC = 1e9;
    public static final double MAX_OPS_PER_SEC = 1e18;
    /** A fixed latency, seconds: 0 to 100 ms (today: 0.5 µs reductions, a few µs per message). */
    public static final double MAX_LATENCY_SEC = 0.1;
    /** Longest preset name: it names a file and fills a picker. */
    public static final int MAX_NAME = 100;
    /** Characters of a user's value echoed in a message; longer values end in an ellipsis. */
    public static final int ECHO_LIMIT = 60;

    private Checks() {
    }

    public static double positive(double value, String field, String owner) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new FieldException(field, value, owner, scale -> "must be > 0");
        }
        return value;
    }

    public static double nonNegative(double value, String field, String owner) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new FieldException(field, value, owner, scale -> "must be >= 0");
        }
        return value;
    }

    public static int positive(int value, String field, String owner) {
        if (value <= 0) {
            throw new FieldException(field, value, owner, scale -> "must be > 0");
        }
        return value;
    }

    public static int nonNegative(int value, String field, String owner) {
        if (value < 0) {
            throw new FieldException(field, value, owner, scale -> "must be >= 0");
        }
        return value;
    }

    public static double inRange(double value, double min, double max, String field, String owner) {
        if (!(value >= min && value <= max)) {
            throw new FieldException(field, value, owner, range(min, max));
        }
        return value;
    }

    public static int inRange(int value, int min, int max, String field, String owner) {
        if (value < min || value > max) {
            throw new FieldException(field, value, owner, range(min, max));
        }
        return value;
    }

    /** 0 (meaning "none") or a value in {@code [min, max]}. */
    public static double zeroOrInRange(double value, double min, double max, String field, String owner) {
        if (value != 0 && !(value >= min && value <= max)) {
            throw new FieldException(field, value, owner, scale -> "must be 0 or in [" + number(min / scale) + ", "
                    + number(max / scale) + "]");
        }
        return value;
    }

    /** A refusal whose rule is stated in words ("must be <= 2 x the 64 routed experts"); its bounds do not scale. */
    public static FieldException refused(String field, double value, String owner, String rule) {
        return new FieldException(field, value, owner, scale -> rule);
    }

    public static <T> T present(T value, String field, String owner) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is missing (" + owner + ")");
        }
        return value;
    }

    public static String text(String value, String field, String owner) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank (" + owner + ")");
        }
        return value;
    }

    /** A preset's name: not blank, one line, at most {@link #MAX_NAME} characters. */
    public static String name(String value, String owner) {
        text(value, "name", owner);
        if (value.codePointCount(0, value.length()) > MAX_NAME) {
            throw new IllegalArgumentException("name must be at most " + MAX_NAME + " characters, was "
                    + value.codePointCount(0, value.length()) + " (" + owner + ")");
        }
        if (value.codePoints().anyMatch(Checks::invisible)) {
            throw new IllegalArgumentException("name must not contain control characters, was " + quote(value)
                    + " (" + owner + ")");
        }
        return value;
    }

    /** A user's text as echoed in a message: quoted, see {@link #shorten}. */
    public static String quote(String value) {
        return "'" + shorten(value) + "'";
    }

    /**
     * A user's text made safe to echo: control and layout characters as {@code \n} or {@code \}{@code uXXXX}, and
     * at most {@link #ECHO_LIMIT} characters, the rest replaced by an ellipsis. Null reads "null".
     */
    public static String shorten(String value) {
        return shorten(value, ECHO_LIMIT);
    }

    /** {@link #shorten(String)} to at most {@code limit} characters. */
    public static String shorten(String value, int limit) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(Math.min(value.length(), limit) + 8);
        int count = 0;
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            if (count == limit) {
                return out.append('…').toString();
            }
            if (cp == '\n') {
                out.append("\\n");
            } else if (cp == '\r') {
                out.append("\\r");
            } else if (cp == '\t') {
                out.append("\\t");
            } else if (invisible(cp)) {
                out.append(String.format(java.util.Locale.ROOT, "\\u%04X", cp));
            } else {
                out.appendCodePoint(cp);
            }
            count++;
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    /** Control, format (bidi overrides, zero-width) and line or paragraph separators: they break a one-line message. */
    static boolean invisible(int cp) {
        int type = Character.getType(cp);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }

    /**
     * A number as a message shows it: its shortest decimal form (as Java prints it) rounded to 12 significant
     * digits, so that a bound converted to another unit does not print as 99999.99999999999. Plain from 0.001 to
     * 10 million ("144", "3597.0351104", "0.01") and for whole numbers below 10 billion that are not round
     * ("1073741824"); otherwise in scientific notation ("1e15", "-5e12", "1e-320").
     */
    public static String number(double v) {
        if (v == 0 || !Double.isFinite(v)) {
            return v == 0 ? "0" : Double.toString(v);
        }
        java.math.BigDecimal d = new java.math.BigDecimal(Double.toString(v)).round(new java.math.MathContext(12))
                .stripTrailingZeros();
        String digits = d.unscaledValue().abs().toString();
        double a = Math.abs(v);
        boolean wholeNotRound = v == Math.rint(v) && a < 1e10 && digits.length() > 2;
        if ((a >= 1e-3 && a < 1e7) || wholeNotRound) {
            return d.toPlainString();
        }
        int exponent = digits.length() - 1 - d.scale();
        return (v < 0 ? "-" : "") + digits.charAt(0) + (digits.length() > 1 ? "." + digits.substring(1) : "")
                + "e" + exponent;
    }

    /**
     * A figure as a reader sees it: four significant digits, rounded as asked, thousands grouped ("100,000",
     * "334,500", "4.25", "0.1234"); the digits the window shows a field's value in.
     */
    public static String fourDigits(double v, java.math.RoundingMode rounding) {
        if (v == 0 || !Double.isFinite(v)) {
            return v == 0 ? "0" : Double.toString(v);
        }
        java.math.BigDecimal d = new java.math.BigDecimal(v).round(new java.math.MathContext(4, rounding))
                .stripTrailingZeros();
        if (Math.abs(d.doubleValue()) >= 1000) {
            return String.format(java.util.Locale.ROOT, "%,d", d.setScale(0, rounding).longValueExact());
        }
        return d.toPlainString();
    }

    private static java.util.function.DoubleFunction<String> range(double min, double max) {
        return scale -> "must be in [" + number(min / scale) + ", " + number(max / scale) + "]";
    }
}
