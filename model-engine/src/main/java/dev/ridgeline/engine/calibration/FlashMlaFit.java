package dev.ridgeline.engine.calibration;

import dev.ridgeline.engine.model.CalibrationKey;
import java.util.Map;

/**
 * FlashMLA decode on measured chips (calibration/flashmla.csv), keyed by the chip's {@link CalibrationKey}.
 * <ul>
 *   <li>{@code memoryFraction}: achieved over peak HBM bandwidth; H800's official 3000 GB/s of 3.35 TB/s.</li>
 *   <li>{@code computeScale}: measured time over the seed model's compute time (the chip's FA3 mode, softmax at its
 *   vector rates) at the measured shapes; H800 from the official 660 TFLOPS compute-bound headline, H20 from the
 *   community runs of FlashMLA issue #30.</li>
 * </ul>
 * A key without figures of its own takes H800's, marked extrapolated.
 *
 * @param runRatios  per key whose compute scale is the mean of several runs (H20), each run's measured time over the
 *                   model's: what a held-out check refits without one run ({@link HeldOut#flashMla})
 * @param measuredOn the FP8 tensor rate and HBM bandwidth (FLOP/s, bytes/s) of each measured chip's preset: how far
 *                   another chip lies from the one a figure was measured on
 */
public record FlashMlaFit(Map<CalibrationKey, Double> memoryFraction, Map<CalibrationKey, Double> computeScale,
                          Map<String, String> citations, Map<CalibrationKey, java.util.List<Double>> runRatios,
                          Map<CalibrationKey, double[]> measuredOn) {
    public static final CalibrationKey REFERENCE = CalibrationKey.H800;

    public FlashMlaFit {
        memoryFraction = Map.copyOf(memoryFraction);
        computeScale = Map.copyOf(computeScale);
        citations = Map.copyOf(citations);
        runRatios = Map.copyOf(runRatios);
        measuredOn = Map.copyOf(measuredOn);
    }

    public Basis memory(CalibrationKey chip) {
        Double f = memoryFraction.get(chip);
        return f != null ? new Basis(f, false, citations.get(chip.name() + ".memory"))
                : new Basis(memoryFraction.get(REFERENCE), true, citations.get(REFERENCE.name() + ".memory"));
    }

    public Basis compute(CalibrationKey chip) {
        Double f = computeScale.get(chip);
        return f != null ? new Basis(f, false, citations.get(chip.name() + ".compute"))
                : new Basis(computeScale.get(REFERENCE), true, citations.get(REFERENCE.name() + ".compute"));
    }
}
