package dev.ridgeline.engine.search;

import dev.ridgeline.engine.Engine;
import dev.ridgeline.engine.Evaluation;
import dev.ridgeline.engine.Fixtures;
import dev.ridgeline.engine.model.Scenario;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Our reproduction of each seed table row: the error of user tokens/s and whether the search picks that row. */
public final class Validation {
    /** How our search's winner for the row's (GPU, NIC, EP, param bytes) group compares with the seed's. */
    public enum Winner { SAME, TIE, DIFFERENT, MISSING }

    public record Row(SearchRow seed, Evaluation ours, double error, Winner winner, SearchRow ourWinner) {
    }

    private Validation() {
    }

    public static List<Row> rows(int target) {
        Scenario base = Fixtures.seed("H800", "CX7");
        List<SearchRow> search = SeedSearch.run(Fixtures.ENGINE, base.model(),
                SeedSearch.SEED_GPUS.stream().map(Fixtures.CATALOG::chip).toList(),
                SeedSearch.SEED_NICS.stream().map(Fixtures.CATALOG::nic).toList(), target, base);
        Map<String, SearchRow> winners = search.stream().collect(Collectors.toMap(SearchRow::groupKey, Function.identity()));
        List<Row> out = new ArrayList<>();
        for (SearchRow seed : SeedTable.load(target)) {
            Evaluation ours = Fixtures.ENGINE.evaluate(SeedTable.scenario(seed));
            double error = ours.userTokensPerSec() / seed.userTps() - 1;
            SearchRow w = winners.get(seed.groupKey());
            out.add(new Row(seed, ours, error, winner(seed, ours, w), w));
        }
        return out;
    }

    static Winner winner(SearchRow seed, Evaluation oursAtSeedRow, SearchRow w) {
        if (w == null) {
            return Winner.MISSING;
        }
        boolean sameShape = w.policy() == seed.policy() && w.batch() == seed.batch() && w.mtpDepth() == seed.mtpDepth();
        if (sameShape && w.kvBytes() == seed.kvBytes() && w.promotion() == seed.promotion()) {
            return Winner.SAME;
        }
        // The seed's pandas sort orders exact ties arbitrarily: a winner as fast as the seed's row is a tie.
        if (sameShape && w.throughputPerCard() == oursAtSeedRow.throughputPerCard()) {
            return Winner.TIE;
        }
        return Winner.DIFFERENT;
    }

    /** Median of |error| over the rows the filter keeps. */
    public static double medianAbsError(List<Row> rows, boolean withH20) {
        List<Double> errs = rows.stream().filter(r -> withH20 || !r.seed().gpu().equals("H20"))
                .map(r -> Math.abs(r.error())).sorted().collect(Collectors.toList());
        int n = errs.size();
        return n % 2 == 1 ? errs.get(n / 2) : (errs.get(n / 2 - 1) + errs.get(n / 2)) / 2;
    }

    public static double worstAbsError(List<Row> rows, boolean withH20) {
        return rows.stream().filter(r -> withH20 || !r.seed().gpu().equals("H20"))
                .mapToDouble(r -> Math.abs(r.error())).max().orElse(0);
    }

    /** The Markdown table of docs/validation.md for one target. */
    public static String markdown(int target) {
        List<Row> rows = rows(target);
        StringBuilder sb = new StringBuilder();
        sb.append("| GPU | NIC | policy | EP | KV B | W B | batch | seed user tok/s | ours | error | seed tok/s/card | ours | our search's pick |\n");
        sb.append("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (Row r : rows) {
            SearchRow s = r.seed();
            sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %d | %d | %d | %d | %.3f | %.3f | %+.1f %% | %.1f | %.1f | %s |%n",
                    s.gpu(), s.nic(), s.policy().label(), s.ep(), s.kvBytes(), s.paramBytes(), s.batch(), s.userTps(),
                    r.ours().userTokensPerSec(), 100 * r.error(), s.throughputPerCard(), r.ours().throughputPerCard(),
                    describe(r)));
        }
        long same = rows.stream().filter(r -> r.winner() == Winner.SAME || r.winner() == Winner.TIE).count();
        long sameNoH20 = rows.stream().filter(r -> !r.seed().gpu().equals("H20"))
                .filter(r -> r.winner() == Winner.SAME || r.winner() == Winner.TIE).count();
        long noH20 = rows.stream().filter(r -> !r.seed().gpu().equals("H20")).count();
        sb.append(String.format(Locale.ROOT, "%nMedian |error| %.2f %% over all %d rows, %.2f %% without H20 (worst %.2f %%; with H20 %.2f %%). "
                        + "Our search picks the seed's configuration (or one exactly as fast) in %d of %d groups, %d of %d without H20.%n",
                100 * medianAbsError(rows, true), rows.size(), 100 * medianAbsError(rows, false),
                100 * worstAbsError(rows, false), 100 * worstAbsError(rows, true), same, rows.size(), sameNoH20, noH20));
        return sb.toString();
    }

    private static String describe(Row r) {
        SearchRow w = r.ourWinner();
        switch (r.winner()) {
            case SAME: return "same";
            case TIE: return "tie: KV " + w.kvBytes() + " B" + (w.promotion() ? ", promotion" : "") + " is as fast";
            case MISSING: return "none meets the target";
            default: return String.format(Locale.ROOT, "%s, KV %d B, batch %d%s", w.policy().label(), w.kvBytes(), w.batch(),
                    w.mtpDepth() > 0 ? ", MTP " + w.mtpDepth() : "");
        }
    }

    static List<Double> sorted(List<Double> v) {
        List<Double> c = new ArrayList<>(v);
        Collections.sort(c);
        return c;
    }
}
