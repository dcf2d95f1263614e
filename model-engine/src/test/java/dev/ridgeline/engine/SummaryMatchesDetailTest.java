package dev.ridgeline.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.plan.Summary;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The summary path (no op lists) and the detailed evaluation give the same headline figures, to a relative 1e-12,
 * over 100,000 random scenarios covering every model, chip, NIC, fidelity, policy, dtype and MTP depth.
 */
class SummaryMatchesDetailTest {
    static final int CASES = 100_000;

    @Test
    void seed20261130EveryHeadlineAgrees() {
        SplittableRandom r = new SplittableRandom(20261130);
        Engine engine = Fixtures.ENGINE;
        Summary s = new Summary();
        for (int i = 0; i < CASES; i++) {
            Scenario sc = RandomScenarios.next(r);
            Evaluation e = engine.evaluate(sc);
            engine.plan(sc).summarize(sc.deployment(), sc.numerics(), s);
            close(e.layerTimeSec(), s.layerTimeSec(), "layer time", sc);
            close(e.tpotSec(), s.tpotSec(), "TPOT", sc);
            close(e.userTokensPerSec(), s.userTokensPerSec(), "user tokens/s", sc);
            close(e.throughputPerCard(), s.throughputPerCard(), "throughput per card", sc);
            assertEquals(e.maxBatch(), s.maxBatch(), () -> "max batch " + sc.summary());
            assertEquals(e.fit().fits(), s.fits(), () -> "fits " + sc.summary());
            assertEquals(e.dominantBound(), s.dominantBound(), () -> "bound " + sc.summary());
            // the schedule the Gantt draws ends where the headline layer time says
            close(e.layerTimeSec(), e.schedule().layerTimeSec(), "schedule end", sc);
        }
    }

    private static void close(double expected, double actual, String what, Scenario sc) {
        assertEquals(expected, actual, 1e-12 * Math.abs(expected), () -> what + " in " + sc.summary());
    }
}
