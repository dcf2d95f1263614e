package dev.ridgeline.engine;

import dev.ridgeline.engine.model.Assumptions;
import dev.ridgeline.engine.model.Chip;
import dev.ridgeline.engine.model.Dtype;
import dev.ridgeline.engine.model.ExpertDtype;
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
        Scenario s = Scenario.defaults(m, CHIPS.get(r.nextInt(CHIPS.size())), NICS.get(r.nextInt(NICS.size())))
                .withBatch(1 + r.nextInt(512)).withEp(ep).withContext(1 + r.nextInt(131072))
                .withMtp(mtp, r.nextDouble()).withKvDtype(Dtype.values()[r.nextInt(2)])
                .withWeightDtype(Dtype.values()[r.nextInt(2)]).withFa3(Fa3Setting.values()[r.nextInt(4)])
                .withPolicy(Policy.values()[r.nextInt(2)]).withPromotion(r.nextBoolean())
                .withGemmEfficiency(r.nextInt(3) == 0 ? 0.1 + 0.9 * r.nextDouble() : 0)
                .withFidelity(Fidelity.values()[r.nextInt(2)])
                .withThroughputReading(ThroughputReading.values()[r.nextInt(2)])
                .withExpertLoad(ExpertLoad.values()[r.nextInt(2)])
                .with(new Assumptions(r.nextDouble() * 16e9, r.nextDouble() * 5e-6, r.nextDouble() * 0.3));
        return s.fidelity() == Fidelity.CALIBRATED ? layout(r, s) : s;
    }

    /**
     * Calibrated fidelity's layout, balancer and expert dtype at random: attention and MoE TP of 1, 2, 4 or 8 where
     * the chip's scale-up domain and the model take them (else 1), EPLB on or off, 0-64 redundant experts, FP8, BF16
     * or (on a chip with FP4) NVFP4 or MXFP4 experts.
     */
    static Scenario layout(SplittableRandom r, Scenario s) {
        int[] tps = {1, 2, 4, 8};
        var d = s.deployment().withAttentionTp(tps[r.nextInt(4)]).withMoeTp(tps[r.nextInt(4)])
                .withEplb(r.nextBoolean()).withRedundantExperts(r.nextInt(65));
        Scenario out;
        try {
            out = s.with(d);
        } catch (IllegalArgumentException e) {
            out = s.with(d.withAttentionTp(1).withMoeTp(1));
        }
        ExpertDtype ed = ExpertDtype.values()[r.nextInt(4)];
        return ed.fp4() && !out.chip().hasFp4() ? out : out.withExpertDtype(ed);
    }
}
