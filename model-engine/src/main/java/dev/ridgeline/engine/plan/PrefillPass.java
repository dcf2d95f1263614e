package dev.ridgeline.engine.plan;

import dev.ridgeline.engine.model.CalibrationKey;
import dev.ridgeline.engine.model.Chip;
import dev.ridgeline.engine.model.Deployment;
import dev.ridgeline.engine.model.Fa3Mode;
import dev.ridgeline.engine.model.Fidelity;
import dev.ridgeline.engine.model.Numerics;
import dev.ridgeline.engine.model.Policy;
import dev.ridgeline.engine.model.Prefill;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.ops.OpKind;
import dev.ridgeline.engine.ops.OpKind.Scope;
import dev.ridgeline.engine.roofline.OpResult;
import dev.ridgeline.engine.schedule.PrefillPipeline;
import java.util.List;

/**
 * The prefill step on a {@link Plan} (DESIGN 4c): one MoE layer of the plan's graph with the prefill's readings, its
 * pipeline, the layers and the work outside them, then tokens/s per card, a request's TTFT and whether the step fits.
 */
final class PrefillPass {
    /**
     * SMs DeepEP's normal kernels hold while prefill overlaps them with compute: "Computation 108 SMs, Communication
     * 24 SMs" of H800's 132 in DeepSeek's prefill profile (https://github.com/deepseek-ai/profile-data,
     * assets/prefill.jpg; DeepEP's README example sets {@code Buffer.set_num_sms(24)}).
     */
    static final double COMM_SMS = 24;
    static final double H800_SMS = 132;
    /**
     * The SM clock a 700 W Hopper holds while prefill overlaps DeepEP's normal kernels with seconds of compute-bound
     * work, over the clock the kernel tables were timed at (calibration/clocks.csv). DeepSeek's own H800s: "due to
     * throttling (reducing to ~1600 MHz in our case), the practical peak FLOPs drops to ~865 TFlops" of the 990 the
     * sheet gives at 1830 MHz (https://github.com/deepseek-ai/FlashMLA/blob/9241ae3ef9bac614dd25e45e507e089f888280e0/docs/20250422-new-kernel-deep-dive.md);
     * a deployment serving DeepSeek-V3 that overlapped computation and communication: "the power consumption exceeded the limit,
     * resulting in GPU core frequency reduction (e.g. from 1980MHz to 1575 MHz)", and DeepGEMM's maintainer: "It is
     * expected and depends on the GPU's status" (https://github.com/deepseek-ai/DeepGEMM/issues/120). The kernel tables
     * prefill reads (DeepGEMM's README, FlashAttention-3's benchmarks) time one kernel alone, at the 1980 MHz the
     * same report starts from.
     */
    static final double SUSTAINED_CLOCK_MHZ = 1600;
    static final double BENCHMARK_CLOCK_MHZ = 1980;

    private PrefillPass() {
    }

    /**
     * The chip prefill's compute runs on: in calibrated fidelity, when two micro-batches overlap dispatch and combine
     * with compute, the chip's compute rates times {@code 108 / 132} (the SMs the communication kernels leave; the same
     * share on every chip, measured on H800 only) and, on a chip of H800's calibration (measured or borrowed), times
     * the power-limited clock over the benchmarks' ({@link #sustainedClockShare}); otherwise the chip. Memory and
     * links keep their rates: the HBM clock is not the SMs'.
     */
    static Chip prefillChip(Scenario s) {
        Deployment d = s.deployment();
        boolean communicates = d.moeCards() > 1 && !Plan.tokensOnEveryCard(d);
        if (s.fidelity() != Fidelity.CALIBRATED || d.policy() != Policy.DUAL_MICRO_BATCH || !communicates) {
            return s.chip();
        }
        return s.chip().withComputeScaled((1 - COMM_SMS / H800_SMS) * sustainedClockShare(s.chip()));
    }

    /**
     * The SM clock overlapped prefill sustains over the clock its kernel tables were timed at: 1600 / 1980 on a chip
     * of H800's calibration (H800 measured, others borrowing it); 1 on H20, whose tensor rate (15 % of H800's in a
     * 400-500 W budget) has no published power-limited clock and whose own FlashAttention rows are the calibration.
     */
    static double sustainedClockShare(Chip chip) {
        return chip.calibration() == CalibrationKey.H20 ? 1 : SUSTAINED_CLOCK_MHZ / BENCHMARK_CLOCK_MHZ;
    }

    static void run(Plan plan, Deployment d, Numerics n, Prefill p, Summary acc, List<OpResult> layerOps,
                    List<OpResult> stepOps) {
        acc.stepRec = stepOps;
        int mb = d.policy() == Policy.DUAL_MICRO_BATCH ? 2 : 1;
        Fa3Mode fa3 = n.fa3().resolve(plan.chip);
        acc.lastM = Double.NaN;
        acc.boundCompute = 0;
        acc.boundMemory = 0;
        acc.boundNetwork = 0;
        acc.boundLatency = 0;
        acc.sink(Scope.MOE_LAYER, mb, layerOps);
        double tokens = p.chunkTokens() / (double) mb;
        plan.layer(acc, d, n, fa3, tokens, 1, p, acc.stage);
        double layer = PrefillPipeline.layerTime(d.policy(), acc.stage);
        acc.hottestLoad = acc.hotPairs / acc.meanPairs;
        acc.expertsReadShown = acc.expertsHit;
        acc.slotsShown = acc.slots;
        acc.dominantBound = Plan.dominant(acc.boundCompute, acc.boundMemory, acc.boundNetwork, acc.boundLatency);
        double activations = activationBytes(plan, d, acc, tokens, p);
        double step = plan.prefillStep(acc, d, n, p, tokens, mb, layer);
        acc.layerTimeSec = layer;
        acc.stepSec = step;
        acc.tpotSec = step;
        acc.prefillTokensPerSec = p.chunkTokens() / (d.attentionTp() * step);
        acc.ttftSec = p.stepsPerPrompt() * step;
        double kv = p.sequencesPerStep() * p.inputTokens() * plan.model.kvEntryWidth() * plan.model.numLayers()
                * n.kvDtype().bytes() * plan.kvShare(d.attentionTp());
        double weights = plan.cardMemory.nonExpertParams(d, false) * n.weightDtype().bytes()
                + plan.cardMemory.localExpertBytes(d, n, false, plan.slots(d));
        acc.prefillHeldBytes = weights + kv + activations + plan.reserveBytes();
        acc.fits = acc.prefillHeldBytes <= plan.memoryBytes;
        acc.maxBatch = 0;
        acc.rawTokensPerSec = 0;
        acc.userTokensPerSec = 0;
        acc.throughputPerCard = acc.prefillTokensPerSec;
    }

    /**
     * Calibrated fidelity's prefill step: the MoE layers, the dense layers (both micro-batches in turn: no
     * communication to overlap; under attention TP t the FFN split by width and followed by an all-reduce, as in
     * decode), and the LM head and sampling over the last token of each prompt the step completes ({@code C / n} of
     * them). No host share: DeepSeek's 10 % is a decode step's (milliseconds), a prefill step takes seconds. The MTP
     * module's prefill is left out (prefill deployments run without MTP).
     */
    static double calibratedStep(Plan plan, Summary acc, Deployment d, Numerics n, Prefill p, double tokens,
                                 int microBatches, double layerSec) {
        int t = d.attentionTp();
        int rate = AttentionGraph.rate(n.weightDtype());
        double wb = n.weightDtype().bytes();
        double out = AttentionGraph.ATTENTION_OUT_BYTES;
        int v = OpCosts.variant(n.weightDtype().ordinal(), t);
        int inter = OpCosts.perRank(plan.model.denseIntermediateSize(), t);
        int vocab = OpCosts.perRank(plan.model.vocabSize(), t);
        double part = tokens / p.chunkTokens();
        acc.sink(Scope.DENSE_LAYER, plan.model.denseLayers() * microBatches, acc.stepRec);
        double dense = plan.rmsNorm(acc, OpKind.ATTENTION_NORM, tokens)
                + plan.prefillProjections(acc, n, t, tokens, p.decompressedKeys() * part)
                + plan.prefillAttention(acc, n, t, p, part) + plan.rmsNorm(acc, OpKind.FFN_NORM, tokens)
                + plan.gemm(acc, OpKind.DENSE_FFN_UP, OpCosts.Role.ATTENTION, v, tokens, plan.hidden, 2 * inter, 1, rate,
                wb, wb, out, n)
                + plan.gemm(acc, OpKind.DENSE_FFN_DOWN, OpCosts.Role.ATTENTION, v, tokens, inter, plan.hidden, 1, rate,
                wb, wb, out, n);
        if (t > 1) {
            dense += plan.allReduce(acc, OpKind.ATTENTION_ALL_REDUCE, tokens, plan.hidden, t)
                    + plan.allReduce(acc, OpKind.FFN_ALL_REDUCE, tokens, plan.hidden, t);
        }
        acc.sink(Scope.STEP, 1, acc.stepRec);
        double finished = p.chunkTokens() / p.newTokens();
        double logits = finished * vocab;
        double head = plan.gemm(acc, OpKind.LM_HEAD, OpCosts.Role.ATTENTION, v, finished, plan.hidden, vocab, 1, rate,
                wb, wb, out, n) + plan.elementwise(acc, OpKind.SAMPLING, 8.0 * logits, 3.0 * logits);
        return layerSec * plan.model.moeLayers() + dense * plan.model.denseLayers() * microBatches + head;
    }

    /**
     * Working memory of one micro-batch's MoE layer on the hottest card: the pairs dispatched to it (FP8 in, BF16 back)
     * and its experts' up outputs (FP32 accumulators); attention's Q and O and the K and V of every key it attends to
     * (BF16).
     */
    static double activationBytes(Plan plan, Deployment d, Summary acc, double tokens, Prefill p) {
        double inter = plan.model.moeIntermediateSize() / (double) d.moeTp();
        double experts = acc.hotPairs * (plan.hidden * (1 + 2.0) + 2 * inter * Plan.EXPERT_OUT_BYTES);
        double headsHere = plan.heads / (double) d.attentionTp();
        double width = plan.model.qkHeadDim() + plan.model.valueHeadDim();
        double keys = p.decompressedKeys() * tokens / p.chunkTokens();
        return experts + (tokens + keys) * headsHere * width * 2.0;
    }
}
