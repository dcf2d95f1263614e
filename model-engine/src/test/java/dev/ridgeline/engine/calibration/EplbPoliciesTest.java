package dev.ridgeline.engine.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.engine.io.CalibrationTables;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * EPLB's two policies (github.com/deepseek-ai/EPLB, README "The Algorithm"): global, and hierarchical where the nodes
 * divide the expert groups, which packs whole groups onto nodes before replicating inside each node. The hierarchical
 * placement is checked on the README's own example, whose printed output fixes every card's load.
 */
class EplbPoliciesTest {
    private static final ExpertPopularity FIT = CalibrationTables.builtIn().expertPopularity();

    /**
     * The README's example: two layers of 12 experts in 4 groups, 16 replicas on 2 nodes of 4 GPUs (2 slots each),
     * placed by the hierarchical policy. Its printed placement, layer 1, {@code [5, 6, 5, 7, 8, 4, 3, 4, 10, 9, 10, 2,
     * 0, 1, 11, 1]}, copies experts 5, 4, 10 and 1 twice, so GPU by GPU: 165/2 + 39 = 121.5, 165/2 + 4 = 86.5,
     * 73 + 104/2 = 125, 61 + 52 = 113, 183/2 + 56 = 147.5, 91.5 + 40 = 131.5, 90 + 132/2 = 156, 86 + 66 = 152: the
     * hottest holds 156. Layer 2, {@code [7, 10, 6, 8, 6, 11, 8, 9, 2, 4, 5, 1, 5, 0, 3, 1]} (6, 8, 5 and 1 twice):
     * 157 + 16 = 173, 187/2 + 172/2 = 179.5, 93.5 + 27 = 120.5, 86 + 86 = 172, 104 + 19 = 123, 197/2 + 107/2 = 152,
     * 98.5 + 20 = 118.5, 64 + 53.5 = 117.5: the hottest holds 179.5.
     */
    @Test
    void theHierarchicalPolicyLoadsTheReadmesExampleAsItsPrintedPlacement() {
        double[] layer1 = {90, 132, 40, 61, 104, 165, 39, 4, 73, 56, 183, 86};
        double[] layer2 = {20, 107, 104, 64, 19, 197, 187, 157, 172, 86, 16, 27};
        assertEquals(156, ExpertPopularity.hierarchicalHottest(layer1, 8, 2, 4, 2), 1e-9);
        assertEquals(179.5, ExpertPopularity.hierarchicalHottest(layer2, 8, 2, 4, 2), 1e-9);
    }

    @Test
    void onOneNodeTheHierarchicalPolicyIsTheGlobalOne() {
        double[] shares = FIT.shares(256).clone();
        SplittableRandom r = new SplittableRandom(3);
        for (int trial = 0; trial < 20; trial++) {
            for (int i = shares.length - 1; i > 0; i--) {
                int j = r.nextInt(i + 1);
                double t = shares[i];
                shares[i] = shares[j];
                shares[j] = t;
            }
            assertEquals(ExpertPopularity.hottestCard(shares, 32, 9),
                    ExpertPopularity.hierarchicalHottest(shares, 32, 9, 8, 1), 1e-12);
        }
    }

    /** DeepSeek's test ({@code num_groups % num_nodes == 0}), as SGLang's default {@code compute_algorithm} applies it. */
    @Test
    void theHierarchicalPolicyAppliesWhereTheNodesDivideTheExpertGroups() {
        assertTrue(ExpertPopularity.hierarchical(256, 32, 8, 4), "DeepSeek-V3 on 4 nodes of 8: 8 groups, 2 a node");
        assertTrue(ExpertPopularity.hierarchical(256, 16, 8, 2));
        assertFalse(ExpertPopularity.hierarchical(256, 72, 8, 9), "9 nodes do not divide 8 groups: global");
        assertFalse(ExpertPopularity.hierarchical(256, 128, 8, 16));
        assertFalse(ExpertPopularity.hierarchical(384, 96, 1, 12), "Kimi K2 has one group");
        assertFalse(ExpertPopularity.hierarchical(256, 32, 8, 1), "one node: global");
    }

    /**
     * At EP32 on 4 nodes the groups' loads cannot be evened by copies, which stay inside their node: the hottest card
     * carries at least its node's excess. A lower bound computed apart from the code under test: the best of the 105
     * ways to pair 8 groups onto 4 nodes, by exhaustion, over random placements of the fitted popularity on the ids.
     * The global policy, free to copy any expert anywhere, leaves far less.
     */
    @Test
    void packingWholeGroupsOntoNodesLeavesTheGroupsImbalance() {
        double hierarchical = FIT.staticExcess(256, 32, 9, true, 8, 4);
        double global = FIT.staticExcess(256, 32, 9, true);
        double nodeFloor = bestPairingExcess(FIT.shares(256), 2000);
        assertTrue(hierarchical >= nodeFloor, hierarchical + " below the node floor " + nodeFloor);
        assertTrue(hierarchical > 4 * global, hierarchical + " against global " + global);
        assertEquals(FIT.staticExcess(256, 72, 4, true), FIT.staticExcess(256, 72, 4, true, 8, 9), 0.0,
                "9 nodes: the global policy");
        assertEquals(FIT.staticExcess(256, 32, 9, true, 8, 1), global, 0.0, "one node: the global policy");
    }

    /** Mean over random placements of the least node excess any pairing of 8 groups onto 4 nodes can reach. */
    private static double bestPairingExcess(double[] sorted, int trials) {
        double[] shares = sorted.clone();
        SplittableRandom r = new SplittableRandom(11);
        double sum = 0;
        for (int t = 0; t < trials; t++) {
            for (int i = shares.length - 1; i > 0; i--) {
                int j = r.nextInt(i + 1);
                double x = shares[i];
                shares[i] = shares[j];
                shares[j] = x;
            }
            double[] group = new double[8];
            for (int i = 0; i < 256; i++) {
                group[i / 32] += shares[i];
            }
            sum += bestPairing(group, new boolean[8]);
        }
        return sum / trials * 4 - 1;
    }

    /** The least possible largest pair sum over the unused groups (exhaustive). */
    private static double bestPairing(double[] group, boolean[] used) {
        int first = 0;
        while (first < group.length && used[first]) {
            first++;
        }
        if (first == group.length) {
            return 0;
        }
        used[first] = true;
        double best = Double.MAX_VALUE;
        for (int j = first + 1; j < group.length; j++) {
            if (!used[j]) {
                used[j] = true;
                best = Math.min(best, Math.max(group[first] + group[j], bestPairing(group, used)));
                used[j] = false;
            }
        }
        used[first] = false;
        return best;
    }
}
