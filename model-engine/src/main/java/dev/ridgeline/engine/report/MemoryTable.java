package dev.ridgeline.engine.report;

import dev.ridgeline.engine.Engine;
import dev.ridgeline.engine.model.Dtype;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.plan.Plan;
import java.util.List;
import java.util.TreeSet;

/**
 * Seed 003 section 6.8 as the question a serving engineer asks: the largest batch per card that fits beside the
 * weights, for each context length and KV dtype, at the scenario's EP, weights and fidelity ({@link Plan#maxBatch},
 * DESIGN 3.6).
 *
 * @param contexts  context lengths, ascending
 * @param dtypes    KV dtypes, in {@link Dtype} order
 * @param maxBatch  {@code maxBatch[d][c]}: dtype d, context c
 */
public record MemoryTable(int[] contexts, List<Dtype> dtypes, int[][] maxBatch) {

    public static MemoryTable of(Engine engine, Scenario s) {
        TreeSet<Integer> set = new TreeSet<>(List.of(1024, 2048, 4096, 8192, 16384, 32768, 65536, 131072));
        set.add(s.contextTokens());
        int[] contexts = set.stream().mapToInt(Integer::intValue).toArray();
        List<Dtype> dtypes = List.of(Dtype.values());
        int[][] out = new int[dtypes.size()][contexts.length];
        Plan plan = engine.plan(s);
        for (int d = 0; d < dtypes.size(); d++) {
            for (int c = 0; c < contexts.length; c++) {
                out[d][c] = plan.maxBatch(s.deployment().withContext(contexts[c]), s.numerics().withKvDtype(dtypes.get(d)));
            }
        }
        return new MemoryTable(contexts, dtypes, out);
    }
}
