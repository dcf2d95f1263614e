package dev.ridgeline.engine.plan;

import dev.ridgeline.engine.model.Chip;
import dev.ridgeline.engine.model.Deployment;
import dev.ridgeline.engine.model.ExpertDtype;
import dev.ridgeline.engine.model.ExpertLoad;
import dev.ridgeline.engine.model.ModelConfig;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.model.ThroughputReading;
import java.util.ArrayList;
import java.util.List;

/** Seed 000's decisions as published (DESIGN 3.5, 3.6, 3.8): the rules {@link SeedPlan} is built on. */
final class SeedRules implements FidelityRules {
    static final SeedRules INSTANCE = new SeedRules();

    private SeedRules() {
    }

    @Override
    public double memoryBytes(Chip chip) {
        return chip.seedMemoryBytes();
    }

    @Override
    public double hbmBytesPerSec(Chip chip) {
        return chip.seedHbmBandwidthBytesPerSec();
    }

    @Override
    public boolean readsGbAsGib() {
        return true;
    }

    /** {@code ceil(routedExperts / ep)}: seed 000 places no redundant copies. */
    @Override
    public int expertSlots(ModelConfig model, Deployment d) {
        return (model.routedExperts() + d.ep() - 1) / d.ep();
    }

    @Override
    public boolean countsRedundantCopies(Deployment d) {
        return false;
    }

    @Override
    public boolean promotionMatters(Chip chip) {
        return chip.fp8LowAccPrecision();
    }

    @Override
    public boolean appliesAssumptions() {
        return false;
    }

    @Override
    public boolean modelsLayoutsAndBalance() {
        return false;
    }

    @Override
    public List<ExpertDtype> explorerExpertDtypes(Scenario base) {
        return List.of(ExpertDtype.FP8);
    }

    @Override
    public boolean costsWorkOutsideTheExperts() {
        return false;
    }

    @Override
    public boolean banded() {
        return false;
    }

    @Override
    public String basis() {
        return "seed 000's model as published, with the readings that reproduce its tables; docs/validation.md";
    }

    @Override
    public List<String> readingsInForce(Scenario s) {
        List<String> out = new ArrayList<>();
        if (s.mtpDepth() > 0) {
            out.add(s.throughputReading() == ThroughputReading.SEED_DIVIDES_BY_Q
                    ? "Throughput: B × user tokens/s ÷ q (seed 000's reading)"
                    : "Throughput: B × user tokens/s (accepted tokens)");
        }
        out.add(s.expertLoad() == ExpertLoad.FULL ? "Experts: each local expert over all pairs (seed 000's reading)"
                : "Experts: each over its own tokens (split)");
        out.add("Memory and HBM: datasheet GB read as GiB (seed 000); no reserve");
        out.add("Balance: every card at the mean load (seed 000); EPLB and redundant experts have no effect");
        return out;
    }
}
