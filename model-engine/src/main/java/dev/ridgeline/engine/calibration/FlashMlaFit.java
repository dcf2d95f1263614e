package dev.ridgeline.engine.calibration;

import java.util.Map;

/**
 * FlashMLA decode on measured chips (calibration/flashmla.csv).
 * <ul>
 *   <li>{@code memoryFraction}: achieved over peak HBM bandwidth; H800's official 3000 GB/s of 3.35 TB/s.</li>
 *   <li>{@code computeScale}: measured time over the seed model's compute time (the chip's FA3 mode, softmax at its
 *   vector rates) at the measured shapes; H800 from the official 660 TFLOPS compute-bound headline, H20 from the
 *   community runs of FlashMLA issue #30.</li>
 * </ul>
 * A chip without rows takes H800's figures and is marked extrapolated.
 */
public record FlashMlaFit(Map<String, Double> memoryFraction, Map<String, Double> computeScale,
                          Map<String, String> citations) {
    public static final String REFERENCE = "H800";

    public Basis memory(String chip) {
        Double f = memoryFraction.get(chip);
        return f != null ? new Basis(f, false, citations.get(chip + ".memory"))
                : new Basis(memoryFraction.get(REFERENCE), true, citations.get(REFERENCE + ".memory"));
    }

    public Basis compute(String chip) {
        Double f = computeScale.get(chip);
        return f != null ? new Basis(f, false, citations.get(chip + ".compute"))
                : new Basis(computeScale.get(REFERENCE), true, citations.get(REFERENCE + ".compute"));
    }
}
