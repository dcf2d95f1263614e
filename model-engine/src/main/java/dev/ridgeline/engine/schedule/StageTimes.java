package dev.ridgeline.engine.schedule;

import dev.ridgeline.engine.ops.Stage;

/**
 * Seconds per stage for one (micro-)batch, indexed by {@link Stage#ordinal()}; the two all-reduces are 0 without
 * attention TP.
 */
public record StageTimes(double attn0, double attn1, double shared, double dispatch, double moe, double combine,
                         double attnReduce, double moeReduce) {

    /** Stage times without attention TP (no all-reduces). */
    public StageTimes(double attn0, double attn1, double shared, double dispatch, double moe, double combine) {
        this(attn0, attn1, shared, dispatch, moe, combine, 0, 0);
    }

    public static StageTimes of(double[] byStage) {
        return new StageTimes(byStage[Stage.ATTN_0.ordinal()], byStage[Stage.ATTN_1.ordinal()],
                byStage[Stage.SHARED.ordinal()], byStage[Stage.DISPATCH.ordinal()], byStage[Stage.MOE.ordinal()],
                byStage[Stage.COMBINE.ordinal()], byStage[Stage.ATTN_REDUCE.ordinal()],
                byStage[Stage.MOE_REDUCE.ordinal()]);
    }

    /** Seconds by {@link Stage#ordinal()}, as {@link Pipelines#layerTime} takes them. */
    public double[] seconds() {
        double[] out = new double[Stage.values().length];
        for (Stage stage : Stage.values()) {
            out[stage.ordinal()] = stage == Stage.STEP ? 0 : of(stage);
        }
        return out;
    }

    public double of(Stage stage) {
        switch (stage) {
            case ATTN_0: return attn0;
            case ATTN_1: return attn1;
            case SHARED: return shared;
            case DISPATCH: return dispatch;
            case MOE: return moe;
            case COMBINE: return combine;
            case ATTN_REDUCE: return attnReduce;
            case MOE_REDUCE: return moeReduce;
            default: throw new IllegalArgumentException("no layer stage " + stage);
        }
    }
}
