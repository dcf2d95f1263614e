package dev.ridgeline.engine.serve;

import java.util.function.DoubleUnaryOperator;

/**
 * The co-located alternative to disaggregation (DESIGN 4c): one pool whose decode steps also prefill the prompts of
 * the requests that replace finished ones (chunked prefill inside decode batches, as vLLM and SGLang schedule it).
 * In steady state a card finishing {@code s·a} output tokens per step (s sequences, a tokens accepted each) ends
 * {@code s·a / OSL} requests per step and must prefill as many: {@code c = s·a·S(1−h) / OSL} prompt tokens per step.
 * The step is the decode step plus the prefill of that chunk, {@code T = T_decode + T_prefill(c)}: additive, so the
 * weights both halves read are counted twice (a bound from above on the mixed step, at most the decode step's GEMM
 * weight time too long). A request's prompt takes {@code ceil(S(1−h) / c)} steps, after half a step's wait on
 * average for the step in progress.
 *
 * @param sequencesPerCard s, the decode sequences per card
 * @param chunkTokens      c, prompt tokens each card prefills per step
 * @param stepSec          T, the mixed step
 * @param userTokensPerSec {@code a / T}
 * @param outputPerCard    output tokens/s per card, {@code s·a / T}
 */
public record Colocated(double sequencesPerCard, double chunkTokens, double stepSec, double userTokensPerSec,
                        double outputPerCard, Ttft ttft) {

    /**
     * The co-located figures of a decode deployment.
     *
     * @param sequencesPerCard  s
     * @param acceptedPerStep   a, tokens a sequence gains per step (1 + Σ α^i with MTP)
     * @param decodeStepSec     the decode step alone (TPOT of the decode evaluation)
     * @param prefillStepSec    seconds to prefill a chunk of the given tokens per card on the same deployment
     */
    public static Colocated of(double sequencesPerCard, double acceptedPerStep, double decodeStepSec,
                               DoubleUnaryOperator prefillStepSec, Workload w) {
        return of(sequencesPerCard, 1, acceptedPerStep, decodeStepSec, prefillStepSec, w);
    }

    /**
     * As {@link #of(double, double, double, DoubleUnaryOperator, Workload)} for an attention group of {@code cards}
     * cards sharing {@code sequences} sequences (attention TP): the chunk is the group's, the output is shared by its
     * cards.
     */
    public static Colocated of(double sequences, int cards, double acceptedPerStep, double decodeStepSec,
                               DoubleUnaryOperator prefillStepSec, Workload w) {
        double uncached = w.uncachedTokens();
        double c = sequences * acceptedPerStep * uncached / w.outputTokens();
        double step = decodeStepSec + prefillStepSec.applyAsDouble(c);
        double steps = Math.ceil(uncached / c - 1e-9);
        return new Colocated(sequences / cards, c, step, acceptedPerStep / step,
                sequences * acceptedPerStep / (cards * step), new Ttft(steps * step, 0, step / 2));
    }
}
