package dev.ridgeline.engine.report;

import static dev.ridgeline.engine.report.DocBuilder.code;
import static dev.ridgeline.engine.report.DocBuilder.num;
import static dev.ridgeline.engine.report.DocBuilder.strong;

import dev.ridgeline.engine.Engine;
import dev.ridgeline.engine.Evaluation;
import dev.ridgeline.engine.model.Dtype;
import dev.ridgeline.engine.model.Policy;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.roofline.Bound;
import dev.ridgeline.engine.roofline.OpResult;
import dev.ridgeline.engine.space.Headline;
import dev.ridgeline.engine.space.Knob;
import dev.ridgeline.engine.space.Sensitivity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Sections 1-2: how to read the report, its terms, and the executive summary generated from the analyses. */
final class IntroWriter {
    static final String HOW_TO_READ = "How to read this report";
    static final String SUMMARY = "Executive summary";
    /** At most three; a change that gains nothing at the target is no optimisation and is left out. */
    static final String NEXT = "Next optimizations";

    private IntroWriter() {
    }

    static void guide(DocBuilder d) {
        d.section(HOW_TO_READ);
        d.p("Given a model, a chip and a deployment, this report says what limits decode and which knobs move that "
                + "limit, then places training and prefill beside it at seed 003's coarser level. It runs from the "
                + "model's shapes to FLOPs and bytes per operator, to the roofline and the pipeline, to the design space "
                + "and the knobs. Every number is computed by Ridgeline's engine for the scenario named on the title "
                + "page; the last section lists the inputs that regenerate it.");
        d.sub("Workflow");
        d.items(true, List.of(
                Block.Paragraph.of("Classify the limit: compare each operator's arithmetic intensity ", code("AI"),
                        " with the chip's ridge ", code("OI_knee = P_peak / BW_hbm"), ", and read which of ",
                        code("T_comp"), ", ", code("T_hbm"), " and ", code("T_net"), " is largest."),
                Block.Paragraph.of("Find the dominant bytes: weights, activations or KV cache (the byte-dominance test)."),
                Block.Paragraph.of("Map the limit to a family of fixes: compute-bound calls for utilisation and fusion; "
                        + "weight-bound HBM for residency, compression or larger batches; KV-bound HBM for KV dtype and "
                        + "layout; network-bound for topology, compression and overlap.")));
        d.p("Gotchas: FLOPs are algorithmic counts, not a performance claim; decode has its own length variable, the "
                + "context ", code("L"), ", whose KV reads grow with it (seed 003's ", code("~1/L"), " intensity decline, "
                + "unless the attention core's FLOPs grow as fast); MoE dispatch and combine matter when EP spreads experts "
                + "over cards.");
        d.sub("Key terms and units");
        DocBuilder.TableBuilder t = DocBuilder.table().text("Term").text("Definition").text("Unit");
        t.row(code("F"), "FLOPs of an operator from its shape (a GEMM M×K→N: 2·M·K·N)", "FLOP");
        t.row(code("bytes_weights"), "weights read from HBM", "B (1 GB = 1e9 B)");
        t.row(code("bytes_activations"), "activations read and written", "B");
        t.row(code("bytes_kv"), "KV cache read by attention", "B");
        t.row(code("bytes_net"), "bytes sent over the EP link (dispatch, combine)", "B");
        t.row(code("AI_hbm"), "arithmetic intensity F / (weights + activations + KV)", "FLOP/B");
        t.row(code("P_peak"), "tensor rate: FP8 for 1-byte weights, else BF16", "FLOP/s");
        t.row(code("BW_hbm"), "HBM bandwidth", "B/s");
        t.row(code("OI_knee"), "ridge point P_peak / BW_hbm", "FLOP/B");
        t.row(code("T_comp"), "F / (P_peak · efficiency)", "s");
        t.row(code("T_hbm"), "HBM bytes / BW_hbm", "s");
        t.row(code("T_net"), "network bytes / link bandwidth", "s");
        t.row(code("T_op"), "max(T_comp, T_hbm, T_net) + fixed overhead; the largest term is the op's bound", "s");
        t.row("layer time", "one MoE layer of one decode step under the pipeline (naive or dual micro-batch)", "s");
        t.row("TPOT", "time per output step: layer time × layers (+ work outside the layers)", "s");
        t.row("tokens/s per user", "1 / TPOT × accepted tokens per step (MTP)", "tokens/s");
        t.row("throughput per card", "batch × tokens/s per user (in the fidelity's reading)", "tokens/s");
        t.row(code("C/B"), "chip FLOP/s over EP-link bytes/s, against the model's threshold 2d (seed 002)",
                "TFLOPS per GB/s");
        d.add(t.build());
    }

    static void summary(DocBuilder d, Analyses a, Engine engine) {
        Evaluation e = a.evaluation();
        Scenario s = e.scenario();
        d.section(SUMMARY);
        String contrast = dev.ridgeline.engine.space.FidelityContrast.sentence(engine, s);
        if (!contrast.isEmpty()) {
            d.p(contrast);
        }
        if (a.bands() != null) {
            var b = a.bands();
            d.p("With their P10-P90 (the calibration's held-out residuals per kernel family, widened the further the "
                    + "chip, NIC, dtype or shape lie from what was measured): ", num(e.userTokensPerSec(), Unit.TOKENS_PER_SEC),
                    " per user (" + ValidationWriter.text(b.userTokensPerSec().low()) + "–"
                            + ValidationWriter.text(b.userTokensPerSec().high()) + "), ",
                    num(e.throughputPerCard(), Unit.TOKENS_PER_SEC), " per card (" + ValidationWriter.text(
                            b.throughputPerCard().low()) + "–" + ValidationWriter.text(b.throughputPerCard().high())
                            + "), a step of ", num(e.tpotSec(), Unit.SECONDS), " (" + String.format(java.util.Locale.ROOT,
                            "%.1f–%.1f ms", b.tpotSec().low() * 1e3, b.tpotSec().high() * 1e3) + ").");
        }
        d.sub("Three conclusions");
        List<Block.Paragraph> c = new ArrayList<>();
        OpResult top = e.ops().stream().max(Comparator.comparingDouble(OpResult::timePerLayerSec)).orElseThrow();
        LayerTotals l = a.layer();
        double ridge = Exploration.ridge(e);
        List<Object> bound = boundParts(l);
        bound.addAll(List.of(" The largest op is ", strong(top.name()), " (", num(top.timePerLayerSec(), Unit.SECONDS),
                " per layer, ", top.bound().label(), "-bound). The layer's ", code("AI_hbm"), " is ",
                num(l.intensity(), Unit.FLOP_PER_BYTE), " against a ridge of ", num(ridge, Unit.FLOP_PER_BYTE), "."));
        c.add(Block.Paragraph.of(bound.toArray()));
        double[] comm = CommWindows.totalAndExposed(a.comm());
        Messages msg = Messages.of(engine, s);
        dev.ridgeline.engine.Balance balance = msg.balance(e);
        c.add(Block.Paragraph.of("Dispatch and combine take ", num(comm[0], Unit.SECONDS), " per layer; the ",
                s.policy().label(), " schedule hides ", num(comm[0] > 0 ? 1 - comm[1] / comm[0] : 1, Unit.FRACTION),
                " of it behind compute and leaves ", num(comm[1], Unit.SECONDS), " exposed. ", code("C/B"), " = ",
                num(balance.tflopsPerGBps(), Unit.TFLOPS_PER_GBPS), " against the threshold ",
                num(balance.thresholdTflopsPerGBps(), Unit.TFLOPS_PER_GBPS), " (", msg.label(), ", as the op table counts them): ",
                balance.communicationHidden() ? "the link is fast enough to hide the traffic behind the expert GEMMs."
                        : "the link is too slow to hide the traffic behind the expert GEMMs (seed 002)."));
        c.add(memoryConclusion(a, e, s));
        d.items(true, c);
        d.sub(NEXT);
        List<Candidate> options = new ArrayList<>(candidates(a, engine).stream().filter(o -> o.gain() > 0).toList());
        options.sort(Comparator.comparingDouble(Candidate::gain).reversed());
        d.items(true, options.subList(0, Math.min(3, options.size())).stream().map(Candidate::text).toList());
        d.p("Ranked by the relative gain the engine computes for each change, every one at the same ",
                num(a.request().targetTokensPerSec(), Unit.TOKENS_PER_SEC), " per user: the chip and NIC fields by their "
                + "effect on the headline there (the seed's reduction-latency constant and the modelling assumptions are "
                + "no chip option), the model's architecture left to section 7.2.");
    }

    /**
     * Shares of op time closer than this are a tie, not a bound: two percentage points is well inside what the model
     * resolves (calibrated fidelity's residuals against published step times run to several per cent,
     * docs/validation.md), so "compute-bound" at 41.2 % against 41.1 % network would name a winner the model cannot.
     */
    static final double NEAR_TIE = 0.02;

    /** "Decode is memory-bound: 60 % of ..." or, when the two largest shares are within {@link #NEAR_TIE}, a tie. */
    static List<Object> boundParts(LayerTotals l) {
        List<Bound> order = new ArrayList<>(List.of(Bound.MEMORY, Bound.COMPUTE, Bound.NETWORK));
        if (l.timeShare(Bound.LATENCY) > 0) {
            order.add(Bound.LATENCY); // kernels at their measured floor (calibrated fidelity, small batches)
        }
        order.sort(Comparator.comparingDouble(l::timeShare).reversed());
        Bound first = order.get(0);
        Bound second = order.get(1);
        List<Object> out = new ArrayList<>();
        if (l.timeShare(first) - l.timeShare(second) < NEAR_TIE) {
            out.addAll(List.of("Decode has ", strong("no single bound"), ": ", first.label(), " ",
                    num(l.timeShare(first), Unit.FRACTION), " and ", second.label(), " ", num(l.timeShare(second), Unit.FRACTION),
                    " of the MoE layer's op time is a tie (closer than the model resolves); ", order.get(2).label(), " ",
                    num(l.timeShare(order.get(2)), Unit.FRACTION), "."));
        } else {
            out.addAll(List.of("Decode is ", strong(first.label() + "-bound"), ": ", num(l.timeShare(first), Unit.FRACTION),
                    " of the MoE layer's op time is in ", first.label(), "-bound ops, ", num(l.timeShare(second), Unit.FRACTION),
                    " ", second.label(), ", ", num(l.timeShare(order.get(2)), Unit.FRACTION), " ", order.get(2).label(), "."));
        }
        return out;
    }

    private static Block.Paragraph memoryConclusion(Analyses a, Evaluation e, Scenario s) {
        var m = e.memory();
        MemoryTable t = a.memory();
        int col = java.util.Arrays.binarySearch(t.contexts(), s.contextTokens());
        Dtype other = s.kvDtype() == Dtype.FP8 ? Dtype.BF16 : Dtype.FP8;
        int otherMax = t.maxBatch()[t.dtypes().indexOf(other)][col];
        double free = m.freeBytes();
        List<Object> parts = new ArrayList<>();
        if (s.ep() > s.model().routedExperts()) {
            parts.addAll(List.of(strong("EP" + s.ep() + " exceeds the model's " + s.model().routedExperts()
                    + " routed experts"), ": ", s.ep() - s.model().routedExperts(), " of its cards hold only copies of "
                    + "experts other cards hold too (an EP of at most ", s.model().routedExperts(), " gives every card "
                    + "experts of its own). "));
        }
        parts.addAll(List.of("Memory: at batch ", s.batchPerCard(), " and context ", s.contextTokens(),
                " the card holds ", num(m.nonExpertWeightBytes() + m.localExpertBytes(), Unit.BYTES), " of weights and ",
                num(m.kvCacheBytes(), Unit.BYTES), " of KV cache in ", ModelWriter.capacity(e), "; ",
                free >= 0 ? "headroom " : "short by ", num(Math.abs(free), Unit.BYTES), ". The largest batch that fits is ",
                strong(String.valueOf(e.maxBatch())), " with a ", s.kvDtype().label(), " KV cache and ", otherMax,
                " with ", other.label(), "."));
        return Block.Paragraph.of(parts.toArray());
    }

    /**
     * Chip fields that are the model's constants rather than something a chip is built with: the thread all-reduce
     * latency is seed 000's reduction constant, not a datasheet figure.
     */
    static final java.util.Set<dev.ridgeline.engine.model.FieldId> NOT_BUILT =
            java.util.EnumSet.of(dev.ridgeline.engine.model.FieldId.REDUCTION_LATENCY);

    /** A change the engine has costed, with its relative gain and the sentence that says so. */
    record Candidate(double gain, Block.Paragraph text) {
    }

    private static List<Candidate> candidates(Analyses a, Engine engine) {
        Evaluation e = a.evaluation();
        Scenario s = e.scenario();
        double target = a.request().targetTokensPerSec();
        List<Candidate> out = new ArrayList<>();
        Sensitivity.Result r = a.chipKnobs();
        Sensitivity.Bar chosen = null;
        Sensitivity.Move move = null;
        for (Sensitivity.Bar b : r.bars()) {
            if (b.knob().kind() == Knob.Kind.ASSUMPTION || NOT_BUILT.contains(b.knob().id())) {
                continue; // a modelling assumption, or a constant of the model, is not something to build
            }
            for (Sensitivity.Move m : List.of(b.down(), b.up())) {
                if (m.refused() == null && (move == null
                        || SpaceWriter.relative(m, true, r) > SpaceWriter.relative(move, true, r))) {
                    chosen = b;
                    move = m;
                }
            }
        }
        if (move != null && r.headline() > 0 && SpaceWriter.relative(move, true, r) > 0) {
            boolean up = move == chosen.up();
            out.add(new Candidate(SpaceWriter.relative(move, true, r), Block.Paragraph.of(
                    chosen.knob().kind() == Knob.Kind.NIC ? "NIC: " : "Chip: ", up ? "raise " : "lower ",
                    strong(chosen.knob().name()), " from ", SpaceWriter.shown(chosen.current(), chosen.knob()), " to ",
                    SpaceWriter.shown(move.value(), chosen.knob()), ": the headline moves by ",
                    num(SpaceWriter.relative(move, true, r), Unit.FRACTION), " and this deployment's throughput per card by ",
                    num(SpaceWriter.relative(move, false, r), Unit.FRACTION), ", the most of any chip or NIC knob one step "
                    + "either way.")));
        }
        Headline.Answer best = a.frontier().answer();
        // compared at the same tokens/s per user: this deployment with the largest batch that still meets the target
        Headline.Answer same = SpaceWriter.atTarget(engine, s, target);
        if (best != null && (same == null || best.throughputPerCard() > same.throughputPerCard())) {
            List<Object> parts = new ArrayList<>(List.of("Deployment: at ", num(target, Unit.TOKENS_PER_SEC),
                    " per user the best deployment is ", SpaceWriter.deployment(best.deployment()), ": ",
                    num(best.throughputPerCard(), Unit.TOKENS_PER_SEC), " per card, against "));
            if (same == null) {
                parts.add("none from this deployment, which misses the target at every batch.");
            } else {
                parts.addAll(List.of(num(same.throughputPerCard(), Unit.TOKENS_PER_SEC), " from this deployment at the "
                        + "same interactivity (batch ", same.deployment().batchPerCard(), ", ",
                        num(same.userTokensPerSec(), Unit.TOKENS_PER_SEC), " per user)."));
            }
            out.add(new Candidate(same == null ? 1 : best.throughputPerCard() / same.throughputPerCard() - 1,
                    Block.Paragraph.of(parts.toArray())));
        }
        if (s.kvDtype() == Dtype.BF16) {
            out.add(change(engine, e, s.withKvDtype(Dtype.FP8), "KV cache: store it in FP8", target));
        }
        if (s.weightDtype() == Dtype.BF16) {
            out.add(change(engine, e, s.withWeightDtype(Dtype.FP8), "Weights: FP8 non-expert weights", target));
        }
        if (s.policy() == Policy.NAIVE) {
            out.add(change(engine, e, s.withPolicy(Policy.DUAL_MICRO_BATCH), "Pipeline: overlap communication with two micro-batches", target));
        }
        int max = Math.min(e.maxBatch(), dev.ridgeline.engine.model.Deployment.MAX_BATCH);
        if (max > s.batchPerCard()) {
            out.add(change(engine, e, s.withBatch(max), "Batch: fill HBM to the largest batch that fits, " + max, target));
        }
        // the model's architecture (top-k, hidden size, KV width) is no option for a chip review: section 7.2 has it
        return out;
    }

    /** The relative gain in throughput per card of a changed scenario, with both headline figures quoted. */
    private static Candidate change(Engine engine, Evaluation e, Scenario changed, String what, double target) {
        Evaluation x = engine.evaluate(changed);
        boolean missesTarget = x.userTokensPerSec() < target && e.userTokensPerSec() >= target;
        // a change that gives up the target tokens/s per user is no option at that target
        double gain = missesTarget ? 0 : x.throughputPerCard() / e.throughputPerCard() - 1;
        return new Candidate(gain, Block.Paragraph.of(what, ": throughput per card ",
                num(x.throughputPerCard(), Unit.TOKENS_PER_SEC), " (", num(gain, Unit.FRACTION), "), tokens/s per user ",
                num(x.userTokensPerSec(), Unit.TOKENS_PER_SEC), " against ", num(e.userTokensPerSec(), Unit.TOKENS_PER_SEC),
                (x.fit().fits() ? "" : "; the batch does not fit then")
                        + (missesTarget ? "; below the target tokens/s per user." : ".")));
    }
}
