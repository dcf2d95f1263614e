package dev.ridgeline.engine.io;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ridgeline.engine.PrefillEvaluation;
import dev.ridgeline.engine.TokenCost;
import dev.ridgeline.engine.model.Prefill;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.serve.RateMatch;
import dev.ridgeline.engine.serve.Served;
import dev.ridgeline.engine.serve.ServedCost;
import dev.ridgeline.engine.serve.Ttft;
import dev.ridgeline.engine.serve.Workload;
import dev.ridgeline.engine.space.Objective;
import java.util.Locale;

/** JSON and CSV of a prefill step and of a served workload (the CLI contract, DESIGN 6). */
public final class ServeReports {
    /** {@code serve --format csv} columns. */
    public static final String SERVE_CSV_HEADER = "isl,osl,cache_hit,ttft_limit_s,user_tps,met,decode_per_prefill,"
            + "output_tps_per_card,input_tps_per_prefill_card,prefill_tps_per_card,ttft_s,tpot_s,prefill_ep,"
            + "prefill_attention_tp,prefill_policy,prefill_chunk,decode_ep,decode_policy,decode_batch,decode_mtp,"
            + "colocated_output_tps_per_card,better,dollars_per_mtok_input,dollars_per_mtok_output,"
            + "dollars_per_mtok_blended,dollars_per_mtok_served_output,joules_per_output_token,"
            + "joules_per_served_output_token,reason";
    /** The M/D/1 assumption behind the TTFT's wait, as the JSON states it. */
    static final String QUEUE_ASSUMPTION = "M/D/1: Poisson arrivals, a prefill step of fixed length, the pool at the "
            + "workload's prefill load; wait = load x step / (2 (1 - load))";

    private ServeReports() {
    }

    /** {@code evaluate --phase prefill --format json}. */
    public static String prefillJson(PrefillEvaluation e) {
        ObjectNode root = Json.mapper().createObjectNode();
        Prefill p = e.prefill();
        root.put("scenario", e.scenario().summary());
        root.put("phase", "prefill");
        root.put("inputTokens", p.inputTokens());
        root.put("cacheHit", p.cacheHit());
        root.put("chunkTokens", p.chunkTokens());
        root.put("newTokensPerPrompt", p.newTokens());
        root.put("sequencesPerStep", p.sequencesPerStep());
        root.put("stepSeconds", e.stepSec());
        root.put("layerTimeSeconds", e.layerTimeSec());
        root.put("prefillTokensPerSecondPerCard", e.tokensPerSecPerCard());
        root.put("inputTokensPerSecondPerCard", e.inputTokensPerSecPerCard());
        root.put("ttftSeconds", e.ttftSec());
        root.put("fits", e.fits());
        root.put("heldBytes", e.heldBytes());
        root.put("memoryBytes", e.memoryBytes());
        root.put("computeFp8FlopsPerSec", e.computeChip().fp8FlopsPerSec());
        root.put("dominantBound", e.dominantBound().name());
        root.put("fidelity", e.scenario().fidelity().name().toLowerCase(Locale.ROOT));
        root.put("extrapolated", e.extrapolated());
        Reports.opsArray(root.putArray("ops"), e.ops());
        Reports.opsArray(root.putArray("stepOps"), e.stepOps());
        Reports.scheduleArray(root.putArray("schedule"), e.schedule());
        return Reports.write(root);
    }

    /** {@code evaluate --phase prefill --format csv}: the ops of the MoE layer, then the step's, as decode's CSV. */
    public static String prefillOpsCsv(PrefillEvaluation e) {
        return Reports.opsCsv(java.util.stream.Stream.concat(e.ops().stream(), e.stepOps().stream()).toList(),
                e.layerTimeSec());
    }

    /** {@code serve --format json} on throughput. */
    public static String servedJson(Served r, RateMatch.Pools pools) {
        return servedJson(r, pools, Objective.THROUGHPUT);
    }

    /**
     * {@code serve --format json}; {@code pools} sized for a request rate or a card budget, or null; the objective's
     * served figure over both pools as {@code objectiveFigure} (tokens/s per card, $ per million output tokens or J per
     * output token; null when unmet).
     */
    public static String servedJson(Served r, RateMatch.Pools pools, Objective objective) {
        ObjectNode root = Json.mapper().createObjectNode();
        workload(root.putObject("workload"), r.workload());
        root.put("objective", objective.label());
        root.put("objectiveUnit", objective.figureName() + (objective == Objective.THROUGHPUT ? "" : ", both pools"));
        if (r instanceof Served.Sized) {
            Served.Sized z = (Served.Sized) r;
            double score = objective.score(z.decode().deployment().chip(), z.outputPerCard());
            if (score > 0) {
                root.put("objectiveFigure", objective.figure(score));
            } else {
                root.putNull("objectiveFigure");
            }
        } else {
            root.putNull("objectiveFigure");
        }
        if (r instanceof Served.Unmet) {
            root.put("met", false);
            root.put("reason", ((Served.Unmet) r).reason());
            return Reports.write(root);
        }
        Served.Sized s = (Served.Sized) r;
        root.put("met", true);
        root.put("decodeCardsPerPrefillCard", s.decodePerPrefill());
        root.put("outputTokensPerSecondPerCard", s.outputPerCard());
        root.put("inputTokensPerSecondPerPrefillCard", s.inputPerPrefillCard());
        root.put("prefillTokensPerSecondPerCard", s.prefill().tokensPerSecPerCard());
        root.put("ttftSeconds", s.ttft().totalSec());
        ttft(root.putObject("ttft"), s.ttft());
        root.put("tpotSeconds", s.tpotSec());
        root.put("kvBytesPerRequest", s.kvBytesPerRequest());
        servedCost(root, s);
        ObjectNode prefill = deployment(root.putObject("prefill"), s.prefill().deployment());
        prefill.put("chunkTokens", s.prefill().chunkTokens());
        prefill.put("stepSeconds", s.prefill().stepSec());
        prefill.put("tokensPerSecondPerCard", s.prefill().tokensPerSecPerCard());
        ObjectNode decode = deployment(root.putObject("decode"), s.decode().deployment());
        decode.put("userTokensPerSecond", s.decode().userTokensPerSec());
        decode.put("outputTokensPerSecondPerCard", s.decode().throughputPerCard());
        if (s.colocated() == null) {
            root.putNull("colocated");
        } else {
            ObjectNode c = deployment(root.putObject("colocated"), s.colocated().deployment());
            c.put("outputTokensPerSecondPerCard", s.colocated().figures().outputPerCard());
            c.put("userTokensPerSecond", s.colocated().figures().userTokensPerSec());
            c.put("chunkTokens", s.colocated().figures().chunkTokens());
            c.put("stepSeconds", s.colocated().figures().stepSec());
            ttft(c.putObject("ttft"), s.colocated().figures().ttft());
            c.put("ttftSeconds", s.colocated().figures().ttft().totalSec());
            TokenCost together = new TokenCost(s.decode().deployment().chip().cost(), s.colocated().figures().outputPerCard());
            Reports.putOrNull(c, "dollarsPerMillionOutputTokens", together.dollarsPerMillionOutputTokens());
            Reports.putOrNull(c, "joulesPerOutputToken", together.joulesPerOutputToken());
        }
        root.put("better", s.better() == Served.Mode.COLOCATED ? "co-located" : "disaggregated");
        if (pools != null) {
            ObjectNode o = root.putObject("pools");
            o.put("requestsPerSecond", pools.requestsPerSec());
            o.put("prefillUnits", pools.prefillUnits());
            o.put("prefillCards", pools.prefillCards());
            o.put("prefillNodes", pools.prefillNodes());
            o.put("decodeUnits", pools.decodeUnits());
            o.put("decodeCards", pools.decodeCards());
            o.put("decodeNodes", pools.decodeNodes());
        }
        return Reports.write(root);
    }

    /** {@code serve --format csv}: the header and one row. */
    public static String servedCsv(Served r) {
        Workload w = r.workload();
        StringBuilder sb = new StringBuilder(SERVE_CSV_HEADER).append('\n');
        sb.append(w.inputTokens()).append(',').append(w.outputTokens()).append(',').append(num(w.cacheHit())).append(',')
                .append(num(w.ttftLimitSec())).append(',').append(num(w.userTokensPerSec())).append(',');
        if (r instanceof Served.Unmet) {
            sb.append("false").append(",".repeat(22)).append(',').append(csv(((Served.Unmet) r).reason()));
            return sb.append('\n').toString();
        }
        Served.Sized s = (Served.Sized) r;
        Scenario p = s.prefill().deployment();
        Scenario d = s.decode().deployment();
        sb.append("true,").append(num(s.decodePerPrefill())).append(',').append(num(s.outputPerCard())).append(',')
                .append(num(s.inputPerPrefillCard())).append(',').append(num(s.prefill().tokensPerSecPerCard()))
                .append(',').append(num(s.ttft().totalSec())).append(',').append(num(s.tpotSec())).append(',')
                .append(p.ep()).append(',').append(p.attentionTp()).append(',').append(p.policy().label()).append(',')
                .append(s.prefill().chunkTokens()).append(',').append(d.ep()).append(',').append(d.policy().label())
                .append(',').append(d.batchPerCard()).append(',').append(d.mtpDepth()).append(',')
                .append(s.colocated() == null ? "" : num(s.colocated().figures().outputPerCard())).append(',')
                .append(s.better() == Served.Mode.COLOCATED ? "co-located" : "disaggregated").append(',');
        ServedCost c = ServedCost.of(d.chip().cost(), s);
        for (java.util.OptionalDouble v : java.util.List.of(c.dollarsPerMillionInputTokens(),
                c.dollarsPerMillionOutputTokens(), c.dollarsPerMillionTokensBlended(),
                c.dollarsPerMillionServedOutputTokens(), c.joulesPerOutputToken(), c.joulesPerServedOutputToken())) {
            sb.append(v.isPresent() ? num(v.getAsDouble()) : "").append(',');
        }
        return sb.append('\n').toString();
    }

    /**
     * The served workload's dollars and joules: per input token (prefill pool), per output token (decode pool, as
     * {@code evaluate}'s), blended, per request and per served output token (both pools); null without a price or power.
     */
    private static void servedCost(ObjectNode root, Served.Sized s) {
        ServedCost c = ServedCost.of(s.decode().deployment().chip().cost(), s);
        Reports.putOrNull(root, "dollarsPerMillionInputTokens", c.dollarsPerMillionInputTokens());
        Reports.putOrNull(root, "dollarsPerMillionOutputTokens", c.dollarsPerMillionOutputTokens());
        Reports.putOrNull(root, "dollarsPerMillionTokensBlended", c.dollarsPerMillionTokensBlended());
        Reports.putOrNull(root, "dollarsPerMillionServedOutputTokens", c.dollarsPerMillionServedOutputTokens());
        Reports.putOrNull(root, "dollarsPerRequest", c.dollarsPerRequest());
        Reports.putOrNull(root, "joulesPerInputToken", c.joulesPerInputToken());
        Reports.putOrNull(root, "joulesPerOutputToken", c.joulesPerOutputToken());
        Reports.putOrNull(root, "joulesPerServedOutputToken", c.joulesPerServedOutputToken());
        Reports.putOrNull(root, "joulesPerRequest", c.joulesPerRequest());
        Reports.cardCost(root.putObject("cost"), c.cost(), ServedCost.BASIS);
    }

    private static void workload(ObjectNode o, Workload w) {
        o.put("inputTokens", w.inputTokens());
        o.put("outputTokens", w.outputTokens());
        o.put("cacheHit", w.cacheHit());
        if (w.ttftLimited()) {
            o.put("ttftLimitSeconds", w.ttftLimitSec());
        } else {
            o.putNull("ttftLimitSeconds");
        }
        o.put("userTokensPerSecond", w.userTokensPerSec());
        o.put("tpotLimitSeconds", w.tpotLimitSec());
        o.put("chunkTokens", w.chunkTokens());
        o.put("prefillLoad", w.prefillLoad());
    }

    private static void ttft(ObjectNode o, Ttft t) {
        o.put("prefillSeconds", t.prefillSec());
        o.put("kvTransferSeconds", t.transferSec());
        o.put("queueSeconds", t.queueSec());
        o.put("unloadedSeconds", t.unloadedSec());
        o.put("queueAssumption", QUEUE_ASSUMPTION);
    }

    private static ObjectNode deployment(ObjectNode o, Scenario s) {
        o.put("deployment", s.summary());
        o.put("ep", s.ep());
        o.put("attentionTp", s.attentionTp());
        o.put("moeTp", s.moeTp());
        o.put("cards", Math.max(s.deployment().moeCards(), s.attentionTp()));
        o.put("policy", s.policy().label());
        o.put("weightDtype", s.weightDtype().label());
        o.put("kvDtype", s.kvDtype().label());
        o.put("batch", s.batchPerCard());
        o.put("mtpDepth", s.mtpDepth());
        return o;
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }

    private static String csv(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
