package dev.ridgeline.engine.model;

/** Argument checks for the compact constructors; every message names the field, the value and the owner. */
public final class Checks {
    private Checks() {
    }

    public static double positive(double value, String field, String owner) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(field + " must be > 0, was " + value + " (" + owner + ")");
        }
        return value;
    }

    public static double nonNegative(double value, String field, String owner) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(field + " must be >= 0, was " + value + " (" + owner + ")");
        }
        return value;
    }

    public static int positive(int value, String field, String owner) {
        if (value <= 0) {
            throw new IllegalArgumentException(field + " must be > 0, was " + value + " (" + owner + ")");
        }
        return value;
    }

    public static int nonNegative(int value, String field, String owner) {
        if (value < 0) {
            throw new IllegalArgumentException(field + " must be >= 0, was " + value + " (" + owner + ")");
        }
        return value;
    }

    public static double inRange(double value, double min, double max, String field, String owner) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(field + " must be in [" + min + ", " + max + "], was " + value + " (" + owner + ")");
        }
        return value;
    }

    public static int inRange(int value, int min, int max, String field, String owner) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(field + " must be in [" + min + ", " + max + "], was " + value + " (" + owner + ")");
        }
        return value;
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
}
