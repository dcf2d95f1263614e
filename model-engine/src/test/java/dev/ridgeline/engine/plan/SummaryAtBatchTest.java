package dev.ridgeline.engine.plan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.engine.Fixtures;
import dev.ridgeline.engine.RandomScenarios;
import dev.ridgeline.engine.model.Deployment;
import dev.ridgeline.engine.model.Scenario;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A sweep's point ({@link Plan#summarize(Deployment, int, dev.ridgeline.engine.model.Numerics, Summary)}: a
 * configuration at a batch, without copying its deployment) against the deployment copied to that batch and summarized
 * afresh: every figure the same, to the bit, over random scenarios of every model, chip, NIC, fidelity and layout, with
 * one result object reused from point to point as a sweep reuses it.
 */
class SummaryAtBatchTest {
    @Test
    void seed20261207APointAtABatchIsTheDeploymentCopiedToThatBatch() {
        SplittableRandom r = new SplittableRandom(20261207);
        Summary reused = new Summary();
        int fitting = 0;
        for (int i = 0; i < 20_000; i++) {
            Scenario sc = RandomScenarios.next(r);
            Plan plan = Fixtures.ENGINE.plan(sc);
            int batch = r.nextInt(4) == 0 ? 1 + r.nextInt(Deployment.MAX_BATCH) : 1 + r.nextInt(256);
            Summary copied = new Summary();
            plan.summarize(sc.deployment().withBatch(batch), sc.numerics(), copied);
            plan.summarize(sc.deployment(), batch, sc.numerics(), reused);
            String what = sc.summary() + " at batch " + batch;
            assertEquals(copied.layerTimeSec(), reused.layerTimeSec(), what);
            assertEquals(copied.tpotSec(), reused.tpotSec(), what);
            assertEquals(copied.rawTokensPerSec(), reused.rawTokensPerSec(), what);
            assertEquals(copied.userTokensPerSec(), reused.userTokensPerSec(), what);
            assertEquals(copied.throughputPerCard(), reused.throughputPerCard(), what);
            assertEquals(copied.maxBatch(), reused.maxBatch(), what);
            assertEquals(copied.fits(), reused.fits(), what);
            assertEquals(copied.dominantBound(), reused.dominantBound(), what);
            assertEquals(copied.hottestCardLoad(), reused.hottestCardLoad(), what);
            assertEquals(copied.expertsRead(), reused.expertsRead(), what);
            assertEquals(copied.expertSlots(), reused.expertSlots(), what);
            assertArrayEquals(copied.stageSeconds(), reused.stageSeconds(), what);
            fitting += copied.fits() ? 1 : 0;
        }
        // both sides of the memory check were reached
        assertTrue(fitting > 2_000 && fitting < 18_000, "points that fit: " + fitting);
    }

    @Test
    void theKernelsMemoryFiguresAreTheBreakdownsAtEveryBatch() {
        // the kernel reads memory as numbers (no record); the breakdown the detailed path shows must agree with it
        SplittableRandom r = new SplittableRandom(7);
        Summary s = new Summary();
        for (int i = 0; i < 5_000; i++) {
            Scenario sc = RandomScenarios.next(r);
            Plan plan = Fixtures.ENGINE.plan(sc);
            int batch = 1 + r.nextInt(Deployment.MAX_BATCH);
            plan.summarize(sc.deployment(), batch, sc.numerics(), s);
            var breakdown = plan.memory(sc.deployment().withBatch(batch), sc.numerics());
            assertEquals(dev.ridgeline.engine.memory.MemoryModel.maxBatch(breakdown), s.maxBatch(), sc.summary());
            assertEquals(breakdown.freeBytes() >= 0, s.fits(), sc.summary() + " at batch " + batch);
        }
    }

    @Test
    void aBatchOutsideTheDeploymentsRangeIsRefused() {
        Scenario sc = dev.ridgeline.engine.io.Presets.builtInScenario("default");
        Plan plan = Fixtures.ENGINE.plan(sc);
        for (int bad : new int[] {0, -3, Deployment.MAX_BATCH + 1}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> plan.summarize(sc.deployment(), bad, sc.numerics(), new Summary()));
            assertTrue(e.getMessage().contains("was " + bad), e.getMessage());
        }
    }
}
