package dev.ridgeline.engine;

import java.util.SplittableRandom;

/** Hostile draws for the bad-input fuzz tests: the values a careless or curious user types. */
public final class Hostile {
    private Hostile() {
    }

    /** An int at the edges of the range, 2^k and 2^k ± 1 up to 2^30, or a log-uniform draw up to 2^31 - 1. */
    public static int integer(SplittableRandom r) {
        switch (r.nextInt(4)) {
            case 0:
                return new int[] {0, -1, 1, -1 << 30, Integer.MIN_VALUE, Integer.MAX_VALUE}[r.nextInt(6)];
            case 1:
                return (1 << r.nextInt(31)) + r.nextInt(3) - 1;
            default:
                return (int) Math.min(Integer.MAX_VALUE, Math.exp(r.nextDouble() * Math.log(Integer.MAX_VALUE)));
        }
    }

    /** A double: 0, negatives, NaN, infinities, subnormals, the largest double, or ±10^u for u in [-320, 308]. */
    public static double decimal(SplittableRandom r) {
        switch (r.nextInt(3)) {
            case 0:
                return new double[] {0, -0.0, -1, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                    Double.MIN_VALUE, 1e-320, 1e-300, 1e308, Double.MAX_VALUE}[r.nextInt(11)];
            default:
                return Math.pow(10, -320 + 628 * r.nextDouble()) * (r.nextInt(8) == 0 ? -1 : 1);
        }
    }
}
