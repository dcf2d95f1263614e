package dev.ridgeline.engine.plan;

import dev.ridgeline.engine.ops.OpKind;
import dev.ridgeline.engine.roofline.Bound;
import dev.ridgeline.engine.roofline.OpResult;
import java.util.List;

/**
 * The headline figures of one design point, written by {@link Plan#summarize} into an object the caller owns and
 * reuses, so that a sweep allocates nothing per point. Not thread-safe: one per thread. Also holds the kernel's
 * scratch sums (per stage and per bound), which is why a plan needs no state of its own.
 */
public final class Summary {
    double layerTimeSec;
    double tpotSec;
    double rawTokensPerSec;
    double userTokensPerSec;
    double throughputPerCard;
    int maxBatch;
    boolean fits;
    double stepSec;
    double prefillTokensPerSec;
    double ttftSec;
    double prefillHeldBytes;
    Bound dominantBound = Bound.MEMORY;
    /** Seconds per layer stage of one micro-batch, by {@code Stage.ordinal()}. */
    final double[] stage = new double[dev.ridgeline.engine.ops.Stage.values().length];
    /** Seconds per MoE layer by bound, all invocations (the scratch sums of the op being costed). */
    double boundCompute;
    double boundMemory;
    double boundNetwork;
    double boundLatency;

    /** Time of one MoE layer of one decode step, seconds. */
    public double layerTimeSec() {
        return layerTimeSec;
    }

    /** Time per output step: every layer and, in calibrated fidelity, the work outside them. */
    public double tpotSec() {
        return tpotSec;
    }

    /** Decode steps per second per sequence, 1 / TPOT. */
    public double rawTokensPerSec() {
        return rawTokensPerSec;
    }

    /** Tokens a user sees per second: raw × (1 + Σ α^i). */
    public double userTokensPerSec() {
        return userTokensPerSec;
    }

    /** Tokens per second per card, in the fidelity's throughput reading. */
    public double throughputPerCard() {
        return throughputPerCard;
    }

    /** Prefill: seconds of one step (every layer and the work outside them). */
    public double stepSec() {
        return stepSec;
    }

    /** Prefill: new (uncached) prompt tokens per second per card. */
    public double prefillTokensPerSec() {
        return prefillTokensPerSec;
    }

    /** Prefill: seconds one prompt's steps take, {@code max(1, n / C)} steps (its time to first token on the card). */
    public double ttftSec() {
        return ttftSec;
    }

    /** Prefill: bytes a card holds during the step (weights, the step's KV cache, working memory, reserve). */
    public double prefillHeldBytes() {
        return prefillHeldBytes;
    }

    /** The largest batch per card whose KV cache fits beside the weights; 0 when not even the weights fit. */
    public int maxBatch() {
        return maxBatch;
    }

    /** True when the scenario's batch fits in memory. */
    public boolean fits() {
        return fits;
    }

    /** Seconds of each MoE-layer stage of one micro-batch, by {@code Stage.ordinal()} (a copy). */
    public double[] stageSeconds() {
        return stage.clone();
    }

    /** The bound whose ops take the most time per MoE layer. */
    public Bound dominantBound() {
        return dominantBound;
    }

    /**
     * The hottest card's routed pairs over the mean card's, per micro-batch of a MoE layer: 1 when the load is even
     * (seed fidelity always; calibrated with uniform routing and no sampling spread). The step waits for this card.
     */
    public double hottestCardLoad() {
        return hottestLoad;
    }

    /** Experts the hottest card reads per micro-batch of a MoE layer (its slots hit by at least one pair). */
    public double expertsRead() {
        return expertsReadShown;
    }

    /** Expert slots a card holds (routed experts and, with EPLB, their copies). */
    public int expertSlots() {
        return slotsShown;
    }

    // ---- the kernel's context for the op being costed (set by the plan, never by callers) ----
    /** The batch per card of the point being costed (the kernel reads it here, not from the deployment). */
    int batch;
    OpKind.Scope scope;
    int inv;
    /** {@link #inv} as a double, the factor of each op's bound sum (no int-to-double conversion per op). */
    double times;
    /** Layer ops recorded in a detailed evaluation; null on the summary path. */
    List<OpResult> rec;
    /** Step ops recorded in a detailed evaluation; null on the summary path. */
    List<OpResult> stepRec;
    /** The main MoE layer's hottest card, kept from the layer (the MTP module's layer costs after it). */
    double hottestLoad = 1;
    double expertsReadShown;
    int slotsShown;
    /** The routed experts of the last MoE layer costed: pairs of the mean and hottest card, slots, hits, rows. */
    double meanPairs = 1;
    double hotPairs = 1;
    int slots;
    double expertsHit;
    double expertRows;
    /** Attention before and after the core of the last layer costed (a dense layer over the same tokens reuses them). */
    double attention0Sec;
    double attention1Sec;
    /** Dispatch and combine seconds of the last MoE layer costed (0 when every card holds the tokens). */
    double dispatchSec;
    double combineSec;
    /** The last GEMM row count whose logarithm was taken, and that logarithm (calibrated lookups). */
    double lastM = Double.NaN;
    double lastLnM;

    void sink(OpKind.Scope opScope, int invocations, List<OpResult> record) {
        scope = opScope;
        inv = invocations;
        times = invocations;
        rec = record;
    }

    /** ln m, computed once per distinct row count in a row. */
    double lnM(double m) {
        if (m != lastM) {
            lastM = m;
            lastLnM = Math.log(m);
        }
        return lastLnM;
    }

    void clear(double[] a) {
        java.util.Arrays.fill(a, 0);
    }
}
