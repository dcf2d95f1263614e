package dev.ridgeline.engine;

import dev.ridgeline.engine.calibration.Calibration;
import dev.ridgeline.engine.io.CalibrationTables;
import dev.ridgeline.engine.memory.MemoryBreakdown;
import dev.ridgeline.engine.memory.MemoryModel;
import dev.ridgeline.engine.model.Fidelity;
import dev.ridgeline.engine.model.Policy;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.model.ThroughputReading;
import dev.ridgeline.engine.ops.LayerGraph;
import dev.ridgeline.engine.ops.Op;
import dev.ridgeline.engine.ops.Stage;
import dev.ridgeline.engine.ops.StepGraph;
import dev.ridgeline.engine.roofline.Bound;
import dev.ridgeline.engine.roofline.CalibratedRoofline;
import dev.ridgeline.engine.roofline.OpResult;
import dev.ridgeline.engine.roofline.Roofline;
import dev.ridgeline.engine.schedule.Pipelines;
import dev.ridgeline.engine.schedule.Schedule;
import dev.ridgeline.engine.schedule.StageTimes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The decode model as a pure function: {@code evaluate(Scenario) -> Evaluation}. No state, no threads; safe to
 * call from any thread. Seed fidelity times one MoE layer and multiplies by all layers (seed 000); calibrated
 * fidelity times the MoE layers, the dense layers, the LM head and the MTP module with measured efficiencies.
 */
public final class Engine {
    private Engine() {
    }

    public static Evaluation evaluate(Scenario scenario) {
        boolean calibrated = scenario.fidelity() == Fidelity.CALIBRATED;
        // Seed fidelity reads the chip's GB figures as GiB, as seed 000 does; calibrated uses the datasheet's.
        Scenario s = calibrated ? scenario : scenario.withChip(scenario.chip().seedReading());
        Calibration cal = calibrated ? CalibrationTables.builtIn() : null;
        int microBatches = s.policy() == Policy.DUAL_MICRO_BATCH ? 2 : 1;
        Op[] graph = LayerGraph.build(s, s.batchPerCard() / (double) microBatches);
        OpResult[] results = new OpResult[graph.length];
        double[] byStage = new double[Stage.values().length];
        for (int i = 0; i < graph.length; i++) {
            results[i] = cost(graph[i], s, cal, microBatches);
            byStage[results[i].stage().ordinal()] += results[i].timeSec();
        }
        Schedule schedule = Pipelines.schedule(s.policy(), StageTimes.of(byStage));
        double layer = schedule.layerTimeSec();
        List<OpResult> stepOps = calibrated ? stepOps(s, cal) : new ArrayList<>();
        double tpot = calibrated ? layer * s.model().moeLayers() : layer * s.model().numLayers();
        for (OpResult op : stepOps) {
            tpot += op.timePerLayerSec();
        }
        if (calibrated) {
            OpResult host = hostOverhead(s, tpot);
            stepOps.add(host);
            tpot += host.timeSec();
        }
        double raw = 1.0 / tpot;
        double accepted = acceptedTokensPerStep(s);
        double perCard = raw * s.batchPerCard() * accepted;
        if (!calibrated && s.throughputReading() == ThroughputReading.SEED_DIVIDES_BY_Q) {
            perCard /= s.tokensPerStep();
        }
        MemoryBreakdown memory = MemoryModel.breakdown(s);
        return new Evaluation(scenario, Arrays.asList(results), stepOps, schedule, layer, tpot, raw, raw * accepted, perCard,
                memory, MemoryModel.maxBatch(memory), MemoryModel.fit(memory),
                Balance.ofFp8(s.chip(), Roofline.linkBytesPerSec(s), s.model()));
    }

    private static OpResult cost(Op op, Scenario s, Calibration cal, int invocations) {
        return cal == null ? Roofline.cost(op, s, invocations) : CalibratedRoofline.cost(op, s, cal, invocations);
    }

    /**
     * Calibrated work per step outside the MoE layers, each op with its invocations per step: the dense layers'
     * ops (x denseLayers), the LM head over every token, and per MTP token one MoE layer without MTP, the MTP
     * projection and the LM head again (DeepSeek-V3's MTP module shares the output head).
     */
    static List<OpResult> stepOps(Scenario s, Calibration cal) {
        List<OpResult> out = new ArrayList<>();
        for (Op op : StepGraph.denseLayer(s)) {
            out.add(cost(op, s, cal, s.model().denseLayers()));
        }
        out.add(cost(StepGraph.lmHead(s, "LM head", (double) s.batchPerCard() * s.tokensPerStep()), s, cal, 1));
        out.add(cost(StepGraph.sampling(s), s, cal, 1));
        if (s.mtpDepth() > 0) {
            Scenario draft = s.withMtp(0, s.mtpAcceptance());
            Evaluation layer = evaluate(draft.withFidelity(Fidelity.CALIBRATED));
            double t = layer.layerTimeSec();
            out.add(new OpResult("MTP: module layer", Stage.STEP, 0, 0, 0, 0, 0, 0, 0, 0, 0, t,
                    layer.dominantBound(), 1.0, s.mtpDepth(), layer.ops().stream().anyMatch(OpResult::extrapolated),
                    "one MoE layer at q = 1, timed as above"));
            out.add(cost(StepGraph.mtpProjection(s), s, cal, s.mtpDepth()));
            out.add(cost(StepGraph.lmHead(s, "MTP: LM head", s.batchPerCard()), s, cal, s.mtpDepth()));
        }
        return out;
    }

    /**
     * Host work the GPU waits for each step (scheduling, sampling bookkeeping, output handling): the scenario's
     * assumed fraction of the GPU's step time (see {@code Assumptions.hostOverheadFraction}).
     */
    static OpResult hostOverhead(Scenario s, double gpuStepSec) {
        double fraction = s.assumptions().hostOverheadFraction();
        double t = fraction * gpuStepSec;
        return new OpResult("Host: scheduling and sampling", Stage.STEP, 0, 0, 0, 0, 0, 0, 0, 0, t, t, Bound.HOST,
                1.0, 1, true, "assumption: " + Math.round(fraction * 100) + " % of the GPU step, not overlapped "
                        + "(SGLang v0.4 zero-overhead scheduler: 1.1x from overlapping it, "
                        + "https://lmsys.org/blog/2024-12-04-sglang-v0-4/)");
    }

    /** Tokens accepted per decode step: {@code 1 + Σ_{i=1..mtpDepth} α^i} (seed 000). */
    public static double acceptedTokensPerStep(Scenario s) {
        double sum = 1;
        double p = 1;
        for (int i = 1; i <= s.mtpDepth(); i++) {
            p *= s.mtpAcceptance();
            sum += p;
        }
        return sum;
    }
}
