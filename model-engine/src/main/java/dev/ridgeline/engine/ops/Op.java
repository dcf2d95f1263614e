package dev.ridgeline.engine.ops;

import dev.ridgeline.engine.model.Dtype;

/** One operator of a decode layer: what it computes and moves, before any chip is applied. */
public sealed interface Op permits Op.Gemm, Op.MlaAttention, Op.AllToAll, Op.Elementwise {

    String name();

    Stage stage();

    /** What a GEMM's efficiency depends on: the promotion discount touches only the expert GEMMs. */
    enum GemmRole { ATTENTION, EXPERT_UP, EXPERT_DOWN }

    /**
     * {@code count} independent GEMMs of shape {@code M x K -> N}. Bytes = {@code M·K·inBytes + K·N·weightBytes +
     * M·N·outBytes} per GEMM; {@code weightBytes} 0 means the weights are not charged (seed 000's Q down and Q up).
     */
    record Gemm(String name, Stage stage, GemmRole role, double m, int k, int n, int count, Dtype dtype,
                double inBytes, double weightBytes, double outBytes) implements Op {
    }

    /**
     * FlashMLA over {@code sequences} sequences of {@code queriesPerSequence} = q·heads query rows. The GEMMs and the
     * softmax run over {@code computedKeys} keys (whole chunks in seed fidelity); the KV read covers
     * {@code contextTokens} keys of {@code kvWidth} elements.
     */
    record MlaAttention(String name, Stage stage, double sequences, int queriesPerSequence, int contextTokens,
                        int computedKeys, int chunks, int kvWidth, int valueWidth, Dtype kvDtype, Dtype gemmDtype)
            implements Op {
    }

    /** Element-wise vector work that streams {@code bytes} through HBM (RMSNorm). */
    record Elementwise(String name, Stage stage, double bytes, double flops) implements Op {
    }

    /** An all-to-all exchange of {@code bytes} per card over the NIC (dispatch or combine). */
    record AllToAll(String name, Stage stage, double bytes) implements Op {
    }
}
