package dev.ridgeline.engine.space;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ridgeline.engine.io.Presets;
import dev.ridgeline.engine.model.Scenario;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The batches the frontier draws a configuration with ({@link Space#drawingBatches}), against their definition written
 * out here as a plain loop: every batch up to 20, then each the last times 1.1 rounded (at least one more), and the
 * largest that fits, for every limit from none to past {@link Scenario#MAX_BATCH}, for a data-parallel configuration
 * and a tensor-parallel one (drawn up to batch 32).
 */
class DrawingBatchesTest {
    static final Scenario DP = Presets.builtInScenario("default").withLayout(1, 1);
    static final Scenario TP = DP.withLayout(8, 8, 1);

    @Test
    void theGridUpToTheLimitThenTheLimit() {
        for (Scenario c : List.of(DP, TP)) {
            for (int max = -1; max <= Scenario.MAX_BATCH + 3; max++) {
                int top = Math.min(max, c.deployment().dataParallel() ? Scenario.MAX_BATCH : 32);
                assertArrayEquals(definition(top), Space.drawingBatches(c, max), "max " + max);
            }
        }
    }

    @Test
    void aboutFiftyFourPointsForALimitOf500() {
        // 1..20 (20 points), then 22, 24, 26, 29, 32, ... 422, 464 (33 points: each the last x 1.1, rounded) and 500
        // itself: the count the javadoc of drawingBatches gives
        assertEquals(54, Space.drawingBatches(DP, 500).length);
    }

    private static int[] definition(int top) {
        List<Integer> out = new ArrayList<>();
        int b = 1;
        while (b <= top) {
            out.add(b);
            b = b < 20 ? b + 1 : Math.max(b + 1, (int) Math.round(b * 1.10));
        }
        if (top >= 1 && out.get(out.size() - 1) != top) {
            out.add(top);
        }
        int[] a = new int[out.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = out.get(i);
        }
        return a;
    }
}
