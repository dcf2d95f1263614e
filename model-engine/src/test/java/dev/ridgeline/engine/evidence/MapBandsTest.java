package dev.ridgeline.engine.evidence;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.engine.Fixtures;
import dev.ridgeline.engine.io.Presets;
import dev.ridgeline.engine.model.Fidelity;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.space.FieldMap;
import dev.ridgeline.engine.space.Knob;
import org.junit.jupiter.api.Test;

/** How wide the band is across a map (issue 19: hatched where wider than a contour step). */
class MapBandsTest {
    private static final Scenario DEFAULT = Presets.builtInScenario("default");
    private static final Knob HBM = Knob.field("HBM bandwidth");
    private static final Knob FP8 = Knob.field("FP8 tensor rate");

    private static FieldMap.Result map(Scenario s) {
        double[] xs = FieldMap.axis(HBM, HBM.of(s), 4, 5);
        double[] ys = FieldMap.axis(FP8, FP8.of(s), 4, 5);
        return FieldMap.compute(Fixtures.ENGINE, s, HBM, FP8, xs, ys, 20, Runnable::run, 1, () -> false, p -> { });
    }

    @Test
    void theBandWidensAwayFromTheMeasuredChip() {
        FieldMap.Result r = map(DEFAULT);
        double[][] w = MapBands.relativeWidths(Fixtures.ENGINE, r);
        int i = r.currentIndex(r.xs(), HBM.of(DEFAULT));
        int j = r.currentIndex(r.ys(), FP8.of(DEFAULT));
        // H800 as measured sits in the middle; a chip with 4x the bandwidth and 4x the FP8 rate lies further from
        // every measurement, so its band is wider (the widening is log distance times the FlashMLA transfer rate)
        assertTrue(w[j][i] > 0, "a band with width");
        assertTrue(w[r.ys().length - 1][r.xs().length - 1] > w[j][i], w[r.ys().length - 1][r.xs().length - 1] + " vs " + w[j][i]);
        assertTrue(w[0][0] > w[j][i], w[0][0] + " vs " + w[j][i]);
    }

    @Test
    void seedFidelityHasNoBand() {
        assertNull(MapBands.relativeWidths(Fixtures.ENGINE, map(DEFAULT.withFidelity(Fidelity.SEED))));
    }
}
