package dev.ridgeline.engine.schedule;

import dev.ridgeline.engine.model.Policy;
import dev.ridgeline.engine.ops.Stage;
import java.util.ArrayList;
import java.util.List;

/**
 * The prefill layer pipelines (DESIGN 4c). NAIVE is decode's chain ({@link Pipelines#naive}). DUAL_MICRO_BATCH is
 * DeepSeek's prefill overlap (https://github.com/deepseek-ai/profile-data, README "Prefilling" and assets/prefill.jpg):
 * two micro-batches of the step's tokens, "executed alternately and the communication cost of one microbatch is hide
 * behind the computation of the other" (open-infra-index, day-6 overview), in the order
 * <pre>  compute: ATTN(1)  SHARED(0)  ATTN(0)  MOE(1)  MOE(0)  SHARED(1)
 *  comm:    COMBINE(0)  DISPATCH(1)  DISPATCH(0)  COMBINE(1)</pre>
 * where ATTN is attention with its norms and router (attn-0, attn-1 and, under attention TP, its all-reduce), and
 * SHARED(0) and COMBINE(0) belong to the layer before (micro-batch 0's attention of this layer needs them). Each op
 * starts when its stream is free and its inputs are ready: DISPATCH(i) after ATTN(i), MOE(i) after DISPATCH(i),
 * COMBINE(i) after MOE(i), SHARED(i) after ATTN(i), ATTN(i) after the layer before's COMBINE(i) and SHARED(i). The
 * layer time is the steady-state period of that schedule: the last of four layers simulated from an empty
 * pipeline (each layer's stages alike, so the period repeats from the second on). With no communication it is the
 * sum of both micro-batches' compute; with communication longer than compute, the communication stream's sum.
 */
public final class PrefillPipeline {
    /** Layers simulated; the last one's period is the steady state. */
    static final int LAYERS = 4;

    private PrefillPipeline() {
    }

    /** The layer time from the seconds of each stage of one micro-batch, by {@link Stage#ordinal()}. */
    public static double layerTime(Policy policy, double[] stage) {
        if (policy == Policy.NAIVE) {
            return Pipelines.layerTime(policy, stage);
        }
        return simulate(StageTimes.of(stage), null);
    }

    public static Schedule schedule(Policy policy, StageTimes t) {
        if (policy == Policy.NAIVE) {
            return Pipelines.naive(t);
        }
        List<Interval> out = new ArrayList<>(20);
        double period = simulate(t, out);
        return new Schedule(out, period, 2);
    }

    /**
     * Runs {@link #LAYERS} layers; returns the steady period (from one layer's first op to the next layer's) and, when
     * {@code out} is given, the last layer's intervals from its first op; the critical stream is the one whose work
     * ends last. Intervals may run past the period: the next layer's first ops overlap them.
     */
    static double simulate(StageTimes t, List<Interval> out) {
        double attn = t.attn0() + t.attn1() + t.attnReduce();
        double combine = t.combine() + t.moeReduce();
        double compute = 0;
        double comm = 0;
        // readiness carried from the layer before: micro-batch 0's routed experts and attention, micro-batch 1's
        // combine and shared expert
        double moe0Before = 0;
        double attn0Before = 0;
        double combine1Before = 0;
        double shared1Before = 0;
        double[] ref = new double[LAYERS];
        double[] s = new double[10];
        double[] e = new double[10];
        for (int layer = 0; layer < LAYERS; layer++) {
            s[0] = Math.max(compute, Math.max(combine1Before, shared1Before)); // ATTN(1)
            e[0] = s[0] + attn;
            s[1] = Math.max(comm, moe0Before);                                 // COMBINE(0), layer before
            e[1] = s[1] + combine;
            s[2] = Math.max(e[0], attn0Before);                                // SHARED(0), layer before
            e[2] = s[2] + t.shared();
            s[3] = Math.max(e[2], e[1]);                                       // ATTN(0)
            e[3] = s[3] + attn;
            s[4] = Math.max(e[1], e[0]);                                       // DISPATCH(1)
            e[4] = s[4] + t.dispatch();
            s[5] = Math.max(e[4], e[3]);                                       // DISPATCH(0)
            e[5] = s[5] + t.dispatch();
            s[6] = Math.max(e[3], e[4]);                                       // MOE(1)
            e[6] = s[6] + t.moe();
            s[7] = Math.max(e[6], e[5]);                                       // MOE(0)
            e[7] = s[7] + t.moe();
            s[8] = Math.max(e[5], e[6]);                                       // COMBINE(1)
            e[8] = s[8] + combine;
            s[9] = e[7];                                                       // SHARED(1)
            e[9] = s[9] + t.shared();
            ref[layer] = Math.min(s[0], s[1]);
            compute = e[9];
            comm = e[8];
            moe0Before = e[7];
            attn0Before = e[3];
            combine1Before = e[8];
            shared1Before = e[9];
        }
        double period = ref[LAYERS - 1] - ref[LAYERS - 2];
        if (out != null) {
            add(out, t, s, e, ref[LAYERS - 1], compute >= comm);
        }
        return period;
    }

    /** The last layer's intervals from its start, each stage split as the decode Gantt draws it. */
    private static void add(List<Interval> out, StageTimes t, double[] s, double[] e, double start, boolean computeCritical) {
        attention(out, t, 1, s[0] - start, computeCritical);
        interval(out, Stage.COMBINE, 0, Lane.COMM, s[1] - start, s[1] - start + t.combine(), !computeCritical);
        interval(out, Stage.MOE_REDUCE, 0, Lane.COMM, s[1] - start + t.combine(), e[1] - start, !computeCritical);
        interval(out, Stage.SHARED, 0, Lane.COMPUTE, s[2] - start, e[2] - start, computeCritical);
        attention(out, t, 0, s[3] - start, computeCritical);
        interval(out, Stage.DISPATCH, 1, Lane.COMM, s[4] - start, e[4] - start, !computeCritical);
        interval(out, Stage.DISPATCH, 0, Lane.COMM, s[5] - start, e[5] - start, !computeCritical);
        interval(out, Stage.MOE, 1, Lane.COMPUTE, s[6] - start, e[6] - start, computeCritical);
        interval(out, Stage.MOE, 0, Lane.COMPUTE, s[7] - start, e[7] - start, computeCritical);
        interval(out, Stage.COMBINE, 1, Lane.COMM, s[8] - start, s[8] - start + t.combine(), !computeCritical);
        interval(out, Stage.MOE_REDUCE, 1, Lane.COMM, s[8] - start + t.combine(), e[8] - start, !computeCritical);
        interval(out, Stage.SHARED, 1, Lane.COMPUTE, s[9] - start, e[9] - start, computeCritical);
    }

    private static void attention(List<Interval> out, StageTimes t, int mb, double from, boolean critical) {
        double a0 = from + t.attn0();
        double a1 = a0 + t.attn1();
        interval(out, Stage.ATTN_0, mb, Lane.COMPUTE, from, a0, critical);
        interval(out, Stage.ATTN_1, mb, Lane.COMPUTE, a0, a1, critical);
        interval(out, Stage.ATTN_REDUCE, mb, Lane.COMPUTE, a1, a1 + t.attnReduce(), critical);
    }

    private static void interval(List<Interval> out, Stage stage, int mb, Lane lane, double start, double end,
                                 boolean critical) {
        if (end > start) {
            out.add(new Interval(stage, mb, lane, start, end, critical));
        }
    }
}
