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
        return layerTime(policy, stage[Stage.ATTN_0.ordinal()], stage[Stage.ATTN_1.ordinal()],
                stage[Stage.ATTN_REDUCE.ordinal()], stage[Stage.SHARED.ordinal()], stage[Stage.DISPATCH.ordinal()],
                stage[Stage.MOE.ordinal()], stage[Stage.COMBINE.ordinal()], stage[Stage.MOE_REDUCE.ordinal()]);
    }

    /**
     * {@link #layerTime(Policy, double[])} from the stage seconds themselves. The attention all-reduce follows attn-1
     * on the compute stream (its output feeds the router), the MoE all-reduce follows combine on the communication
     * stream; both are 0 without attention TP, which leaves seed 000's chains exactly as they were.
     */
    public static double layerTime(Policy policy, double a0, double a1, double attnReduce, double shared,
                                   double dispatch, double moe, double combine, double moeReduce) {
        // plain comparisons, not Math.max: the stage times are finite and positive, and the JIT keeps this cheaper
        if (policy == Policy.NAIVE) {
            return a0 + a1 + attnReduce + (dispatch >= shared ? dispatch : shared) + moe + combine + moeReduce;
        }
        double first = shared + a0;
        double attention = a1 + attnReduce;
        double back = combine + moeReduce;
        return 2 * ((first >= dispatch ? first : dispatch) + moe + (attention >= back ? attention : back));
    }

    /**
     * NAIVE, the chain of seed 000's console dump: attn-0, attn-1 (and its all-reduce under attention TP), then
     * dispatch beside the shared expert, the routed experts, and combine (and the MoE all-reduce). Layer = attn-0 +
     * attn-1 + attn all-reduce + max(dispatch, shared) + routed + combine + MoE all-reduce. A stage of no time (no
     * dispatch when the tokens are on every card, no all-reduce without attention TP) draws no interval.
     */
    static Schedule naive(StageTimes t) {
        List<Interval> out = new ArrayList<>(8);
        double a0 = t.attn0();
        double a1End = a0 + t.attn1();
        out.add(new Interval(Stage.ATTN_0, 0, Lane.COMPUTE, 0, a0, true));
        out.add(new Interval(Stage.ATTN_1, 0, Lane.COMPUTE, a0, a1End, true));
        double reduced = a1End + t.attnReduce();
        add(out, Stage.ATTN_REDUCE, 0, Lane.COMPUTE, a1End, reduced, true);
        boolean dispatchCritical = t.dispatch() >= t.shared();
        add(out, Stage.SHARED, 0, Lane.COMPUTE, reduced, reduced + t.shared(), !dispatchCritical);
        add(out, Stage.DISPATCH, 0, Lane.COMM, reduced, reduced + t.dispatch(), dispatchCritical);
        double moeStart = reduced + Math.max(t.dispatch(), t.shared());
        double moeEnd = moeStart + t.moe();
        out.add(new Interval(Stage.MOE, 0, Lane.COMPUTE, moeStart, moeEnd, true));
        double combineEnd = moeEnd + t.combine();
        add(out, Stage.COMBINE, 0, Lane.COMM, moeEnd, combineEnd, true);
        add(out, Stage.MOE_REDUCE, 0, Lane.COMM, combineEnd, combineEnd + t.moeReduce(), true);
        return new Schedule(out, combineEnd + t.moeReduce(), 1);
    }

    /** An interval, unless it takes no time (a stage the layout does not have). */
    private static void add(List<Interval> out, Stage stage, int mb, Lane lane, double start, double end, boolean critical) {
        if (end > start) {
            out.add(new Interval(stage, mb, lane, start, end, critical));
        }
    }

    /**
     * DUAL_MICRO_BATCH, DeepSeek's published decode split applied to every configuration, as seed 000 does. With
     * stage times of one micro-batch (B/2), the compute stream runs
     * {@code SHARED(0) ATTN-0(1) | MOE(0) | ATTN-1(1) | SHARED(1) ATTN-0(0) | MOE(1) | ATTN-1(0)} while the
     * communication stream runs DISPATCH(0) under the first phase, COMBINE(0) under ATTN-1(1), and so on. Under
     * attention TP, ATTN-1's all-reduce follows it on the compute stream and COMBINE's all-reduce follows it on the
     * communication stream. Layer = 2 · (max(shared + attn-0, dispatch) + routed + max(attn-1 + attn all-reduce,
     * combine + MoE all-reduce)).
     */
    static Schedule dualMicroBatch(StageTimes t) {
        List<Interval> out = new ArrayList<>(16);
        double now = 0;
        for (int mine = 0; mine < 2; mine++) {
            int other = 1 - mine;
            now = phase(out, t, now, Stage.SHARED, mine, Stage.ATTN_0, other, Stage.DISPATCH, mine, null);
            out.add(new Interval(Stage.MOE, mine, Lane.COMPUTE, now, now + t.moe(), true));
            now += t.moe();
            now = phase(out, t, now, Stage.ATTN_1, other, Stage.ATTN_REDUCE, other, Stage.COMBINE, mine,
                    Stage.MOE_REDUCE);
        }
        return new Schedule(out, now, 2);
    }

    /**
     * One overlapped phase from {@code start}: compute {@code first(firstMb)}, then {@code second(secondMb)}, while
     * the communication stream runs {@code comm(commMb)}, then {@code commAfter(commMb)} if given. The longer lane is
     * critical; returns the phase's end. Stages of no time draw no interval.
     */
    private static double phase(List<Interval> out, StageTimes t, double start, Stage first, int firstMb,
                                Stage second, int secondMb, Stage comm, int commMb, Stage commAfter) {
        double mid = start + t.of(first);
        double computeEnd = mid + t.of(second);
        double commMid = start + t.of(comm);
        double commEnd = commAfter == null ? commMid : commMid + t.of(commAfter);
        boolean computeCritical = computeEnd >= commEnd;
        add(out, first, firstMb, Lane.COMPUTE, start, mid, computeCritical);
        add(out, second, secondMb, Lane.COMPUTE, mid, computeEnd, computeCritical);
        add(out, comm, commMb, Lane.COMM, start, commMid, !computeCritical);
        if (commAfter != null) {
            add(out, commAfter, commMb, Lane.COMM, commMid, commEnd, !computeCritical);
        }
        return Math.max(computeEnd, commEnd);
    }
}
