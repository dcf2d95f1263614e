package dev.ridgeline.engine.plan;

import dev.ridgeline.engine.calibration.Basis;
import dev.ridgeline.engine.calibration.Calibration;
import dev.ridgeline.engine.calibration.DeepEpFit;
import dev.ridgeline.engine.calibration.PrefillKernels;
import dev.ridgeline.engine.model.CalibrationKey;
import dev.ridgeline.engine.model.Chip;
import dev.ridgeline.engine.model.Deployment;
import dev.ridgeline.engine.model.ModelConfig;
import dev.ridgeline.engine.model.Routing;

/**
 * Calibrated fidelity's readings of prefill's kernels ({@link PrefillKernels}) for one model, chip and NIC:
 * the attention core at FlashAttention-3's forward fraction, dispatch and combine at DeepEP's normal kernels, each
 * token sent once per destination under the model's group-limited routing.
 */
final class PrefillReadings {
    private final PrefillKernels kernels;
    private final ModelConfig model;
    private final Chip chip;
    private final double nicScale;
    private final double gap;

    PrefillReadings(PrefillKernels kernels, ModelConfig model, Chip chip, double nicScale, double gap) {
        this.kernels = kernels;
        this.model = model;
        this.chip = chip;
        this.nicScale = nicScale;
        this.gap = gap;
    }

    double attentionFraction(double length, double prefixPairs, double trianglePairs, double newTokens) {
        return kernels.attention().fraction(chip.calibration(), length, prefixPairs, trianglePairs, newTokens);
    }

    Basis attentionBasis(int headDimQk, int headDimV) {
        return kernels.attention().basis(chip.calibration(), headDimQk, headDimV);
    }

    /**
     * Copies of a token dispatch sends: once per destination its experts fall on (DeepEP's normal kernels: once per
     * node over RDMA, then over NVLink to the cards; inside the scale-up domain once per card), under the model's
     * group-limited routing ({@link Routing}); each expert's {@code moeTp} shards count as destinations of their own.
     */
    double destinations(Deployment d) {
        int cards = d.moeCards();
        if (chip.scaleUpCovers(cards)) {
            return Routing.expectedDestinations(model, d.ep()) * d.moeTp();
        }
        int domain = chip.scaleUpDomain();
        return Routing.expectedDestinations(model, (cards + domain - 1) / domain);
    }

    /**
     * Inside the scale-up domain at DeepEP's intranode fraction of the link; over the NIC at the normal kernels'
     * logical bandwidth at this EP size, scaled by the NIC's over CX7's; a kernel gap each.
     */
    double networkSeconds(DeepEpFit.Kind kind, double bytes, int cards) {
        if (chip.scaleUpCovers(cards)) {
            return bytes / (chip.scaleUpBandwidthBytesPerSec() * Calibration.SCALE_UP_FRACTION) + gap;
        }
        return gap + bytes * kernels.normalEp().inverseBandwidth(kind, cards) / nicScale;
    }

    Basis networkBasis(DeepEpFit.Kind kind, int cards) {
        boolean inside = chip.scaleUpCovers(cards);
        Basis b = kernels.normalEp().basis(kind, cards, inside, !inside && nicScale != 1.0);
        boolean otherChip = chip.calibration() != CalibrationKey.H800;
        return new Basis(b.fraction(), b.extrapolated() || otherChip, (inside ? Calibration.SCALE_UP_CITATION + "; "
                : "") + b.citation() + (otherChip ? "; measured on H800" : ""));
    }
}
