package dev.ridgeline.engine.evidence;

import dev.ridgeline.engine.Engine;
import dev.ridgeline.engine.model.Fidelity;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.space.FieldMap;

/**
 * How wide the P10-P90 band of throughput per card is across a map of two fields (issue 19), so the map can hatch
 * where it is wider than a contour step. The band at each cell is that of the scenario's own deployment moved to the
 * cell's field values: the band follows the chip's distance from what was measured far more than the deployment, and
 * a map does not keep each cell's best deployment (one evaluation a cell, no search: a search over the explorer's
 * space took longer than the map's own sweep on two loaded cores).
 */
public final class MapBands {
    private MapBands() {
    }

    /**
     * {@code width[j][i]}: the band's width over the figure, (high - low) / throughput per card, at (xs[i], ys[j]);
     * NaN where the cell's values are refused. Null in seed fidelity.
     */
    public static double[][] relativeWidths(Engine engine, FieldMap.Result r) {
        Scenario s = r.scenario();
        if (s.fidelity() == Fidelity.SEED) {
            return null;
        }
        double[][] out = new double[r.ys().length][r.xs().length];
        for (int j = 0; j < r.ys().length; j++) {
            for (int i = 0; i < r.xs().length; i++) {
                double w;
                try {
                    var e = engine.evaluate(r.y().with(r.x().with(s, r.xs()[i]), r.ys()[j]));
                    w = Bands.of(engine.calibration(), e).throughputPerCard().relativeWidth(e.throughputPerCard());
                } catch (IllegalArgumentException refused) {
                    w = Double.NaN;
                }
                out[j][i] = w;
            }
        }
        return out;
    }
}
