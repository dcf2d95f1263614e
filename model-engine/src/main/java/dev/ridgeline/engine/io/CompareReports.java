package dev.ridgeline.engine.io;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ridgeline.engine.model.CardCost;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.space.ChipComparison;
import dev.ridgeline.engine.space.Objective;
import java.util.List;
import java.util.Locale;

/**
 * {@code ridgeline compare} as JSON and CSV (DESIGN 6): each chip at its best deployment at the target, ranked on the
 * objective, with its throughput, dollars and joules per output token (null or empty without a price or power), the
 * deployment, the price and power with their sources, and the price at which it breaks even with the cheapest chip.
 */
public final class CompareReports {
    public static final String CSV_HEADER = "chip,rank,user_tps,throughput_per_card,dollars_per_mtok,joules_per_token,"
            + "tokens_per_sec_per_kw,policy,ep,batch,kv_bytes,param_bytes,mtp_depth,dollars_per_card_hour,price_as_of,"
            + "break_even_dollars_per_card_hour";

    private CompareReports() {
    }

    public static String json(ChipComparison.Result r) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("targetTps", r.targetTps());
        root.put("objective", r.objective().label());
        root.put("basis", dev.ridgeline.engine.TokenCost.BASIS);
        ObjectNode winners = root.putObject("winner");
        for (Objective o : Objective.DECODE) {
            ChipComparison.Row w = r.winner(o);
            if (w == null) {
                winners.putNull(o.label());
            } else {
                winners.put(o.label(), w.chip().name());
            }
        }
        double cheapest = cheapest(r);
        ArrayNode rows = root.putArray("chips");
        List<ChipComparison.Row> ranked = r.ranked(r.objective());
        for (ChipComparison.Row row : ranked) {
            ObjectNode o = rows.addObject();
            o.put("chip", row.chip().name());
            o.put("rank", ranked.indexOf(row) + 1);
            String missing = row.missing(r.objective(), r.targetTps());
            if (missing == null) {
                o.putNull("missing");
            } else {
                o.put("missing", missing);
            }
            if (row.answer() == null) {
                o.putNull("deployment");
            } else {
                Scenario d = row.answer().deployment();
                o.put("userTps", row.answer().userTokensPerSec());
                o.put("throughputPerCard", row.answer().throughputPerCard());
                Reports.tokenCost(o, row.tokenCost());
                ObjectNode dep = o.putObject("deployment");
                dep.put("policy", d.policy().label());
                dep.put("ep", d.ep());
                dep.put("batch", d.batchPerCard());
                dep.put("kvBytes", d.kvDtype().bytes());
                dep.put("paramBytes", d.weightDtype().bytes());
                dep.put("mtpDepth", d.mtpDepth());
                if (cheapest > 0) {
                    o.put("breakEvenDollarsPerCardHour", row.breakEvenDollarsPerHour(cheapest));
                }
            }
        }
        return Reports.write(root);
    }

    public static String csv(ChipComparison.Result r) {
        StringBuilder sb = new StringBuilder(CSV_HEADER).append('\n');
        double cheapest = cheapest(r);
        List<ChipComparison.Row> ranked = r.ranked(r.objective());
        for (ChipComparison.Row row : ranked) {
            CardCost c = row.chip().cost();
            sb.append(csv(row.chip().name())).append(',').append(ranked.indexOf(row) + 1).append(',');
            if (row.answer() == null) {
                sb.append(",,,,,,,,,,,");
            } else {
                Scenario d = row.answer().deployment();
                var t = row.tokenCost();
                sb.append(num(row.answer().userTokensPerSec())).append(',')
                        .append(num(row.answer().throughputPerCard())).append(',')
                        .append(t.dollarsPerMillionOutputTokens().isPresent() ? num(t.dollarsPerMillionOutputTokens().getAsDouble()) : "").append(',')
                        .append(t.joulesPerOutputToken().isPresent() ? num(t.joulesPerOutputToken().getAsDouble()) : "").append(',')
                        .append(t.outputTokensPerSecPerKw().isPresent() ? num(t.outputTokensPerSecPerKw().getAsDouble()) : "").append(',')
                        .append(d.policy().label()).append(',').append(d.ep()).append(',').append(d.batchPerCard())
                        .append(',').append(d.kvDtype().bytes()).append(',').append(d.weightDtype().bytes()).append(',')
                        .append(d.mtpDepth()).append(',');
            }
            sb.append(c.priced() ? num(c.dollarsPerHour()) : "").append(',').append(csv(c.asOf())).append(',')
                    .append(row.answer() != null && cheapest > 0 ? num(row.breakEvenDollarsPerHour(cheapest)) : "")
                    .append('\n');
        }
        return sb.toString();
    }

    /** The cost winner's dollars per million output tokens; 0 when no chip has one. */
    public static double cheapest(ChipComparison.Result r) {
        ChipComparison.Row w = r.winner(Objective.COST);
        return w == null ? 0 : Objective.COST.figure(w.score(Objective.COST));
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }

    private static String csv(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
