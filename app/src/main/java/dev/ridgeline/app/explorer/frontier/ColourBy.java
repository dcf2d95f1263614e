package dev.ridgeline.app.explorer.frontier;

import dev.ridgeline.engine.model.Scenario;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the frontier line's colours tell apart: one setting of the deployment, or {@link #AUTO}, the settings that
 * change along the frontier. Each stretch of the frontier whose deployments share those settings is one colour, so
 * the reader sees where the best deployment switches.
 */
public enum ColourBy {
    AUTO("what changes"), EP("EP"), POLICY("policy"), DTYPE("KV / weight dtype"), MTP("MTP depth"), PROMOTION("promotion");

    /** At most this many colours for {@link #AUTO}'s combination; beyond, it colours by the busiest single setting. */
    static final int MAX_AUTO_GROUPS = 6;

    private final String label;

    ColourBy(String label) {
        this.label = label;
    }

    /** The choices offered in the view (promotion only matters on some chips, so it is left to AUTO). */
    public static List<ColourBy> choices() {
        return List.of(AUTO, EP, POLICY, DTYPE, MTP);
    }

    public String label() {
        return label;
    }

    /** As the view's choice shows it: "colour by EP". */
    @Override
    public String toString() {
        return "colour by " + label;
    }

    /** The setting's name for one configuration: "EP 256", "dual-mbatch", "KV FP8 · W BF16", "MTP 1", "promotion". */
    String of(Scenario c) {
        switch (this) {
            case EP: return "EP " + c.ep();
            case POLICY: return c.policy().label();
            case DTYPE: return "KV " + c.kvDtype().label() + " · W " + c.weightDtype().label();
            case MTP: return "MTP " + c.mtpDepth();
            case PROMOTION: return c.promotion() ? "promotion" : "no promotion";
            default: throw new IllegalStateException("AUTO names no single setting");
        }
    }

    /** The single settings, in the order their names are joined. */
    static final List<ColourBy> SETTINGS = List.of(EP, POLICY, DTYPE, MTP, PROMOTION);

    /**
     * How to name the group of each configuration on the frontier ({@code configurations} in frontier order): the
     * chosen setting, or for {@link #AUTO} the combination of the settings that vary along it.
     */
    Function<Scenario, String> grouping(List<Scenario> configurations) {
        List<ColourBy> settings = this == AUTO ? autoSettings(configurations) : List.of(this);
        if (settings.isEmpty()) {
            return c -> "one deployment";
        }
        return c -> settings.stream().map(s -> s.of(c)).collect(Collectors.joining(" · "));
    }

    /** The settings that keep one value along the whole frontier: "EP 256 · KV FP8 · W FP8". */
    static String constant(List<Scenario> configurations) {
        List<String> out = new ArrayList<>();
        for (ColourBy s : SETTINGS) {
            Set<String> values = distinct(configurations, s::of);
            if (values.size() == 1 && !(s == PROMOTION && values.contains("no promotion"))) {
                out.add(values.iterator().next());
            }
        }
        return String.join(" · ", out);
    }

    private static List<ColourBy> autoSettings(List<Scenario> configurations) {
        List<ColourBy> varying = new ArrayList<>();
        for (ColourBy s : SETTINGS) {
            if (distinct(configurations, s::of).size() > 1) {
                varying.add(s);
            }
        }
        Set<String> combinations = distinct(configurations,
                c -> varying.stream().map(s -> s.of(c)).collect(Collectors.joining(" · ")));
        if (combinations.size() <= MAX_AUTO_GROUPS) {
            return varying;
        }
        ColourBy busiest = varying.get(0);
        for (ColourBy s : varying) {
            if (distinct(configurations, s::of).size() > distinct(configurations, busiest::of).size()) {
                busiest = s;
            }
        }
        return List.of(busiest);
    }

    private static Set<String> distinct(List<Scenario> configurations, Function<Scenario, String> name) {
        Set<String> out = new LinkedHashSet<>();
        for (Scenario c : configurations) {
            out.add(name.apply(c));
        }
        return out;
    }
}
