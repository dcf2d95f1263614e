package dev.ridgeline.engine.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ridgeline.engine.model.Assumptions;
import dev.ridgeline.engine.model.CalibrationKey;
import dev.ridgeline.engine.model.CardCost;
import dev.ridgeline.engine.model.Deployment;
import dev.ridgeline.engine.model.ExpertDtype;
import java.util.Locale;

/**
 * Brings older preset documents up to the current schema, so that files saved by an earlier Ridgeline still open.
 * Each step adds what the newer schema requires, with the value the older program behaved as if it had.
 * Steps run in order, one version at a time.
 * <ul>
 *   <li>chip 1 -> 2: {@code calibration}. Version 1 matched calibration on the display name: names starting with
 *   "H800" used H800's measurements, "H20" H20's FlashMLA figure; anything else none.</li>
 *   <li>chip 2 -> 3: {@code fp4Tflops} 0 (version 2 had no FP4 rate: no chip ran FP4).</li>
 *   <li>chip 3 -> 4: {@code cost} with no price and no power ({@link CardCost#NONE}): version 3 had neither, and a
 *   user's chip gets no invented price.</li>
 *   <li>scenario 1 -> 2: the calibrated assumptions, at the values version 1 had built in (4 GiB reserve, 2 µs gap)
 *   and no host overhead (version 1 modelled none).</li>
 *   <li>scenario 2 -> 3: the layout and balancer at seed 000's and DeepSeek's values (attention TP 1, MoE TP 1, EPLB
 *   on with 32 redundant experts, as version 2's calibrated fidelity held 32 redundant experts below full EP) and FP8
 *   experts (version 2 ran every expert in FP8).</li>
 *   <li>scenario 3 -> 4: {@code localPeersOverScaleUp} false: version 3 sent all of decode's EP traffic over the NIC
 *   once EP exceeded the scale-up domain (DeepEP's low-latency kernels as first published, "pure RDMA").</li>
 *   <li>model 1 -> 2: {@code expertGroups} 1 and {@code limitedGroups} 1 (version 1 knew no group-limited routing:
 *   every token could reach every expert).</li>
 * </ul>
 * A document that is not a JSON object, or whose version is not a plain integer, is left alone for the strict
 * reader to refuse with its own message.
 */
final class Migrations {
    private Migrations() {
    }

    /** The chip document brought to the current schema (changed in place; returned for chaining). */
    static JsonNode chip(JsonNode tree) {
        ObjectNode o = tree instanceof ObjectNode ? (ObjectNode) tree : null;
        if (o == null) {
            return tree;
        }
        if (isVersion(o, 1)) {
            String name = o.path("name").asText("").toUpperCase(Locale.ROOT);
            // "H20" and "H20 (datasheet)", not "H200 SXM": an H200 is an H100-class chip, measured on neither
            CalibrationKey key = name.startsWith("H800") ? CalibrationKey.H800
                    : name.startsWith("H20") && !name.startsWith("H200") ? CalibrationKey.H20 : CalibrationKey.NONE;
            if (!o.has("calibration")) {
                o.put("calibration", key.name());
            }
            o.put("schemaVersion", 2);
        }
        if (isVersion(o, 2)) {
            if (!o.has("fp4Tflops")) {
                o.put("fp4Tflops", 0.0);
            }
            o.put("schemaVersion", 3);
        }
        if (isVersion(o, 3)) {
            if (!o.has("cost")) {
                o.set("cost", Json.mapper().valueToTree(PresetFiles.CostFile.of(CardCost.NONE)));
            }
            o.put("schemaVersion", 4);
        }
        return o;
    }

    /** The model document brought to the current schema (changed in place; returned for chaining). */
    static JsonNode model(JsonNode tree) {
        ObjectNode o = tree instanceof ObjectNode ? (ObjectNode) tree : null;
        if (o != null && isVersion(o, 1)) {
            if (!o.has("expertGroups")) {
                o.put("expertGroups", 1);
            }
            if (!o.has("limitedGroups")) {
                o.put("limitedGroups", 1);
            }
            o.put("schemaVersion", 2);
        }
        return tree;
    }

    /** The scenario document brought to the current schema (changed in place; returned for chaining). */
    static JsonNode scenario(JsonNode tree) {
        ObjectNode o = tree instanceof ObjectNode ? (ObjectNode) tree : null;
        if (o == null) {
            return tree;
        }
        if (isVersion(o, 1)) {
            putIfAbsent(o, "memoryReserveGB", Assumptions.DEFAULT_RESERVE_BYTES / 1e9);
            putIfAbsent(o, "kernelGapMicros", Assumptions.DEFAULT_KERNEL_GAP_SEC * 1e6);
            putIfAbsent(o, "hostOverheadFraction", 0.0);
            o.put("schemaVersion", 2);
        }
        if (isVersion(o, 2)) {
            if (!o.has("attentionTp")) {
                o.put("attentionTp", 1);
            }
            if (!o.has("moeTp")) {
                o.put("moeTp", 1);
            }
            if (!o.has("eplb")) {
                o.put("eplb", true);
            }
            if (!o.has("redundantExperts")) {
                o.put("redundantExperts", Deployment.DEFAULT_REDUNDANT_EXPERTS);
            }
            if (!o.has("expertDtype")) {
                o.put("expertDtype", ExpertDtype.FP8.name());
            }
            o.put("schemaVersion", 3);
        }
        if (isVersion(o, 3)) {
            if (!o.has("localPeersOverScaleUp")) {
                o.put("localPeersOverScaleUp", false);
            }
            o.put("schemaVersion", 4);
        }
        return o;
    }

    private static void putIfAbsent(ObjectNode o, String key, double value) {
        if (!o.has(key)) {
            o.put(key, value);
        }
    }

    private static boolean isVersion(ObjectNode o, int version) {
        JsonNode v = o.get("schemaVersion");
        return v != null && v.isIntegralNumber() && v.asInt() == version;
    }
}
