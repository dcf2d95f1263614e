package dev.ridgeline.app.explorer.tuning;

import dev.ridgeline.engine.TokenCost;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.space.ChipComparison;
import dev.ridgeline.engine.space.Objective;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The chip comparison as text cells, shared by the window's table, the command line's table and the report: one row
 * per chip, best first on the objective, each cell already formatted; a missing figure says why ("no price").
 */
public final class CompareText {
    /** Column headings, in the order of {@link #cells}. */
    public static final List<String> HEADINGS = List.of("#", "chip", "tok/s per card", "$/M out tok", "J/out tok",
            "tok/s per kW", "best deployment", "$/card-hour");

    private CompareText() {
    }

    /** The rows' cells, best first on the result's objective. */
    public static List<List<String>> rows(ChipComparison.Result r) {
        List<List<String>> out = new ArrayList<>();
        List<ChipComparison.Row> ranked = r.ranked(r.objective());
        for (int i = 0; i < ranked.size(); i++) {
            out.add(cells(r, ranked.get(i), i + 1));
        }
        return out;
    }

    static List<String> cells(ChipComparison.Result r, ChipComparison.Row row, int rank) {
        var cost = row.chip().cost();
        String price = cost.priced() ? String.format(Locale.ROOT, "$%.2f%s", cost.dollarsPerHour(),
                cost.asOf().isEmpty() ? "" : " (" + cost.asOf() + ")") : "no price";
        boolean ranked = row.score(r.objective()) > 0;
        if (row.answer() == null) {
            String none = "does not reach " + dev.ridgeline.engine.model.Checks.number(r.targetTps());
            return List.of("–", row.chip().name(), none, "–", "–", "–", "–", price);
        }
        TokenCost t = row.tokenCost();
        return List.of(ranked ? String.valueOf(rank) : "–", row.chip().name(),
                TuningText.tokens(row.answer().throughputPerCard()),
                t.dollarsPerMillionOutputTokens().isPresent()
                        ? ObjectiveText.number(Objective.COST, t.dollarsPerMillionOutputTokens().getAsDouble()) : "no price",
                t.joulesPerOutputToken().isPresent()
                        ? ObjectiveText.number(Objective.POWER, t.joulesPerOutputToken().getAsDouble()) : "no power",
                t.outputTokensPerSecPerKw().isPresent()
                        ? TuningText.tokens(t.outputTokensPerSecPerKw().getAsDouble()) : "no power",
                settings(row.answer().deployment()), price);
    }

    /** "EP 144 · B64 · dual-mbatch · MTP 1 · FP8/FP8". */
    public static String settings(Scenario d) {
        return "EP " + d.ep() + " · B" + d.batchPerCard() + " · " + d.policy().label() + " · MTP " + d.mtpDepth()
                + " · KV " + d.kvDtype().label() + " · W " + d.weightDtype().label();
    }

    /**
     * What the comparison says in words: the winner on each objective and, for each chip that loses on cost, the price
     * at which it would break even with the cheapest.
     */
    public static List<String> findings(ChipComparison.Result r) {
        List<String> out = new ArrayList<>();
        for (Objective o : Objective.DECODE) {
            ChipComparison.Row w = r.winner(o);
            out.add("Best " + label(o) + ": " + (w == null ? "none (" + (o == Objective.THROUGHPUT
                    ? "no chip reaches the target" : "no chip here has a " + (o == Objective.COST ? "price" : "power"))
                    + ")" : w.chip().name() + ", " + ObjectiveText.score(o, w.score(o))) + ".");
        }
        ChipComparison.Row cheapest = r.winner(Objective.COST);
        if (cheapest != null) {
            double dollars = Objective.COST.figure(cheapest.score(Objective.COST));
            for (ChipComparison.Row row : r.rows()) {
                if (row != cheapest && row.answer() != null) {
                    out.add(row.chip().name() + " breaks even with " + cheapest.chip().name() + " at "
                            + String.format(Locale.ROOT, "$%.2f", row.breakEvenDollarsPerHour(dollars))
                            + " per card-hour" + (row.chip().cost().priced()
                                    ? String.format(Locale.ROOT, " (now $%.2f)", row.chip().cost().dollarsPerHour())
                                    : " (it has no price)") + ".");
                }
            }
        }
        return out;
    }

    /** Where each chip's price and power come from, one line per chip. */
    public static List<String> sources(ChipComparison.Result r) {
        List<String> out = new ArrayList<>();
        for (ChipComparison.Row row : r.rows()) {
            var c = row.chip().cost();
            out.add(row.chip().name() + ": " + (c.priced() ? "price " : "") + c.priceNote() + "; "
                    + (c.powered() ? "power " : "") + c.powerNote());
        }
        return out;
    }

    /** "per card", "per dollar", "per watt". */
    static String label(Objective o) {
        return o == Objective.COST ? "per dollar" : o == Objective.POWER ? "per watt" : "per card";
    }
}
