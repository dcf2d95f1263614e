package dev.ridgeline.app.cli;

import dev.ridgeline.engine.io.Catalog;
import dev.ridgeline.engine.io.HuggingFaceConfigs;
import dev.ridgeline.engine.io.PresetException;
import dev.ridgeline.engine.io.Presets;
import dev.ridgeline.engine.model.Checks;
import dev.ridgeline.engine.model.Dtype;
import dev.ridgeline.engine.model.Chip;
import dev.ridgeline.engine.model.Deployment;
import dev.ridgeline.engine.model.ExpertDtype;
import dev.ridgeline.engine.model.Hardware;
import dev.ridgeline.engine.model.Nic;
import dev.ridgeline.engine.model.ExpertLoad;
import dev.ridgeline.engine.model.Fa3Setting;
import dev.ridgeline.engine.model.FieldException;
import dev.ridgeline.engine.model.Fidelity;
import dev.ridgeline.engine.model.ModelConfig;
import dev.ridgeline.engine.model.ModelSwitch;
import dev.ridgeline.engine.model.Policy;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.model.ThroughputReading;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The scenario flags shared by every command that takes a scenario: start from {@code --scenario FILE} (or the
 * built-in default scenario) and apply each flag that is given, the {@code --chip-field} edits last. Every refusal
 * names the flag and the value.
 */
public final class ScenarioOptions {
    @Option(names = "--scenario", paramLabel = "FILE", description = "Scenario JSON file to start from (default: the built-in default scenario).")
    Path scenarioFile;

    @Option(names = "--model", description = "Model preset, e.g. DeepSeek-V3.")
    String model;

    @Option(names = "--model-config", paramLabel = "FILE", description = "A Hugging Face config.json of an MoE model (MLA or GQA attention); overrides --model.")
    Path modelConfig;

    @Option(names = "--chip", description = "Chip preset: H800, H20, A100, L20, L40S, Ideal-3stage, ... or one you saved.")
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

    @Option(names = "--weight-dtype", description = "Weights: fp8 or bf16 (experts and the rest alike), or fp4 (routed experts in NVFP4, the rest FP8, as FP4 deployments run).")
    String weightDtype;

    @Option(names = "--expert-dtype", description = "Routed experts alone: fp8, bf16, nvfp4 (= fp4) or mxfp4; 4-bit needs a chip with an FP4 tensor rate.")
    String expertDtype;

    @Option(names = "--attn-tp", description = "Attention tensor parallelism: 1, 2, 4 or 8 cards a group, inside the scale-up domain (calibrated fidelity); --batch is then each group's sequences.")
    Integer attnTp;

    @Option(names = "--moe-tp", description = "Tensor parallelism of each routed expert: 1, 2, 4 or 8, inside the scale-up domain (calibrated fidelity); the MoE runs on --ep x --moe-tp cards.")
    Integer moeTp;

    @Option(names = "--eplb", description = "Expert-parallel load balancer (DeepSeek's EPLB): on (default) or off (calibrated fidelity).")
    String eplb;

    @Option(names = "--redundant-experts", description = "Copies of hot experts EPLB adds (default 32, as DeepSeek deploys).")
    Integer redundantExperts;

    @Option(names = "--ep-scale-up", description = "Decode's dispatch and combine to the peers of a card's own scale-up domain: on (default) over that link, as DeepEP's low-latency kernels do since 2025-05-23; off over the NIC, as they did before (calibrated fidelity).")
    String epScaleUp;

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

    @Option(names = "--gemm-efficiency", description = "Manual GEMM efficiency (MFU) in [0.01, 1]; 0 = none.")
    Double gemmEfficiency;

    @Option(names = "--fidelity", description = "calibrated (the default scenario's) or seed (seed 000 as published: reproduces the post).")
    String fidelity;

    @Option(names = "--throughput-reading", description = "seed (divides by 1 + MTP depth, default) or accepted.")
    String throughputReading;

    @Option(names = "--expert-load", description = "Seed fidelity's routed-expert timing: full (each local expert over all pairs; reproduces the seed tables, default) or split (pairs / experts each; physical).")
    String expertLoad;

    @Option(names = "--chip-field", paramLabel = "NAME=VALUE",
            description = "Set one chip field (or NIC bandwidth) as the chip editor does, in its unit, e.g. 'HBM bandwidth=4000'; repeatable. Names: ridgeline presets fields.")
    java.util.List<String> chipFields;

    /** The command this mixin is part of: where {@link #resolve} says what it fitted to the model. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /**
     * The scenario the flags describe, against {@code catalog} (built-in and user presets); throws
     * {@link IllegalArgumentException} naming the bad flag and value. The model, EP and MTP depth constrain each
     * other (EP at most twice the routed experts, MTP only with an MTP module), and so do the chip, the fidelity and
     * the layout (tensor parallelism inside the chip's scale-up domain, none in seed fidelity): a new model takes the
     * scenario's EP, MTP and layout fitted to it as the window does (one line on stderr says what changed), then the
     * chip, NIC, fidelity, EP and layout the flags give are set together, then MTP, so the order of the flags never
     * matters and a refusal names the flag that was given.
     */
    public Scenario resolve(Catalog catalog) {
        Scenario s = scenarioFile != null ? file("--scenario", scenarioFile, p -> Presets.readScenario(p, catalog))
                : Presets.builtInScenario("default");
        String modelFlag = modelConfig != null ? "--model-config" : "--model";
        String modelValue = modelConfig != null ? modelConfig.toString() : model;
        ModelConfig newModel = modelConfig != null ? file("--model-config", modelConfig, HuggingFaceConfigs::read)
                : model != null ? choice("--model", model, catalog::model) : null;
        if (newModel != null) {
            // as in the window: the scenario's EP and MTP fitted to the model (a flag's value is applied below)
            ModelConfig m = newModel;
            Scenario before = s;
            ModelSwitch.Result fitted = flag(modelFlag, modelValue, v -> ModelSwitch.apply(before, m));
            s = fitted.scenario();
            tell(fitted.note(ep == null, mtp == null));
        }
        int depth = mtp != null ? mtp : s.mtpDepth();
        double acceptance = mtpAcceptance != null ? mtpAcceptance : s.mtpAcceptance();
        int degree = ep != null ? ep : s.ep();
        int attention = attnTp != null ? attnTp : s.attentionTp();
        int moe = moeTp != null ? moeTp : s.moeTp();
        if (newModel != null) {
            s = s.withMtp(0, s.mtpAcceptance()).withLayout(1, 1, 1); // then the flags' EP, layout and MTP, in any order
        }
        s = placement(s, catalog, degree, attention, moe, ep != null ? "--ep" : modelFlag,
                ep != null ? ep : newModel != null ? modelValue : degree);
        Scenario withEp = s;
        s = flag("--mtp-acceptance", acceptance, v -> withEp.withMtp(withEp.mtpDepth(), acceptance));
        Scenario withAcceptance = s;
        s = flag(mtp != null ? "--mtp" : modelFlag, mtp != null ? mtp : newModel != null ? modelValue : depth,
                v -> withAcceptance.withMtp(depth, acceptance));
        if (batch != null) s = flag("--batch", batch, s::withBatch);
        if (context != null) s = flag("--context", context, s::withContext);
        if (kvBytes != null) s = s.withKvDtype(dtype("--kv-bytes", kvBytes));
        if (paramBytes != null) s = s.withWeightDtype(dtype("--param-bytes", paramBytes));
        if (weightDtype != null) s = weights(s, weightDtype);
        if (expertDtype != null) {
            ExpertDtype ed = choice("--expert-dtype", expertDtype, ExpertDtype::parse);
            s = flag("--expert-dtype", expertDtype, s::withExpertDtype, ed);
        }
        if (eplb != null) s = s.withEplb(choice("--eplb", eplb, ScenarioOptions::onOff));
        if (redundantExperts != null) s = flag("--redundant-experts", redundantExperts, s::withRedundantExperts);
        if (epScaleUp != null) s = s.withLocalPeersOverScaleUp(choice("--ep-scale-up", epScaleUp, ScenarioOptions::onOff));
        if (policy != null) s = s.withPolicy(choice("--policy", policy, Policy::ofLabel));
        if (fa3 != null) s = s.withFa3(choice("--fa3", fa3, ScenarioOptions::fa3Setting));
        if (promotion != null) s = s.withPromotion(promotion);
        if (gemmEfficiency != null) s = flag("--gemm-efficiency", gemmEfficiency, s::withGemmEfficiency);
        if (throughputReading != null) s = s.withThroughputReading(choice("--throughput-reading", throughputReading,
                ScenarioOptions::throughputReading));
        if (expertLoad != null) s = s.withExpertLoad(choice("--expert-load", expertLoad, ScenarioOptions::expertLoad));
        return ChipFieldFlags.apply(s, chipFields);
    }

    /** One line on the command's stderr ("ridgeline: Mixtral-8x7B-v0.1: EP lowered from 144 to 8 (...)."). */
    private void tell(String note) {
        if (!note.isEmpty() && command != null) {
            command.commandLine().getErr().println(RidgelineCommand.oneLine("ridgeline: " + note));
            command.commandLine().getErr().flush();
        }
    }


    /**
     * The chip, NIC, fidelity, EP and layout set at once (they constrain each other). A refusal names the flag of the
     * field refused: --attn-tp or --moe-tp when given, else --chip or --fidelity when given, else EP's flag.
     */
    private Scenario placement(Scenario s, Catalog catalog, int degree, int attention, int moe, String epFlag,
                               Object epValue) {
        Chip c = chip != null ? choice("--chip", chip, catalog::chip) : s.chip();
        Nic n = nic != null ? choice("--nic", nic, catalog::nic) : s.nic();
        Fidelity f = fidelity != null ? choice("--fidelity", fidelity, ScenarioOptions::fidelity) : s.fidelity();
        try {
            Deployment d = s.deployment().withEp(degree).withAttentionTp(attention).withMoeTp(moe);
            return new Scenario(s.model(), new Hardware(c, n), d, s.numerics(), s.readings().withFidelity(f),
                    s.assumptions());
        } catch (IllegalArgumentException e) {
            throw blamed(e, epFlag, epValue);
        }
    }

    /** A refusal of the placement restated for the flag most likely to have caused it. */
    private IllegalArgumentException blamed(IllegalArgumentException e, String epFlag, Object epValue) {
        String field = e instanceof FieldException ? ((FieldException) e).field() : "";
        String[] flags = {"--attn-tp", "--moe-tp", "--chip", "--fidelity", epFlag};
        Object[] values = {attnTp, moeTp, chip, fidelity, epValue};
        int pick = field.equals("attentionTp") && attnTp != null ? 0 : field.equals("moeTp") && moeTp != null ? 1
                : field.equals("ep") ? 4 : chip != null ? 2 : fidelity != null ? 3 : attnTp != null ? 0
                : moeTp != null ? 1 : 4;
        try {
            return flag(flags[pick], values[pick], v -> {
                throw e;
            });
        } catch (IllegalArgumentException restated) {
            return restated;
        }
    }

    /** {@code --weight-dtype}: fp8 or bf16 for every weight; fp4 for the routed experts (NVFP4), the rest FP8. */
    private static Scenario weights(Scenario s, String value) {
        ExpertDtype experts = choice("--weight-dtype", value, ExpertDtype::parse);
        if (experts == ExpertDtype.MXFP4) {
            throw new IllegalArgumentException("--weight-dtype: bad value " + Checks.quote(value)
                    + " (expected fp4, fp8 or bf16; MXFP4 experts: --expert-dtype mxfp4)");
        }
        Dtype rest = experts == ExpertDtype.BF16 ? Dtype.BF16 : Dtype.FP8;
        return flag("--weight-dtype", value, v -> s.withWeightDtype(rest).withExpertDtype(experts));
    }

    private static boolean onOff(String v) {
        switch (v.toLowerCase(Locale.ROOT)) {
            case "on": case "true": return true;
            case "off": case "false": return false;
            default: throw new IllegalArgumentException("expected on or off");
        }
    }

    /** {@link #flag(String, Object, Function)} for a value parsed from the flag's text: the text is echoed. */
    private static <T> Scenario flag(String flag, String text, Function<T, Scenario> apply, T parsed) {
        return flag(flag, text, v -> apply.apply(parsed));
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

    private static Fidelity fidelity(String v) {
        return Fidelity.ofLabel(v);
    }

    private static ThroughputReading throughputReading(String v) {
        switch (v.toLowerCase(Locale.ROOT)) {
            case "seed": case "seed_divides_by_q": return ThroughputReading.SEED_DIVIDES_BY_Q;
            case "accepted": case "accepted_tokens": return ThroughputReading.ACCEPTED_TOKENS;
            default: throw new IllegalArgumentException("expected seed or accepted");
        }
    }

    private static ExpertLoad expertLoad(String v) {
        switch (v.toLowerCase(Locale.ROOT)) {
            case "full": return ExpertLoad.FULL;
            case "split": return ExpertLoad.SPLIT;
            default: throw new IllegalArgumentException("expected full or split");
        }
    }

    private static Dtype dtype(String flag, int bytes) {
        return choice(flag, String.valueOf(bytes), v -> Dtype.ofBytes(bytes));
    }

    /** Reads the file a flag names; an empty name or any problem with the file is blamed on the flag. */
    private static <T> T file(String flag, Path path, Function<Path, T> read) {
        if (path.toString().isEmpty()) {
            throw new IllegalArgumentException(flag + ": bad value '' (an empty file name)");
        }
        try {
            return read.apply(path);
        } catch (PresetException | IllegalArgumentException e) {
            throw new IllegalArgumentException(flag + ": " + e.getMessage(), e);
        }
    }

    private static <T> T choice(String flag, String value, Function<String, T> parse) {
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException | PresetException e) {
            throw new IllegalArgumentException(flag + ": bad value " + Checks.quote(value) + " (" + reason(e) + ")", e);
        }
    }

    private static <V, R> R flag(String flag, V value, Function<V, R> apply) {
        try {
            return apply.apply(value);
        } catch (IllegalArgumentException e) {
            // a file name may be long before it says anything: twice the usual echo
            String shown = value instanceof String ? "'" + Checks.shorten((String) value, 2 * Checks.ECHO_LIMIT) + "'"
                    : value instanceof Double ? Checks.number((Double) value) : String.valueOf(value);
            boolean same = value instanceof Number && e instanceof FieldException
                    && ((Number) value).doubleValue() == ((FieldException) e).value();
            throw new IllegalArgumentException(flag + ": bad value " + shown + " (" + reason(e, !same) + ")", e);
        }
    }

    private static String reason(RuntimeException e) {
        return reason(e, true);
    }

    /** A record's refusal restated for a flag: "ep must be in [1, 4096]" without the owner, with the value if asked. */
    private static String reason(RuntimeException e, boolean withValue) {
        if (e instanceof FieldException) {
            FieldException f = (FieldException) e;
            return f.field() + " " + f.rule(1) + (withValue ? ", was " + Checks.number(f.value()) : "");
        }
        String message = e.getMessage() == null ? "invalid" : e.getMessage();
        int cut = message.indexOf(" (scenario)");
        return cut > 0 ? message.substring(0, cut) : message;
    }
}
