package dev.ridgeline.engine.evidence;

import dev.ridgeline.engine.PrefillEvaluation;
import dev.ridgeline.engine.calibration.Calibration;
import dev.ridgeline.engine.plan.Plan;
import dev.ridgeline.engine.ops.Stage;
import dev.ridgeline.engine.roofline.OpResult;
import dev.ridgeline.engine.schedule.PrefillPipeline;
import java.util.function.ToDoubleFunction;

/**
 * The P10-P90 band of a calibrated prefill step's tokens/s per card, as {@link Bands} does for decode: for each of
 * prefill's kernel families ({@link Uncertainty.PrefillFamily}) its ops are moved to the ends of their held-out spread,
 * widened for extrapolation ({@link Uncertainty#prefillSpread}), and the step is put together again from the op list the
 * evaluation shows: the MoE layer's stages through prefill's pipeline ({@link PrefillPipeline#layerTime}) times the
 * evaluation's MoE layers, plus the dense layers and the LM head. The families are taken as independent and combined as decode's are
 * ({@link Quadrature}). Seed fidelity has no band.
 */
public final class PrefillBands {
    private PrefillBands() {
    }

    /** The band of {@link PrefillEvaluation#tokensPerSecPerCard}; null in seed fidelity. */
    public static Band tokensPerSecPerCard(Calibration cal, PrefillEvaluation e) {
        if (!Plan.rules(e.scenario()).banded()) {
            return null;
        }
        Uncertainty u = Uncertainty.of(cal);
        double t = e.stepSec();
        Quadrature q = new Quadrature();
        for (Uncertainty.PrefillFamily f : Uncertainty.PrefillFamily.values()) {
            q.add(Math.log(step(e, op -> factor(u, e, op, f, false)) / t),
                    Math.log(step(e, op -> factor(u, e, op, f, true)) / t));
        }
        return q.rate(e.tokensPerSecPerCard());
    }

    /**
     * The step put together again from the evaluation's op list, each op's time times {@code factor}: with a factor
     * of 1 it is the evaluation's step ({@code PrefillBandsTest}).
     */
    static double step(PrefillEvaluation e, ToDoubleFunction<OpResult> factor) {
        double[] stage = new double[Stage.values().length];
        for (OpResult op : e.ops()) {
            stage[op.stage().ordinal()] += op.timeSec() * factor.applyAsDouble(op);
        }
        double outside = 0;
        for (OpResult op : e.stepOps()) {
            outside += op.timePerLayerSec() * factor.applyAsDouble(op);
        }
        return PrefillPipeline.layerTime(e.scenario().policy(), stage) * e.scenario().model().moeLayers() + outside;
    }

    private static double factor(Uncertainty u, PrefillEvaluation e, OpResult op, Uncertainty.PrefillFamily f,
                                 boolean high) {
        if (Uncertainty.prefillFamily(op.kind()) != f) {
            return 1;
        }
        Spread s = u.prefillSpread(op, e.scenario());
        return Math.exp(high ? s.p90() : s.p10());
    }
}
