package dev.ridgeline.engine.report;

import static dev.ridgeline.engine.report.DocBuilder.code;
import static dev.ridgeline.engine.report.DocBuilder.num;
import static dev.ridgeline.engine.report.DocBuilder.strong;

import dev.ridgeline.engine.Balance;
import dev.ridgeline.engine.Evaluation;
import dev.ridgeline.engine.model.Deployment;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.ops.Stage;
import dev.ridgeline.engine.roofline.Bound;
import dev.ridgeline.engine.roofline.OpResult;
import java.util.List;

/** Sections 9-12: regimes, the decode compute-bound exploration, memory feasibility and the communication envelope. */
final class PhaseWriter {
    static final String REGIMES = "Regimes: training, prefill, decode";
    static final String EXPLORATION = "Decode compute-bound exploration";
    static final String MEMORY = "Memory feasibility";
    static final String COMMUNICATION = "Communication envelope";

    private PhaseWriter() {
    }

    static void regimes(DocBuilder d, Analyses a) {
        Evaluation e = a.evaluation();
        double ridge = Exploration.ridge(e);
        d.section(REGIMES);
        d.p("Training and prefill at seed 003's level, for one sequence of ", a.promptLength(), " tokens per card at EP",
                e.scenario().ep(), " (a static count, ", code("T = max(T_comp, T_hbm, T_net)"), "); decode from the "
                + "engine's op-by-op model of one step. Naive execution streams every weight and writes the attention "
                + "scores to HBM; efficient execution uses seed 003's weight-residency factors WRF attention/dense/MoE "
                + "= 4/4/2, activation fusion 0.5 and flash attention. Training multiplies prefill's FLOPs by 3 and "
                + "bytes by 2. The ridge ", code("OI_knee"), " is ", num(ridge, Unit.FLOP_PER_BYTE), ".");
        DocBuilder.TableBuilder t = DocBuilder.table().text("Phase").text("Mode").number("F").number("bytes_hbm")
                .number("AI_hbm").number("T_comp").number("T_hbm").number("T_net").text("Limit (ridge side)");
        for (Regimes.Phase p : a.regimes()) {
            t.row(p.phase(), p.execution(), num(p.flops(), Unit.FLOP), num(p.hbmBytes(), Unit.BYTES),
                    num(p.intensity(), Unit.FLOP_PER_BYTE), num(p.computeSec(), Unit.SECONDS), num(p.hbmSec(), Unit.SECONDS),
                    num(p.networkSec(), Unit.SECONDS), side(p.regime().label(), p.intensity() >= ridge));
        }
        LayerTotals l = a.layer();
        int layers = e.scenario().model().moeLayers();
        // the same static count as the other rows (issue 22: this row's T_hbm was the memory-bound ops' time)
        double flops = l.flops() * layers + a.step().flops();
        double bytes = l.hbmBytes() * layers + a.step().hbmBytes();
        double net = l.networkBytes() * layers + a.step().networkBytes();
        double comp = flops / e.scenario().chip().tensorFlopsPerSec(e.scenario().weightDtype());
        double hbm = bytes / e.hbmBytesPerSecAsRead();
        double link = net / e.balance().linkBytesPerSec();
        String limit = comp >= hbm && comp >= link ? "compute" : hbm >= link ? "memory" : "network";
        t.row("decode (one step)", "static count", num(flops, Unit.FLOP), num(bytes, Unit.BYTES),
                num(bytes > 0 ? flops / bytes : 0, Unit.FLOP_PER_BYTE), num(comp, Unit.SECONDS), num(hbm, Unit.SECONDS),
                num(link, Unit.SECONDS), side(limit, bytes > 0 && flops / bytes >= ridge));
        d.add(t.build());
        d.p(code("T_comp"), ", ", code("T_hbm"), " and ", code("T_net"), " mean the same in every row: ",
                code("F / P_peak"), ", ", code("bytes_hbm / BW_hbm"), " and ", code("bytes_net / BW_link"),
                ", each as if the others took no time. Decode's row counts one step of the engine's ops (every MoE layer "
                + "and the work outside them); the engine's own step, op by op under the pipeline, takes ",
                num(e.tpotSec(), Unit.SECONDS), ". Prefill moves to the compute side as soon as ", code("F"),
                " per weight byte exceeds the ridge, while decode reads the weights once per micro-batch for a few "
                + "tokens each.");
    }

    private static String side(String limit, boolean computeSide) {
        return limit + " (" + (computeSide ? "compute" : "memory") + " side)";
    }

    static void exploration(DocBuilder d, Analyses a) {
        Evaluation e = a.evaluation();
        d.section(EXPLORATION);
        d.p("Can decode become compute-bound? For each EP and context ", code("L"), ": the layer's asymptotic intensity ",
                code("OI_inf"), " as the batch grows (the marginal ", code("ΔF / Δbytes_hbm"), " between the two largest "
                + "batches the engine takes), the same against network bytes, and the smallest batch per card at which "
                + "the layer's dominant bound is compute (scanning 1 to ", dev.ridgeline.engine.model.Deployment.MAX_BATCH,
                "), or why none is. Ridge ", code("OI_knee"), " = ", num(a.exploration().get(0).ridge(), Unit.FLOP_PER_BYTE),
                ". The table reads the chip physically, as calibrated fidelity does, whatever this report's fidelity: the "
                + "datasheet's HBM bandwidth in SI units, and every key of the context (seed 000 rounds the keys up to "
                + "whole attention chunks, which would put steps in ", code("L"), ").");
        DocBuilder.TableBuilder t = DocBuilder.table().number("EP").number("L").number("OI_inf")
                .number("OI_net").number("Max batch").number("Compute-bound from").text("Bound at max batch; why not");
        for (Exploration.Row r : a.exploration()) {
            t.row(r.ep(), r.context(), num(r.asymptoticIntensity(), Unit.FLOP_PER_BYTE),
                    r.networkIntensity() > 0 ? num(r.networkIntensity(), Unit.FLOP_PER_BYTE) : "none",
                    r.maxBatch(), r.feasibleBatch() > 0 ? String.valueOf(r.feasibleBatch()) : "none", why(r));
        }
        d.add(t.build());
        trend(d, a);
    }

    /** What the table says about context length, from its own rows at the scenario's EP and the attention core. */
    private static void trend(DocBuilder d, Analyses a) {
        Evaluation e = a.evaluation();
        List<Exploration.Row> own = a.exploration().stream().filter(r -> r.ep() == e.scenario().ep()).toList();
        Exploration.Row shortest = own.get(0);
        Exploration.Row longest = own.get(own.size() - 1);
        OpResult core = a.longContextCore();
        double ridge = shortest.ridge();
        if (core == null || core.kvBytes() <= 0) {
            return;
        }
        double coreIntensity = core.flops() / core.kvBytes();
        d.p("At EP", e.scenario().ep(), ", ", code("OI_inf"), " goes from ", num(shortest.asymptoticIntensity(), Unit.FLOP_PER_BYTE),
                " at L = ", shortest.context(), " to ", num(longest.asymptoticIntensity(), Unit.FLOP_PER_BYTE), " at L = ",
                longest.context(), ". As ", code("L"), " grows, the KV reads dominate the bytes and ", code("OI_inf"),
                " tends to the attention core's own FLOPs per KV byte, ", num(coreIntensity, Unit.FLOP_PER_BYTE), " for ",
                core.name(), " (the engine's figure at L = ", Deployment.MAX_CONTEXT, "), which is ",
                coreIntensity >= ridge ? strong("above") : strong("below"), " the ridge: ", coreIntensity >= ridge
                        ? "long contexts stay compute-capable (the core spends enough FLOPs on every KV byte it reads)."
                        : "past some context no batch makes decode compute-bound; only a smaller KV entry ("
                        + e.scenario().model().kvEntryWidth() + " elements per token and layer here), a narrower KV dtype, "
                        + "more attention FLOPs per KV byte or a shorter context can.");
    }

    private static String why(Exploration.Row r) {
        switch (r.reason()) {
            case NONE:
                return r.boundAtLimit().label();
            case ASYMPTOTE_BELOW_RIDGE:
                return r.boundAtLimit().label() + ": OI_inf below the ridge";
            case DOES_NOT_FIT:
                return r.boundAtLimit().label() + ": batch " + r.minComputeBatch() + " would be compute-bound but does not fit";
            default:
                return r.boundAtLimit().label() + ": no compute-bound batch up to the engine's limit";
        }
    }

    static void memory(DocBuilder d, Analyses a) {
        Scenario s = a.evaluation().scenario();
        MemoryTable m = a.memory();
        d.section(MEMORY);
        d.p("The largest batch per card whose KV cache fits beside the weights (", s.weightDtype().label(),
                " non-expert weights, ", a.evaluation().hottestCard().expertSlots(), " routed-expert slots per card in ",
                s.expertDtype().label(), " at EP", s.ep(),
                ", the fidelity's reserve), by context and KV dtype. 0 means not even one sequence fits.");
        DocBuilder.TableBuilder t = DocBuilder.table().number("Context L");
        for (var dt : m.dtypes()) {
            t.number("Max batch, KV " + dt.label());
        }
        List<FigureData.Series> series = new java.util.ArrayList<>();
        for (int c = 0; c < m.contexts().length; c++) {
            Object[] row = new Object[1 + m.dtypes().size()];
            row[0] = m.contexts()[c];
            for (int k = 0; k < m.dtypes().size(); k++) {
                row[1 + k] = m.maxBatch()[k][c];
            }
            t.row(row);
        }
        for (int k = 0; k < m.dtypes().size(); k++) {
            double[] x = new double[m.contexts().length];
            double[] y = new double[x.length];
            for (int c = 0; c < x.length; c++) {
                x[c] = m.contexts()[c];
                y[c] = m.maxBatch()[k][c];
            }
            series.add(new FigureData.Series("KV " + m.dtypes().get(k).label(), x, y));
        }
        d.add(t.build());
        d.figure("memory", "Largest batch per card that fits against context length, per KV dtype",
                new FigureData.Curves("Context length L (tokens)", "Largest batch per card", true, series));
    }

    static void communication(DocBuilder d, Analyses a) {
        Evaluation e = a.evaluation();
        Scenario s = e.scenario();
        d.section(COMMUNICATION);
        Balance b = e.balance();
        d.p("EP", s.ep(), " sends each token to its ", s.model().expertsPerToken(), " experts and back over ",
                s.chip().scaleUpCovers(s.ep()) ? "the scale-up fabric" : "the NIC", " at ",
                num(b.linkBytesPerSec(), Unit.BYTES_PER_SEC), ". Per invocation (", e.schedule().microBatches(),
                " per layer):");
        DocBuilder.TableBuilder ops = DocBuilder.table().text("Op").number("Bytes").number("Time").text("Basis");
        for (OpResult op : e.ops()) {
            if (op.stage() == Stage.DISPATCH || op.stage() == Stage.COMBINE) {
                ops.row(op.name(), num(op.networkBytes(), Unit.BYTES), num(op.timeSec(), Unit.SECONDS), op.basis());
            }
        }
        d.add(ops.build());
        d.p("The compute windows that hide them, read off the engine's schedule of one layer:");
        DocBuilder.TableBuilder w = DocBuilder.table().text("Transfer").number("Time").text("Beside compute")
                .number("Window").number("Exposed").number("Hidden");
        for (CommWindows.Window x : a.comm()) {
            w.row(x.comm().label(), num(x.comm().durationSec(), Unit.SECONDS),
                    x.windows().isEmpty() ? "nothing" : String.join(", ", x.windows()), num(x.windowSec(), Unit.SECONDS),
                    num(x.exposedSec(), Unit.SECONDS), num(x.hiddenFraction(), Unit.FRACTION));
        }
        d.add(w.build());
        d.p("Seed 002's balance: a token-expert pair costs ", code("6·h·d"), " FLOPs and moves ", code("h·(dispatch + combine)"),
                " bytes, so the link hides behind the expert GEMMs while ", code("C/B ≤ 6·d / (dispatch + combine bytes)"),
                ". Here ", code("C/B"), " = ", num(b.tflopsPerGBps(), Unit.TFLOPS_PER_GBPS), " (d = ",
                s.model().moeIntermediateSize(), "):");
        DocBuilder.TableBuilder bt = DocBuilder.table().text("Messages").number("Threshold").text("Verdict");
        for (Balance.Threshold th : b.byPrecision()) {
            bt.row(th.messages(), num(th.thresholdTflopsPerGBps(), Unit.TFLOPS_PER_GBPS),
                    b.hiddenAt(th) ? "hidden" : strong("link-bound").text());
        }
        d.add(bt.build());
        if (e.dominantBound() == Bound.NETWORK) {
            d.p(strong("The network dominates this layer"), ": compression of the messages or a faster link pays first.");
        }
    }
}
