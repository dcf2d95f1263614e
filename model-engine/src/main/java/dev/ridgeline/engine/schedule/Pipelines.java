package dev.ridgeline.engine.schedule;

import dev.ridgeline.engine.model.Policy;
import dev.ridgeline.engine.ops.Stage;
import java.util.ArrayList;
import java.util.List;

/**
 * The two layer pipelines of seed 000 (DESIGN 3.7), as intervals on a compute and a communication lane.
 * The layer time is where the last interval ends; the views draw these intervals and compute nothing themselves.
 */
public final class Pipelines {
    private Pipelines() {
    }

    public static Schedule schedule(Policy policy, StageTimes t) {
        return policy == Policy.NAIVE ? naive(t) : dualMicroBatch(t);
    }

    /**
     * The layer time of {@link #schedule} without building intervals (the summary path), from the seconds of each
     * stage of one micro-batch indexed by {@link Stage#ordinal()}. The headline layer time of both the summary and the
     * detailed evaluation; the intervals end there too, up to rounding.
     */
    public static double layerTime(Policy policy, double[] stage) {
        return layerTime(policy, stage[0], stage[1], stage[2], stage[3], stage[4], stage[5]);
    }

    /** {@link #layerTime(Policy, double[])} from the stage seconds themselves. */
    public static double layerTime(Policy policy, double a0, double a1, double shared, double dispatch, double moe,
                                   double combine) {
        // plain comparisons, not Math.max: the stage times are finite and positive, and the JIT keeps this cheaper
        if (policy == Policy.NAIVE) {
            return a0 + a1 + (dispatch >= shared ? dispatch : shared) + moe + combine;
        }
        double first = shared + a0;
        return 2 * ((first >= dispatch ? first : dispatch) + moe + (a1 >= combine ? a1 : combine));
    }

    /**
     * NAIVE, the chain of seed 000's console dump: attn-0, attn-1, then dispatch beside the shared expert, the
     * routed experts, and combine. Layer = attn-0 + attn-1 + max(dispatch, shared) + routed + combine.
     */
    static Schedule naive(StageTimes t) {
        List<Interval> out = new ArrayList<>(6);
        double a0 = t.attn0();
        double a1End = a0 + t.attn1();
        out.add(new Interval(Stage.ATTN_0, 0, Lane.COMPUTE, 0, a0, true));
        out.add(new Interval(Stage.ATTN_1, 0, Lane.COMPUTE, a0, a1End, true));
        boolean dispatchCritical = t.dispatch() >= t.shared();
        out.add(new Interval(Stage.SHARED, 0, Lane.COMPUTE, a1End, a1End + t.shared(), !dispatchCritical));
        out.add(new Interval(Stage.DISPATCH, 0, Lane.COMM, a1End, a1End + t.dispatch(), dispatchCritical));
        double moeStart = a1End + Math.max(t.dispatch(), t.shared());
        double moeEnd = moeStart + t.moe();
        out.add(new Interval(Stage.MOE, 0, Lane.COMPUTE, moeStart, moeEnd, true));
        out.add(new Interval(Stage.COMBINE, 0, Lane.COMM, moeEnd, moeEnd + t.combine(), true));
        return new Schedule(out, moeEnd + t.combine(), 1);
    }

    /**
     * DUAL_MICRO_BATCH, DeepSeek's published decode split applied to every configuration, as seed 000 does. With
     * stage times of one micro-batch (B/2), the compute stream runs
     * {@code SHARED(0) ATTN-0(1) | MOE(0) | ATTN-1(1) | SHARED(1) ATTN-0(0) | MOE(1) | ATTN-1(0)} while the
     * communication stream runs DISPATCH(0) under the first phase, COMBINE(0) under ATTN-1(1), and so on.
     * Layer = 2 · (max(shared + attn-0, dispatch) + routed + max(attn-1, combine)).
     */
    static Schedule dualMicroBatch(StageTimes t) {
        List<Interval> out = new ArrayList<>(12);
        double now = 0;
        for (int mine = 0; mine < 2; mine++) {
            int other = 1 - mine;
            now = phase(out, t, now, Stage.SHARED, mine, Stage.ATTN_0, other, Stage.DISPATCH, mine);
            out.add(new Interval(Stage.MOE, mine, Lane.COMPUTE, now, now + t.moe(), true));
            now += t.moe();
            now = phase(out, t, now, Stage.ATTN_1, other, null, 0, Stage.COMBINE, mine);
        }
        return new Schedule(out, now, 2);
    }

    /**
     * One overlapped phase from {@code start}: compute {@code first(firstMb)}, then {@code second(secondMb)} if
     * given, while the NIC runs {@code comm(commMb)}. The longer lane is critical; returns the phase's end.
     */
    private static double phase(List<Interval> out, StageTimes t, double start, Stage first, int firstMb,
                                Stage second, int secondMb, Stage comm, int commMb) {
        double mid = start + t.of(first);
        double computeEnd = second == null ? mid : mid + t.of(second);
        double commEnd = start + t.of(comm);
        boolean computeCritical = computeEnd >= commEnd;
        out.add(new Interval(first, firstMb, Lane.COMPUTE, start, mid, computeCritical));
        if (second != null) {
            out.add(new Interval(second, secondMb, Lane.COMPUTE, mid, computeEnd, computeCritical));
        }
        out.add(new Interval(comm, commMb, Lane.COMM, start, commEnd, !computeCritical));
        return Math.max(computeEnd, commEnd);
    }
}
