package dev.ridgeline.engine;

import dev.ridgeline.engine.model.Assumptions;
import dev.ridgeline.engine.model.Chip;
import dev.ridgeline.engine.model.Dtype;
import dev.ridgeline.engine.model.ExpertLoad;
import dev.ridgeline.engine.model.Fa3Setting;
import dev.ridgeline.engine.model.Fidelity;
import dev.ridgeline.engine.model.ModelConfig;
import dev.ridgeline.engine.model.Nic;
import dev.ridgeline.engine.model.Policy;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.model.ThroughputReading;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded random scenarios over everything a scenario can vary: every model, chip and NIC preset, both fidelities,
 * policies, KV and weight dtypes, FA3 settings, MTP depth 0-3 (0 on a model without an MTP module), promotion, a
 * manual GEMM efficiency a third of the time, the seed readings and the calibrated assumptions.
 */
public final class RandomScenarios {
    static final int[] EPS = {1, 2, 4, 8, 16, 32, 64, 72, 128, 144, 256, 320};
    private static final List<ModelConfig> MODELS = Fixtures.CATALOG.models();
    private static final List<Chip> CHIPS = Fixtures.CATALOG.chips();
    private static final List<Nic> NICS = Fixtures.CATALOG.nics();

    private RandomScenarios() {
    }

    public static Scenario next(SplittableRandom r) {
        ModelConfig m = MODELS.get(r.nextInt(MODELS.size()));
        int ep = EPS[r.nextInt(EPS.length)];
        while (ep > m.routedExperts() + 64) {
            ep = EPS[r.nextInt(EPS.length)];
        }
        int mtp = m.mtpModules() > 0 ? r.nextInt(4) : 0;
        return Scenario.defaults(m, CHIPS.get(r.nextInt(CHIPS.size())), NICS.get(r.nextInt(NICS.size())))
                .withBatch(1 + r.nextInt(512)).withEp(ep).withContext(1 + r.nextInt(131072))
                .withMtp(mtp, r.nextDouble()).withKvDtype(Dtype.values()[r.nextInt(2)])
                .withWeightDtype(Dtype.values()[r.nextInt(2)]).withFa3(Fa3Setting.values()[r.nextInt(4)])
                .withPolicy(Policy.values()[r.nextInt(2)]).withPromotion(r.nextBoolean())
                .withGemmEfficiency(r.nextInt(3) == 0 ? 0.1 + 0.9 * r.nextDouble() : 0)
                .withFidelity(Fidelity.values()[r.nextInt(2)])
                .withThroughputReading(ThroughputReading.values()[r.nextInt(2)])
                .withExpertLoad(ExpertLoad.values()[r.nextInt(2)])
                .with(new Assumptions(r.nextDouble() * 16e9, r.nextDouble() * 5e-6, r.nextDouble() * 0.3));
    }
}
