package dev.ridgeline.engine;

import dev.ridgeline.engine.memory.Fit;
import dev.ridgeline.engine.memory.MemoryBreakdown;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.roofline.Bound;
import dev.ridgeline.engine.roofline.OpResult;
import dev.ridgeline.engine.schedule.Schedule;
import java.util.List;
import java.util.Objects;

/**
 * Everything the engine says about one scenario.
 *
 * @param ops                 per-op cost of one MoE layer, at the micro-batch size under dual micro-batch
 * @param stepOps             calibrated fidelity's work outside the MoE layers, invocations counted per step
 * @param tpotSec             time per output step: layer time × layers
 * @param rawTokensPerSec     decode steps per second per sequence, 1 / TPOT
 * @param userTokensPerSec    tokens a user sees per second: raw × (1 + Σ α^i)
 * @param throughputPerCard   tokens/s per card, in the fidelity's throughput reading
 * @param dominantBound       the bound whose ops take the most time per MoE layer
 * @param hottestCard         the card whose routed experts the layer's ops and schedule are of (the step waits for it)
 */
public record Evaluation(Scenario scenario, List<OpResult> ops, List<OpResult> stepOps, Schedule schedule, double layerTimeSec,
                         double tpotSec, double rawTokensPerSec, double userTokensPerSec, double throughputPerCard,
                         MemoryBreakdown memory, int maxBatch, Fit fit, Balance balance, Bound dominantBound,
                         HottestCard hottestCard) {

    /**
     * The hottest card of the EP group, per micro-batch of a MoE layer: its routed pairs over the mean card's (1 in
     * seed fidelity and under perfect balance), the experts it reads and the expert slots it holds.
     */
    public record HottestCard(double loadOverMean, double expertsRead, int expertSlots) {
    }

    /** Cards per node, for the per-node reading. */
    public static final int CARDS_PER_NODE = 8;

    /**
     * Post-condition of the engine: every headline figure is finite and positive, so no caller (a tile, the Gantt's
     * axis, a CSV) ever sees Infinity, NaN or a negative time. The records' bounds keep every input physically
     * plausible; this refuses, naming the scenario, whatever slips through them.
     */
    public Evaluation {
        ops = List.copyOf(ops);
        stepOps = List.copyOf(stepOps);
        figure(layerTimeSec, "layer time", scenario);
        figure(tpotSec, "time per output token", scenario);
        figure(rawTokensPerSec, "steps per second", scenario);
        figure(userTokensPerSec, "user tokens/s", scenario);
        figure(throughputPerCard, "throughput per card", scenario);
        for (OpResult op : java.util.stream.Stream.concat(ops.stream(), stepOps.stream()).toList()) {
            if (!(op.timeSec() >= 0) || Double.isInfinite(op.timeSec())) {
                throw refused(op.name() + " time", op.timeSec(), scenario);
            }
        }
    }

    private static void figure(double value, String what, Scenario s) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw refused(what, value, s);
        }
    }

    private static IllegalArgumentException refused(String what, double value, Scenario s) {
        return new IllegalArgumentException("the engine's " + what + " is " + value + ", not a finite positive number, "
                + "for " + s.summary() + ": an input is outside what the model describes");
    }

    /** The chip's HBM bandwidth as the plan of this evaluation's fidelity reads it (seed 000 reads GB/s as GiB/s). */
    public double hbmBytesPerSecAsRead() {
        return dev.ridgeline.engine.plan.Plan.rules(scenario).hbmBytesPerSec(scenario.chip());
    }

    /** True when any figure is calibrated beyond what was measured. */
    public boolean extrapolated() {
        return ops.stream().anyMatch(OpResult::extrapolated) || stepOps.stream().anyMatch(OpResult::extrapolated);
    }

    public double throughputPerNode() {
        return throughputPerCard * CARDS_PER_NODE;
    }

    /** Dollars and joules per output token at this throughput, from the chip's price and power (DESIGN 4d). */
    public TokenCost tokenCost() {
        return new TokenCost(scenario.chip().cost(), throughputPerCard);
    }

    /** The MoE layer's op of that kind; throws if the layer has none. */
    public OpResult op(dev.ridgeline.engine.ops.OpKind kind) {
        for (OpResult op : ops) {
            if (op.kind() == kind) {
                return op;
            }
        }
        throw new IllegalArgumentException("no " + kind.label() + " op in this layer");
    }

    /** The op of that name; throws if the layer has none. */
    public OpResult op(String name) {
        for (OpResult op : ops) {
            if (op.name().equals(name)) {
                return op;
            }
        }
        throw new IllegalArgumentException("no op named '" + name + "'");
    }

    /** The record's own equality, written out for the reason {@link Scenario#equals} gives. */
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Evaluation e && Objects.equals(scenario, e.scenario)
                && Objects.equals(ops, e.ops) && Objects.equals(stepOps, e.stepOps)
                && Objects.equals(schedule, e.schedule) && Double.compare(layerTimeSec, e.layerTimeSec) == 0
                && Double.compare(tpotSec, e.tpotSec) == 0 && Double.compare(rawTokensPerSec, e.rawTokensPerSec) == 0
                && Double.compare(userTokensPerSec, e.userTokensPerSec) == 0
                && Double.compare(throughputPerCard, e.throughputPerCard) == 0 && Objects.equals(memory, e.memory)
                && maxBatch == e.maxBatch && Objects.equals(fit, e.fit) && Objects.equals(balance, e.balance)
                && dominantBound == e.dominantBound && Objects.equals(hottestCard, e.hottestCard);
    }
}
