package dev.ridgeline.engine.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ridgeline.engine.model.Fidelity;
import dev.ridgeline.engine.model.Prefill;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.validation.Anchor;
import dev.ridgeline.engine.validation.Metric;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The registry of published anchors, {@code validation/anchors.json} (issue 19): one object per published deployment.
 * Its {@code scenario} names only what differs from the built-in default scenario, with the scenario file's own keys
 * ({@code "chip": "H100 SXM5", "ep": 72, "batchPerCard": 256, ...}); the rest comes from the default, so an anchor
 * keeps working when the scenario format gains a key. Every anchor is read in calibrated fidelity. Strict: unknown,
 * missing and duplicate keys are refused with the file, the anchor and the key named. A prefill anchor (issue 20,
 * metric {@code PREFILL_TOKENS_PER_CARD}) adds {@code "prefill": {"inputTokens", "cacheHit", "chunkTokens"}} and may
 * add {@code "balancedRouting": true} (the deployment routed evenly: read with uniform expert popularity); a decode
 * anchor has neither.
 */
public final class Anchors {
    public static final String BUILT_IN = "validation/anchors.json";
    static final int SCHEMA_VERSION = 1;

    private Anchors() {
    }

    /** The anchor file's shape; {@code scenario} is an overlay on the default scenario's document. */
    record AnchorFile(String id, String deployment, JsonNode scenario, Metric metric, double published,
                      double publishedLow, double publishedHigh, String conditions, String source, String knownCause) {
    }

    /** A prefill anchor's prompts. */
    record PrefillFile(int inputTokens, double cacheHit, int chunkTokens) {
    }

    record RegistryFile(int schemaVersion, String source, List<JsonNode> anchors) {
    }

    /** The anchors shipped with Ridgeline, against the built-in catalog. */
    public static List<Anchor> builtIn() {
        return parse(Presets.resource(BUILT_IN), BUILT_IN, Presets.builtIn());
    }

    public static List<Anchor> parse(String json, String file, Catalog catalog) {
        RegistryFile registry = Json.read(Json.tree(json, file), RegistryFile.class, file);
        if (registry.schemaVersion() != SCHEMA_VERSION) {
            throw new PresetException(file + ": key 'schemaVersion' must be " + SCHEMA_VERSION + ", was "
                    + registry.schemaVersion());
        }
        String base = Presets.resource(Presets.ROOT + "scenarios/default.json");
        List<Anchor> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < registry.anchors().size(); i++) {
            JsonNode node = registry.anchors().get(i);
            String where = file + " (anchor " + (i + 1) + ")";
            if (!node.isObject()) {
                throw new PresetException(where + ": must be a JSON object, was " + Json.value(node));
            }
            ObjectNode fields = ((ObjectNode) node).deepCopy();
            JsonNode prefillNode = fields.remove("prefill");
            JsonNode balancedNode = fields.remove("balancedRouting");
            AnchorFile a = Json.read(fields, AnchorFile.class, where);
            Prefill prefill = prefillNode == null ? null : prefill(prefillNode, where + " '" + a.id() + "' prefill");
            if (balancedNode != null && !balancedNode.isBoolean()) {
                throw new PresetException(where + ": key 'balancedRouting' must be true or false, was "
                        + Json.value(balancedNode));
            }
            boolean balanced = balancedNode != null && balancedNode.booleanValue();
            if (!ids.add(a.id())) {
                throw new PresetException(where + ": id '" + a.id() + "' appears twice");
            }
            Scenario s = scenario(base, a.scenario(), where + " '" + a.id() + "' scenario", catalog);
            try {
                out.add(new Anchor(a.id(), a.deployment(), s, a.metric(), a.published(), a.publishedLow(),
                        a.publishedHigh(), a.conditions(), a.source(), a.knownCause(), prefill, balanced));
            } catch (IllegalArgumentException e) {
                throw new PresetException(where + ": " + e.getMessage(), e);
            }
        }
        return List.copyOf(out);
    }

    /** The validation table as JSON: per anchor its conditions, source, the published figure, ours and the error. */
    public static String json(dev.ridgeline.engine.validation.Validation v) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("medianAbsError", v.medianAbsError());
        root.put("decodeMedianAbsError", v.phase(false).medianAbsError());
        root.put("prefillMedianAbsError", v.phase(true).medianAbsError());
        root.put("worstAbsError", v.worstAbsError());
        com.fasterxml.jackson.databind.node.ArrayNode rows = root.putArray("anchors");
        for (dev.ridgeline.engine.validation.Validation.Row r : v.rows()) {
            Anchor a = r.anchor();
            ObjectNode o = rows.addObject();
            o.put("id", a.id());
            o.put("deployment", a.deployment());
            o.put("phase", a.prefill() == null ? "decode" : "prefill");
            o.put("scenario", a.scenarioText());
            if (a.prefill() != null) {
                ObjectNode p = o.putObject("prefill");
                p.put("inputTokens", a.prefill().inputTokens());
                p.put("cacheHit", a.prefill().cacheHit());
                p.put("chunkTokens", a.prefill().chunkTokens());
                p.put("balancedRouting", a.balancedRouting());
            }
            o.put("metric", a.metric().name());
            o.put("unit", a.metric().label());
            o.put("published", a.published());
            o.put("publishedLow", a.publishedLow());
            o.put("publishedHigh", a.publishedHigh());
            o.put("conditions", a.conditions());
            o.put("source", a.source());
            o.put("ours", r.ours());
            o.put("oursLow", r.band().low());
            o.put("oursHigh", r.band().high());
            o.put("error", r.error());
            o.put("outsideBand", r.outsideBand());
            o.put("knownCause", a.knownCause());
        }
        return Reports.write(root);
    }

    private static Prefill prefill(JsonNode node, String where) {
        if (!node.isObject()) {
            throw new PresetException(where + ": must be a JSON object (inputTokens, cacheHit, chunkTokens), was "
                    + Json.value(node));
        }
        PrefillFile f = Json.read(node, PrefillFile.class, where);
        try {
            return new Prefill(f.inputTokens(), f.cacheHit(), f.chunkTokens());
        } catch (IllegalArgumentException e) {
            throw new PresetException(where + ": " + e.getMessage(), e);
        }
    }

    /** The default scenario's document with the anchor's keys laid over it, read as a scenario file, calibrated. */
    private static Scenario scenario(String base, JsonNode overlay, String where, Catalog catalog) {
        if (overlay == null || !overlay.isObject()) {
            throw new PresetException(where + ": must be a JSON object of scenario keys");
        }
        ObjectNode merged = (ObjectNode) Json.tree(base, where);
        for (Iterator<Map.Entry<String, JsonNode>> it = overlay.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (f.getKey().equals("fidelity") || f.getKey().equals("schemaVersion")) {
                throw new PresetException(where + ": key '" + f.getKey() + "' is not an anchor's to set (anchors "
                        + "check calibrated fidelity on the current scenario schema)");
            }
            merged.set(f.getKey(), f.getValue());
        }
        merged.put("name", "anchor");
        return Presets.parseScenario(merged.toString(), where, catalog).withFidelity(Fidelity.CALIBRATED);
    }
}
