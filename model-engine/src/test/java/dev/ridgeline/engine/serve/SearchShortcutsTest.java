package dev.ridgeline.engine.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.ridgeline.engine.Fixtures;
import dev.ridgeline.engine.model.Dtype;
import dev.ridgeline.engine.model.Fidelity;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.space.Space;
import org.junit.jupiter.api.Test;

/**
 * The served searches' shortcuts change no answer: the prefill search stops at the largest chunk that fits when no
 * TTFT limit is set, and the co-located search stops when a configuration's upper bound falls below the best found.
 * Each is checked against the same search without its shortcut, over chips of different balance (H800's 400 Gb/s NIC,
 * H20's low compute, H100) and workloads of different prefill share.
 */
class SearchShortcutsTest {
    static final Scenario[] CHIPS = {
        Fixtures.seed("H800", "CX7").withFidelity(Fidelity.CALIBRATED).withWeightDtype(Dtype.FP8),
        Fixtures.seed("H20", "CX7").withFidelity(Fidelity.CALIBRATED).withWeightDtype(Dtype.FP8),
        Fixtures.seed("H100 SXM5", "CX7").withFidelity(Fidelity.CALIBRATED).withWeightDtype(Dtype.FP8),
    };
    static final Workload[] WORKLOADS = {
        Workload.of(4096, 1024), Workload.of(16384, 256).withCacheHit(0.5), Workload.of(1024, 2048),
    };

    @Test
    void withoutATtftLimitTheLargestFittingChunkIsTheBest() {
        for (Scenario base : CHIPS) {
            for (Workload w : WORKLOADS) {
                PrefillSearch.Result cut = PrefillSearch.best(Fixtures.ENGINE, base, w, 0, Runnable::run, 1, () -> false);
                // a limit that never binds (an hour) makes the search try every chunk
                PrefillSearch.Result all = PrefillSearch.best(Fixtures.ENGINE, base,
                        w.withTtftLimit(Workload.MAX_TTFT_LIMIT_SEC), 0, Runnable::run, 1, () -> false);
                assertNotNull(cut.best(), base.chip().name() + " " + w);
                assertEquals(all.best().tokensPerSecPerCard(), cut.best().tokensPerSecPerCard(),
                        1e-12 * all.best().tokensPerSecPerCard(), base.chip().name() + " " + w);
            }
        }
    }

    @Test
    void theColocatedBoundPrunesNoBetterConfiguration() {
        for (Scenario base : CHIPS) {
            for (Workload w : WORKLOADS) {
                Served.Sized s = assertInstanceOf(Served.Sized.class, Serving.size(Fixtures.ENGINE, base, w));
                Space space = Space.explorer(Serving.decodeBase(base, w));
                ColocatedSearch.Worker worker = new ColocatedSearch.Worker(Fixtures.ENGINE, space);
                double best = 0;
                for (Scenario c : space.configurations()) {
                    Served.Together t = worker.bestOf(c, w);
                    if (t != null) {
                        best = Math.max(best, t.figures().outputPerCard());
                    }
                }
                double found = s.colocated() == null ? 0 : s.colocated().figures().outputPerCard();
                assertEquals(best, found, 1e-12 * best, base.chip().name() + " " + w);
            }
        }
    }
}
