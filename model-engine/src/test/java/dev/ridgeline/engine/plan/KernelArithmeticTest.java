package dev.ridgeline.engine.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ridgeline.engine.Fixtures;
import dev.ridgeline.engine.RandomScenarios;
import dev.ridgeline.engine.model.Deployment;
import dev.ridgeline.engine.model.Fidelity;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.roofline.Bound;
import dev.ridgeline.engine.roofline.OpResult;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The kernel's arithmetic without divisions (decision 0005, addendum "2026-12-07, evening") gives the bits the
 * divisions gave, checked against the divisions themselves: a shift for an int over a TP degree, a table for the
 * all-reduce's {@code 2(t − 1)/t}, a product by 0.5 for a micro-batch's sequences; and the bound sums, now multiplied
 * by the invocations as a double, still name the bound of the most time among the layer's recorded ops.
 */
class KernelArithmeticTest {
    @Test
    void anIntOverATpDegreeIsItsQuotient() {
        // a plausible wrong shift (by the degree, not its log2) gives x / 4 at TP2 and fails here
        for (int tp : new int[] {1, 2, 4, 8}) {
            for (int x = 0; x <= 1 << 17; x++) {
                assertEquals(x / tp, OpCosts.perRank(x, tp), x + " / " + tp);
            }
            for (int x : new int[] {1 << 20, (1 << 20) + 7, 129_280, 18_432, 2_048, 7, Integer.MAX_VALUE}) {
                assertEquals(x / tp, OpCosts.perRank(x, tp), x + " / " + tp);
            }
        }
    }

    @Test
    void theAllReducesShareIsTheQuotientToTheBit() {
        // a product by 1/t is not the quotient's double for t = 6, 11, 14 and 317 more up to 1024: the table must hold
        // the quotient
        for (int t = 1; t <= 1024; t++) {
            assertEquals(Double.doubleToRawLongBits(2.0 * (t - 1) / t), Double.doubleToRawLongBits(Collectives.movedShare(t)),
                    "t = " + t);
        }
        SplittableRandom r = new SplittableRandom(26);
        for (int i = 0; i < 100_000; i++) {
            double tokens = 1 + r.nextInt(65_536) * (r.nextBoolean() ? 1 : 0.5);
            int hidden = 1 + r.nextInt(1 << 16);
            int t = 1 + r.nextInt(16);
            assertEquals(2.0 * (t - 1) / t * tokens * hidden * 2, Collectives.ringAllReduceBytes(tokens, hidden, t),
                    tokens + " tokens, hidden " + hidden + ", t = " + t);
        }
    }

    @Test
    void aMicroBatchsSequencesAreTheQuotientToTheBit() {
        // an int halving (batch >> 1) loses the odd batch's half sequence and fails here
        for (int batch = 1; batch <= Deployment.MAX_BATCH; batch++) {
            for (int mb = 1; mb <= 2; mb++) {
                assertEquals(batch / (double) mb, Plan.perMicroBatch(batch, mb), batch + " / " + mb);
            }
        }
    }

    @Test
    void theDominantBoundIsTheBoundOfTheMostTimeAmongTheLayersOps() {
        // the bound sums are the kernel's own scratch: summed again here from the recorded ops' seconds per layer
        // (seconds x invocations), in their order, they must name the same bound
        SplittableRandom r = new SplittableRandom(20261207L);
        int checked = 0;
        while (checked < 3_000) {
            Scenario sc = RandomScenarios.next(r);
            if (sc.fidelity() != Fidelity.CALIBRATED) {
                continue;
            }
            Plan plan = Fixtures.ENGINE.plan(sc);
            Summary recorded = new Summary();
            List<OpResult> layerOps = new ArrayList<>();
            plan.record(sc.deployment(), sc.numerics(), recorded, layerOps, new ArrayList<>());
            double[] byBound = new double[Bound.values().length];
            for (OpResult op : layerOps) {
                byBound[op.bound().ordinal()] += op.timePerLayerSec();
            }
            assertEquals(Plan.dominant(byBound[Bound.COMPUTE.ordinal()], byBound[Bound.MEMORY.ordinal()],
                    byBound[Bound.NETWORK.ordinal()], byBound[Bound.LATENCY.ordinal()]), recorded.dominantBound(),
                    sc.summary());
            Summary summary = new Summary();
            plan.summarize(sc.deployment(), sc.numerics(), summary);
            assertEquals(recorded.dominantBound(), summary.dominantBound(), sc.summary());
            checked++;
        }
    }
}
