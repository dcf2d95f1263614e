package dev.ridgeline.engine.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.engine.Fixtures;
import dev.ridgeline.engine.model.Dtype;
import dev.ridgeline.engine.model.Fidelity;
import dev.ridgeline.engine.model.Prefill;
import dev.ridgeline.engine.model.Scenario;
import org.junit.jupiter.api.Test;

/** The served sizing end to end: its figures agree with the engine's and with the rate-matching arithmetic. */
class ServingTest {
    static final Scenario H800 = Fixtures.seed("H800", "CX7").withFidelity(Fidelity.CALIBRATED)
            .withWeightDtype(Dtype.FP8);

    static Served.Sized sized(Workload w) {
        return assertInstanceOf(Served.Sized.class, Serving.size(Fixtures.ENGINE, H800, w));
    }

    @Test
    void theSizingIsTheRateMatchOfTheEnginesOwnFigures() {
        Workload w = Workload.of(4096, 1024).withCacheHit(0.25);
        Served.Sized s = sized(w);
        Scenario p = s.prefill().deployment();
        // the prefill pool's figures are the engine's for that deployment and chunk
        var summary = Fixtures.ENGINE.summarizePrefill(p, new Prefill(4096, 0.25, s.prefill().chunkTokens()));
        assertEquals(summary.prefillTokensPerSec(), s.prefill().tokensPerSecPerCard(), 1e-9 * summary.prefillTokensPerSec());
        // D/P = (load x prefill x OSL) / (decode x S(1-h)) with S(1-h) = 3072
        double expected = 0.6 * s.prefill().tokensPerSecPerCard() * 1024 / (s.decode().throughputPerCard() * 3072);
        assertEquals(expected, s.decodePerPrefill(), 1e-12 * expected);
        assertEquals(s.decode().throughputPerCard() * expected / (1 + expected), s.outputPerCard(), 1e-9);
        // input per prefill card at load, hits included: 0.6 x prefill x 4096 / 3072
        assertEquals(0.6 * s.prefill().tokensPerSecPerCard() * 4096 / 3072, s.inputPerPrefillCard(), 1e-9);
        // TTFT: the prompt's steps, its KV cache over the NIC (4096 x 576 x 61 x KV bytes), the M/D/1 wait
        double kv = 4096.0 * 576 * 61 * s.decode().deployment().kvDtype().bytes();
        assertEquals(kv, s.kvBytesPerRequest(), 1e-6);
        assertEquals(kv / H800.nic().bandwidthBytesPerSec(), s.ttft().transferSec(), 1e-15);
        assertEquals(0.6 * s.prefill().stepSec() / 0.8, s.ttft().queueSec(), 1e-12);
        // the decode pool meets the user speed at the mean context of a request's decode
        assertTrue(s.decode().userTokensPerSec() >= 20);
        assertEquals(4096 + 512, s.decode().deployment().contextTokens());
    }

    @Test
    void aTighterTtftLimitNeverServesMore() {
        double before = Double.POSITIVE_INFINITY;
        for (double limit : new double[] {0, 10, 3, 1.5, 0.8}) {
            Served r = Serving.size(Fixtures.ENGINE, H800, Workload.of(4096, 1024).withTtftLimit(limit));
            if (r instanceof Served.Unmet) {
                break;
            }
            Served.Sized s = (Served.Sized) r;
            assertTrue(limit == 0 || s.ttft().totalSec() <= limit, s.ttft() + " over " + limit);
            assertTrue(s.outputPerCard() <= before * (1 + 1e-12), limit + " s: " + s.outputPerCard() + " after " + before);
            before = s.outputPerCard();
        }
    }

    @Test
    void unmetWorkloadsSayWhichLimitBinds() {
        Served ttft = Serving.size(Fixtures.ENGINE, H800, Workload.of(4096, 128).withTtftLimit(0.01));
        assertTrue(((Served.Unmet) ttft).reason().startsWith("the TTFT limit of 0.01 s binds"), ttft.toString());
        Served user = Serving.size(Fixtures.ENGINE, H800, Workload.of(4096, 128).withUserTokensPerSec(5000));
        assertTrue(((Served.Unmet) user).reason().startsWith("the user speed of 5000 tokens/s binds"), user.toString());
        Served memory = Serving.size(Fixtures.ENGINE, H800.withChip(H800.chip().withMemory(8e9)), Workload.of(4096, 128));
        assertTrue(((Served.Unmet) memory).reason().contains("binds"), memory.toString());
    }

    @Test
    void colocatedFiguresAreTheMixedStepOfItsDeployment() {
        Served.Sized s = sized(Workload.of(2048, 512));
        Served.Together c = s.colocated();
        assertTrue(c != null, "a co-located deployment meets 20 tokens/s per user");
        Colocated f = c.figures();
        // c = s·a·S(1-h)/OSL prompt tokens a step; output per card s·a/T
        double accepted = dev.ridgeline.engine.Engine.acceptedTokensPerStep(c.deployment());
        assertEquals(c.deployment().batchPerCard() * accepted * 2048 / 512, f.chunkTokens(), 1e-9);
        assertEquals(c.deployment().batchPerCard() * accepted / f.stepSec(), f.outputPerCard(), 1e-9);
        assertTrue(f.userTokensPerSec() >= 20);
        assertEquals(f.outputPerCard() > s.outputPerCard() ? Served.Mode.COLOCATED : Served.Mode.DISAGGREGATED,
                s.better());
    }
}
