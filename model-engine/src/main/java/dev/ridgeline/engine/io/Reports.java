package dev.ridgeline.engine.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ridgeline.engine.Evaluation;
import dev.ridgeline.engine.memory.Fit;
import dev.ridgeline.engine.roofline.OpResult;
import dev.ridgeline.engine.schedule.Interval;
import dev.ridgeline.engine.search.SearchRow;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/** JSON and CSV renderings of evaluations and search results (the CLI contract, DESIGN 6). */
public final class Reports {
    /** {@code search --format csv} columns, exactly as DESIGN 6 gives them. */
    public static final String SEARCH_CSV_HEADER =
            "gpu,nic,policy,ep,kv_bytes,param_bytes,promotion,batch,user_tps,throughput_per_card,mtp_depth";
    public static final String OPS_CSV_HEADER =
            "op,stage,invocations,flops,weight_bytes,activation_bytes,kv_bytes,network_bytes,intensity_flop_per_byte,"
                    + "seconds,share_of_layer,bound,efficiency";

    private Reports() {
    }

    public static String evaluationJson(Evaluation e) {
        return evaluationJson(e, null);
    }

    /**
     * The evaluation as JSON; with {@code bands} (calibrated fidelity) each headline figure has its P10-P90 beside it
     * as {@code <figure>Low} and {@code <figure>High}.
     */
    public static String evaluationJson(Evaluation e, dev.ridgeline.engine.evidence.Bands bands) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("scenario", e.scenario().summary());
        root.put("layerTimeSeconds", e.layerTimeSec());
        root.put("tpotSeconds", e.tpotSec());
        band(root, "tpotSeconds", bands == null ? null : bands.tpotSec());
        root.put("rawTokensPerSecond", e.rawTokensPerSec());
        root.put("userTokensPerSecond", e.userTokensPerSec());
        band(root, "userTokensPerSecond", bands == null ? null : bands.userTokensPerSec());
        root.put("throughputPerCard", e.throughputPerCard());
        band(root, "throughputPerCard", bands == null ? null : bands.throughputPerCard());
        root.put("throughputPerNode", e.throughputPerNode());
        band(root, "throughputPerNode", bands == null ? null : bands.throughputPerNode());
        root.put("maxBatch", e.maxBatch());
        tokenCost(root, e.tokenCost());
        root.put("fits", e.fit().fits());
        if (e.fit() instanceof Fit.OutOfMemory) {
            root.put("missingBytes", ((Fit.OutOfMemory) e.fit()).missingBytes());
        }
        ObjectNode mem = root.putObject("memoryBytes");
        mem.put("capacity", e.memory().capacityBytes());
        mem.put("nonExpertWeights", e.memory().nonExpertWeightBytes());
        mem.put("localExperts", e.memory().localExpertBytes());
        mem.put("kvCache", e.memory().kvCacheBytes());
        mem.put("reserve", e.memory().reserveBytes());
        mem.put("free", e.memory().freeBytes());
        root.put("dominantBound", e.dominantBound().name());
        ObjectNode balance = root.putObject("balance");
        balance.put("tflopsPerGBps", e.balance().tflopsPerGBps());
        balance.put("thresholdTflopsPerGBps", e.balance().thresholdTflopsPerGBps());
        balance.put("communicationHidden", e.balance().communicationHidden());
        root.put("fidelity", e.scenario().fidelity().name().toLowerCase(Locale.ROOT));
        root.put("extrapolated", e.extrapolated());
        ArrayNode readings = root.putArray("readings");
        dev.ridgeline.engine.ReadingsInForce.of(e.scenario()).forEach(readings::add);
        opsArray(root.putArray("ops"), e.ops());
        opsArray(root.putArray("stepOps"), e.stepOps());
        scheduleArray(root.putArray("schedule"), e.schedule());
        return write(root);
    }

    /** The intervals of a schedule, one object each (shared with the prefill's JSON). */
    static void scheduleArray(ArrayNode schedule, dev.ridgeline.engine.schedule.Schedule s) {
        for (Interval i : s.intervals()) {
            ObjectNode o = schedule.addObject();
            o.put("stage", i.stage().label());
            o.put("microBatch", i.microBatch());
            o.put("lane", i.lane().name());
            o.put("startSeconds", i.startSec());
            o.put("endSeconds", i.endSec());
            o.put("critical", i.critical());
        }
    }

    /** {@code <key>Low} and {@code <key>High} beside a figure, when it has a band. */
    static void band(ObjectNode node, String key, dev.ridgeline.engine.evidence.Band b) {
        if (b != null) {
            node.put(key + "Low", b.low());
            node.put(key + "High", b.high());
        }
    }

    /**
     * {@code dollarsPerMillionOutputTokens}, {@code joulesPerOutputToken} and {@code outputTokensPerSecondPerKw}
     * (null when the chip has no price or power), and a {@code cost} object: the price, its source and date, the
     * all-in power and what the figures count.
     */
    static void tokenCost(ObjectNode root, dev.ridgeline.engine.TokenCost t) {
        putOrNull(root, "dollarsPerMillionOutputTokens", t.dollarsPerMillionOutputTokens());
        putOrNull(root, "joulesPerOutputToken", t.joulesPerOutputToken());
        putOrNull(root, "outputTokensPerSecondPerKw", t.outputTokensPerSecPerKw());
        cardCost(root.putObject("cost"), t.cost(), dev.ridgeline.engine.TokenCost.BASIS);
    }

    /** The price, its form, source and date, the all-in power and its source, and what the figures beside it count. */
    static void cardCost(ObjectNode cost, dev.ridgeline.engine.model.CardCost c, String basis) {
        putOrNull(cost, "dollarsPerCardHour", c.priced() ? java.util.OptionalDouble.of(c.dollarsPerHour())
                : java.util.OptionalDouble.empty());
        cost.put("priceForm", c.tco().used() ? "tco" : c.priced() ? "rental" : "none");
        putOrNull(cost, "allInPowerKw", c.powered() ? java.util.OptionalDouble.of(c.allInKw())
                : java.util.OptionalDouble.empty());
        cost.put("pue", c.pue());
        cost.put("priceSource", c.priceSource());
        cost.put("asOf", c.asOf());
        cost.put("powerSource", c.powerSource());
        cost.put("basis", basis);
    }

    static void putOrNull(ObjectNode o, String key, java.util.OptionalDouble v) {
        if (v.isPresent()) {
            o.put(key, v.getAsDouble());
        } else {
            o.putNull(key);
        }
    }

    static void opsArray(ArrayNode array, List<OpResult> ops) {
        for (OpResult op : ops) {
            ObjectNode o = array.addObject();
            o.put("name", op.name());
            o.put("stage", op.stage().label());
            o.put("invocations", op.invocations());
            o.put("seconds", op.timeSec());
            o.put("bound", op.bound().name());
            o.put("flops", op.flops());
            o.put("hbmBytes", op.hbmBytes());
            o.put("networkBytes", op.networkBytes());
            o.put("efficiency", op.efficiency());
            o.put("extrapolated", op.extrapolated());
            o.put("basis", op.basis());
        }
    }

    public static String opsCsv(Evaluation e) {
        return opsCsv(e.ops(), e.layerTimeSec());
    }

    /** The ops as {@link #OPS_CSV_HEADER}'s rows, their share taken of {@code layerSec}. */
    static String opsCsv(List<OpResult> ops, double layerSec) {
        StringBuilder sb = new StringBuilder(OPS_CSV_HEADER).append('\n');
        for (OpResult op : ops) {
            sb.append(csv(op.name())).append(',').append(op.stage().label()).append(',').append(op.invocations())
                    .append(',').append(num(op.flops())).append(',').append(num(op.weightBytes())).append(',')
                    .append(num(op.activationBytes())).append(',').append(num(op.kvBytes())).append(',')
                    .append(num(op.networkBytes())).append(',').append(num(op.intensity())).append(',')
                    .append(num(op.timeSec())).append(',').append(num(op.timePerLayerSec() / layerSec))
                    .append(',').append(op.bound().label()).append(',')
                    .append(num(op.efficiency())).append('\n');
        }
        return sb.toString();
    }

    public static String searchCsv(List<SearchRow> rows) {
        StringBuilder sb = new StringBuilder(SEARCH_CSV_HEADER).append('\n');
        for (SearchRow r : rows) {
            searchRow(sb, r).append('\n');
        }
        return sb.toString();
    }

    /** One row of {@link #SEARCH_CSV_HEADER}'s columns, without its line end (shared with the frontier's CSV). */
    static StringBuilder searchRow(StringBuilder sb, SearchRow r) {
        return sb.append(csv(r.gpu())).append(',').append(csv(r.nic())).append(',').append(r.policy().label()).append(',')
                .append(r.ep()).append(',').append(r.kvBytes()).append(',').append(r.paramBytes()).append(',')
                .append(r.promotion()).append(',').append(r.batch()).append(',')
                .append(String.format(Locale.ROOT, "%.4f", r.userTps())).append(',')
                .append(String.format(Locale.ROOT, "%.4f", r.throughputPerCard())).append(',')
                .append(r.mtpDepth());
    }

    public static String searchJson(List<SearchRow> rows) {
        ArrayNode arr = Json.mapper().createArrayNode();
        for (SearchRow r : rows) {
            searchObject(arr.addObject(), r);
        }
        return write(arr);
    }

    /** One row as a JSON object with the keys of {@link #searchJson} (shared with the frontier's JSON). */
    static ObjectNode searchObject(ObjectNode o, SearchRow r) {
        o.put("gpu", r.gpu());
        o.put("nic", r.nic());
        o.put("policy", r.policy().label());
        o.put("ep", r.ep());
        o.put("kvBytes", r.kvBytes());
        o.put("paramBytes", r.paramBytes());
        o.put("promotion", r.promotion());
        o.put("batch", r.batch());
        o.put("userTps", r.userTps());
        o.put("throughputPerCard", r.throughputPerCard());
        o.put("mtpDepth", r.mtpDepth());
        return o;
    }

    /** A compact one-line JSON object from alternating keys and values (used by {@code bench}). */
    public static String jsonLine(Object... keysAndValues) {
        ObjectNode o = Json.mapper().createObjectNode();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            o.putPOJO(String.valueOf(keysAndValues[i]), keysAndValues[i + 1]);
        }
        try {
            return Json.mapper().writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String write(Object node) {
        try {
            return Json.mapper().writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.6g", v);
    }

    private static String csv(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
