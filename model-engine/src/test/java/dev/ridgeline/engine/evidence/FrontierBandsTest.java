package dev.ridgeline.engine.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.engine.Fixtures;
import dev.ridgeline.engine.io.Presets;
import dev.ridgeline.engine.model.Fidelity;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.space.Frontier;
import dev.ridgeline.engine.space.Space;
import org.junit.jupiter.api.Test;

/** The band along the frontier line (issue 19). */
class FrontierBandsTest {
    private static final Scenario DEFAULT = Presets.builtInScenario("default");

    @Test
    void theFrontierBandContainsTheLineAndTheAnswer() {
        Frontier.Result r = Frontier.compute(Fixtures.ENGINE, Space.explorerForDrawing(DEFAULT), 20);
        FrontierBands b = FrontierBands.of(Fixtures.ENGINE, r);
        assertEquals(r.frontier().size(), b.line().size());
        for (int i = 0; i < r.frontier().size(); i++) {
            double y = r.frontier().get(i).throughputPerCard();
            assertTrue(b.line().get(i).contains(y), i + ": " + y + " outside " + b.line().get(i));
            assertTrue(b.line().get(i).low() < y && y < b.line().get(i).high(), "a band with width, point " + i);
        }
        assertTrue(b.answer().contains(r.answer().throughputPerCard()));
    }

    @Test
    void bandsOnWorkerThreadsEqualTheSerialOnes() throws Exception {
        Frontier.Result r = Frontier.compute(Fixtures.ENGINE, Space.explorerForDrawing(DEFAULT), 20);
        FrontierBands serial = FrontierBands.of(Fixtures.ENGINE, r);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            // the parallel path must keep each band beside its own point (Parallel.map keeps the items' order)
            assertEquals(serial, FrontierBands.of(Fixtures.ENGINE, r, pool, 3, () -> false));
        } finally {
            pool.shutdownNow();
        }
        assertNull(FrontierBands.of(Fixtures.ENGINE, r, Runnable::run, 1, () -> true), "stopped: no band");
    }

    @Test
    void seedFidelityHasNoBand() {
        Frontier.Result r = Frontier.compute(Fixtures.ENGINE, Space.explorerForDrawing(DEFAULT.withFidelity(Fidelity.SEED)), 20);
        assertNull(FrontierBands.of(Fixtures.ENGINE, r));
    }
}
