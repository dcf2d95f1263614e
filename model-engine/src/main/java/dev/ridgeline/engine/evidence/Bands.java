package dev.ridgeline.engine.evidence;

import dev.ridgeline.engine.Evaluation;
import dev.ridgeline.engine.calibration.Calibration;
import dev.ridgeline.engine.ops.OpKind;
import dev.ridgeline.engine.ops.Stage;
import dev.ridgeline.engine.plan.Plan;
import dev.ridgeline.engine.roofline.OpResult;
import dev.ridgeline.engine.schedule.Pipelines;

/**
 * P10-P90 bands of a calibrated evaluation's headline figures (issue 19). For each kernel family the ops of that
 * family are moved to the ends of their spread ({@link Uncertainty#spread}) and the step is put together again from
 * the op list the evaluation shows: the MoE layer's stages through the pipeline ({@link Pipelines#layerTime}), that
 * layer as many times as the evaluation repeats it, the step's own ops (the MTP module's layer moving with the MoE
 * layer), and the host's share of the GPU step, each taken from the evaluation itself. The families are taken as
 * independent: their log changes add in quadrature, each side apart ({@link Quadrature}). Seed fidelity has no band (it reproduces a post).
 * Costs one pass over some thirty ops per family and side; sweeps do not compute it per point.
 *
 * @param tpotSec           time per output step, seconds
 * @param userTokensPerSec  tokens/s per user
 * @param throughputPerCard tokens/s per card
 */
public record Bands(Band tpotSec, Band userTokensPerSec, Band throughputPerCard) {

    /** Per node of eight cards. */
    public Band throughputPerNode() {
        return throughputPerCard.times(Evaluation.CARDS_PER_NODE);
    }

    /** The bands of a calibrated evaluation; null in seed fidelity. */
    public static Bands of(Calibration cal, Evaluation e) {
        return of(cal, e, e.scenario());
    }

    /**
     * The bands of {@code e}'s op list with each op's spread as it would be in scenario {@code at} (another chip: its
     * distance from what was measured): a map's cells share the centre's ops and differ in how far they extrapolate,
     * without a plan built per cell. Null in seed fidelity.
     */
    public static Bands of(Calibration cal, Evaluation e, dev.ridgeline.engine.model.Scenario at) {
        if (!Plan.rules(e.scenario()).banded()) {
            return null;
        }
        Uncertainty u = Uncertainty.of(cal);
        double t = e.tpotSec();
        Quadrature q = new Quadrature();
        for (Uncertainty.Family f : Uncertainty.Family.values()) {
            q.add(Math.log(tpot(u, e, at, f, false) / t), Math.log(tpot(u, e, at, f, true) / t));
        }
        return new Bands(q.time(t), q.rate(e.userTokensPerSec()), q.rate(e.throughputPerCard()));
    }

    /** The step time with family {@code f}'s ops at the P90 ({@code high}) or P10 end of their spread. */
    static double tpot(Uncertainty u, Evaluation e, Uncertainty.Family f, boolean high) {
        return tpot(u, e, e.scenario(), f, high);
    }

    static double tpot(Uncertainty u, Evaluation e, dev.ridgeline.engine.model.Scenario at, Uncertainty.Family f,
                       boolean high) {
        return recomposed(e, op -> factor(u, at, op, f, high));
    }

    /** The step put together again from the evaluation's op list with each op's time times {@code factor}. */
    static double recomposed(Evaluation e, java.util.function.ToDoubleFunction<OpResult> factor) {
        double[] stage = new double[Stage.values().length];
        double[] moved = new double[Stage.values().length];
        for (OpResult op : e.ops()) {
            stage[op.stage().ordinal()] += op.timeSec();
            moved[op.stage().ordinal()] += op.timeSec() * factor.applyAsDouble(op);
        }
        double layer = Pipelines.layerTime(e.scenario().policy(), stage);
        double layerMoved = Pipelines.layerTime(e.scenario().policy(), moved);
        double host = 0;
        double outside = 0;
        double outsideMoved = 0;
        double hostFactor = 1;
        for (OpResult op : e.stepOps()) {
            double time = op.timePerLayerSec();
            if (op.kind() == OpKind.HOST) {
                host += time;
                hostFactor = factor.applyAsDouble(op);
            } else {
                outside += time;
                outsideMoved += op.kind() == OpKind.MTP_LAYER ? time * layerMoved / layer
                        : time * factor.applyAsDouble(op);
            }
        }
        double gpu = e.tpotSec() - host;
        double repeats = (gpu - outside) / layer;
        return (layerMoved * repeats + outsideMoved) * (1 + host / gpu * hostFactor);
    }

    private static double factor(Uncertainty u, dev.ridgeline.engine.model.Scenario at, OpResult op,
                                 Uncertainty.Family f, boolean high) {
        return Uncertainty.family(op.kind()) != f ? 1 : u.factors(op, at)[high ? 1 : 0];
    }
}
