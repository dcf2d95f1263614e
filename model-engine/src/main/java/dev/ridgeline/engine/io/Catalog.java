package dev.ridgeline.engine.io;

import dev.ridgeline.engine.model.Chip;
import dev.ridgeline.engine.model.ModelConfig;
import dev.ridgeline.engine.model.Nic;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** The chips, NICs and models available by name (case-insensitive), in the order they were loaded. */
public final class Catalog {
    private final Map<String, Chip> chips;
    private final Map<String, Nic> nics;
    private final Map<String, ModelConfig> models;

    public Catalog(List<Chip> chips, List<Nic> nics, List<ModelConfig> models) {
        this.chips = index(chips, Chip::name, "chip");
        this.nics = index(nics, Nic::name, "nic");
        this.models = index(models, ModelConfig::name, "model");
    }

    private static <T> Map<String, T> index(List<T> items, Function<T, String> name, String kind) {
        Map<String, T> out = new LinkedHashMap<>();
        for (T item : items) {
            if (out.put(key(name.apply(item)), item) != null) {
                throw new PresetException("two " + kind + " presets are named " + dev.ridgeline.engine.model.Checks.quote(name.apply(item)));
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * The one comparison of preset names everywhere (catalog, user folder, saving): Unicode NFC, then lower case in
     * {@link Locale#ROOT}. "İ" and "i̇" are one name; so are "H800" and "h800" and a composed and a decomposed "é".
     */
    public static String key(String name) {
        return Normalizer.normalize(Normalizer.normalize(name, Normalizer.Form.NFC).toLowerCase(Locale.ROOT),
                Normalizer.Form.NFC);
    }

    public List<Chip> chips() {
        return new ArrayList<>(chips.values());
    }

    public List<Nic> nics() {
        return new ArrayList<>(nics.values());
    }

    public List<ModelConfig> models() {
        return new ArrayList<>(models.values());
    }

    public Chip chip(String name) {
        return find(chips, name, "chip", Chip::name);
    }

    public Nic nic(String name) {
        return find(nics, name, "nic", Nic::name);
    }

    public ModelConfig model(String name) {
        return find(models, name, "model", ModelConfig::name);
    }

    private static <T> T find(Map<String, T> map, String name, String kind, Function<T, String> label) {
        T found = name == null ? null : map.get(key(name));
        if (found == null) {
            throw new PresetException("unknown " + kind + " " + dev.ridgeline.engine.model.Checks.quote(name) + " ("
                    + suggest(map, name, label) + ")");
        }
        return found;
    }

    /** Names within a third of the query's length in edits (at least one), else the first few. */
    private static <T> String suggest(Map<String, T> map, String name, Function<T, String> label) {
        String q = name == null || name.length() > 4 * dev.ridgeline.engine.model.Checks.MAX_NAME ? "" : key(name);
        int limit = Math.max(1, q.length() / 3);
        List<String> near = q.isEmpty() ? List.of() : map.values().stream().map(label)
                .filter(n -> distance(key(n), q) <= limit)
                .sorted(java.util.Comparator.comparingInt(n -> distance(key(n), q))).limit(6).toList();
        if (!near.isEmpty()) {
            return "did you mean " + String.join(", ", near) + "?";
        }
        List<String> some = map.values().stream().map(label).limit(6).toList();
        return "known: " + String.join(", ", some) + (map.size() > some.size() ? ", ... (" + map.size() + " in all)" : "");
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /** The chips the Chips view and the report compare a scenario's chip with unless told otherwise. */
    public static final List<String> DEFAULT_RIVALS = List.of("B200", "H100 SXM5", "MI300X");

    /** The {@link #DEFAULT_RIVALS} this catalogue holds, in that order. */
    public List<Chip> defaultRivals() {
        List<Chip> out = new java.util.ArrayList<>();
        for (String name : DEFAULT_RIVALS) {
            chips().stream().filter(c -> c.name().equals(name)).findFirst().ifPresent(out::add);
        }
        return out;
    }
}
