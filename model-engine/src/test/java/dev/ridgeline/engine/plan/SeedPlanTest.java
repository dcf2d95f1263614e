package dev.ridgeline.engine.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ridgeline.engine.Fixtures;
import dev.ridgeline.engine.model.Scenario;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SeedPlanTest {
    @Test
    void seed31ChunksAreTheCeilingOfContextOverChunkWithoutADivision() {
        // the kernel estimates ceil(L / chunk) with a reciprocal and corrects it; the definition is the integer ceiling
        SplittableRandom r = new SplittableRandom(31);
        for (int i = 0; i < 20_000; i++) {
            int chunk = 1 + r.nextInt(i % 2 == 0 ? 8192 : Scenario.MAX_CONTEXT);
            Scenario s = Fixtures.seed("H800", "CX7").withFaChunk(chunk);
            SeedPlan plan = (SeedPlan) Plan.of(s, Fixtures.ENGINE.calibration());
            for (int k = 0; k < 20; k++) {
                int context = 1 + r.nextInt(k % 2 == 0 ? 4 * chunk : Scenario.MAX_CONTEXT);
                assertEquals((context + chunk - 1) / chunk, plan.chunks(context), () -> context + " / " + chunk);
            }
            assertEquals(1, plan.chunks(chunk));
            assertEquals(2, plan.chunks(chunk + 1));
        }
    }
}
