package dev.ridgeline.engine;

import dev.ridgeline.engine.memory.MemoryBreakdown;
import dev.ridgeline.engine.memory.MemoryModel;
import dev.ridgeline.engine.model.Policy;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.model.ThroughputReading;
import dev.ridgeline.engine.ops.LayerGraph;
import dev.ridgeline.engine.ops.Op;
import dev.ridgeline.engine.roofline.OpResult;
import dev.ridgeline.engine.roofline.Roofline;
import dev.ridgeline.engine.schedule.Pipelines;
import dev.ridgeline.engine.schedule.Schedule;
import dev.ridgeline.engine.schedule.StageTimes;
import dev.ridgeline.engine.ops.Stage;
import java.util.Arrays;

/**
 * The decode model as a pure function: {@code evaluate(Scenario) -> Evaluation}. No state, no threads; safe to
 * call from any thread.
 */
public final class Engine {
    private Engine() {
    }

    public static Evaluation evaluate(Scenario s) {
        boolean dual = s.policy() == Policy.DUAL_MICRO_BATCH;
        int microBatches = dual ? 2 : 1;
        Op[] graph = LayerGraph.build(s, s.batchPerCard() / (double) microBatches);
        OpResult[] results = new OpResult[graph.length];
        double[] byStage = new double[Stage.values().length];
        for (int i = 0; i < graph.length; i++) {
            results[i] = Roofline.cost(graph[i], s, microBatches);
            byStage[results[i].stage().ordinal()] += results[i].timeSec();
        }
        Schedule schedule = Pipelines.schedule(s.policy(), StageTimes.of(byStage));
        double layer = schedule.layerTimeSec();
        double tpot = layer * s.model().numLayers();
        double raw = 1.0 / tpot;
        double accepted = acceptedTokensPerStep(s);
        double perCard = raw * s.batchPerCard() * accepted;
        if (s.throughputReading() == ThroughputReading.SEED_DIVIDES_BY_Q) {
            perCard /= s.tokensPerStep();
        }
        MemoryBreakdown memory = MemoryModel.breakdown(s);
        return new Evaluation(s, Arrays.asList(results), schedule, layer, tpot, raw, raw * accepted, perCard, memory,
                MemoryModel.maxBatch(memory), MemoryModel.fit(memory),
                Balance.ofFp8(s.chip(), s.nic().bandwidthBytesPerSec(), s.model()));
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
