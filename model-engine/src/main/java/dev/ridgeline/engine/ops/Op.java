package dev.ridgeline.engine.ops;

import dev.ridgeline.engine.model.Dtype;

/** One operator of a decode layer: what it computes and moves, before any chip is applied. */
public sealed interface Op permits Op.Gemm, Op.Attention, Op.AllToAll, Op.Elementwise {

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
     * An attention core over {@code sequences} sequences of {@code queriesPerSequence} = q·heads query rows: QK^T
     * over {@link #qkWidth()} and PV over {@link #pvWidth()} for every query row and computed key (whole chunks in
     * seed fidelity), and a KV read of {@code contextTokens · kvElementsPerToken()} elements per sequence.
     */
    sealed interface Attention extends Op permits MlaAttention, GqaAttention {
        double sequences();

        int queriesPerSequence();

        int contextTokens();

        int computedKeys();

        int chunks();

        Dtype kvDtype();

        Dtype gemmDtype();

        /** Contraction width of QK^T per score. */
        int qkWidth();

        /** Output width of PV per query row. */
        int pvWidth();

        /** KV-cache elements read per context token and sequence. */
        int kvElementsPerToken();

        /** This op under another name and stage (the dense layers reuse the MoE layer's attention). */
        Attention restaged(String newName, Stage newStage);
    }

    /**
     * FlashMLA over {@code sequences} sequences of {@code queriesPerSequence} = q·heads query rows. The GEMMs and the
     * softmax run over {@code computedKeys} keys (whole chunks in seed fidelity); the KV read covers
     * {@code contextTokens} keys of {@code kvWidth} elements.
     */
    record MlaAttention(String name, Stage stage, double sequences, int queriesPerSequence, int contextTokens,
                        int computedKeys, int chunks, int kvWidth, int valueWidth, Dtype kvDtype, Dtype gemmDtype)
            implements Attention {
        /** QK^T runs over the whole cached entry, latent plus RoPE key (576). */
        @Override
        public int qkWidth() {
            return kvWidth;
        }

        /** PV runs over the latent (512); V absorb maps it to the value heads afterwards. */
        @Override
        public int pvWidth() {
            return valueWidth;
        }

        @Override
        public int kvElementsPerToken() {
            return kvWidth;
        }

        @Override
        public MlaAttention restaged(String newName, Stage newStage) {
            return new MlaAttention(newName, newStage, sequences, queriesPerSequence, contextTokens, computedKeys,
                    chunks, kvWidth, valueWidth, kvDtype, gemmDtype);
        }
    }

    /**
     * Grouped-query attention (FlashAttention-style kernel) over {@code sequences} sequences of
     * {@code queriesPerSequence} = q·heads query rows: QK^T and PV over {@code headDim} per score; the KV read is a
     * key and a value per KV head, {@code 2·kvHeads·headDim} elements per context token (arXiv:2305.13245).
     */
    record GqaAttention(String name, Stage stage, double sequences, int queriesPerSequence, int contextTokens,
                        int computedKeys, int chunks, int kvHeads, int headDim, Dtype kvDtype, Dtype gemmDtype)
            implements Attention {
        @Override
        public int qkWidth() {
            return headDim;
        }

        @Override
        public int pvWidth() {
            return headDim;
        }

        @Override
        public int kvElementsPerToken() {
            return 2 * kvHeads * headDim;
        }

        @Override
        public GqaAttention restaged(String newName, Stage newStage) {
            return new GqaAttention(newName, newStage, sequences, queriesPerSequence, contextTokens, computedKeys,
                    chunks, kvHeads, headDim, kvDtype, gemmDtype);
        }
    }

    /** Element-wise vector work that streams {@code bytes} through HBM (RMSNorm). */
    record Elementwise(String name, Stage stage, double bytes, double flops) implements Op {
    }

    /** An all-to-all exchange of {@code bytes} per card over the NIC (dispatch or combine). */
    record AllToAll(String name, Stage stage, double bytes) implements Op {
    }
}
