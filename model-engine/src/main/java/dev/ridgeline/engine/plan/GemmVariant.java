package dev.ridgeline.engine.plan;

import dev.ridgeline.engine.calibration.GemmCurve;

/**
 * One GEMM variant of a plan (op kind, dtype, tensor-parallel split, decode or prefill: {@link OpCosts#variant}),
 * prepared on first use and kept, so that a GEMM reads one object: its cost per row and per copy (seconds of tensor
 * work per row at the peak rate, seconds to read the weights, seconds of activation traffic per row) and, in calibrated
 * fidelity, its DeepGEMM curve with the curve's first and last M and fraction in fields (most lookups fall at or beyond
 * an end, and then read no array and take no logarithm: {@link GemmReadings#fraction}). Between the ends, a curve of
 * two or three measured M (every shape of DeepGEMM's tables) keeps its two segments in fields too, so that the
 * interpolation reads no array either ({@link GemmReadings#interpolated}). Immutable, so a benign race publishes a
 * whole object or none; every thread prepares an equal one.
 */
final class GemmVariant {
    final double computePerRow;
    final double weights;
    final double activationsPerRow;
    /** The fraction of the roofline along M (calibrated fidelity); null where the fidelity reads no curve (seed). */
    final GemmCurve curve;
    final double firstM;
    final double lastM;
    final double firstFraction;
    final double lastFraction;
    /**
     * True when the curve has two or three measured M, its segments in the fields below: up to {@code midM} (its
     * middle M, or its last of two) from the first point, above it from the middle one, each as the fraction and ln M
     * where it starts and its slope, the operands {@link GemmCurve#between} reads for that segment.
     */
    final boolean twoSegments;
    final double midM;
    final double lowFraction;
    final double lowLnM;
    final double lowSlope;
    final double highFraction;
    final double highLnM;
    final double highSlope;

    GemmVariant(double computePerRow, double weights, double activationsPerRow, GemmCurve curve) {
        this.computePerRow = computePerRow;
        this.weights = weights;
        this.activationsPerRow = activationsPerRow;
        this.curve = curve;
        double[] m = curve == null ? new double[0] : curve.m();
        double[] f = curve == null ? new double[0] : curve.fractions();
        int last = m.length - 1;
        this.firstM = last < 0 ? Double.NaN : m[0];
        this.lastM = last < 0 ? Double.NaN : m[last];
        this.firstFraction = last < 0 ? Double.NaN : f[0];
        this.lastFraction = last < 0 ? Double.NaN : f[last];
        this.twoSegments = last == 1 || last == 2;
        this.midM = twoSegments ? m[1] : Double.NaN;
        this.lowFraction = twoSegments ? f[0] : Double.NaN;
        this.lowLnM = twoSegments ? curve.lnM()[0] : Double.NaN;
        this.lowSlope = twoSegments ? curve.slope()[1] : Double.NaN;
        this.highFraction = last == 2 ? f[1] : Double.NaN;
        this.highLnM = last == 2 ? curve.lnM()[1] : Double.NaN;
        this.highSlope = last == 2 ? curve.slope()[2] : Double.NaN;
    }
}
