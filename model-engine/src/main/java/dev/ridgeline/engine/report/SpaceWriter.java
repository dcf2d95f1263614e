package dev.ridgeline.engine.report;

import static dev.ridgeline.engine.report.DocBuilder.num;
import static dev.ridgeline.engine.report.DocBuilder.strong;

import dev.ridgeline.engine.Engine;
import dev.ridgeline.engine.Evaluation;
import dev.ridgeline.engine.evidence.Band;
import dev.ridgeline.engine.evidence.FrontierBands;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.plan.Summary;
import dev.ridgeline.engine.space.Frontier;
import dev.ridgeline.engine.space.Headline;
import dev.ridgeline.engine.space.Knob;
import dev.ridgeline.engine.space.Sensitivity;
import dev.ridgeline.engine.space.Space;
import java.util.ArrayList;
import java.util.List;

/** Sections 6-8: the frontier and its answer at the target, the chip and model knobs, and A against this scenario. */
final class SpaceWriter {
    static final String FRONTIER = "Design space: the frontier at the target";
    static final String SENSITIVITY = "Sensitivity";
    static final String PINNED = "Scenario A against this scenario";
    /** How the sentence listing the knobs the engine does not read for the scenario begins. */
    static final String NOT_READ = "Not modelled for this scenario in ";

    private SpaceWriter() {
    }

    /**
     * This scenario's deployment (EP, pipeline, dtypes, MTP) with the largest batch that still meets the target
     * tokens/s per user: the figure the frontier's answer is compared with at the same interactivity. Null when no
     * batch of it meets the target.
     */
    static Headline.Answer atTarget(Engine engine, Scenario s, double target) {
        return Headline.bestOf(engine.plan(s), s, 0, Space.explorer(s), target, new Summary());
    }

    static void frontier(DocBuilder d, Analyses a, Engine engine) {
        Evaluation e = a.evaluation();
        Frontier.Result f = a.frontier();
        double target = a.request().targetTokensPerSec();
        d.section(FRONTIER);
        d.p("Every deployment of ", e.scenario().model().name(), " on ", e.scenario().chip().name(), " + ",
                e.scenario().nic().name(), " at context ", e.scenario().contextTokens(), " (the explorer's design space: "
                + "EP degrees, both pipelines, KV and weight dtypes, MTP depths the model allows, promotion where it "
                + "matters, every batch that fits): ", num(f.points().size(), Unit.COUNT), " design points on the "
                + "engine's summary path.");
        Headline.Answer best = f.answer();
        if (f.frontier().isEmpty()) {
            d.p(strong("No deployment fits"), ": at no EP degree and dtype do the weights leave room for one sequence's KV "
                    + "cache at this context on this chip.");
        } else if (best == null) {
            d.p(strong("No deployment reaches " + trimmed(target) + " tokens/s per user"), " on this chip and NIC; the "
                    + "fastest point on the frontier gives ", num(f.frontier().get(f.frontier().size() - 1).userTokensPerSec(),
                    Unit.TOKENS_PER_SEC), " per user.");
        } else {
            Headline.Answer same = atTarget(engine, e.scenario(), target);
            d.p("The answer at ", num(target, Unit.TOKENS_PER_SEC), " per user: ", strong(deployment(best.deployment())),
                    " gives ", num(best.throughputPerCard(), Unit.TOKENS_PER_SEC), " per card at ",
                    num(best.userTokensPerSec(), Unit.TOKENS_PER_SEC), " per user. ", same == null
                            ? "This scenario's deployment misses the target at every batch"
                            : "This scenario's deployment at the same interactivity (its largest batch meeting the target, "
                            + same.deployment().batchPerCard() + ") gives ", same == null ? "" : num(same.throughputPerCard(),
                            Unit.TOKENS_PER_SEC), same == null ? "" : " per card", "; as configured (batch ",
                    e.scenario().batchPerCard(), ") it gives ", num(e.throughputPerCard(), Unit.TOKENS_PER_SEC),
                    " per card at ", num(e.userTokensPerSec(), Unit.TOKENS_PER_SEC), " per user.");
        }
        d.figure("frontier", "Throughput per card against tokens/s per user: the design points, the Pareto frontier, "
                        + "this scenario and the best deployment at the target",
                new FigureData.Frontier(cloud(f.points()), points(f.frontier()),
                        new FigureData.Point(e.userTokensPerSec(), e.throughputPerCard()),
                        best == null ? null : new FigureData.Point(best.userTokensPerSec(), best.throughputPerCard()), target));
        DocBuilder.TableBuilder t = DocBuilder.table().number("Tokens/s per user").number("Tokens/s per card")
                .number("EP").number("Batch").text("Pipeline").text("KV / weights").number("MTP");
        List<Frontier.Point> pareto = f.frontier();
        int step = Math.max(1, pareto.size() / 12);
        for (int i = 0; i < pareto.size(); i += step) {
            Frontier.Point p = pareto.get(i);
            Scenario c = f.deployment(p);
            t.row(num(p.userTokensPerSec(), Unit.TOKENS_PER_SEC), num(p.throughputPerCard(), Unit.TOKENS_PER_SEC),
                    c.ep(), c.batchPerCard(), c.policy().label(), c.kvDtype().label() + " / " + c.weightDtype().label(),
                    c.mtpDepth());
        }
        d.p(step == 1 ? "The points of the frontier:" : "Points along the frontier, one in " + step + " of its "
                + pareto.size() + ":");
        d.add(t.build());
    }

    /** "EP256, batch 193, dual-mbatch, KV FP8, weights FP8, MTP 0". */
    static String deployment(Scenario b) {
        return "EP" + b.ep() + ", batch " + b.batchPerCard() + ", " + b.policy().label() + ", KV " + b.kvDtype().label()
                + ", weights " + b.weightDtype().label() + ", MTP " + b.mtpDepth() + (b.promotion() ? ", promotion" : "");
    }

    private static List<FigureData.Point> points(List<Frontier.Point> ps) {
        List<FigureData.Point> out = new ArrayList<>();
        for (Frontier.Point p : ps) {
            out.add(new FigureData.Point(p.userTokensPerSec(), p.throughputPerCard()));
        }
        return out;
    }

    /** A drawable cloud: one point per cell of a log grid, 20 cells a decade across and 14 up. */
    static List<FigureData.Point> cloud(List<Frontier.Point> ps) {
        java.util.Map<Long, FigureData.Point> cells = new java.util.LinkedHashMap<>();
        for (Frontier.Point p : ps) {
            long key = Math.round(Math.log10(Math.max(p.userTokensPerSec(), 1e-9)) * 20) * 1_000_003L
                    + Math.round(Math.log10(Math.max(p.throughputPerCard(), 1e-9)) * 14);
            cells.putIfAbsent(key, new FigureData.Point(p.userTokensPerSec(), p.throughputPerCard()));
        }
        return new ArrayList<>(cells.values());
    }

    /**
     * Whether the scenario's fidelity reads the knob at all: moved to half and to twice its value (every value, for a
     * stepped knob), at this deployment and at batch 1 with a quarter of the context, does any headline figure of the
     * engine change (time per output token, throughput per card, the largest batch, whether it fits)? A knob that
     * changes nothing there is not modelled in this fidelity (seed fidelity reads no exp2 or FP32-add rate), which is
     * another thing than a knob that is modelled and happens not to matter at a 10 % step.
     */
    static boolean modelled(Engine engine, Scenario s, Knob k) {
        double v = k.of(s);
        List<Double> values = new ArrayList<>();
        if (k.stepped()) {
            for (double x = k.min(); x <= k.max(); x++) {
                values.add(x);
            }
        } else {
            values.addAll(List.of(v * 0.5, v * 2, v == 0 ? 1 : v));
        }
        List<Scenario> at = List.of(s, s.withBatch(1).withContext(Math.max(1, s.contextTokens() / 4)));
        for (Scenario base : at) {
            Summary was = engine.summarize(base);
            for (double x : values) {
                if (x == v || !k.accepts(x)) {
                    continue;
                }
                Summary moved;
                try {
                    moved = engine.summarize(k.with(base, x));
                } catch (IllegalArgumentException e) {
                    continue;
                }
                if (moved.tpotSec() != was.tpotSec() || moved.throughputPerCard() != was.throughputPerCard()
                        || moved.maxBatch() != was.maxBatch() || moved.fits() != was.fits()) {
                    return true;
                }
            }
        }
        return false;
    }

    static void sensitivity(DocBuilder d, Analyses a, Engine engine) {
        Sensitivity.Result r = a.chipKnobs();
        d.section(SENSITIVITY);
        d.sub("Chip, NIC and assumption knobs");
        d.p("Each chip field, the NIC bandwidth, the FA3 stage mode (a whole step) and the modelling assumptions moved "
                + "down and up by ", num(r.step(), Unit.FRACTION), ": the change of throughput per card at this deployment "
                + "and of the headline, the best throughput per card at ", num(r.targetTps(), Unit.TOKENS_PER_SEC),
                " per user re-optimised over the design space (now ", num(r.headline(), Unit.TOKENS_PER_SEC),
                "). Largest headline change first.");
        DocBuilder.TableBuilder t = DocBuilder.table().text("Knob").text("Value").number("This deployment, down")
                .number("This deployment, up").number("Headline, down").number("Headline, up");
        List<FigureData.Bar> bars = new ArrayList<>();
        List<String> notModelled = new ArrayList<>();
        for (Sensitivity.Bar b : r.bars()) {
            if (b.changesNothing(r.headline(), r.fixed()) && !modelled(engine, r.scenario(), b.knob())) {
                notModelled.add(b.knob().name());
                continue;
            }
            t.row(b.knob().name(), shown(b.current(), b.knob()), change(b.down(), false, r), change(b.up(), false, r),
                    change(b.down(), true, r), change(b.up(), true, r));
            if (!b.changesNothing(r.headline(), r.fixed()) && r.headline() > 0) {
                bars.add(new FigureData.Bar(b.knob().name(), relative(b.down(), true, r), relative(b.up(), true, r)));
            }
        }
        d.add(t.build());
        if (!notModelled.isEmpty()) {
            d.p(NOT_READ, r.scenario().fidelity().label(), " fidelity (moved to half or twice their value, here and "
                    + "at batch 1, they change nothing the engine computes), so left out above rather than shown as "
                    + "insensitive: ", String.join(", ", notModelled), ".");
        }
        if (!bars.isEmpty()) {
            // the headline's P10-P90 (calibrated fidelity): each bar's whisker is the band of the figure it moves to
            Band band = FrontierBands.headline(engine, r.scenario(), r.headline());
            d.figure("sensitivity", "The headline (best throughput per card at the target) with each knob one step down "
                    + "and up; knobs that change nothing left out" + (band == null ? ""
                    : "; whiskers: each moved headline's P10-P90, hollow bars where it spans no change (within the "
                    + "uncertainty)"), band == null ? new FigureData.Tornado("the headline", bars)
                    : new FigureData.Tornado("the headline", bars, band.low() / r.headline(), band.high() / r.headline()));
        }
        d.sub("Model knobs (seed 003)");
        Knobs.ModelGrid g = a.modelGrid();
        d.p("Seed 003's decode grid on the engine at this deployment: ", num(g.points(), Unit.COUNT), " points over top-k, "
                + "hidden size, KV width, KV dtype and context. A knob's effect is the spread of the median time per "
                + "output token across its values, (largest − smallest) / smallest.");
        DocBuilder.TableBuilder m = DocBuilder.table().text("Knob").number("Effect").text("Median TPOT by value");
        for (Knobs.ModelKnob k : g.ranking()) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < k.values().size(); i++) {
                sb.append(i > 0 ? ";  " : "").append(k.values().get(i)).append(": ")
                        .append(String.format(java.util.Locale.ROOT, "%.2f ms", k.medianTpotSec()[i] * 1e3));
            }
            m.row(k.name(), num(k.effect(), Unit.FRACTION), sb.toString());
        }
        d.add(m.build());
    }

    static String shown(double v, Knob k) {
        if (k == Knob.FA3) {
            return dev.ridgeline.engine.model.Fa3Mode.values()[(int) Math.round(v)].label();
        }
        return String.format(java.util.Locale.ROOT, "%.4g", v) + (k.unit().isEmpty() ? "" : " " + k.unit());
    }

    /** The relative change a move makes to the headline or to this deployment's throughput per card. */
    static double relative(Sensitivity.Move m, boolean headline, Sensitivity.Result r) {
        double base = headline ? r.headline() : r.fixed();
        double moved = headline ? m.headline() : m.fixed();
        return base > 0 && m.refused() == null ? moved / base - 1 : 0;
    }

    private static Object change(Sensitivity.Move m, boolean headline, Sensitivity.Result r) {
        if (m.refused() != null) {
            return "not settable";
        }
        if (headline && r.headline() <= 0) {
            return "no headline";
        }
        return num(relative(m, headline, r), Unit.FRACTION);
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

    static String trimmed(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
