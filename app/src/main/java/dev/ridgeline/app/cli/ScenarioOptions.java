package dev.ridgeline.app.cli;

import dev.ridgeline.engine.io.Catalog;
import dev.ridgeline.engine.io.HuggingFaceConfigs;
import dev.ridgeline.engine.io.Presets;
import dev.ridgeline.engine.model.Dtype;
import dev.ridgeline.engine.model.ExpertLoad;
import dev.ridgeline.engine.model.Fa3Setting;
import dev.ridgeline.engine.model.Fidelity;
import dev.ridgeline.engine.model.Policy;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.model.ThroughputReading;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * The scenario flags shared by {@code evaluate} and {@code export}: start from {@code --scenario FILE} (or the
 * built-in default scenario) and apply each flag that is given.
 */
public final class ScenarioOptions {
    @Option(names = "--scenario", paramLabel = "FILE", description = "Scenario JSON file to start from (default: the built-in default scenario).")
    Path scenarioFile;

    @Option(names = "--model", description = "Model preset, e.g. DeepSeek-V3.")
    String model;

    @Option(names = "--model-config", paramLabel = "FILE", description = "A Hugging Face config.json of an MoE model (MLA or GQA attention); overrides --model.")
    Path modelConfig;

    @Option(names = "--chip", description = "Chip preset: H800, H20, A100, L20, L40S, Ideal-3stage, ...")
    String chip;

    @Option(names = "--nic", description = "NIC preset: CX7, E810, ...")
    String nic;

    @Option(names = "--ep", description = "Expert-parallel degree (cards sharing the routed experts).")
    Integer ep;

    @Option(names = "--batch", description = "Sequences per card.")
    Integer batch;

    @Option(names = "--kv-bytes", description = "KV-cache element size: 1 (FP8) or 2 (BF16).")
    Integer kvBytes;

    @Option(names = "--param-bytes", description = "Non-expert weight element size: 1 (FP8) or 2 (BF16).")
    Integer paramBytes;

    @Option(names = "--policy", description = "Pipeline: naive or dual-mbatch.")
    String policy;

    @Option(names = "--mtp", description = "MTP (speculative) depth: tokens predicted ahead per step.")
    Integer mtp;

    @Option(names = "--mtp-acceptance", description = "Acceptance rate of each MTP token, 0..1 (default 0.85).")
    Double mtpAcceptance;

    @Option(names = "--context", description = "Average context (history) length, tokens.")
    Integer context;

    @Option(names = "--fa3", description = "FlashAttention-3 stage mode: auto (the chip's), none, two-stage, three-stage.")
    String fa3;

    @Option(names = "--promotion", description = "Apply DeepGEMM's FP8 promotion discount to the MoE GEMMs.")
    Boolean promotion;

    @Option(names = "--gemm-efficiency", description = "Manual GEMM efficiency (MFU) in (0, 1]; 0 = none.")
    Double gemmEfficiency;

    @Option(names = "--fidelity", description = "seed (reproduces seed 000) or calibrated.")
    String fidelity;

    @Option(names = "--throughput-reading", description = "seed (divides by 1 + MTP depth, default) or accepted.")
    String throughputReading;

    @Option(names = "--expert-load", description = "Seed fidelity's routed-expert timing: full (each local expert over all pairs; reproduces the seed tables, default) or split (pairs / experts each; physical).")
    String expertLoad;

    /** The scenario the flags describe; throws {@link IllegalArgumentException} naming the bad flag and value. */
    public Scenario resolve() {
        Catalog catalog = Presets.builtIn();
        Scenario s = scenarioFile != null ? Presets.readScenario(scenarioFile, catalog) : Presets.builtInScenario("default");
        if (modelConfig != null) {
            s = s.withModel(HuggingFaceConfigs.read(modelConfig));
        } else if (model != null) {
            s = s.withModel(choice("--model", model, catalog::model));
        }
        if (chip != null) s = s.withChip(choice("--chip", chip, catalog::chip));
        if (nic != null) s = s.withNic(choice("--nic", nic, catalog::nic));
        if (ep != null) s = flag("--ep", ep, s::withEp);
        if (batch != null) s = flag("--batch", batch, s::withBatch);
        if (context != null) s = flag("--context", context, s::withContext);
        if (kvBytes != null) s = s.withKvDtype(dtype("--kv-bytes", kvBytes));
        if (paramBytes != null) s = s.withWeightDtype(dtype("--param-bytes", paramBytes));
        if (policy != null) s = s.withPolicy(choice("--policy", policy, Policy::ofLabel));
        if (mtp != null || mtpAcceptance != null) {
            int depth = mtp != null ? mtp : s.mtpDepth();
            double acc = mtpAcceptance != null ? mtpAcceptance : s.mtpAcceptance();
            final Scenario base = s;
            s = flag(mtp != null ? "--mtp" : "--mtp-acceptance", mtp != null ? (Object) mtp : mtpAcceptance,
                    v -> base.withMtp(depth, acc));
        }
        if (fa3 != null) s = s.withFa3(choice("--fa3", fa3, ScenarioOptions::fa3Setting));
        if (promotion != null) s = s.withPromotion(promotion);
        if (gemmEfficiency != null) s = flag("--gemm-efficiency", gemmEfficiency, s::withGemmEfficiency);
        if (fidelity != null) s = s.withFidelity(choice("--fidelity", fidelity, v -> Fidelity.valueOf(v.toUpperCase(Locale.ROOT))));
        if (throughputReading != null) s = s.withThroughputReading(choice("--throughput-reading", throughputReading,
                v -> v.equalsIgnoreCase("seed") ? ThroughputReading.SEED_DIVIDES_BY_Q
                        : v.equalsIgnoreCase("accepted") ? ThroughputReading.ACCEPTED_TOKENS
                        : ThroughputReading.valueOf(v.toUpperCase(Locale.ROOT))));
        if (expertLoad != null) s = s.withExpertLoad(choice("--expert-load", expertLoad, v -> ExpertLoad.valueOf(v.toUpperCase(Locale.ROOT))));
        return s;
    }

    static Fa3Setting fa3Setting(String v) {
        switch (v.toLowerCase(Locale.ROOT)) {
            case "auto": return Fa3Setting.CHIP_DEFAULT;
            case "none": return Fa3Setting.NONE;
            case "two-stage": return Fa3Setting.TWO_STAGE;
            case "three-stage": return Fa3Setting.THREE_STAGE;
            default: throw new IllegalArgumentException("expected auto, none, two-stage or three-stage");
        }
    }

    private static Dtype dtype(String flag, int bytes) {
        return choice(flag, String.valueOf(bytes), v -> Dtype.ofBytes(bytes));
    }

    private static <T> T choice(String flag, String value, java.util.function.Function<String, T> parse) {
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException | dev.ridgeline.engine.io.PresetException e) {
            throw new IllegalArgumentException(flag + ": bad value '" + value + "' (" + firstClause(e.getMessage()) + ")");
        }
    }

    private static <V> Scenario flag(String flag, V value, java.util.function.Function<V, Scenario> apply) {
        try {
            return apply.apply(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(flag + ": bad value " + value + " (" + firstClause(e.getMessage()) + ")");
        }
    }

    private static String firstClause(String message) {
        if (message == null) {
            return "invalid";
        }
        int cut = message.indexOf(" (scenario)");
        return cut > 0 ? message.substring(0, cut) : message;
    }
}
