package dev.ridgeline.engine;

import dev.ridgeline.engine.io.Catalog;
import dev.ridgeline.engine.io.Presets;
import dev.ridgeline.engine.model.Dtype;
import dev.ridgeline.engine.model.ExpertLoad;
import dev.ridgeline.engine.model.Policy;
import dev.ridgeline.engine.model.Scenario;

/** Shared scenarios for the engine tests, built from the built-in presets. */
public final class Fixtures {
    public static final Catalog CATALOG = Presets.builtIn();
    /** The engine over the built-in calibration tables. */
    public static final Engine ENGINE = new Engine(dev.ridgeline.engine.io.CalibrationTables.builtIn());

    private Fixtures() {
    }

    /** The built-in calibration with another expert popularity (the engine's only input that is not a table). */
    public static Engine withPopularity(dev.ridgeline.engine.calibration.ExpertPopularity p) {
        var c = dev.ridgeline.engine.io.CalibrationTables.builtIn();
        return new Engine(c.withExpertPopularity(p));
    }

    /** Perfect balance: every expert equally popular, no sampling spread (each card receives exactly the mean). */
    public static final Engine BALANCED = withPopularity(dev.ridgeline.engine.calibration.ExpertPopularity.UNIFORM);

    /**
     * DeepEP's benchmark routing: random top-k over equally popular experts, so the pairs a rank receives spread as
     * Poisson counts (dispersion 1) around the mean.
     */
    public static final Engine RANDOM_ROUTING = withPopularity(
            new dev.ridgeline.engine.calibration.ExpertPopularity(0, 1, "uniform random routing (DeepEP's benchmark)"));

    /** DeepSeek-V3 on the given chip and NIC with seed 000's defaults. */
    public static Scenario seed(String chip, String nic) {
        return Scenario.defaults(CATALOG.model("DeepSeek-V3"), CATALOG.chip(chip), CATALOG.nic(nic));
    }

    /**
     * The run of seed 000's console dump ({@code docs/seed-000-console-dump.png}): an 864 GiB/s, 48 GiB card
     * (L40S), E810, EP144, FP8 KV and weights, MTP 1, 32 sequences (64 tokens), one layer chained naively, the
     * routed experts split over the card's two experts ("Sparse Expert bs=256").
     */
    public static Scenario consoleDump() {
        return seed("L40S", "E810").withEp(144).withBatch(32).withKvDtype(Dtype.FP8).withWeightDtype(Dtype.FP8)
                .withMtp(1, Scenario.SEED_MTP_ACCEPTANCE).withPolicy(Policy.NAIVE).withExpertLoad(ExpertLoad.SPLIT);
    }
}
