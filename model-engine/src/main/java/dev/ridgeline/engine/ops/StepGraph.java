package dev.ridgeline.engine.ops;

import dev.ridgeline.engine.model.ModelConfig;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.ops.Op.GemmRole;
import java.util.ArrayList;
import java.util.List;

/**
 * Work of one decode step outside the MoE layers (calibrated fidelity), at the full batch B of the card: the dense
 * layers (attention, norms, a dense SwiGLU FFN) and the LM head. The MTP module's layer is timed by the engine as one
 * more MoE layer.
 */
public final class StepGraph {
    private StepGraph() {
    }

    /** Ops of one dense layer (run {@code denseLayers} times per step). */
    public static List<Op> denseLayer(Scenario s) {
        ModelConfig m = s.model();
        double tokens = (double) s.batchPerCard() * s.tokensPerStep();
        double wb = s.weightDtype().bytes();
        List<Op> ops = new ArrayList<>();
        ops.add(LayerGraph.rmsNorm("Dense: attention norm", Stage.STEP, tokens, m.hiddenSize()));
        for (Op op : LayerGraph.attention(s, s.batchPerCard(), true)) {
            ops.add(restage(op));
        }
        ops.add(LayerGraph.rmsNorm("Dense: FFN norm", Stage.STEP, tokens, m.hiddenSize()));
        ops.add(new Op.Gemm("Dense: FFN up", Stage.STEP, GemmRole.ATTENTION, tokens, m.hiddenSize(),
                2 * m.denseIntermediateSize(), 1, s.weightDtype(), wb, wb, LayerGraph.ATTENTION_OUT_BYTES));
        ops.add(new Op.Gemm("Dense: FFN down", Stage.STEP, GemmRole.ATTENTION, tokens, m.denseIntermediateSize(),
                m.hiddenSize(), 1, s.weightDtype(), wb, wb, LayerGraph.ATTENTION_OUT_BYTES));
        return ops;
    }

    /** The output head on every token of the step: {@code tokens x hidden -> vocab}. */
    public static Op lmHead(Scenario s, String name, double tokens) {
        double wb = s.weightDtype().bytes();
        return new Op.Gemm(name, Stage.STEP, GemmRole.ATTENTION, tokens, s.model().hiddenSize(), s.model().vocabSize(),
                1, s.weightDtype(), wb, wb, LayerGraph.ATTENTION_OUT_BYTES);
    }

    /**
     * Sampling the next token of every sequence from the LM head's FP32 logits: a softmax pass and a sampling pass
     * over {@code tokens x vocab} logits, 8 bytes and about 3 operations per logit (exp, sum, compare); memory-bound.
     */
    public static Op sampling(Scenario s) {
        double logits = (double) s.batchPerCard() * s.tokensPerStep() * s.model().vocabSize();
        return new Op.Elementwise("Sampling", Stage.STEP, 8.0 * logits, 3.0 * logits);
    }

    /** MTP's projection of [embedding; hidden] back to hidden, one token per sequence. */
    public static Op mtpProjection(Scenario s) {
        double wb = s.weightDtype().bytes();
        int h = s.model().hiddenSize();
        return new Op.Gemm("MTP: eh projection", Stage.STEP, GemmRole.ATTENTION, s.batchPerCard(), 2 * h, h, 1,
                s.weightDtype(), wb, wb, LayerGraph.ATTENTION_OUT_BYTES);
    }

    private static Op restage(Op op) {
        if (op instanceof Op.Gemm) {
            Op.Gemm g = (Op.Gemm) op;
            return new Op.Gemm("Dense: " + g.name(), Stage.STEP, g.role(), g.m(), g.k(), g.n(), g.count(), g.dtype(),
                    g.inBytes(), g.weightBytes(), g.outBytes());
        }
        Op.Attention a = (Op.Attention) op;
        return a.restaged("Dense: " + a.name(), Stage.STEP);
    }
}
