package dev.ridgeline.engine.plan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.ridgeline.engine.Fixtures;
import dev.ridgeline.engine.RandomScenarios;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.roofline.OpResult;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The summary path and the detailed path of the kernel give the same headline figures, to the bit, over random
 * scenarios of every model, chip, NIC, fidelity and layout. They run one kernel, but not the same code throughout: each
 * op's summary code costs it alone while the detailed path records it in a method of its own (kept out of line by the
 * JIT, decision 0005), and the summary path reuses the MoE layer's attention for a dense layer over the same tokens.
 */
class SummaryEqualsRecordTest {
    @Test
    void seed20261207TheSummaryIsTheDetailedPathsHeadlineToTheBit() {
        SplittableRandom r = new SplittableRandom(20261207L);
        Summary summary = new Summary();
        for (int i = 0; i < 20_000; i++) {
            Scenario sc = RandomScenarios.next(r);
            Plan plan = Fixtures.ENGINE.plan(sc);
            plan.summarize(sc.deployment(), sc.numerics(), summary);
            Summary recorded = new Summary();
            List<OpResult> layerOps = new ArrayList<>();
            List<OpResult> stepOps = new ArrayList<>();
            plan.record(sc.deployment(), sc.numerics(), recorded, layerOps, stepOps);
            String what = sc.summary();
            assertFalse(layerOps.isEmpty(), what);
            assertEquals(recorded.layerTimeSec(), summary.layerTimeSec(), what);
            assertEquals(recorded.tpotSec(), summary.tpotSec(), what);
            assertEquals(recorded.rawTokensPerSec(), summary.rawTokensPerSec(), what);
            assertEquals(recorded.userTokensPerSec(), summary.userTokensPerSec(), what);
            assertEquals(recorded.throughputPerCard(), summary.throughputPerCard(), what);
            assertEquals(recorded.maxBatch(), summary.maxBatch(), what);
            assertEquals(recorded.fits(), summary.fits(), what);
            assertEquals(recorded.dominantBound(), summary.dominantBound(), what);
            assertEquals(recorded.hottestCardLoad(), summary.hottestCardLoad(), what);
            assertEquals(recorded.expertsRead(), summary.expertsRead(), what);
            assertEquals(recorded.expertSlots(), summary.expertSlots(), what);
            assertArrayEquals(recorded.stageSeconds(), summary.stageSeconds(), what);
        }
    }
}
