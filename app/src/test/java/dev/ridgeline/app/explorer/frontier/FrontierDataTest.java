package dev.ridgeline.app.explorer.frontier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.engine.io.Presets;
import dev.ridgeline.engine.model.Dtype;
import dev.ridgeline.engine.model.Policy;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.space.Frontier;
import dev.ridgeline.engine.space.Space;
import dev.ridgeline.engine.sweep.Sweep;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The drawn data of a hand-made frontier: runs, colours, marks and ranges. */
class FrontierDataTest {
    private static final Scenario BASE = Presets.builtInScenario("default").withKvDtype(Dtype.FP8).withWeightDtype(Dtype.FP8);
    private static final Scenario DUAL = BASE.withPolicy(Policy.DUAL_MICRO_BATCH);
    private static final Scenario NAIVE = BASE.withPolicy(Policy.NAIVE);

    /** Configurations 0 (dual) and 1 (naive); the frontier goes dual, dual, naive, naive, dual. */
    private static Frontier.Result result() {
        Space space = new Space(List.of(DUAL, NAIVE), Sweep.Batches.allThatFit());
        List<Frontier.Point> frontier = List.of(new Frontier.Point(0, 64, 10, 4000), new Frontier.Point(0, 32, 20, 3000),
                new Frontier.Point(1, 16, 40, 2000), new Frontier.Point(1, 8, 80, 1000), new Frontier.Point(0, 2, 100, 300));
        List<Frontier.Point> points = new java.util.ArrayList<>(frontier);
        points.add(new Frontier.Point(1, 64, 8, 100));
        return new Frontier.Result(space, points, frontier, 20, null, false);
    }

    @Test
    void eachStretchOfOneGroupIsOneSeriesJoinedToTheNextAndColouredByItsGroup() {
        FrontierData d = FrontierData.of(result(), null, null, 20, ColourBy.POLICY);
        assertEquals(List.of("dual-mbatch", "naive"), d.groupNames());
        assertEquals(3, d.frontier.getSeriesCount(), "dual, naive, dual");
        // a stretch ends on the next stretch's first point: (10, 20, 40) then (40, 80, 100) then (100)
        assertEquals(3, d.frontier.getItemCount(0));
        assertEquals(40, d.frontier.getXValue(0, 2), 0.0);
        assertEquals(40, d.frontier.getXValue(1, 0), 0.0);
        assertEquals(100, d.frontier.getXValue(1, 2), 0.0);
        assertEquals(1, d.frontier.getItemCount(2));
        assertEquals(d.runColours.get(0), d.runColours.get(2), "the same group, the same colour");
        assertTrue(!d.runColours.get(0).equals(d.runColours.get(1)));
        assertEquals(6, d.cloud.getItemCount(0));
    }

    @Test
    void axesFrameEveryPointTheTargetAndTheCurrentScenario() {
        FrontierData d = FrontierData.of(result(), null, null, 5, ColourBy.AUTO);
        // x from 5 (the target, below the slowest point's 8) to 100; a margin of 15 % on the log axis; y from 0 to 4000
        assertEquals(5 / 1.15, d.xLow, 1e-12);
        assertEquals(100 * 1.15, d.xHigh, 1e-12);
        assertEquals(4000 * 1.08, d.yHigh, 1e-9);
        assertEquals(0, d.marks.getItemCount(FrontierData.BEST), "no answer, no ring");
        assertEquals(0, d.marks.getItemCount(FrontierData.CURRENT));
    }
}
