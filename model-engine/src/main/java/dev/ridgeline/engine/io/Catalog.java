package dev.ridgeline.engine.io;

import dev.ridgeline.engine.model.Chip;
import dev.ridgeline.engine.model.ModelConfig;
import dev.ridgeline.engine.model.Nic;
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
            if (out.put(name.apply(item).toLowerCase(Locale.ROOT), item) != null) {
                throw new PresetException("two " + kind + " presets are named '" + name.apply(item) + "'");
            }
        }
        return Collections.unmodifiableMap(out);
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
        T found = name == null ? null : map.get(name.toLowerCase(Locale.ROOT));
        if (found == null) {
            List<String> known = map.values().stream().map(label).toList();
            throw new PresetException("unknown " + kind + " '" + name + "' (known: " + String.join(", ", known) + ")");
        }
        return found;
    }
}
