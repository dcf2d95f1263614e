package dev.ridgeline.engine.validation;

import dev.ridgeline.engine.model.Checks;
import dev.ridgeline.engine.model.Prefill;
import dev.ridgeline.engine.model.Scenario;
import java.util.Locale;

/**
 * One published deployment Ridgeline is checked against (issue 19): the scenario that describes it, the figure it
 * published with the conditions it was measured under and where, and, when the model is known to miss it, why.
 *
 * @param id            a stable key ("deepseek-h800-profile")
 * @param deployment    the deployment in words, as the publication describes it
 * @param scenario      Ridgeline's scenario of it, in calibrated fidelity
 * @param published     the figure published, in the metric's unit; the middle of a published range
 * @param publishedLow  the range's low end (= {@code published} for a single figure)
 * @param publishedHigh the range's high end
 * @param conditions    how the figure was measured (workload, software, what is counted)
 * @param source        the publication's URL, or for a figure reported without one {@code "unpublished: "} and who
 *                      reported it where (shown as such; no figure of the model is fitted to either)
 * @param knownCause    why Ridgeline's figure may differ, when known (empty otherwise)
 * @param prefill       for a prefill anchor (issue 20) the prompts its deployment prefilled: length, cache hit, tokens
 *                      per card a step; null for a decode anchor
 * @param balancedRouting the deployment routed tokens evenly over experts (DeepSeek's prefill profile "simulates an
 *                      absolutely balanced MoE routing"; SGLang's "simulated perfect EPLB"): read with uniform expert
 *                      popularity instead of the fitted one
 */
public record Anchor(String id, String deployment, Scenario scenario, Metric metric, double published,
                     double publishedLow, double publishedHigh, String conditions, String source, String knownCause,
                     Prefill prefill, boolean balancedRouting) {
    /** How a source without a public URL begins. */
    public static final String UNPUBLISHED = "unpublished: ";

    public Anchor {
        String owner = "anchor " + Checks.quote(id == null ? "?" : id);
        Checks.present(id, "id", owner);
        Checks.present(deployment, "deployment", owner);
        Checks.present(scenario, "scenario", owner);
        Checks.present(metric, "metric", owner);
        Checks.present(conditions, "conditions", owner);
        Checks.present(source, "source", owner);
        Checks.present(knownCause, "knownCause", owner);
        if ((prefill != null) != metric.prefill()) {
            throw new IllegalArgumentException("metric " + metric + (metric.prefill() ? " needs" : " takes no")
                    + " prefill (" + owner + ")");
        }
        if (!(published > 0) || Double.isInfinite(published)) {
            throw Checks.refused("published", published, owner, "must be a finite figure > 0");
        }
        if (!(publishedLow > 0 && publishedLow <= published && published <= publishedHigh)
                || Double.isInfinite(publishedHigh)) {
            throw Checks.refused("publishedLow", publishedLow, owner, "must be > 0 and publishedLow <= published <= "
                    + "publishedHigh (" + published + ", " + publishedHigh + ")");
        }
        if (!source.startsWith("https://") && !(source.startsWith(UNPUBLISHED) && source.length() > UNPUBLISHED.length())) {
            throw new IllegalArgumentException("source must be an https:// URL or '" + UNPUBLISHED + "who reported it',"
                    + " was " + Checks.quote(source) + " (" + owner + ")");
        }
    }

    /** A decode anchor. */
    public Anchor(String id, String deployment, Scenario scenario, Metric metric, double published,
                  double publishedLow, double publishedHigh, String conditions, String source, String knownCause) {
        this(id, deployment, scenario, metric, published, publishedLow, publishedHigh, conditions, source, knownCause,
                null, false);
    }

    /** The scenario in one line; a prefill anchor's with its prompts and routing. */
    public String scenarioText() {
        if (prefill == null) {
            return scenario.summary();
        }
        return scenario.summary() + String.format(Locale.ROOT, " / prefill: %,d-token prompts, cache hit %.2f, "
                + "%,d tokens per card a step%s", prefill.inputTokens(), prefill.cacheHit(), prefill.chunkTokens(),
                balancedRouting ? ", balanced routing" : "");
    }

    /** True when the figure has a public source (an https:// URL). */
    public boolean publicSource() {
        return source.startsWith("https://");
    }
}
