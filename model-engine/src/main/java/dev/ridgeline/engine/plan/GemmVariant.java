package dev.ridgeline.engine.plan;

import dev.ridgeline.engine.calibration.GemmCurve;

/**
 * One GEMM variant of a plan (op kind, dtype, tensor-parallel split, decode or prefill: {@link OpCosts#variant}),
 * prepared on first use and kept, so that a GEMM reads one object: its cost per row and per copy (seconds of tensor
 * work per row at the peak rate, seconds to read the weights, seconds of activation traffic per row) and, in calibrated
 * fidelity, its DeepGEMM curve with the curve's first and last M and fraction in fields (most lookups fall at or beyond
 * an end, and then read no array and take no logarithm: {@link GemmReadings#fraction}). Immutable, so a benign race
 * publishes a whole object or none; every thread prepares an equal one.
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

    GemmVariant(double computePerRow, double weights, double activationsPerRow, GemmCurve curve) {
        this.computePerRow = computePerRow;
        this.weights = weights;
        this.activationsPerRow = activationsPerRow;
        this.curve = curve;
        if (curve == null) {
            this.firstM = Double.NaN;
            this.lastM = Double.NaN;
            this.firstFraction = Double.NaN;
            this.lastFraction = Double.NaN;
        } else {
            double[] m = curve.m();
            double[] f = curve.fractions();
            this.firstM = m[0];
            this.lastM = m[m.length - 1];
            this.firstFraction = f[0];
            this.lastFraction = f[f.length - 1];
        }
    }
}
