package dev.ridgeline.engine.calibration;

/**
 * Where a calibrated figure comes from.
 *
 * @param fraction     the factor applied (fraction of the roofline, or a time scale), as the lookup defines it
 * @param extrapolated true when the figure is used outside what was measured: another chip, shape, dtype or range
 * @param citation     the calibration rows used, with their source
 */
public record Basis(double fraction, boolean extrapolated, String citation) {
}
