package dev.ridgeline.engine.model;

import java.util.function.DoubleFunction;

/**
 * A record component out of its range. Besides the one-line message ("hbmBandwidthBytesPerSec must be in [1000000,
 * 1.0E15], was 1.0E-291 (chip 'H800')") it keeps the field, the value and the rule, so that a file reader can
 * restate it in the file's own key and unit ("key 'hbmBandwidthGBPerSec' must be in [0.001, 1000000], was 1e-300")
 * and a command-line flag in its own name.
 */
public final class FieldException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final double value;
    private final String owner;
    /** The rule for a unit: bounds divided by {@code scale} ("must be in [0.001, 1000000]"). */
    private final transient DoubleFunction<String> rule;

    FieldException(String field, double value, String owner, DoubleFunction<String> rule) {
        super(field + " " + rule.apply(1) + ", was " + Checks.number(value) + " (" + owner + ")");
        this.field = field;
        this.value = value;
        this.owner = owner;
        this.rule = rule;
    }

    /** The record component, e.g. {@code hbmBandwidthBytesPerSec}. */
    public String field() {
        return field;
    }

    /** The refused value in the record's (SI) unit. */
    public double value() {
        return value;
    }

    /** What was being built, e.g. {@code chip 'H800'}. */
    public String owner() {
        return owner;
    }

    /** The rule with its bounds in a unit {@code scale} times the record's ({@code 1e9} for GB of bytes). */
    public String rule(double scale) {
        return rule.apply(scale);
    }

    /** "NAME RULE, was VALUE" with bounds and value in the unit {@code scale} times the record's. */
    public String restate(String name, double scale) {
        return name + " " + rule(scale) + ", was " + Checks.number(value / scale);
    }
}
