package dev.ridgeline.engine.evidence;

import dev.ridgeline.engine.Engine;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.plan.Plan;
import dev.ridgeline.engine.space.FieldMap;

/**
 * How wide the P10-P90 band of throughput per card is across a map of two fields (issue 19), so the map can hatch
 * where it is wider than a contour step. The band at each cell is the scenario's own op list with each op's spread as
 * on the cell's chip ({@link Bands#of(dev.ridgeline.engine.calibration.Calibration, dev.ridgeline.engine.Evaluation,
 * Scenario)}): the band follows the chip's distance from what was measured far more than the op mix, and this costs one
 * evaluation for the whole map (an evaluation per cell built a plan per cell, a minute on two loaded cores; a search
 * for each cell's best deployment would cost the map's own sweep again).
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
        if (!Plan.rules(s).banded()) {
            return null;
        }
        var centre = engine.evaluate(s);
        double[][] out = new double[r.ys().length][r.xs().length];
        for (int j = 0; j < r.ys().length; j++) {
            for (int i = 0; i < r.xs().length; i++) {
                double w;
                try {
                    Scenario cell = r.y().with(r.x().with(s, r.xs()[i]), r.ys()[j]);
                    w = Bands.of(engine.calibration(), centre, cell).throughputPerCard()
                            .relativeWidth(centre.throughputPerCard());
                } catch (IllegalArgumentException refused) {
                    w = Double.NaN;
                }
                out[j][i] = w;
            }
        }
        return out;
    }
}
