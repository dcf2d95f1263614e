package dev.ridgeline.engine.plan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.engine.Fixtures;
import dev.ridgeline.engine.RandomScenarios;
import dev.ridgeline.engine.model.Chip;
import dev.ridgeline.engine.model.ChipField;
import dev.ridgeline.engine.model.FieldId;
import dev.ridgeline.engine.model.Fidelity;
import dev.ridgeline.engine.model.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The tables plans share instead of each allocating its own (a chip edit makes the frontier's plans and one per lever
 * of the fidelity contrast): the routed traffic's placement constants (calibrated), which depend on the chip only
 * through its scale-up domain, and seed fidelity's experts per card. A plan must read the same figures whichever plan
 * filled the shared table before it.
 */
class SharedPlanTablesTest {
    private static final Scenario DEFAULT = dev.ridgeline.engine.io.Presets.builtInScenario("default");

    @Test
    void plansOfChipsThatDifferOnlyInRatesShareTheRoutedTraffic() {
        ChipField hbm = ChipField.of(FieldId.HBM_BANDWIDTH);
        Chip faster = hbm.with(DEFAULT.chip(), ((Number) hbm.shown(DEFAULT.chip())).doubleValue() * 1.1);
        CalibratedPlan a = (CalibratedPlan) Plan.of(DEFAULT, Fixtures.ENGINE.calibration());
        CalibratedPlan b = (CalibratedPlan) Plan.of(DEFAULT.withChip(faster), Fixtures.ENGINE.calibration());
        assertSame(a.traffic(), b.traffic());
        Scenario gb200 = DEFAULT.withChip(Fixtures.CATALOG.chip("GB200")); // a 72-card scale-up domain
        CalibratedPlan c = (CalibratedPlan) Plan.of(gb200, Fixtures.ENGINE.calibration());
        assertNotSame(a.traffic(), c.traffic());
    }

    @Test
    void seed20261207EveryPlanReadsItsOwnFiguresWhicheverPlanFilledTheSharedTablesBefore() {
        // plans of random models, chips and fidelities made one after another (each evicting or reusing the shared
        // tables), then each scenario summarized again by a plan made right after one of another model and domain
        SplittableRandom r = new SplittableRandom(20261207);
        List<Scenario> scenarios = new ArrayList<>();
        List<double[]> first = new ArrayList<>();
        Summary s = new Summary();
        for (int i = 0; i < 400; i++) {
            Scenario sc = RandomScenarios.next(r);
            Plan plan = Plan.of(sc, Fixtures.ENGINE.calibration());
            scenarios.add(sc);
            first.add(figures(plan, sc, s));
        }
        int seeds = 0;
        Scenario other = Scenario.defaults(Fixtures.CATALOG.model("Qwen3-30B-A3B"), Fixtures.CATALOG.chip("GB200"),
                DEFAULT.nic());
        for (int i = scenarios.size() - 1; i >= 0; i--) {
            Scenario sc = scenarios.get(i);
            Plan.of(other.withFidelity(sc.fidelity()), Fixtures.ENGINE.calibration()).summarize(other.deployment(),
                    other.numerics(), s);
            assertArrayEquals(first.get(i), figures(Plan.of(sc, Fixtures.ENGINE.calibration()), sc, s), sc.summary());
            if (sc.fidelity() == Fidelity.SEED) {
                // seed 000: expertsPerCard = ceil(routedExperts / EP), whichever model's plan filled the table before
                int ep = sc.deployment().ep();
                assertEquals((sc.model().routedExperts() + ep - 1) / ep, s.expertSlots(), sc.summary());
                seeds++;
            }
        }
        assertTrue(seeds > 50, "seed scenarios: " + seeds);
    }

    /** Throughput, tokens/s per user, the batch limit and the hottest card at a few batches and EP degrees. */
    private static double[] figures(Plan plan, Scenario sc, Summary s) {
        int[] batches = {1, 7, 64, 333};
        double[] out = new double[batches.length * 4];
        for (int i = 0; i < batches.length; i++) {
            plan.summarize(sc.deployment(), batches[i], sc.numerics(), s);
            out[4 * i] = s.throughputPerCard();
            out[4 * i + 1] = s.userTokensPerSec();
            out[4 * i + 2] = s.maxBatch();
            out[4 * i + 3] = s.hottestCardLoad() + s.expertsRead() + s.expertSlots();
        }
        return out;
    }
}
