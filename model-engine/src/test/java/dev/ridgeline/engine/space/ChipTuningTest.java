package dev.ridgeline.engine.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.engine.Fixtures;
import dev.ridgeline.engine.model.CalibrationKey;
import dev.ridgeline.engine.model.Chip;
import dev.ridgeline.engine.model.Dtype;
import dev.ridgeline.engine.model.Fa3Mode;
import dev.ridgeline.engine.model.Nic;
import dev.ridgeline.engine.model.Policy;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.sweep.Sweep;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ChipTuningTest {
    static final Scenario H800 = Fixtures.seed("H800", "CX7").withKvDtype(Dtype.FP8).withWeightDtype(Dtype.FP8)
            .withBatch(64);
    static final Knob HBM_BANDWIDTH = Knob.field("HBM bandwidth");

    /**
     * A chip on which only HBM bandwidth costs time: tensor and vector rates at 1e18/s (compute ~1e-6 of the
     * memory time), no reduction latency, a 1 PB/s NIC whose transfers hide under the dual micro-batch's compute.
     * Every op is memory-bound, so the layer time is (bytes moved) / bandwidth and a fixed deployment's throughput
     * per card is proportional to the bandwidth.
     */
    static Scenario memoryBound() {
        Chip chip = new Chip("Membound", "test", 1000e9, 1000e9, 1e18, 1e18, 1e18, 1e18, 0, Fa3Mode.NONE, false, "",
                1, 0, CalibrationKey.NONE, dev.ridgeline.engine.model.CardCost.NONE);
        Nic nic = new Nic("Fat", "test", 1e15, 0);
        return Fixtures.seed("H800", "CX7").withChip(chip).withNic(nic).withPolicy(Policy.DUAL_MICRO_BATCH)
                .withBatch(64).withEp(256).withKvDtype(Dtype.FP8).withWeightDtype(Dtype.FP8);
    }

    /** Only the scenario's own deployment: no re-optimisation, so the scaling is exact. */
    static final Function<Scenario, Space> FIXED = s -> new Space(List.of(s), Sweep.Batches.asGiven());

    @Test
    void doublingTheThroughputOfAMemoryBoundDeploymentNeedsTwiceTheBandwidth() {
        Scenario s = memoryBound();
        double perCard = Fixtures.ENGINE.summarize(s).throughputPerCard();
        double tps = Fixtures.ENGINE.summarize(s).userTokensPerSec();
        // t ∝ 1/bw: twice the throughput per card at the same deployment takes 2 x 1000 GB/s
        Solve.Answer a = Solve.solve(Fixtures.ENGINE, s, HBM_BANDWIDTH, new Solve.Target(tps / 2, 2 * perCard, false), FIXED);
        assertNotNull(a.required());
        assertEquals(2000, a.required(), 2000 * 2e-4, a.reason());
        assertEquals(1000, a.current(), 0.0);
        assertEquals(1.0, a.change(), 2e-4);
    }

    @Test
    void solvedValueReachesTheTargetAndOnePercentLessDoesNot() {
        double target = 20;
        double now = Sensitivity.headline(Fixtures.ENGINE, H800, target);
        Solve.Target t = new Solve.Target(target, now * 1.10, false);
        for (Knob k : List.of(HBM_BANDWIDTH, Knob.field("NIC bandwidth"))) {
            Solve.Answer a = Solve.solve(Fixtures.ENGINE, H800, k, t);
            if (a.required() == null) {
                assertTrue(a.reason().startsWith("not reachable by this field alone"), a.reason());
                continue;
            }
            assertTrue(Solve.reaches(Fixtures.ENGINE, H800, k, a.required(), t, Space::explorer), k.name());
            assertFalse(Solve.reaches(Fixtures.ENGINE, H800, k, a.required() * 0.99, t, Space::explorer), k.name());
            assertTrue(a.required() > a.current(), "10 % more than now needs more of " + k.name());
        }
    }

    @Test
    void aFieldThatCannotReachTheTargetSaysWhatStopsIt() {
        // DeepSeek-V3 on H800 at 20 tokens/s per user: no amount of memory capacity alone gives 100x the throughput
        double now = Sensitivity.headline(Fixtures.ENGINE, H800, 20);
        Solve.Answer a = Solve.solve(Fixtures.ENGINE, H800, Knob.field("HBM capacity"), new Solve.Target(20, 100 * now, false));
        assertNull(a.required());
        assertTrue(a.reason().startsWith("not reachable by this field alone: at "), a.reason());
        assertTrue(a.reason().endsWith("-bound"), a.reason());
    }

    @Test
    void theMapsCellAtTheCurrentChipIsTheHeadline() {
        Knob x = HBM_BANDWIDTH;
        Knob y = Knob.field("FP8 tensor rate");
        double[] xs = FieldMap.axis(x, x.of(H800), 4, 5);
        double[] ys = FieldMap.axis(y, y.of(H800), 4, 5);
        FieldMap.Result m = FieldMap.compute(Fixtures.ENGINE, H800, x, y, xs, ys, 20, Runnable::run, 1, () -> false, p -> { });
        int i = m.currentIndex(xs, x.of(H800));
        int j = m.currentIndex(ys, y.of(H800));
        assertEquals(2, i);
        assertEquals(2, j);
        assertEquals(Sensitivity.headline(Fixtures.ENGINE, H800, 20), m.headline()[j][i], 0.0);
        // more bandwidth and more FLOP/s never lower the headline
        for (int jj = 0; jj < ys.length; jj++) {
            for (int ii = 1; ii < xs.length; ii++) {
                assertTrue(m.headline()[jj][ii] >= m.headline()[jj][ii - 1] * (1 - 1e-12));
            }
        }
    }

    @Test
    void sensitivityRanksTheKnobsAndSaysWhichChangeNothing() {
        Sensitivity.Result r = Sensitivity.compute(Fixtures.ENGINE, H800, 20, 0.1);
        assertEquals(Sensitivity.headline(Fixtures.ENGINE, H800, 20), r.headline(), 0.0);
        for (int k = 1; k < r.bars().size(); k++) {
            assertTrue(r.bars().get(k - 1).swing(r.headline()) >= r.bars().get(k).swing(r.headline()));
        }
        Sensitivity.Bar hbm = r.bars().stream().filter(b -> b.knob().name().equals("HBM bandwidth")).findFirst().orElseThrow();
        assertEquals(3350 * 0.9, hbm.down().value(), 1e-9);
        assertTrue(hbm.up().headline() >= r.headline() && hbm.down().headline() <= r.headline());
        // seed fidelity keeps no memory reserve: moving it changes nothing, and the bar says so
        Sensitivity.Bar reserve = r.bars().stream().filter(b -> b.knob().name().equals("Memory reserve")).findFirst().orElseThrow();
        assertTrue(reserve.changesNothing(r.headline(), r.fixed()));
    }
}
