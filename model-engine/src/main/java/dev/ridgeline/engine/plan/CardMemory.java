package dev.ridgeline.engine.plan;

import dev.ridgeline.engine.model.Deployment;
import dev.ridgeline.engine.model.ModelConfig;
import dev.ridgeline.engine.model.Numerics;

/**
 * What one card holds (DESIGN 3.6 with the layouts of 3.10), per model, prepared once per attention-TP degree.
 * <ul>
 *   <li>Non-expert weights: with data-parallel attention every card holds them all (seed 000's formula: all attention
 *   blocks, embedding and LM head, dense FFNs, shared experts). Under attention TP t a card holds the head-parallel
 *   part of each attention block ({@link ModelConfig#attentionParams(int)}), a t-th of the LM head (vocabulary-parallel)
 *   and of the dense FFNs, the whole embedding table (a lookup, not split), and the shared experts whole, or a t-th
 *   of them when attention TP spans every card of the MoE (they then run split, as the routed experts do).</li>
 *   <li>Experts: the card's expert slots, each a {@code moeTp}-th of an expert, in the expert dtype.</li>
 *   <li>KV cache: per sequence of the attention group, every layer, times the card's share ({@code kvShare}: all of
 *   MLA's latent, a t-th of GQA's heads).</li>
 * </ul>
 */
final class CardMemory {
    private final ModelConfig model;
    /** Non-expert parameters with data-parallel attention, without and with the MTP module (seed 000's formula). */
    private final double nonExpert;
    private final double nonExpertWithMtp;
    /** Under attention TP 2, 4, 8 (index log2 t − 1), shared experts whole (0) or split (1), without/with MTP. */
    private final double[][][] nonExpertTp = new double[3][2][2];
    private final double expertParams;

    CardMemory(ModelConfig m) {
        this.model = m;
        double mtpExtra = m.attentionParams() + m.sharedExperts() * m.expertParams() + 2.0 * m.hiddenSize() * m.hiddenSize();
        this.nonExpert = m.nonExpertParams();
        this.nonExpertWithMtp = nonExpert + mtpExtra;
        this.expertParams = m.expertParams();
        for (int i = 0; i < 3; i++) {
            int t = 2 << i;
            double table = (double) m.vocabSize() * m.hiddenSize();
            double denseFfn = (double) m.denseLayers() * 3.0 * m.hiddenSize() * m.denseIntermediateSize();
            double shared = m.sharedExperts() * m.expertParams();
            for (int split = 0; split < 2; split++) {
                double sharedHere = split == 1 ? shared / t : shared;
                double base = m.numLayers() * m.attentionParams(t) + table + table / t + denseFfn / t
                        + m.moeLayers() * sharedHere;
                nonExpertTp[i][split][0] = base;
                nonExpertTp[i][split][1] = base + m.attentionParams(t) + sharedHere
                        + 2.0 * m.hiddenSize() * m.hiddenSize();
            }
        }
    }

    /** Non-expert parameters on one card (with the MTP module when {@code mtp}). */
    double nonExpertParams(Deployment d, boolean mtp) {
        int t = d.attentionTp();
        if (t == 1) {
            return mtp ? nonExpertWithMtp : nonExpert;
        }
        int split = Plan.tokensOnEveryCard(d) ? 1 : 0;
        return nonExpertTp[Integer.numberOfTrailingZeros(t) - 1][split][mtp ? 1 : 0];
    }

    /** Bytes of the card's {@code slots} expert slots over every MoE layer (and the MTP module's when {@code mtp}). */
    double localExpertBytes(Deployment d, Numerics n, boolean mtp, int slots) {
        int layers = model.moeLayers() + (mtp ? 1 : 0);
        double shard = d.moeTp() == 1 ? expertParams : expertParams / d.moeTp();
        return (double) slots * layers * shard * n.expertDtype().bytesPerElement();
    }

    /** KV cache a card holds for one sequence of its attention group, every layer (and the MTP module's). */
    double kvBytesPerSequence(Deployment d, Numerics n, boolean mtp, double share) {
        int layers = model.numLayers() + (mtp ? 1 : 0);
        return (double) d.contextTokens() * model.kvEntryWidth() * layers * n.kvDtype().bytes() * share;
    }
}
