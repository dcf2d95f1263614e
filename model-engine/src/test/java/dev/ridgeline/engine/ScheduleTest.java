package dev.ridgeline.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.engine.model.Policy;
import dev.ridgeline.engine.ops.Stage;
import dev.ridgeline.engine.schedule.Interval;
import dev.ridgeline.engine.schedule.Lane;
import dev.ridgeline.engine.schedule.Pipelines;
import dev.ridgeline.engine.schedule.Schedule;
import dev.ridgeline.engine.schedule.StageTimes;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduleTest {
    // attn-0 1, attn-1 4, shared 2, dispatch 3, moe 5, combine 6 (arbitrary units)
    static final StageTimes T = new StageTimes(1, 4, 2, 3, 5, 6);

    @Test
    void naiveChainsTheStagesAndOverlapsOnlyDispatchWithShared() {
        // 1 + 4 + max(3, 2) + 5 + 6 = 19
        Schedule s = Pipelines.schedule(Policy.NAIVE, T);
        assertEquals(19, s.layerTimeSec(), 0.0);
        assertEquals(1, s.microBatches());
        assertEquals(List.of(Stage.ATTN_0, Stage.ATTN_1, Stage.DISPATCH, Stage.MOE, Stage.COMBINE),
                s.criticalPath().stream().map(Interval::stage).toList());
    }

    @Test
    void dualMicroBatchFollowsDeepSeeksSplit() {
        // per half: max(shared 2 + attn-0 1, dispatch 3) + moe 5 + max(attn-1 4, combine 6) = 3 + 5 + 6 = 14; x2 = 28
        Schedule s = Pipelines.schedule(Policy.DUAL_MICRO_BATCH, T);
        assertEquals(28, s.layerTimeSec(), 0.0);
        assertEquals(Pipelines.layerTime(Policy.DUAL_MICRO_BATCH, T.seconds()), s.layerTimeSec(), 0.0);
        List<String> compute = s.intervals().stream().filter(i -> i.lane() == Lane.COMPUTE).map(Interval::label).toList();
        assertEquals(List.of("SHARED(0)", "ATTN-0(1)", "MOE(0)", "ATTN-1(1)", "SHARED(1)", "ATTN-0(0)", "MOE(1)", "ATTN-1(0)"), compute);
        List<String> comm = s.intervals().stream().filter(i -> i.lane() == Lane.COMM).map(Interval::label).toList();
        assertEquals(List.of("DISPATCH(0)", "COMBINE(0)", "DISPATCH(1)", "COMBINE(1)"), comm);
        // COMBINE(0) runs under ATTN-1(1) and both start when MOE(0) ends
        Interval moe0 = s.intervals().get(3);
        assertEquals("MOE(0)", moe0.label());
        assertTrue(s.intervals().stream().filter(i -> i.label().equals("COMBINE(0)") || i.label().equals("ATTN-1(1)"))
                .allMatch(i -> i.startSec() == moe0.endSec()));
    }

    @Test
    void intervalsNeverOverlapOnALane() {
        for (Policy p : Policy.values()) {
            Schedule s = Pipelines.schedule(p, T);
            for (Lane lane : Lane.values()) {
                List<Interval> on = s.intervals().stream().filter(i -> i.lane() == lane)
                        .sorted(java.util.Comparator.comparingDouble(Interval::startSec)).toList();
                for (int i = 1; i < on.size(); i++) {
                    assertTrue(on.get(i).startSec() >= on.get(i - 1).endSec(), p + " " + lane);
                }
            }
            double last = s.intervals().stream().mapToDouble(Interval::endSec).max().orElse(0);
            assertEquals(last, s.layerTimeSec(), 0.0);
        }
    }

    @Test
    void engineScheduleAddsUpTheOpTimes() {
        Evaluation e = Fixtures.ENGINE.evaluate(Fixtures.seed("H800", "CX7"));
        double moe = e.ops().stream().filter(o -> o.stage() == Stage.MOE).mapToDouble(o -> o.timeSec()).sum();
        Interval moe0 = e.schedule().intervals().stream().filter(i -> i.label().equals("MOE(0)")).findFirst().orElseThrow();
        assertEquals(moe, moe0.durationSec(), 1e-15);
    }
}
