package dev.ridgeline.engine.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.engine.Fixtures;
import dev.ridgeline.engine.model.Dtype;
import dev.ridgeline.engine.model.Fidelity;
import dev.ridgeline.engine.model.Prefill;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.plan.Summary;
import dev.ridgeline.engine.space.FieldMap;
import dev.ridgeline.engine.space.Knob;
import dev.ridgeline.engine.space.Objective;
import dev.ridgeline.engine.space.Sensitivity;
import dev.ridgeline.engine.space.ServedRate;
import dev.ridgeline.engine.space.Solve;
import org.junit.jupiter.api.Test;

/**
 * The served objective (issue 20, item 3): the sensitivity, the targets and the map answer for the whole service, each
 * figure a sizing of the served workload's prefill and decode pools.
 */
class ServedObjectiveTest {
    static final Scenario H800 = Fixtures.seed("H800", "CX7").withFidelity(Fidelity.CALIBRATED)
            .withWeightDtype(Dtype.FP8);
    static final Workload W = Workload.of(2048, 512);
    static final ServedRate RATE = ServedObjective.rate(Fixtures.ENGINE, W);
    static final Knob HBM = Knob.field("HBM bandwidth");

    @Test
    void theHeadlineIsTheBetterWayOfServingTheWorkload() {
        Served.Sized s = assertInstanceOf(Served.Sized.class, Serving.size(Fixtures.ENGINE, H800, W));
        double better = Math.max(s.outputPerCard(), s.colocated() == null ? 0 : s.colocated().figures().outputPerCard());
        assertEquals(better, Sensitivity.headline(Fixtures.ENGINE, H800, 20, Objective.SERVED, RATE), 0.0);
        // disaggregated: D/P = load·P·OSL / (decode·S(1−h)), served = decode·D/P / (1 + D/P), by hand
        double dp = 0.6 * s.prefill().tokensPerSecPerCard() * 512 / (s.decode().throughputPerCard() * 2048);
        assertEquals(s.decode().throughputPerCard() * dp / (1 + dp), s.outputPerCard(), 1e-9 * s.outputPerCard());
        // prefill cards serve no output: the disaggregated figure is below the decode pool's own
        assertTrue(s.outputPerCard() < s.decode().throughputPerCard());
    }

    @Test
    void theFixedDeploymentIsItsDecodeRateMatchedWithTheBestPrefillPool() {
        Scenario d = H800.withEp(144).withBatch(64);
        Summary decode = Fixtures.ENGINE.summarize(d);
        // the prefill pool the sizing would pick for this deployment's KV cache (BF16: 2,048 x 576 x 61 x 2 bytes)
        double kv = 2048.0 * 576 * 61 * d.kvDtype().bytes();
        assertEquals(kv, Ttft.kvBytes(d.model(), d.kvDtype(), 2048), 1e-6);
        Served.Prefill p = PrefillSearch.best(Fixtures.ENGINE, d, W, kv / d.nic().bandwidthBytesPerSec(), Runnable::run,
                1, () -> false).best();
        var step = Fixtures.ENGINE.summarizePrefill(p.deployment(), new Prefill(2048, 0, p.chunkTokens()));
        double dp = 0.6 * step.prefillTokensPerSec() * 512 / (decode.throughputPerCard() * 2048);
        assertEquals(decode.throughputPerCard() * dp / (1 + dp), RATE.fixed(d), 1e-9 * decode.throughputPerCard());
        assertEquals(0, RATE.fixed(d.withBatch(4000)), "a deployment that does not fit serves nothing");
    }

    @Test
    void theSensitivityMovesTheServedHeadlineAndNoPrice() {
        Sensitivity.Result r = Sensitivity.compute(Fixtures.ENGINE, H800, 20, 0.1, Objective.SERVED, RATE,
                Runnable::run, 1, () -> false, p -> { });
        assertEquals(Objective.SERVED, r.objective());
        assertEquals(RATE.best(H800, 20), r.headline(), 0.0);
        assertFalse(r.bars().stream().anyMatch(b -> b.knob().costOnly()), "the served objective reads no price or power");
        Sensitivity.Bar hbm = r.bars().stream().filter(b -> b.knob().name().equals("HBM bandwidth")).findFirst()
                .orElseThrow();
        // each move is the sizing with the field moved, and more bandwidth never serves less
        assertEquals(RATE.best(HBM.with(H800, hbm.up().value()), 20), hbm.up().headline(), 0.0);
        assertTrue(hbm.up().headline() >= r.headline() && r.headline() >= hbm.down().headline(), hbm.toString());
    }

    @Test
    void aServedTargetIsReachedAtTheAnswerAndNotBelowIt() {
        double now = RATE.best(H800, 20);
        Solve.Target t = new Solve.Target(20, Objective.SERVED, 1.2 * now, false, RATE);
        Solve.Answer a = Solve.solve(Fixtures.ENGINE, H800, HBM, t);
        assertNotNull(a.required(), a.reason());
        assertTrue(RATE.best(HBM.with(H800, a.required()), 20) >= 1.2 * now);
        // the bisection stops within its precision: 1 % less bandwidth falls short
        assertTrue(RATE.best(HBM.with(H800, a.required() * 0.99), 20) < 1.2 * now);
    }

    @Test
    void theMapsMiddleCellIsTheServedHeadline() {
        Knob nic = Knob.field("NIC bandwidth");
        double[] xs = FieldMap.axis(HBM, HBM.of(H800), 2, 3);
        double[] ys = FieldMap.axis(nic, nic.of(H800), 2, 3);
        FieldMap.Result m = FieldMap.compute(Fixtures.ENGINE, H800, HBM, nic, xs, ys, 20, Objective.SERVED, RATE,
                Runnable::run, 1, () -> false, p -> { });
        assertEquals(RATE.best(H800, 20), m.headline()[1][1], 0.0);
        assertTrue(m.headline()[1][2] >= m.headline()[1][1], "more bandwidth serves no less");
    }

    @Test
    void theServedObjectiveWithoutAWorkloadIsRefusedInOneLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Sensitivity.compute(
                Fixtures.ENGINE, H800, 20, 0.1, Objective.SERVED, null, Runnable::run, 1, () -> false, p -> { }));
        assertTrue(e.getMessage().contains("served objective needs a served workload"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Solve.Target(20, Objective.SERVED, 100, false));
        assertEquals(Objective.SERVED, Objective.ofLabel("served"));
    }
}
