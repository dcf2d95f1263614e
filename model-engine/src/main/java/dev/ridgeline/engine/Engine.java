package dev.ridgeline.engine;

import dev.ridgeline.engine.calibration.Calibration;
import dev.ridgeline.engine.memory.MemoryBreakdown;
import dev.ridgeline.engine.memory.MemoryModel;
import dev.ridgeline.engine.model.Chip;
import dev.ridgeline.engine.model.Prefill;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.plan.Plan;
import dev.ridgeline.engine.plan.Summary;
import dev.ridgeline.engine.roofline.OpResult;
import dev.ridgeline.engine.schedule.Pipelines;
import dev.ridgeline.engine.schedule.PrefillPipeline;
import dev.ridgeline.engine.schedule.Schedule;
import dev.ridgeline.engine.schedule.StageTimes;
import java.util.ArrayList;
import java.util.List;

/**
 * The decode model: {@code evaluate(Scenario) -> Evaluation} (every op, the schedule, memory) and
 * {@code summarize(Scenario) -> Summary} (the headline figures only, for sweeps). Both run the same kernel of the
 * scenario's {@link Plan}; the plan is prepared once per (model, chip, NIC, fidelity, readings, assumptions) and the
 * last one is kept. Holds the published measurements calibrated fidelity stands on, handed in by whoever loaded them
 * (the engine reads no files). Thread-safe.
 */
public final class Engine {
    private final Calibration calibration;
    private volatile Plan last;

    public Engine(Calibration calibration) {
        if (calibration == null) {
            throw new IllegalArgumentException("calibration is missing");
        }
        this.calibration = calibration;
    }

    public Calibration calibration() {
        return calibration;
    }

    /** The plan for the scenario's model, chip, NIC, fidelity, readings and assumptions. */
    public Plan plan(Scenario s) {
        Plan p = last;
        if (p == null || !p.serves(s)) {
            p = Plan.of(s, calibration);
            last = p;
        }
        return p;
    }

    /** The headline figures of the scenario (a fresh {@link Summary}; sweeps reuse one through {@link Plan}). */
    public Summary summarize(Scenario s) {
        Summary out = new Summary();
        plan(s).summarize(s.deployment(), s.numerics(), out);
        return out;
    }

    /** Everything the engine says about the scenario: each op, the schedule, memory, balance. */
    public Evaluation evaluate(Scenario s) {
        Plan p = plan(s);
        Summary acc = new Summary();
        List<OpResult> ops = new ArrayList<>(20);
        List<OpResult> stepOps = new ArrayList<>(24);
        p.record(s.deployment(), s.numerics(), acc, ops, stepOps);
        MemoryBreakdown memory = p.memory(s.deployment(), s.numerics());
        return new Evaluation(s, ops, stepOps, Pipelines.schedule(s.policy(), StageTimes.of(acc.stageSeconds())),
                acc.layerTimeSec(), acc.tpotSec(), acc.rawTokensPerSec(), acc.userTokensPerSec(),
                acc.throughputPerCard(), memory, acc.maxBatch(), MemoryModel.fit(memory),
                Balance.ofFp8(p.chip(), p.linkBytesPerSec(s.deployment()), s.model()), acc.dominantBound(),
                new Evaluation.HottestCard(acc.hottestCardLoad(), acc.expertsRead(), acc.expertSlots()));
    }

    /**
     * The plan prefill runs on: the scenario's, on the chip prefill computes on ({@link Plan#prefillChip}). Not kept:
     * a sweep over prefill deployments holds its own (see {@code serve.Serving}).
     */
    public Plan prefillPlan(Scenario s) {
        Chip c = Plan.prefillChip(s);
        return c == s.chip() ? plan(s) : Plan.of(s.withChip(c), calibration);
    }

    /** The headline figures of one prefill step (a fresh {@link Summary}). */
    public Summary summarizePrefill(Scenario s, Prefill p) {
        Summary out = new Summary();
        prefillPlan(s).summarizePrefill(s.deployment(), s.numerics(), p, out);
        return out;
    }

    /** Everything the engine says about one prefill step: each op, the schedule, the step, TTFT, memory. */
    public PrefillEvaluation evaluatePrefill(Scenario s, Prefill p) {
        Plan plan = prefillPlan(s);
        Summary acc = new Summary();
        List<OpResult> ops = new ArrayList<>(24);
        List<OpResult> stepOps = new ArrayList<>(16);
        plan.recordPrefill(s.deployment(), s.numerics(), p, acc, ops, stepOps);
        Schedule schedule = PrefillPipeline.schedule(s.policy(), StageTimes.of(acc.stageSeconds()));
        return new PrefillEvaluation(s, p, ops, stepOps, schedule, acc.layerTimeSec(), acc.stepSec(),
                acc.prefillTokensPerSec(), acc.prefillTokensPerSec() * p.inputTokens() / p.newTokens(), acc.ttftSec(),
                acc.prefillHeldBytes(), acc.fits(), acc.dominantBound(), plan.chip());
    }

    /** Tokens accepted per decode step: {@code 1 + Σ_{i=1..mtpDepth} α^i} (seed 000). */
    public static double acceptedTokensPerStep(Scenario s) {
        return Plan.acceptedTokensPerStep(s.deployment());
    }
}
