package dev.ridgeline.engine.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seed 000's two result tables (section 方案搜索结果 of ShineZ's post, https://shinezyy.github.io/ArchShineZ/post/modeling-deepseek/,
 * transcribed in src/test/resources/seed000/) reproduced row by row, with the readings of DESIGN 3.8 and {@code ExpertLoad.FULL}.
 * The bounds come from outside the code under test: every row outside H20 within 10 % of the seed's user tokens/s
 * (issue 19), the median within the reference reconstruction's (DESIGN 3.8: 2.4 % with H20, 1.4 % without); the H20
 * rows err in the direction validation.md says; every search group outside H20 picks the seed's row or stops one batch
 * step below it for the reason validation.md gives. docs/validation.md lists the rows; the test checks that it quotes
 * the seed's figures as transcribed and that every error it prints lies within the same bounds
 * ({@code -Dridgeline.updateDocs=true} rewrites its tables from the engine: a tool, not the check).
 */
class SeedTablesTest {
    static final Path README = Path.of("..", "README.md");
    static final Path DOC = Path.of("..", "docs", "validation.md");

    static Stream<Arguments> rows() {
        return Stream.of(20, 15).flatMap(t -> Validation.rows(t).stream().map(r -> Arguments.of(t, r)));
    }

    static Stream<Arguments> h20Rows() {
        return rows().filter(a -> ((Validation.Row) a.get()[1]).seed().gpu().equals("H20"));
    }

    static String flat(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8).replaceAll("\\s+", " ");
    }

    @Test
    void readmeStatesTheMedianAndWorstErrorsAtItsOwnPrecision() throws IOException {
        // The README's sentence, rebuilt from the rows: it may claim neither more nor less than they give.
        List<Validation.Row> t20 = Validation.rows(20);
        List<Validation.Row> t15 = Validation.rows(15);
        double[] all = {Validation.medianAbsError(t20, true), Validation.medianAbsError(t15, true)};
        double[] outside = {Validation.medianAbsError(t20, false), Validation.medianAbsError(t15, false)};
        double worst = Math.max(Validation.worstAbsError(t20, false), Validation.worstAbsError(t15, false));
        String claim = String.format(Locale.ROOT, "median error of %.1f-%.1f %% (%.1f-%.1f %% outside H20, worst %.1f %%)",
                100 * Math.min(all[0], all[1]), 100 * Math.max(all[0], all[1]), 100 * Math.min(outside[0], outside[1]),
                100 * Math.max(outside[0], outside[1]), 100 * worst);
        assertTrue(flat(README).contains(claim), "README.md should say: " + claim);
    }

    @Test
    void validationDocumentStatesTheH20WorstAtItsOwnPrecision() throws IOException {
        double worst = Math.max(Validation.worstAbsError(Validation.rows(20), true), Validation.worstAbsError(Validation.rows(15), true));
        String claim = String.format(Locale.ROOT, "**H20** (16 rows): up to %.0f %% off", 100 * worst);
        assertTrue(flat(DOC).contains(claim), "docs/validation.md should say: " + claim);
    }

    @ParameterizedTest(name = "target {0}: {1}")
    @MethodSource("h20Rows")
    void h20RowsErrInTheDirectionTheirNicAndFlashMlaPrecisionSay(int target, Validation.Row row) {
        // validation.md, "What stays open": on CX7, H20 rows whose FlashMLA runs in FP8 (KV and weights 1 B) come out
        // slower than the seed and rows in BF16 faster; on E810 every H20 row comes out faster.
        SearchRow s = row.seed();
        boolean slower = s.nic().equals("CX7") && s.kvBytes() == 1 && s.paramBytes() == 1;
        assertEquals(slower, row.error() < 0, () -> String.format(Locale.ROOT, "%s: %+.1f %%", s, 100 * row.error()));
    }

    @ParameterizedTest(name = "target {0}: {1}")
    @MethodSource("rows")
    void throughputIsBatchTimesTokensPerSecondInSeedAndOurs(int target, Validation.Row row) {
        // Every seed row has MTP 0, so throughput per card = user tokens/s x batch, in the seed and in ours.
        assertEquals(row.seed().userTps() * row.seed().batch(), row.seed().throughputPerCard(), 1e-3);
        assertEquals(row.ours().userTokensPerSec() * row.seed().batch(), row.ours().throughputPerCard(), 1e-9);
    }

    @Test
    void medianErrorIsNoWorseThanTheReferenceReconstruction() {
        for (int target : new int[] {20, 15}) {
            List<Validation.Row> rows = Validation.rows(target);
            assertEquals(36, rows.size());
            // Reference reconstruction of DESIGN 3.8: 2.4 % median over all rows, 1.4 % without H20.
            assertTrue(Validation.medianAbsError(rows, true) < 0.024, "median with H20, target " + target);
            assertTrue(Validation.medianAbsError(rows, false) < 0.014, "median without H20, target " + target);
        }
    }

    @ParameterizedTest(name = "target {0}: {1}")
    @MethodSource("rows")
    void outsideH20TheSearchPicksTheSeedsRowOrTheBatchStepBelowIt(int target, Validation.Row row) {
        // validation.md, "Search edges": outside H20 the search picks the seed's configuration (or one exactly as
        // fast); where it does not, we find the seed's row just short of the target, so the seed's search (DESIGN 3.9:
        // from batch 136 down in steps of 8) stops one step lower, with the same policy.
        if (row.seed().gpu().equals("H20")) {
            return; // the open H20 gap moves the winner in either direction (validation.md)
        }
        if (row.winner() == Validation.Winner.SAME || row.winner() == Validation.Winner.TIE) {
            return;
        }
        SearchRow seed = row.seed();
        SearchRow ours = row.ourWinner();
        assertEquals(Validation.Winner.DIFFERENT, row.winner(), seed::toString);
        assertTrue(row.ours().userTokensPerSec() < target, () -> seed + ": ours at the seed's row "
                + row.ours().userTokensPerSec());
        assertEquals(seed.policy(), ours.policy(), seed::toString);
        assertEquals(seed.batch() - 8, ours.batch(), seed::toString);
    }

    /** Issue 19: the largest error a row outside H20 may have (the worst today is 7.7 %). */
    static final double ROW_BOUND_OUTSIDE_H20 = 0.10;

    @ParameterizedTest(name = "target {0}: {1}")
    @MethodSource("rows")
    void everyRowOutsideH20IsWithinTenPercentOfTheSeed(int target, Validation.Row row) {
        if (row.seed().gpu().equals("H20")) {
            return; // the open H20 gap (validation.md): bounded by its direction above, not by size
        }
        assertTrue(Math.abs(row.error()) <= ROW_BOUND_OUTSIDE_H20, () -> String.format(Locale.ROOT,
                "%s: ours %.3f against the seed's %.3f user tokens/s (%+.1f %%)", row.seed(),
                row.ours().userTokensPerSec(), row.seed().userTps(), 100 * row.error()));
    }

    @Test
    void validationDocumentQuotesTheSeedsRowsAndErrorsWithinTheBounds() throws IOException {
        // The doc is generated (-Dridgeline.updateDocs=true), so comparing it with the output would only describe the
        // code. What it must get right is independent of the code: the seed's figures it quotes are the transcribed
        // table's, and no error it prints breaks the bounds the tests above hold.
        if (Boolean.getBoolean("ridgeline.updateDocs")) {
            String text = Files.readString(DOC, StandardCharsets.UTF_8);
            String begin = "<!-- seed-tables:begin -->\n";
            String end = "<!-- seed-tables:end -->";
            text = text.substring(0, text.indexOf(begin) + begin.length()) + section(20) + section(15)
                    + text.substring(text.indexOf(end));
            Files.writeString(DOC, text, StandardCharsets.UTF_8);
        }
        String text = Files.readString(DOC, StandardCharsets.UTF_8);
        for (int target : new int[] {20, 15}) {
            String heading = "### Target " + target + " user tokens/s";
            int from = text.indexOf(heading);
            assertTrue(from >= 0, heading);
            List<String> lines = text.substring(from).lines().filter(l -> l.startsWith("| ") && !l.startsWith("| GPU"))
                    .limit(36).toList();
            List<SearchRow> seed = SeedTable.load(target);
            assertEquals(seed.size(), lines.size(), heading);
            for (int i = 0; i < seed.size(); i++) {
                SearchRow s = seed.get(i);
                String[] c = lines.get(i).split("\\|");
                String row = lines.get(i);
                assertEquals(s.gpu(), c[1].strip(), row);
                assertEquals(s.nic(), c[2].strip(), row);
                assertEquals(s.ep(), Integer.parseInt(c[4].strip()), row);
                assertEquals(s.batch(), Integer.parseInt(c[7].strip()), row);
                assertEquals(s.userTps(), Double.parseDouble(c[8].strip()), 5e-4, row);
                assertEquals(s.throughputPerCard(), Double.parseDouble(c[11].strip()), 0.05, row);
                double error = Double.parseDouble(c[10].replace("%", "").strip()) / 100;
                if (!s.gpu().equals("H20")) {
                    assertTrue(Math.abs(error) <= ROW_BOUND_OUTSIDE_H20 + 5e-4, row);
                }
            }
        }
    }

    private static String section(int target) {
        return "\n### Target " + target + " user tokens/s\n\n" + Validation.markdown(target) + "\n";
    }
}
