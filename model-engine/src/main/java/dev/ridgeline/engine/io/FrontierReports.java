package dev.ridgeline.engine.io;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.search.SearchRow;
import dev.ridgeline.engine.space.Frontier;
import dev.ridgeline.engine.space.Headline;
import dev.ridgeline.engine.space.Objective;
import java.util.HashSet;
import java.util.Set;

/**
 * The frontier's deployments as CSV and JSON (DESIGN 6, {@code ridgeline frontier}): the columns of
 * {@code search --format csv} plus whether the deployment is on the Pareto frontier.
 */
public final class FrontierReports {
    /** {@link Reports#SEARCH_CSV_HEADER} and {@code on_frontier}. */
    public static final String CSV_HEADER = Reports.SEARCH_CSV_HEADER + ",on_frontier";

    private FrontierReports() {
    }

    /** Every deployment of {@code r}, in sweep order. */
    public static String csv(Frontier.Result r) {
        Set<Frontier.Point> frontier = new HashSet<>(r.frontier());
        StringBuilder sb = new StringBuilder(64 * (r.points().size() + 1)).append(CSV_HEADER).append('\n');
        for (Frontier.Point p : r.points()) {
            Reports.searchRow(sb, row(r, p)).append(',').append(frontier.contains(p)).append('\n');
        }
        return sb.toString();
    }

    /** The target, the answer (or null) and every deployment, each with {@code onFrontier}. */
    public static String json(Frontier.Result r) {
        return json(r, Objective.THROUGHPUT);
    }

    /**
     * As {@link #json(Frontier.Result)}, with the objective and the answer's {@code dollarsPerMillionOutputTokens},
     * {@code joulesPerOutputToken} and {@code outputTokensPerSecondPerKw} (null without a price or power) and the
     * {@code cost} it rests on.
     */
    public static String json(Frontier.Result r, Objective objective) {
        return Reports.write(tree(r, objective, null));
    }

    /**
     * As {@link #json(Frontier.Result, Objective)}; with {@code bands} (calibrated fidelity) the answer and each point
     * on the frontier carry {@code throughputPerCardLow} and {@code throughputPerCardHigh}, their P10-P90.
     */
    public static String json(Frontier.Result r, Objective objective, dev.ridgeline.engine.evidence.FrontierBands bands) {
        return Reports.write(tree(r, objective, bands));
    }

    /**
     * As {@link #json(Frontier.Result, Objective)} for the served objective, with the workload's
     * {@code servedOutputTokensPerSecondPerCard} over both pools at the target (0 when its limits are not met).
     */
    public static String json(Frontier.Result r, Objective objective, double servedPerCard) {
        ObjectNode root = tree(r, objective, null);
        root.put("servedOutputTokensPerSecondPerCard", servedPerCard);
        return Reports.write(root);
    }

    private static ObjectNode tree(Frontier.Result r, Objective objective,
                                   dev.ridgeline.engine.evidence.FrontierBands bands) {
        java.util.Map<Frontier.Point, dev.ridgeline.engine.evidence.Band> banded = new java.util.HashMap<>();
        if (bands != null) {
            for (int i = 0; i < r.frontier().size(); i++) {
                banded.put(r.frontier().get(i), bands.line().get(i));
            }
        }
        Set<Frontier.Point> frontier = new HashSet<>(r.frontier());
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("targetTps", r.targetTps());
        Headline.Answer a = r.answer();
        if (a == null) {
            root.putNull("answer");
        } else {
            Scenario d = a.deployment();
            ObjectNode answer = Reports.searchObject(root.putObject("answer"), new SearchRow(d.chip().name(),
                    d.nic().name(), d.policy(), d.ep(), d.kvDtype().bytes(), d.weightDtype().bytes(), d.promotion(),
                    d.batchPerCard(), a.userTokensPerSec(), a.throughputPerCard(), d.mtpDepth()));
            Reports.band(answer, "throughputPerCard", bands == null ? null : bands.answer());
            Reports.tokenCost(answer, new dev.ridgeline.engine.TokenCost(d.chip().cost(), a.throughputPerCard()));
        }
        root.put("objective", objective.label());
        root.put("frontierSize", r.frontier().size());
        ArrayNode points = root.putArray("deployments");
        for (Frontier.Point p : r.points()) {
            ObjectNode o = Reports.searchObject(points.addObject(), row(r, p)).put("onFrontier", frontier.contains(p));
            Reports.band(o, "throughputPerCard", banded.get(p));
        }
        return root;
    }

    /** A deployment in the search's columns. */
    public static SearchRow row(Frontier.Result r, Frontier.Point p) {
        Scenario c = r.configuration(p);
        return new SearchRow(c.chip().name(), c.nic().name(), c.policy(), c.ep(), c.kvDtype().bytes(),
                c.weightDtype().bytes(), c.promotion(), p.batch(), p.userTokensPerSec(), p.throughputPerCard(), c.mtpDepth());
    }
}
