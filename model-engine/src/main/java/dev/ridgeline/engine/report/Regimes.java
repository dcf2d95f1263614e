package dev.ridgeline.engine.report;

import dev.ridgeline.engine.Evaluation;
import dev.ridgeline.engine.model.AttentionKind;
import dev.ridgeline.engine.model.Chip;
import dev.ridgeline.engine.model.ModelConfig;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.roofline.Bound;

/**
 * Training and prefill at seed 003's level, beside the engine's decode: a static count of FLOPs and HBM bytes for
 * {@code T} prompt tokens on one card (data-parallel attention, experts over EP cards, as in decode), turned into
 * {@code T_comp = F / P_peak}, {@code T_hbm = bytes / BW_hbm}, {@code T_net = bytes_net / BW_link}, the regime the
 * largest of them names, and {@code AI_hbm = F / bytes_hbm} against the ridge. Ridgeline times decode op by op; these
 * two phases are the seed's coarse model and are labelled so.
 *
 * <p>Per token and layer: the attention projections ({@code 2·attentionParams}), the causal attention core
 * ({@code 2·h·(d_qk + d_v)·S/2}), the FFN (dense layers {@code 2·3·H·I}, MoE layers {@code 2·3·H·I_moe·(shared +
 * top-k)}), and the LM head ({@code 2·H·V}) once per token. Bytes: the card's weights (non-expert and local experts,
 * the engine's memory figures) divided by the weight-residency factor WRF, activations {@code A·(in + out)} of each
 * GEMM times the fusion factor, KV writes {@code T·C_kv·layers·A_kv}, and, naive only, the attention score and
 * probability matrices {@code 2·h·S²·A} per layer that flash attention never writes. Network: dispatch and combine
 * of {@code T·top-k·H} elements per MoE layer at the bytes per element the decode op table counts (one combine dtype
 * in the whole report), the {@code (EP−1)/EP} that leaves the card. Training
 * multiplies FLOPs by 3 and bytes by 2 (seed 003 section 5.4, forward + backward).
 */
public final class Regimes {
    /** Seed 003's efficient execution: WRF attention/dense/MoE 4/4/2, activation fusion 0.5, flash attention. */
    public static final Execution EFFICIENT = new Execution("efficient", 4, 4, 2, 0.5, true);
    /** Seed 003's naive execution: every weight streamed, no fusion, score matrices in HBM. */
    public static final Execution NAIVE = new Execution("naive", 1, 1, 1, 1, false);
    /** Seed 003's training multipliers (forward + backward). */
    public static final double TRAINING_FLOPS = 3;
    public static final double TRAINING_BYTES = 2;

    private Regimes() {
    }

    /** Seed 003's execution knobs (section 5.3). */
    public record Execution(String name, double wrfAttention, double wrfDense, double wrfMoe, double activationFusion,
                            boolean flash) {
    }

    /** One phase under one execution: the work, the three times, the regime. */
    public record Phase(String phase, String execution, double tokens, double flops, double weightBytes,
                        double activationBytes, double kvBytes, double temporaryBytes, double networkBytes,
                        double computeSec, double hbmSec, double networkSec) {
        public double hbmBytes() {
            return weightBytes + activationBytes + kvBytes + temporaryBytes;
        }

        public double intensity() {
            return flops / hbmBytes();
        }

        public double timeSec() {
            return Math.max(computeSec, Math.max(hbmSec, networkSec));
        }

        /** The largest of the three times (compute wins a tie, then memory). */
        public Bound regime() {
            if (computeSec >= hbmSec && computeSec >= networkSec) {
                return Bound.COMPUTE;
            }
            return hbmSec >= networkSec ? Bound.MEMORY : Bound.NETWORK;
        }
    }

    /**
     * Prefill of one prompt of {@code promptLength} tokens per card, on the scenario's chip, under execution {@code x};
     * {@code messageBytes} is dispatch + combine bytes per hidden element of a token-expert pair.
     */
    public static Phase prefill(Evaluation e, int promptLength, Execution x, double messageBytes) {
        Scenario s = e.scenario();
        ModelConfig m = s.model();
        double t = promptLength;
        double a = s.weightDtype().bytes();
        int layers = m.numLayers();
        int moe = m.moeLayers();
        double h = m.hiddenSize();
        double expertGemm = 3.0 * h * m.moeIntermediateSize();
        double perTokenFlops = layers * (2 * m.attentionParams() + 2.0 * m.numHeads() * (m.qkHeadDim() + m.valueHeadDim()) * promptLength / 2.0)
                + m.denseLayers() * 2 * 3.0 * h * m.denseIntermediateSize()
                + moe * 2 * expertGemm * (m.sharedExperts() + m.expertsPerToken())
                + 2.0 * h * m.vocabSize();
        double flops = t * perTokenFlops;

        double attentionWeights = layers * m.attentionParams() * a;
        double otherNonExpert = e.memory().nonExpertWeightBytes() - attentionWeights;
        double weights = attentionWeights / x.wrfAttention() + Math.max(0, otherNonExpert) / x.wrfDense()
                + e.memory().localExpertBytes() / x.wrfMoe();
        double activations = t * a * x.activationFusion() * activationElementsPerToken(m);
        double kv = t * m.kvEntryWidth() * layers * s.kvDtype().bytes();
        double temporary = x.flash() ? 0 : 2.0 * m.numHeads() * t * promptLength * a * layers;
        double net = s.ep() > 1 ? t * m.expertsPerToken() * h * messageBytes * moe
                * (s.ep() - 1.0) / s.ep() : 0;
        Chip chip = s.chip();
        double link = chip.scaleUpCovers(s.ep()) ? chip.scaleUpBandwidthBytesPerSec() : s.nic().bandwidthBytesPerSec();
        double peak = chip.tensorFlopsPerSec(s.weightDtype());
        double hbm = weights + activations + kv + temporary;
        return new Phase("prefill", x.name(), t, flops, weights, activations, kv, temporary, net, flops / peak,
                hbm / e.hbmBytesPerSecAsRead(), net / link);
    }

    /** Training: prefill's FLOPs ×3 and bytes ×2 (seed 003's multipliers). */
    public static Phase training(Evaluation e, int sequenceLength, Execution x, double messageBytes) {
        Phase p = prefill(e, sequenceLength, x, messageBytes);
        return new Phase("training", x.name(), p.tokens(), p.flops() * TRAINING_FLOPS, p.weightBytes() * TRAINING_BYTES,
                p.activationBytes() * TRAINING_BYTES, p.kvBytes() * TRAINING_BYTES, p.temporaryBytes() * TRAINING_BYTES,
                p.networkBytes() * TRAINING_BYTES, p.computeSec() * TRAINING_FLOPS, p.hbmSec() * TRAINING_BYTES,
                p.networkSec() * TRAINING_BYTES);
    }

    /**
     * Activation elements read and written per token by the GEMMs of all layers ({@code in + out} of each): MLA's Q
     * down/up, KV down/up and O projection or GQA's QKV and O projections; the dense or MoE FFN's up (gate and up,
     * {@code 2·I} wide) and down projections, once per shared and per routed expert; the LM head.
     */
    static double activationElementsPerToken(ModelConfig m) {
        double h = m.hiddenSize();
        double heads = m.numHeads();
        double attention;
        if (m.attention() == AttentionKind.MLA) {
            double q = m.compressesQueries() ? (h + m.qLoraRank()) + (m.qLoraRank() + heads * m.qkHeadDim())
                    : h + heads * m.qkHeadDim();
            double kv = (h + m.kvEntryWidth()) + (m.kvLoraRank() + heads * (m.qkNopeHeadDim() + m.vHeadDim()));
            attention = q + kv + (heads * m.vHeadDim() + h);
        } else {
            attention = (h + (heads + 2.0 * m.numKeyValueHeads()) * m.headDim()) + (heads * m.headDim() + h);
        }
        double moeFfn = (h + 2.0 * m.moeIntermediateSize() + m.moeIntermediateSize() + h)
                * (m.sharedExperts() + m.expertsPerToken());
        double denseFfn = h + 2.0 * m.denseIntermediateSize() + m.denseIntermediateSize() + h;
        return m.numLayers() * attention + m.moeLayers() * moeFfn + m.denseLayers() * denseFfn + h + m.vocabSize();
    }
}
