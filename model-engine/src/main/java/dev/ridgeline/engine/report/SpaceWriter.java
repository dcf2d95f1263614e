package dev.ridgeline.engine.report;

import static dev.ridgeline.engine.report.DocBuilder.num;
import static dev.ridgeline.engine.report.DocBuilder.strong;

import dev.ridgeline.engine.Evaluation;
import dev.ridgeline.engine.model.Scenario;
import java.util.ArrayList;
import java.util.List;

/** Sections 6-8: the frontier and its answer at the target, the chip and model knobs, and A against this scenario. */
final class SpaceWriter {
    static final String FRONTIER = "Design space: the frontier at the target";
    static final String SENSITIVITY = "Sensitivity";
    static final String PINNED = "Scenario A against this scenario";

    private SpaceWriter() {
    }

    static void frontier(DocBuilder d, Analyses a) {
        Evaluation e = a.evaluation();
        InterimSpace.Frontier f = a.frontier();
        double target = a.request().targetTokensPerSec();
        d.section(FRONTIER);
        d.p("Every deployment of ", e.scenario().model().name(), " on ", e.scenario().chip().name(), " + ",
                e.scenario().nic().name(), " at context ", e.scenario().contextTokens(), ": EP degrees, both pipelines, KV "
                + "and weight dtypes, MTP depths the model allows, promotion where the chip needs it, and every batch that "
                + "fits: ", num(f.evaluated(), Unit.COUNT), " design points on the engine's summary path.");
        InterimSpace.Point best = f.best();
        if (best == null) {
            d.p(strong("No deployment reaches " + trimmed(target) + " tokens/s per user"), " on this chip and NIC; the "
                    + "fastest point on the frontier is ", num(f.pareto().get(f.pareto().size() - 1).userTokensPerSec(),
                    Unit.TOKENS_PER_SEC), " per user.");
        } else {
            Scenario b = best.scenario();
            d.p("The answer at ", num(target, Unit.TOKENS_PER_SEC), " per user: ", strong("EP" + b.ep() + ", batch "
                    + b.batchPerCard() + ", " + b.policy().label() + ", KV " + b.kvDtype().label() + ", weights "
                    + b.weightDtype().label() + ", MTP " + b.mtpDepth() + (b.promotion() ? ", promotion" : "")), " gives ",
                    num(best.throughputPerCard(), Unit.TOKENS_PER_SEC), " per card at ",
                    num(best.userTokensPerSec(), Unit.TOKENS_PER_SEC), " per user; this scenario gives ",
                    num(e.throughputPerCard(), Unit.TOKENS_PER_SEC), " per card at ",
                    num(e.userTokensPerSec(), Unit.TOKENS_PER_SEC), ".");
        }
        List<FigureData.Point> cloud = points(f.cloud());
        d.figure("frontier", "Throughput per card against tokens/s per user: the design points, the Pareto frontier, "
                        + "this scenario and the best deployment at the target",
                new FigureData.Frontier(cloud, points(f.pareto()),
                        new FigureData.Point(e.userTokensPerSec(), e.throughputPerCard()),
                        best == null ? null : new FigureData.Point(best.userTokensPerSec(), best.throughputPerCard()), target));
        DocBuilder.TableBuilder t = DocBuilder.table().number("Tokens/s per user").number("Tokens/s per card")
                .number("EP").number("Batch").text("Pipeline").text("KV / weights").number("MTP");
        List<InterimSpace.Point> pareto = f.pareto();
        int step = Math.max(1, pareto.size() / 12);
        for (int i = 0; i < pareto.size(); i += step) {
            InterimSpace.Point p = pareto.get(i);
            Scenario c = p.scenario();
            t.row(num(p.userTokensPerSec(), Unit.TOKENS_PER_SEC), num(p.throughputPerCard(), Unit.TOKENS_PER_SEC),
                    c.ep(), c.batchPerCard(), c.policy().label(), c.kvDtype().label() + " / " + c.weightDtype().label(),
                    c.mtpDepth());
        }
        d.p("Points along the frontier (every ", step, (step == 1 ? "st" : "th"), " of ", pareto.size(), "):");
        d.add(t.build());
    }

    private static List<FigureData.Point> points(List<InterimSpace.Point> ps) {
        List<FigureData.Point> out = new ArrayList<>();
        for (InterimSpace.Point p : ps) {
            out.add(new FigureData.Point(p.userTokensPerSec(), p.throughputPerCard()));
        }
        return out;
    }

    static void sensitivity(DocBuilder d, Analyses a) {
        d.section(SENSITIVITY);
        d.sub("Chip and NIC knobs");
        d.p("Each chip field and the NIC bandwidth moved by ±", num(Knobs.STEP, Unit.FRACTION), ": the change of tokens/s "
                + "per user at this deployment, and of the headline (the best throughput per card at ",
                num(a.request().targetTokensPerSec(), Unit.TOKENS_PER_SEC), " per user, re-optimised over the design "
                + "space). Largest effect first.");
        DocBuilder.TableBuilder t = DocBuilder.table().text("Knob").number("Value").number("Per user −10 %")
                .number("Per user +10 %").number("Headline −10 %").number("Headline +10 %");
        List<FigureData.Bar> bars = new ArrayList<>();
        for (Knobs.ChipKnob k : a.chipKnobs()) {
            t.row(k.name(), valueWithUnit(k),
                    num(k.userLow(), Unit.FRACTION), num(k.userHigh(), Unit.FRACTION), num(k.headlineLow(), Unit.FRACTION),
                    num(k.headlineHigh(), Unit.FRACTION));
            bars.add(new FigureData.Bar(k.name(), k.userLow(), k.userHigh()));
        }
        d.add(t.build());
        d.figure("sensitivity", "Tokens/s per user at this deployment with each knob at −10 % and +10 %",
                new FigureData.Tornado("tokens/s per user", bars));
        d.sub("Model knobs (seed 003)");
        Knobs.ModelGrid g = a.modelGrid();
        d.p("Seed 003's decode grid on the engine at this deployment: ", num(g.points(), Unit.COUNT), " points over top-k, "
                + "hidden size, KV width, KV dtype and context. A knob's effect is the spread of the median time per "
                + "output token across its values, (largest − smallest) / smallest.");
        DocBuilder.TableBuilder m = DocBuilder.table().text("Knob").number("Effect").text("Median TPOT by value");
        for (Knobs.ModelKnob k : g.ranking()) {
            List<Object> parts = new ArrayList<>();
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < k.values().size(); i++) {
                sb.append(i > 0 ? ";  " : "").append(k.values().get(i)).append(": ")
                        .append(String.format(java.util.Locale.ROOT, "%.2f ms", k.medianTpotSec()[i] * 1e3));
            }
            parts.add(sb.toString());
            m.row(k.name(), num(k.effect(), Unit.FRACTION), parts.get(0));
        }
        d.add(m.build());
    }

    private static Inline valueWithUnit(Knobs.ChipKnob k) {
        return new Inline.Text(String.format(java.util.Locale.ROOT, "%.4g %s", k.value(), k.unit()));
    }

    static void pinned(DocBuilder d, Analyses a) {
        Evaluation b = a.evaluation();
        Evaluation pa = a.pinned();
        d.section(PINNED);
        d.p("A: ", pa.scenario().summary());
        d.p("This scenario: ", b.scenario().summary());
        d.p(a.request().pinnedDifferences().isEmpty() ? "The inputs are the same."
                : "Inputs that differ: " + String.join("; ", a.request().pinnedDifferences()) + ".");
        DocBuilder.TableBuilder t = DocBuilder.table().text("Figure").number("A").number("This scenario").number("Change");
        row(t, "Tokens/s per user", pa.userTokensPerSec(), b.userTokensPerSec(), Unit.TOKENS_PER_SEC);
        row(t, "Tokens/s per card", pa.throughputPerCard(), b.throughputPerCard(), Unit.TOKENS_PER_SEC);
        row(t, "Tokens/s per node", pa.throughputPerNode(), b.throughputPerNode(), Unit.TOKENS_PER_SEC);
        row(t, "Time per output token", pa.tpotSec(), b.tpotSec(), Unit.SECONDS);
        row(t, "Layer time", pa.layerTimeSec(), b.layerTimeSec(), Unit.SECONDS);
        row(t, "Largest batch that fits", pa.maxBatch(), b.maxBatch(), Unit.COUNT);
        t.row("Dominant bound", pa.dominantBound().label(), b.dominantBound().label(), "");
        d.add(t.build());
        d.figure("roofline-a", "Roofline of A", new FigureData.Roofline(pa));
    }

    private static void row(DocBuilder.TableBuilder t, String what, double a, double b, Unit unit) {
        t.row(what, num(a, unit), num(b, unit), a != 0 ? num(b / a - 1, Unit.FRACTION) : "");
    }

    private static String trimmed(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
