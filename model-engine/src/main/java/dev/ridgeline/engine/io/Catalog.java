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
import java.util.function.Supplier;

/**
 * The chips, NICs and models available by name (case-insensitive), in the order they were loaded. A preset may be
 * read from its file only when it is first asked for (the built-in ones: a command that names three reads three);
 * its name is known before.
 */
public final class Catalog {
    private final Map<String, Entry<Chip>> chips;
    private final Map<String, Entry<Nic>> nics;
    private final Map<String, Entry<ModelConfig>> models;

    public Catalog(List<Chip> chips, List<Nic> nics, List<ModelConfig> models) {
        this(index(given(chips, Chip::name), "chip"), index(given(nics, Nic::name), "nic"),
                index(given(models, ModelConfig::name), "model"));
    }

    private Catalog(Map<String, Entry<Chip>> chips, Map<String, Entry<Nic>> nics,
                    Map<String, Entry<ModelConfig>> models) {
        this.chips = chips;
        this.nics = nics;
        this.models = models;
    }

    /** Presets by name, each read by its entry when first asked for. */
    static Catalog of(List<Entry<Chip>> chips, List<Entry<Nic>> nics, List<Entry<ModelConfig>> models) {
        return new Catalog(index(chips, "chip"), index(nics, "nic"), index(models, "model"));
    }

    /** This catalogue's presets followed by {@code chips}, {@code nics} and {@code models}. */
    Catalog plus(List<Chip> chips, List<Nic> nics, List<ModelConfig> models) {
        return of(concat(this.chips, given(chips, Chip::name)), concat(this.nics, given(nics, Nic::name)),
                concat(this.models, given(models, ModelConfig::name)));
    }

    /**
     * A preset's name and the preset, given or read the first time it is asked for. A read that fails is tried
     * again at the next request (and fails again, in the same words).
     */
    static final class Entry<T> {
        final String name;
        private Supplier<T> read;
        private T value;

        Entry(String name, Supplier<T> read) {
            this.name = name;
            this.read = read;
        }

        synchronized T get() {
            if (value == null) {
                value = read.get();
                read = null;
            }
            return value;
        }
    }

    private static <T> List<Entry<T>> given(List<T> items, Function<T, String> name) {
        List<Entry<T>> out = new ArrayList<>();
        for (T item : items) {
            out.add(new Entry<>(name.apply(item), () -> item));
        }
        return out;
    }

    private static <T> List<Entry<T>> concat(Map<String, Entry<T>> first, List<Entry<T>> then) {
        List<Entry<T>> out = new ArrayList<>(first.values());
        out.addAll(then);
        return out;
    }

    private static <T> Map<String, Entry<T>> index(List<Entry<T>> items, String kind) {
        Map<String, Entry<T>> out = new LinkedHashMap<>();
        for (Entry<T> item : items) {
            if (out.put(key(item.name), item) != null) {
                throw new PresetException("two " + kind + " presets are named " + dev.ridgeline.engine.model.Checks.quote(item.name));
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
        return all(chips);
    }

    public List<Nic> nics() {
        return all(nics);
    }

    public List<ModelConfig> models() {
        return all(models);
    }

    /** Whether a chip of this name (compared by {@link #key}) is here, without reading it. */
    public boolean hasChip(String name) {
        return chips.containsKey(key(name));
    }

    /** Whether a NIC of this name is here, without reading it. */
    public boolean hasNic(String name) {
        return nics.containsKey(key(name));
    }

    /** Whether a model of this name is here, without reading it. */
    public boolean hasModel(String name) {
        return models.containsKey(key(name));
    }

    public Chip chip(String name) {
        return find(chips, name, "chip");
    }

    public Nic nic(String name) {
        return find(nics, name, "nic");
    }

    public ModelConfig model(String name) {
        return find(models, name, "model");
    }

    private static <T> List<T> all(Map<String, Entry<T>> map) {
        List<T> out = new ArrayList<>();
        for (Entry<T> e : map.values()) {
            out.add(e.get());
        }
        return out;
    }

    private static <T> T find(Map<String, Entry<T>> map, String name, String kind) {
        Entry<T> found = name == null ? null : map.get(key(name));
        if (found == null) {
            throw new PresetException("unknown " + kind + " " + dev.ridgeline.engine.model.Checks.quote(name) + " ("
                    + suggest(map, name) + ")");
        }
        return found.get();
    }

    /** Names within a third of the query's length in edits (at least one), else the first few. */
    private static <T> String suggest(Map<String, Entry<T>> map, String name) {
        String q = name == null || name.length() > 4 * dev.ridgeline.engine.model.Checks.MAX_NAME ? "" : key(name);
        int limit = Math.max(1, q.length() / 3);
        List<String> near = q.isEmpty() ? List.of() : map.values().stream().map(e -> e.name)
                .filter(n -> distance(key(n), q) <= limit)
                .sorted(java.util.Comparator.comparingInt(n -> distance(key(n), q))).limit(6).toList();
        if (!near.isEmpty()) {
            return "did you mean " + String.join(", ", near) + "?";
        }
        List<String> some = map.values().stream().map(e -> e.name).limit(6).toList();
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
