package dev.ridgeline.engine.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.engine.Evaluation;
import dev.ridgeline.engine.Fixtures;
import dev.ridgeline.engine.calibration.ExpertPopularity;
import dev.ridgeline.engine.model.Deployment;
import dev.ridgeline.engine.model.Dtype;
import dev.ridgeline.engine.model.Fidelity;
import dev.ridgeline.engine.model.Policy;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.plan.ExpertTraffic.Stats;
import dev.ridgeline.engine.roofline.OpResult;
import org.junit.jupiter.api.Test;

/** The experts a card actually reads (DESIGN 3.10, issue 18 item 1), hand-derived. */
class ExpertTrafficTest {
    /** DeepSeek-V3: 256 routed experts, top-8; EP8 without EPLB holds 32 experts a card. */
    private static final ExpertTraffic UNIFORM = new ExpertTraffic(256, 8, ExpertPopularity.UNIFORM);
    private static final Deployment EP8 = new Deployment(1, 8, 4096, 0, 0.85, Policy.NAIVE).withEplb(false);

    @Test
    void atBatchOneOnEp8ACardReadsAboutSevenOfItsThirtyTwoExperts() {
        // Batch 1 per card on 8 cards: T = 8 tokens routed in the EP group, 8 pairs per card. Each token picks a given
        // expert with probability 8/256, so a card reads 32 · (1 − (1 − 8/256)^8) = 32 · (1 − 0.96875^8)
        // = 32 · (1 − 0.7757...) = 7.1776 of its 32 experts.
        Stats s = UNIFORM.stats(EP8);
        assertEquals(32, s.slots());
        double hot = ExpertTraffic.hottest(s, 8);
        assertEquals(8, hot, 0.0, "uniform routing without spread: every card gets the mean");
        assertEquals(32 * (1 - Math.pow(1 - 8.0 / 256, 8)), ExpertTraffic.expertsRead(s, hot), 1e-12);
        assertEquals(7.1776, ExpertTraffic.expertsRead(s, hot), 5e-5);
    }

    @Test
    void atLargeBatchEveryExpertIsReadAsBefore() {
        // 512 sequences per card: T = 4096 tokens, 0.96875^4096 < 1e-56: all 32 experts read, each over 4096/32 rows.
        Stats s = UNIFORM.stats(EP8);
        assertEquals(32, ExpertTraffic.expertsRead(s, 512 * 8), 1e-12);
        Scenario big = CalibratedFixture.h800Ep8().withBatch(512);
        OpResult up = Fixtures.BALANCED.evaluate(big).op("Routed experts up");
        assertEquals(32.0 * 7168 * 4096, up.weightBytes(), 1e-3);
        assertEquals(2.0 * 4096 * 7168 * 4096, up.flops(), 1e-3 * up.flops());
    }

    @Test
    void theEngineReadsOnlyTheWeightsOfTheExpertsItsTokensHit() {
        // EP8, batch 1, q = 1, naive: the routed-expert up projection reads 7.1776 experts' weights (7168 x 4096 FP8
        // each), and computes 2 · 8 rows · 7168 · 4096 FLOPs whatever the split (each expert over its own rows).
        Evaluation e = Fixtures.BALANCED.evaluate(CalibratedFixture.h800Ep8());
        OpResult up = e.op("Routed experts up");
        double read = 32 * (1 - Math.pow(1 - 8.0 / 256, 8));
        assertEquals(read * 7168 * 4096, up.weightBytes(), 1e-6 * up.weightBytes());
        assertEquals(2.0 * 8 * 7168 * 4096, up.flops(), 1e-9 * up.flops());
        // today's reading (every local expert's weights) would read 32 of them: four and a half times as much
        assertTrue(up.weightBytes() < 32.0 * 7168 * 4096 / 4);
        assertEquals(read, Fixtures.BALANCED.summarize(CalibratedFixture.h800Ep8()).expertsRead(), 1e-9);
    }

    @Test
    void everySlotReadWithoutTheExponentialIsTheFormulasOwnBits() {
        // expertsRead skips e^x where 1 − e^x rounds to 1: it must give the bits of s·(1 − e^x) itself on both sides
        // of the skip's threshold and of the true boundary (ln 2^-54 = -37.43), down to exp's underflow and −∞
        for (int slots : new int[] {1, 2, 3, 9, 32, 36, 4096}) {
            for (double x = -45; x <= -30; x += 1.0 / 1024) {
                assertSameBits(slots, x);
            }
            for (double x : new double[] {-37.43, -37.4299, -37.44, -38, Math.nextUp(-38.0), Math.nextDown(-38.0),
                -700, -745.2, -746, -1e300, Double.NEGATIVE_INFINITY}) {
                assertSameBits(slots, x);
            }
        }
        // the threshold is below the true boundary: just above it 1 − e^x is not yet 1
        assertTrue(1 - Math.exp(-37.0) < 1.0);
        assertTrue(ExpertTraffic.EVERY_SLOT_READ < -37.43);
    }

    /** expertsRead at {@code pairs = 1}, {@code ln miss = x}, against {@code s·(1 − e^x)} computed here. */
    private static void assertSameBits(int slots, double x) {
        Stats s = new Stats(0, slots, 0, 0, x, 1);
        assertEquals(Double.doubleToRawLongBits(slots * (1 - Math.exp(x))),
                Double.doubleToRawLongBits(ExpertTraffic.expertsRead(s, 1)), slots + " slots at x = " + x);
    }

    @Test
    void theHottestCardIsCappedByWhatTokensCanReachIt() {
        // One token (batch 1 on attention TP8, tokens everywhere) picks 8 distinct experts: at most min(k, slots) = 8
        // of them land on one card, so the hottest card of EP8 gets at most 8 · 8 / 8 = 8 times the mean of 1 pair.
        ExpertTraffic skewed = new ExpertTraffic(256, 8, new ExpertPopularity(1.1, 100, "a wide spread"));
        Stats s = skewed.stats(EP8);
        assertEquals(8.0, ExpertTraffic.hottest(s, 1), 1e-12);
        assertTrue(ExpertTraffic.hottest(s, 1000) < 8000);
    }

    @Test
    void anEpGroupOfWholeNodesSpansThatManyNodes() {
        // nodes of 8 cards (Hopper's NVLink domain): EP32 spans 4 nodes, EP72 9; a group inside one node, or not made
        // of whole nodes, is one node to EPLB (global policy); GB200's 72-card domain holds EP32 in one
        ExpertTraffic hopper = new ExpertTraffic(256, 8, 8, 8, ExpertPopularity.UNIFORM);
        assertEquals(4, hopper.nodes(32));
        assertEquals(9, hopper.nodes(72));
        assertEquals(1, hopper.nodes(8));
        assertEquals(1, hopper.nodes(12));
        assertEquals(1, new ExpertTraffic(256, 8, 8, 72, ExpertPopularity.UNIFORM).nodes(32));
    }

    /** Scenarios the tests share. */
    static final class CalibratedFixture {
        static Scenario h800Ep8() {
            return Fixtures.seed("H800", "CX7").withFidelity(Fidelity.CALIBRATED).withKvDtype(Dtype.FP8)
                    .withWeightDtype(Dtype.FP8).withEp(8).withBatch(1).withMtp(0, 0.85).withPolicy(Policy.NAIVE)
                    .withEplb(false);
        }
    }
}
