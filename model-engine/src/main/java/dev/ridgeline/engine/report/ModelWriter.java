package dev.ridgeline.engine.report;

import static dev.ridgeline.engine.report.DocBuilder.code;
import static dev.ridgeline.engine.report.DocBuilder.num;
import static dev.ridgeline.engine.report.DocBuilder.strong;

import dev.ridgeline.engine.Evaluation;
import dev.ridgeline.engine.memory.MemoryBreakdown;
import dev.ridgeline.engine.model.AttentionKind;
import dev.ridgeline.engine.model.ModelConfig;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.ops.Stage;
import dev.ridgeline.engine.plan.FidelityRules;
import dev.ridgeline.engine.plan.Plan;
import dev.ridgeline.engine.roofline.OpResult;
import dev.ridgeline.engine.schedule.Interval;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Sections 3-5: the model's fingerprint, the analytical model op by op, and the roofline and Gantt figures. */
final class ModelWriter {
    static final String FINGERPRINT = "Model fingerprint";
    static final String ANALYTICAL = "Analytical model: FLOPs, bytes, time";
    static final String OPERATORS = "Operators of one decode step";
    static final String FIGURES = "Roofline and pipeline";

    private ModelWriter() {
    }

    static void fingerprint(DocBuilder d, Evaluation e) {
        Scenario s = e.scenario();
        ModelConfig m = s.model();
        Fingerprint f = Fingerprint.of(m);
        d.section(FINGERPRINT);
        d.p(strong(m.name()), ": ", m.source());
        DocBuilder.TableBuilder t = DocBuilder.table().text("Property").number("Value");
        t.row("Parameters, total (main model)", num(f.totalParams(), Unit.PARAMS));
        t.row("Parameters active per token", num(f.activeParams(), Unit.PARAMS));
        t.row("Routed experts' share of the parameters", num(f.expertShare(), Unit.FRACTION));
        t.row("Layers (dense + MoE)", m.numLayers() + " (" + m.denseLayers() + " + " + m.moeLayers() + ")");
        t.row("Hidden size H", m.hiddenSize());
        if (m.attention() == AttentionKind.MLA) {
            t.row("Attention", "MLA, " + m.numHeads() + " heads");
            t.row("Q rank / KV rank / RoPE / nope / V head", m.qLoraRank() + " / " + m.kvLoraRank() + " / "
                    + m.qkRopeHeadDim() + " / " + m.qkNopeHeadDim() + " / " + m.vHeadDim());
        } else {
            t.row("Attention", "GQA, " + m.numHeads() + " query heads, " + m.numKeyValueHeads() + " KV heads");
            t.row("Head dim", m.headDim());
        }
        t.row("KV elements per token and layer C_kv", m.kvEntryWidth());
        t.row("KV cache per token, all layers (" + s.kvDtype().label() + ")",
                num(e.memory().kvBytesPerSequence() / s.contextTokens(), Unit.BYTES));
        t.row("Routed experts / shared / top-k", m.routedExperts() + " / " + m.sharedExperts() + " / " + m.expertsPerToken());
        t.row("Expert width / dense FFN width", m.moeIntermediateSize() + " / " + m.denseIntermediateSize());
        t.row("Vocabulary", m.vocabSize());
        t.row("MTP modules", m.mtpModules());
        d.add(t.build());
        MemoryBreakdown b = e.memory();
        FidelityRules rules = Plan.rules(s);
        d.p("Memory of one card at EP", s.ep(), " (", rules.expertSlots(m, s.deployment()), " routed-expert slots per card",
                rules.countsRedundantCopies(s.deployment()) ? ", redundant copies included" : "", "), batch ",
                s.batchPerCard(), " and context ", s.contextTokens(), ":");
        DocBuilder.TableBuilder mem = DocBuilder.table().text("Part").number("Bytes").number("Share of HBM");
        double cap = b.capacityBytes();
        mem.row("Non-expert weights (" + s.weightDtype().label() + ")", num(b.nonExpertWeightBytes(), Unit.BYTES),
                num(b.nonExpertWeightBytes() / cap, Unit.FRACTION));
        mem.row("Local routed experts (" + s.expertDtype().label() + ")", num(b.localExpertBytes(), Unit.BYTES), num(b.localExpertBytes() / cap, Unit.FRACTION));
        mem.row("KV cache (" + s.kvDtype().label() + ")", num(b.kvCacheBytes(), Unit.BYTES), num(b.kvCacheBytes() / cap, Unit.FRACTION));
        mem.row("Reserve", num(b.reserveBytes(), Unit.BYTES), num(b.reserveBytes() / cap, Unit.FRACTION));
        mem.row(b.freeBytes() >= 0 ? "Free" : "Missing", num(Math.abs(b.freeBytes()), Unit.BYTES),
                num(Math.abs(b.freeBytes()) / cap, Unit.FRACTION));
        mem.row(rules.readsGbAsGib() ? "HBM capacity (the preset's "
                + gb(s.chip().memoryBytes()) + " read as GiB, seed 000)" : "HBM capacity", capacity(e), num(1.0, Unit.FRACTION));
        d.add(mem.build());
        d.p("Parameter share is not runtime share: the experts hold ", num(f.expertShare(), Unit.FRACTION),
                " of the parameters, but each token reads only its top-", m.expertsPerToken(), " of them.");
        SeedFingerprint.write(d, m);
    }

    static void analytical(DocBuilder d, Analyses a) {
        Evaluation e = a.evaluation();
        Scenario s = e.scenario();
        d.section(ANALYTICAL);
        d.p("Ridgeline costs each operator of one MoE layer for the batch of one micro-batch (", e.schedule().microBatches(),
                " per step under ", s.policy().label(), "), then schedules the layer; ", code("×"),
                " is how often an op runs per layer (or per step, outside the layers). Figures are per invocation, in ",
                s.fidelity().label(), " fidelity.");
        d.sub(OPERATORS);
        List<OpResult> ops = ran(e);
        DocBuilder.TableBuilder work = DocBuilder.table().text("Op").number("×").number("F").number("Weights")
                .number("Activations").number("KV").number("Network").number("AI");
        for (OpResult op : ops) {
            work.row(op.name(), op.invocations(), num(op.flops(), Unit.FLOP), num(op.weightBytes(), Unit.BYTES),
                    num(op.activationBytes(), Unit.BYTES), num(op.kvBytes(), Unit.BYTES), num(op.networkBytes(), Unit.BYTES),
                    num(op.intensity(), Unit.FLOP_PER_BYTE));
        }
        d.add(work.build());
        DocBuilder.TableBuilder time = DocBuilder.table().text("Op").number("T_comp").number("T_hbm").number("T_net")
                .number("Overhead").number("T_op").text("Bound").number("Efficiency");
        DocBuilder.TableBuilder basis = DocBuilder.table().text("Op").text("Basis");
        for (OpResult op : ops) {
            time.row(op.name(), num(op.computeSec(), Unit.SECONDS), num(op.memorySec(), Unit.SECONDS),
                    num(op.networkSec(), Unit.SECONDS), num(op.overheadSec(), Unit.SECONDS), num(op.timeSec(), Unit.SECONDS),
                    op.bound().label(), num(op.efficiency(), Unit.FRACTION));
            basis.row(op.name(), (op.extrapolated() ? "extrapolated: " : "") + op.basis());
        }
        d.add(time.build());
        d.p("The basis of each figure (", code("extrapolated"), " marks a calibration used beyond what was measured):");
        d.add(basis.build());
        LayerTotals l = a.layer();
        d.p("One MoE layer: ", code("F"), " = ", num(l.flops(), Unit.FLOP), ", ", code("bytes_hbm"), " = ",
                num(l.hbmBytes(), Unit.BYTES), ", ", code("bytes_net"), " = ", num(l.networkBytes(), Unit.BYTES),
                ", op time ", num(l.opSec(), Unit.SECONDS), " before overlap, layer time ",
                num(e.layerTimeSec(), Unit.SECONDS), " under the pipeline; time per output step ", num(e.tpotSec(), Unit.SECONDS),
                ", ", num(e.userTokensPerSec(), Unit.TOKENS_PER_SEC), " per user, ",
                num(e.throughputPerCard(), Unit.TOKENS_PER_SEC), " per card.");
        perToken(d, a);
        dominance(d, l, s.model().attention());
        Formulas.forModel(d, e);
        worked(d, e);
    }

    /**
     * FLOPs and bytes per output token: one decode step of the card (every MoE layer and the work outside them) over
     * the tokens it yields, the batch times the tokens each sequence keeps per step (1 + the MTP tokens accepted).
     */
    /**
     * The card's HBM as the fidelity reads it, in the unit of that reading: seed fidelity reads the preset's "80 GB" as
     * 80 GiB, which is said as "80 GiB", never as the 85.9 GB no datasheet states (issue 22); calibrated reads the
     * preset's decimal bytes.
     */
    static Object capacity(Evaluation e) {
        double cap = e.memory().capacityBytes();
        return Plan.rules(e.scenario()).readsGbAsGib()
                ? String.format(java.util.Locale.ROOT, "%.4g GiB", cap / (1L << 30)) : num(cap, Unit.BYTES);
    }

    /** "80 GB": a preset's decimal gigabytes. */
    static String gb(double bytes) {
        return String.format(java.util.Locale.ROOT, "%.4g GB", bytes / 1e9);
    }

    static void perToken(DocBuilder d, Analyses a) {
        Evaluation e = a.evaluation();
        Scenario s = e.scenario();
        LayerTotals l = a.layer();
        LayerTotals step = a.step();
        int layers = s.model().moeLayers();
        double tokens = s.batchPerCard() * dev.ridgeline.engine.Engine.acceptedTokensPerStep(s);
        if (!(tokens > 0)) {
            return;
        }
        double flops = (l.flops() * layers + step.flops()) / tokens;
        double bytes = (l.hbmBytes() * layers + step.hbmBytes()) / tokens;
        double net = (l.networkBytes() * layers + step.networkBytes()) / tokens;
        d.p("Per output token (one step of this card over its ", num(tokens, Unit.COUNT), " tokens: batch ",
                s.batchPerCard(), " × ", num(dev.ridgeline.engine.Engine.acceptedTokensPerStep(s), Unit.COUNT),
                " kept per step): ", code("F"), " = ", num(flops, Unit.FLOP), ", ", code("bytes_hbm"), " = ",
                num(bytes, Unit.BYTES), ", ", code("bytes_net"), " = ", num(net, Unit.BYTES), " (for scale: 2 FLOPs per "
                + "active parameter is ", num(2 * Fingerprint.of(s.model()).activeParams(), Unit.FLOP), ").");
    }

    /**
     * The ops that run, in the engine's order: the MoE layer's, then the step's; a model without dense layers has
     * its dense-layer ops recorded zero times, and they are left out.
     */
    static List<OpResult> ran(Evaluation e) {
        List<OpResult> out = new ArrayList<>();
        for (OpResult op : e.ops()) {
            if (op.invocations() > 0) {
                out.add(op);
            }
        }
        for (OpResult op : e.stepOps()) {
            if (op.invocations() > 0) {
                out.add(op);
            }
        }
        return out;
    }

    /** Seed 003 section 5.7 on the engine's byte split of one MoE layer. */
    private static void dominance(DocBuilder d, LayerTotals l, AttentionKind attention) {
        d.sub("Byte dominance test");
        DocBuilder.TableBuilder t = DocBuilder.table().text("Bytes").number("Per MoE layer").number("Share of HBM bytes");
        t.row(code("bytes_weights"), num(l.weightBytes(), Unit.BYTES), num(l.share(l.weightBytes()), Unit.FRACTION));
        t.row(code("bytes_activations"), num(l.activationBytes(), Unit.BYTES), num(l.share(l.activationBytes()), Unit.FRACTION));
        t.row(code("bytes_kv"), num(l.kvBytes(), Unit.BYTES), num(l.share(l.kvBytes()), Unit.FRACTION));
        d.add(t.build());
        double w = l.share(l.weightBytes());
        double kv = l.share(l.kvBytes());
        String verdict = w > 0.7 ? "weights exceed 70 %: weight residency, compression or a larger batch over the same "
                + "weights pays first" : kv > 0.3 ? "KV exceeds 30 %: the KV dtype, its layout and the context length pay "
                + "first" : "neither weights (> 70 %) nor KV (> 30 %) dominates: activations and the pipeline matter as much";
        d.p("Seed 003's rule: ", verdict, ". Ridgeline's decode model has no temporary buffers: ",
                attention == AttentionKind.MLA ? "FlashMLA keeps" : "the GQA attention core keeps",
                " the scores on chip.");
    }

    /** The op that takes the most time, its roofline worked through with the engine's numbers. */
    private static void worked(DocBuilder d, Evaluation e) {
        OpResult op = e.ops().stream().filter(o -> o.flops() > 0)
                .max(Comparator.comparingDouble(OpResult::timePerLayerSec)).orElse(null);
        if (op == null) {
            return;
        }
        double ridge = Exploration.ridge(e);
        d.sub("Worked example: " + op.name());
        d.p(code("F"), " = ", num(op.flops(), Unit.FLOP), ", ", code("bytes_hbm"), " = ", num(op.hbmBytes(), Unit.BYTES),
                " (weights ", num(op.weightBytes(), Unit.BYTES), ", activations ", num(op.activationBytes(), Unit.BYTES),
                ", KV ", num(op.kvBytes(), Unit.BYTES), "), so ", code("AI_hbm"), " = ",
                num(op.hbmBytes() > 0 ? op.flops() / op.hbmBytes() : 0, Unit.FLOP_PER_BYTE), " against ", code("OI_knee"),
                " = ", num(ridge, Unit.FLOP_PER_BYTE), ". ", code("T_comp"), " = ", num(op.computeSec(), Unit.SECONDS),
                " (efficiency ", num(op.efficiency(), Unit.FRACTION), "), ", code("T_hbm"), " = ",
                num(op.memorySec(), Unit.SECONDS), ", ", code("T_net"), " = ", num(op.networkSec(), Unit.SECONDS),
                "; with ", num(op.overheadSec(), Unit.SECONDS), " of fixed overhead ", code("T_op"), " = ",
                num(op.timeSec(), Unit.SECONDS), ": ", strong(op.bound().label() + "-bound"), ", ", op.invocations(),
                " time(s) per layer.");
    }

    static void figures(DocBuilder d, Evaluation e) {
        d.section(FIGURES);
        d.p("The window's two charts for this scenario. On the roofline each compute op sits at its intensity and the "
                + "FLOP/s it achieves; dispatch and combine sit at the MoE FLOPs per network byte, under the NIC roof. The "
                + "Gantt shows the engine's schedule of one layer: the compute and communication lanes, the micro-batches "
                + "and the critical path.");
        d.figure("roofline", "Roofline: every op of one MoE layer, coloured by its bound", new FigureData.Roofline(e));
        d.figure("gantt", "Pipeline of one MoE layer (" + e.scenario().policy().label() + ")", new FigureData.Gantt(e));
        d.p("The Gantt's bars, in the order they start (a bar too narrow for its name shows its first letter):");
        DocBuilder.TableBuilder t = DocBuilder.table().text("Bar").text("Stage").text("Lane").number("Start")
                .number("Duration").text("Critical path");
        e.schedule().intervals().stream().sorted(Comparator.comparingDouble(Interval::startSec)
                .thenComparing(i -> i.lane().ordinal())).forEach(i -> t.row(i.label(), STAGES.get(i.stage()),
                i.lane().label(), num(Math.max(i.startSec(), 0), Unit.SECONDS), num(i.durationSec(), Unit.SECONDS),
                i.critical() ? "yes" : ""));
        d.add(t.build());
    }

    /** What each stage of the Gantt is, in words. */
    static final java.util.Map<Stage, String> STAGES = new java.util.EnumMap<>(java.util.Map.of(
            Stage.ATTN_0, "attention, part 1 of 2",
            Stage.ATTN_1, "attention, part 2 of 2",
            Stage.SHARED, "shared expert",
            Stage.DISPATCH, "dispatch: tokens to their experts' cards",
            Stage.MOE, "routed experts",
            Stage.COMBINE, "combine: expert outputs back to their tokens",
            Stage.ATTN_REDUCE, "attention TP all-reduce",
            Stage.MOE_REDUCE, "MoE all-reduce to the attention group",
            Stage.STEP, "once per step: dense layers, LM head, MTP"));
}
