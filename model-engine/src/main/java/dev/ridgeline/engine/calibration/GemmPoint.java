package dev.ridgeline.engine.calibration;

/**
 * One DeepGEMM measurement on H800 (calibration/deepgemm.csv): {@code groups} GEMMs of {@code m x k -> n}, FP8 in,
 * BF16 out, at {@code tflops}.
 */
public record GemmPoint(String kernel, int groups, int m, int n, int k, double tflops, String source) {
    public double flops() {
        return 2.0 * groups * m * (double) n * k;
    }

    /** FP8 inputs and weights, BF16 outputs; matches the GB/s column DeepGEMM prints. */
    public double bytes() {
        return groups * ((double) m * k + (double) k * n + 2.0 * m * n);
    }

    public double measuredSec() {
        return flops() / (tflops * 1e12);
    }

    /**
     * Roofline time on the measured chip's preset over the measured time: 1 means the kernel reached the roofline.
     * Taken against the preset (not the spec sheet) so that the preset reproduces the measured time exactly.
     */
    public double rooflineFraction(double fp8FlopsPerSec, double hbmBytesPerSec) {
        return Math.max(flops() / fp8FlopsPerSec, bytes() / hbmBytesPerSec) / measuredSec();
    }
}
