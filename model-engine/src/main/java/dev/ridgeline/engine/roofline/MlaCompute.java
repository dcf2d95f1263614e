package dev.ridgeline.engine.roofline;

import dev.ridgeline.engine.model.Chip;
import dev.ridgeline.engine.model.Dtype;
import dev.ridgeline.engine.model.Fa3Mode;

/**
 * FlashMLA's compute time (seed 000): QK^T over {@code kvWidth} (576) and PV over {@code valueWidth} (512) for every
 * query row and key, at the tensor rate of {@code gemmDtype}; softmax costs one exp2 and two FP32 additions per
 * score; the FA3 mode combines the three. The same model times a GQA core, with QK^T and PV over {@code headDim}.
 */
public final class MlaCompute {
    private MlaCompute() {
    }

    /** Scores = sequences · queries per sequence (q · heads) · keys. */
    public static double seconds(Chip chip, Fa3Mode mode, double scores, int kvWidth, int valueWidth, Dtype gemmDtype) {
        double rate = chip.tensorFlopsPerSec(gemmDtype);
        double vector = scores / chip.exp2PerSec() + 2.0 * scores / chip.fp32AddPerSec();
        return mode.combine(2.0 * scores * kvWidth / rate, 2.0 * scores * valueWidth / rate, vector);
    }
}
