package dev.ridgeline.engine;

import dev.ridgeline.engine.model.Prefill;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.roofline.Bound;
import dev.ridgeline.engine.roofline.OpResult;
import dev.ridgeline.engine.schedule.Schedule;
import java.util.List;

/**
 * Everything the engine says about one prefill step (DESIGN 4c): the scenario's deployment prefilling
 * {@link Prefill}'s prompts in chunks.
 *
 * @param ops                    per-op cost of one MoE layer, per micro-batch under dual micro-batch
 * @param stepOps                the dense layers and the LM head over the prompts the step completes
 * @param schedule               one MoE layer's pipeline (DeepSeek's prefill overlap under dual micro-batch)
 * @param stepSec                one step: every layer and the work outside them
 * @param tokensPerSecPerCard    new (uncached) prompt tokens per second per card
 * @param inputTokensPerSecPerCard prompt tokens per second per card, cache hits included ({@code × S / n})
 * @param ttftSec                one prompt's own steps, {@code max(1, n / C)} of them: its time to first token on an
 *                               idle card (queueing and the KV cache's transfer to decode are the sizing's)
 * @param heldBytes              bytes a card holds during the step: weights, the step's KV cache, working memory,
 *                               reserve
 * @param computeChip            the chip as the prefill computes on it (its compute rates less the SMs DeepEP's
 *                               kernels hold, in calibrated fidelity with dual micro-batch)
 */
public record PrefillEvaluation(Scenario scenario, Prefill prefill, List<OpResult> ops, List<OpResult> stepOps,
                                Schedule schedule, double layerTimeSec, double stepSec, double tokensPerSecPerCard,
                                double inputTokensPerSecPerCard, double ttftSec, double heldBytes, boolean fits,
                                Bound dominantBound, dev.ridgeline.engine.model.Chip computeChip) {
    public PrefillEvaluation {
        ops = List.copyOf(ops);
        stepOps = List.copyOf(stepOps);
        for (double v : new double[] {layerTimeSec, stepSec, tokensPerSecPerCard, inputTokensPerSecPerCard, ttftSec}) {
            if (!(v > 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException("the engine's prefill figure is " + v + ", not a finite positive "
                        + "number, for " + scenario.summary() + ": an input is outside what the model describes");
            }
        }
    }

    /** True when any figure is calibrated beyond what was measured. */
    public boolean extrapolated() {
        return ops.stream().anyMatch(OpResult::extrapolated) || stepOps.stream().anyMatch(OpResult::extrapolated);
    }

    /** The MoE layer's op of that kind; throws if the layer has none. */
    public OpResult op(dev.ridgeline.engine.ops.OpKind kind) {
        return ops.stream().filter(o -> o.kind() == kind).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no " + kind.label() + " op in this layer"));
    }

    /** HBM of one card (the scenario's chip). */
    public double memoryBytes() {
        return scenario.chip().memoryBytes();
    }
}
