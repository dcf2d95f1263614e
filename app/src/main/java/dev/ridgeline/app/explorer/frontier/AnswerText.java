package dev.ridgeline.app.explorer.frontier;

import dev.ridgeline.app.explorer.Units;
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
                            dev.ridgeline.engine.evidence.Band answerBand) {
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
        }
        if (ghost != null) {
            Headline.Answer g = ghost.answer();
            out.add(new Line("A: " + ghost.space().configurations().get(0).chip().name(), true));
            if (g == null) {
                out.add(new Line("nothing reaches the target", false));
            } else {
                out.add(new Line(Units.tokens(g.throughputPerCard()) + " per card at the target", false));
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

    /** A target as typed: "20", "12.5". */
    static String target(double t) {
        return Units.fixed(t, t == Math.rint(t) ? 0 : t * 10 == Math.rint(t * 10) ? 1 : 2);
    }

    /** "EP 256 · B191 · dual-mbatch · MTP 0": a deployment in one short line. */
    static String settings(Scenario d) {
        return "EP " + d.ep() + " · B" + d.batchPerCard() + " · " + d.policy().label() + " · MTP " + d.mtpDepth();
    }
}
