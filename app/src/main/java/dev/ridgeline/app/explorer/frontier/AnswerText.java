package dev.ridgeline.app.explorer.frontier;

import dev.ridgeline.app.Units;
import dev.ridgeline.engine.Evaluation;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.space.Frontier;
import dev.ridgeline.engine.space.Headline;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The text beside the frontier, most important first (a short chart leaves the last lines out): the best deployment
 * at the target with its settings and figures (seed 000's search answer, for the chip on screen), where the current
 * scenario stands against it, pinned scenario A's best, and what the sweep covered. Numbers read as the tiles read
 * them ({@link Units#tokens}).
 */
public final class AnswerText {
    /** One line; a heading starts a block. */
    public record Line(String text, boolean heading) {
    }

    private AnswerText() {
    }

    static List<Line> lines(Frontier.Result r, Frontier.Result ghost, Evaluation current, double target,
                            dev.ridgeline.engine.evidence.Band answerBand, FrontierData.Lens lens) {
        List<Line> out = new ArrayList<>();
        String at = "≥ " + target(target) + " tokens/s per user";
        if (r == null) {
            out.add(new Line("Best at " + at, true));
            out.add(new Line("computing the frontier …", false));
            return out;
        }
        Headline.Answer a = r.answer();
        if (a == null) {
            out.add(new Line("Nothing reaches " + at, true));
            r.points().stream().max(Comparator.comparingDouble(Frontier.Point::userTokensPerSec)).ifPresent(p -> {
                out.add(new Line("fastest: " + Units.tokens(p.userTokensPerSec()) + " tokens/s per user", false));
                out.add(new Line(settings(r.deployment(p)), false));
            });
        } else {
            Scenario d = a.deployment();
            out.add(new Line("Best at " + at, true));
            out.add(new Line(Units.tokens(a.throughputPerCard()) + " tokens/s per card" + (answerBand == null ? ""
                    : " " + Units.tokensBand(answerBand.low(), answerBand.high())), false));
            out.add(new Line(Units.tokens(a.throughputPerNode()) + " per node, at " + Units.tokens(a.userTokensPerSec())
                    + " per user", false));
            if (lens != null) {
                out.add(new Line(served(lens.perCard(d, a.throughputPerCard())), false));
            }
            out.add(new Line(cost(d.chip(), a.throughputPerCard()), false));
            out.add(new Line(price(d.chip()), false));
            out.add(new Line(settings(d), false));
            out.add(new Line("KV " + d.kvDtype().label() + " · weights " + d.weightDtype().label()
                    + (d.promotion() ? " · promotion" : ""), false));
        }
        if (current != null) {
            boolean meets = current.userTokensPerSec() >= target;
            out.add(new Line("Current scenario", true));
            out.add(new Line(Units.tokens(current.throughputPerCard()) + " per card" + (meets && a != null
                    ? " (" + Units.percent(current.throughputPerCard() / a.throughputPerCard()) + " of best)" : ""), false));
            out.add(new Line("at " + Units.tokens(current.userTokensPerSec()) + " tokens/s per user"
                    + (meets ? "" : ", below target"), false));
            if (lens != null) {
                out.add(new Line(served(lens.perCard(current.scenario(), current.throughputPerCard())), false));
            }
        }
        if (ghost != null) {
            Headline.Answer g = ghost.answer();
            out.add(new Line("A: " + ghost.space().configurations().get(0).chip().name(), true));
            if (g == null) {
                out.add(new Line("nothing reaches the target", false));
            } else {
                out.add(new Line(Units.tokens(g.throughputPerCard()) + " per card at the target", false));
                out.add(new Line(cost(g.deployment().chip(), g.throughputPerCard()), false));
                out.add(new Line(settings(g.deployment()), false));
            }
        }
        out.add(new Line(String.format(Locale.ROOT, "%,d deployments", r.points().size()), true));
        out.add(new Line(r.frontier().size() + " on the frontier", false));
        String constant = ColourBy.constant(r.frontier().stream().map(r::configuration).toList());
        if (!constant.isEmpty()) {
            out.add(new Line("all " + constant, false));
        }
        return out;
    }

    /**
     * "$0.144 per M tokens · 0.43 J/token": what an output token costs at that throughput (decode only), or what the
     * chip lacks.
     */
    static String cost(dev.ridgeline.engine.model.Chip chip, double perCard) {
        dev.ridgeline.engine.TokenCost t = new dev.ridgeline.engine.TokenCost(chip.cost(), perCard);
        String dollars = t.dollarsPerMillionOutputTokens().isPresent()
                ? String.format(Locale.ROOT, "$%.3f per M tokens", t.dollarsPerMillionOutputTokens().getAsDouble())
                : "no price";
        String joules = t.joulesPerOutputToken().isPresent()
                ? String.format(Locale.ROOT, "%.2f J/token", t.joulesPerOutputToken().getAsDouble()) : "no power";
        return dollars + " · " + joules;
    }

    /** "at $2.00/card-h as of 2025-02-28": the price the cost line rests on (its source in the chip editor). */
    static String price(dev.ridgeline.engine.model.Chip chip) {
        dev.ridgeline.engine.model.CardCost c = chip.cost();
        return c.priced() ? String.format(Locale.ROOT, "at $%.2f/card-h", c.dollarsPerHour())
                + (c.asOf().isEmpty() ? ", " + c.priceSource() : " as of " + c.asOf()) : "no price: set one in the chip editor";
    }

    /** "served: 1,234 per card (prefill + decode)", or that the workload is not served beside the deployment. */
    static String served(double perCard) {
        return perCard > 0 ? "served: " + Units.tokens(perCard) + " per card (prefill + decode)"
                : "served: not served (see the Served view)";
    }

    /** A target as typed: "20", "12.5". */
    static String target(double t) {
        return Units.fixed(t, t == Math.rint(t) ? 0 : t * 10 == Math.rint(t * 10) ? 1 : 2);
    }

    /** "EP 256 · B191 · dual-mbatch · MTP 0": a deployment in one short line. */
    static String settings(Scenario d) {
        return "EP " + d.ep() + " · B" + d.batchPerCard() + " · " + d.policy().label() + " · MTP " + d.mtpDepth();
    }
}
