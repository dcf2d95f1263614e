package dev.ridgeline.app.explorer.tuning;

import dev.ridgeline.engine.model.Chip;
import dev.ridgeline.engine.space.Objective;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * How an {@link Objective}'s figures read, in the window and the command line's tables: tokens/s per card ("3,864"),
 * dollars per million output tokens ("$0.300"), joules per output token ("0.896 J"). Scores (higher is better) are
 * turned into figures here; a score of 0 (nothing reaches the target, or no price or power) has no figure.
 */
public final class ObjectiveText {
    private ObjectiveText() {
    }

    /** The figure of a score with its unit: "3,864 tokens/s per card", "$0.300 per million output tokens"; "none" for 0. */
    public static String score(Objective o, double score) {
        return score > 0 ? figure(o, o.figure(score)) : "none";
    }

    /** A figure with its unit. */
    public static String figure(Objective o, double figure) {
        switch (o) {
            case COST:
                return number(o, figure) + " per million output tokens";
            case POWER:
                return number(o, figure) + " per output token";
            case SERVED:
                return number(o, figure) + " served output tokens/s per card";
            default:
                return number(o, figure) + " tokens/s per card";
        }
    }

    /** A figure alone: "3,864", "$0.300", "0.896 J". */
    public static String number(Objective o, double figure) {
        switch (o) {
            case COST:
                return "$" + significant(figure, 3);
            case POWER:
                return significant(figure, 3) + " J";
            default:
                return TuningText.tokens(figure);
        }
    }

    /** A change of a figure: "+136", "−$0.012", "+0.031 J"; "0" when it is nothing at this precision. */
    public static String delta(Objective o, double change) {
        if (o.perCard()) {
            return TuningText.delta(change);
        }
        if (change == 0 || !Double.isFinite(change)) {
            return "0";
        }
        String digits = significant(Math.abs(change), 2);
        return (change > 0 ? "+" : "−") + (o == Objective.COST ? "$" + digits : digits + " J");
    }

    /** The change of the figure between two scores; null when either has no figure (a cost or power objective). */
    public static Double change(Objective o, double movedScore, double baseScore) {
        double c = o.figureChange(movedScore, baseScore);
        return Double.isNaN(c) ? null : c;
    }

    /** "tokens/s per card", "$ per million output tokens": what an axis of the figure reads. */
    public static String axis(Objective o) {
        return o.figureName();
    }

    /** Why a chip has no figure on {@code o}, with what to do: "chip 'H20' has no price: set one in the chip editor". */
    public static String missing(Objective o, Chip chip) {
        return o.missing(chip) + ": set " + (o == Objective.COST ? "its price (or purchase price)" : "its power")
                + " under Price & power in the chip editor";
    }

    /** The comparison a goal of {@code o} makes: "≥" for throughput, "≤" for dollars and joules. */
    public static String reaches(Objective o) {
        return o.figureFalls() ? "≤" : "≥";
    }

    /**
     * {@code v} to {@code digits} significant digits, trailing zeros kept so that values of one scale read alike
     * ("$0.500" beside "$0.400", "1.00 J" beside "1.20 J": a contour at an exactly representable value read "$0.5"
     * and "1 J"); whole and grouped from 1,000.
     */
    static String significant(double v, int digits) {
        if (v >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (v == 0 || !Double.isFinite(v)) {
            return v == 0 ? "0" : String.valueOf(v);
        }
        BigDecimal d = new BigDecimal(v).round(new MathContext(digits));
        int exponent = d.precision() - d.scale() - 1;
        return d.setScale(Math.max(0, digits - 1 - exponent)).toPlainString();
    }
}
