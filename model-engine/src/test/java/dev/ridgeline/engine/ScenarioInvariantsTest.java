package dev.ridgeline.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.plan.Summary;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The headline's invariants over random scenarios ({@link RandomScenarios}: every model, chip and NIC preset, both
 * fidelities, layouts, dtypes, MTP, assumptions): more HBM bandwidth, FLOP/s, NIC or scale-up bandwidth never lowers
 * tokens/s per user or per card; a larger batch never shortens the time per output token; every headline figure is
 * finite and positive. 2,000 scenarios in the normal test run; {@code -Pinvariants} (model-engine's profile, which CI
 * leaves off) runs a million: {@code ./mvnw -B -pl model-engine -am test -Pinvariants -Dtest=ScenarioInvariantsTest
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class ScenarioInvariantsTest {
    /** Scenarios per run: {@code ridgeline.invariants.count} (the profile sets 1,000,000), else 2,000. */
    static final int COUNT = Integer.getInteger("ridgeline.invariants.count", 2000);
    /** Relative slack for floating-point summation order only: the engine's sums are not exact to the last bit. */
    static final double ULP = 1e-12;

    @Test
    void seed20261206FasterChipsNeverLowerTheHeadlineAndLargerBatchesNeverShortenTpot() {
        SplittableRandom r = new SplittableRandom(20261206);
        Engine engine = Fixtures.ENGINE;
        for (int i = 0; i < COUNT; i++) {
            Scenario s = RandomScenarios.next(r);
            Summary base = engine.summarize(s);
            positive(base, s);
            double k = 1 + 3 * r.nextDouble();
            Scenario[] faster = {
                s.withChip(s.chip().withHbmBandwidth(s.chip().hbmBandwidthBytesPerSec() * k)),
                s.withChip(s.chip().withComputeScaled(k)),
                s.withNic(s.nic().withBandwidth(s.nic().bandwidthBytesPerSec() * k)),
                s.withChip(InvariantsTest.withScaleUpBandwidth(s.chip(), k)),
            };
            for (Scenario f : faster) {
                Summary x = engine.summarize(f);
                positive(x, f);
                assertTrue(x.userTokensPerSec() >= base.userTokensPerSec() * (1 - ULP), () -> "faster, fewer tokens/s per user: "
                        + f.summary() + " " + x.userTokensPerSec() + " < " + base.userTokensPerSec());
                assertTrue(x.throughputPerCard() >= base.throughputPerCard() * (1 - ULP), () -> "faster, less per card: "
                        + f.summary() + " " + x.throughputPerCard() + " < " + base.throughputPerCard());
            }
            // seed 000's promotion discount is a step function of the GEMM's rows (128, 256, 512, 1024): one more
            // sequence can lift an expert GEMM into a cheaper step, the seed's own artefact (InvariantsTest)
            Scenario plain = s.withPromotion(false);
            int more = Math.min(Scenario.MAX_BATCH, plain.batchPerCard() + 1 + r.nextInt(64));
            if (more > plain.batchPerCard()) {
                Summary a = engine.summarize(plain);
                Summary b = engine.summarize(plain.withBatch(more));
                positive(b, plain.withBatch(more));
                assertTrue(b.tpotSec() >= a.tpotSec() * (1 - ULP), () -> "larger batch, shorter TPOT: " + plain.summary()
                        + " -> batch " + more + ": " + b.tpotSec() + " < " + a.tpotSec());
            }
        }
    }

    private static void positive(Summary x, Scenario s) {
        for (double v : new double[] {x.layerTimeSec(), x.tpotSec(), x.rawTokensPerSec(), x.userTokensPerSec(),
                x.throughputPerCard()}) {
            assertTrue(v > 0 && Double.isFinite(v), () -> "not a finite positive figure " + v + " for " + s.summary());
        }
        assertTrue(x.maxBatch() >= 0, s::summary);
    }
}
