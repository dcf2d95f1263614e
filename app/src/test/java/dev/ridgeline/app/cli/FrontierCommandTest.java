package dev.ridgeline.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.app.Engines;
import dev.ridgeline.engine.Engine;
import dev.ridgeline.engine.io.Presets;
import dev.ridgeline.engine.io.Reports;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.space.Frontier;
import dev.ridgeline.engine.space.Space;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code ridgeline frontier}: its columns, its frontier against the engine's, its answer against search's. */
class FrontierCommandTest {
    private static final Engine ENGINE = Engines.builtIn();

    /** The deployment of a CSV row, without its figures: policy, EP, KV and weight bytes, promotion, batch, MTP. */
    private static String deployment(String[] row) {
        return String.join(",", row[2], row[3], row[4], row[5], row[6], row[7], row[10]);
    }

    private static String deployment(Frontier.Result r, Frontier.Point p) {
        Scenario c = r.configuration(p);
        return String.join(",", c.policy().label(), String.valueOf(c.ep()), String.valueOf(c.kvDtype().bytes()),
                String.valueOf(c.weightDtype().bytes()), String.valueOf(c.promotion()), String.valueOf(p.batch()),
                String.valueOf(c.mtpDepth()));
    }

    @Test
    void csvListsEveryDeploymentWithSearchsColumnsAndMarksTheEnginesFrontier() {
        CliTest.Run run = CliTest.run("frontier", "--chip", "L20", "--nic", "E810", "--format", "csv");
        assertEquals(0, run.code(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(Reports.SEARCH_CSV_HEADER + ",on_frontier", lines.get(0));
        Scenario l20 = Presets.builtInScenario("default").withChip(Presets.builtIn().chip("L20"))
                .withNic(Presets.builtIn().nic("E810"));
        Frontier.Result engine = Frontier.compute(ENGINE, Space.explorer(l20), 20);
        assertEquals(engine.points().size(), lines.size() - 1, "one row per deployment, every batch that fits");
        Set<String> onFrontier = new HashSet<>();
        double bestAt20 = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] row = line.split(",");
            assertEquals(12, row.length, line);
            assertEquals("L20", row[0]);
            assertEquals("E810", row[1]);
            if (Boolean.parseBoolean(row[11])) {
                assertTrue(onFrontier.add(deployment(row)), "listed once: " + line);
            }
            if (Double.parseDouble(row[8]) >= 20) {
                bestAt20 = Math.max(bestAt20, Double.parseDouble(row[9]));
            }
        }
        Set<String> expected = new HashSet<>();
        engine.frontier().forEach(p -> expected.add(deployment(engine, p)));
        assertEquals(expected, onFrontier);
        // the answer is the best row of the CSV itself that meets the target (to the CSV's four decimals)
        assertEquals(bestAt20, engine.answer().throughputPerCard(), 0.5e-4 + 1e-9);
    }

    @Test
    void tableShowsTheAnswerAndTheFrontierStretches() {
        CliTest.Run run = CliTest.run("frontier", "--target-tps", "15");
        assertEquals(0, run.code(), run.err());
        Frontier.Result r = Frontier.compute(ENGINE, Space.explorer(Presets.builtInScenario("default")), 15);
        var a = r.answer();
        assertTrue(run.out().contains(String.format(Locale.ROOT,
                "best at >= 15.00 tokens/s per user: %.1f tokens/s per card (%.0f per node) at %.2f tokens/s per user",
                a.throughputPerCard(), 8 * a.throughputPerCard(), a.userTokensPerSec())), run.out());
        assertTrue(run.out().contains(String.format(Locale.ROOT, "  %s EP %d, batch %d, KV %s, weights %s, MTP %d",
                a.deployment().policy().label(), a.deployment().ep(), a.deployment().batchPerCard(),
                a.deployment().kvDtype().label(), a.deployment().weightDtype().label(), a.deployment().mtpDepth())), run.out());
        assertTrue(run.out().contains(String.format(Locale.ROOT, "%,d deployments, %d on the frontier", r.points().size(),
                r.frontier().size())), run.out());
        // the stretches cover the frontier from its slowest-per-user end: the first row starts at its first point
        Frontier.Point first = r.frontier().get(0);
        assertTrue(run.out().contains(String.format(Locale.ROOT, "%.2f-", first.userTokensPerSec())), run.out());
    }

    @ParameterizedTest(name = "{0} / {1} at {2} tokens/s per user")
    @CsvSource({"H800, CX7, 20", "L20, E810, 15", "A100, E810, 20"})
    void onTheSeedsSpaceTheAnswerIsSearchsBestRowForTheChipAndNic(String chip, String nic, String target) {
        CliTest.Run search = CliTest.run("search", "--target-tps", target, "--format", "csv");
        String top = search.out().lines().filter(l -> l.startsWith(chip + "," + nic + ",")).findFirst().orElseThrow();
        CliTest.Run frontier = CliTest.run("frontier", "--space", "seed", "--chip", chip, "--nic", nic, "--target-tps",
                target, "--format", "json");
        assertEquals(0, frontier.code(), frontier.err());
        String[] row = top.split(",");
        String answer = frontier.out().substring(frontier.out().indexOf("\"answer\""), frontier.out().indexOf("\"frontierSize\""));
        for (String field : List.of("\"policy\" : \"" + row[2] + "\"", "\"ep\" : " + row[3], "\"kvBytes\" : " + row[4],
                "\"paramBytes\" : " + row[5], "\"batch\" : " + row[7], "\"mtpDepth\" : " + row[10])) {
            assertTrue(answer.contains(field), field + " in " + answer);
        }
        assertTrue(answer.contains("\"throughputPerCard\" : " + row[9].substring(0, row[9].indexOf('.'))), answer);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            frontier --target-tps 0          | ridgeline: --target-tps: bad value 0.0 (must be > 0)
            frontier --format xml            | ridgeline: --format: bad value 'xml' (expected one of table, csv, json)
            frontier --space all             | ridgeline: --space: bad value 'all' (expected one of explorer, seed)
            frontier --chip H900             | ridgeline: --chip: bad value 'H900' (unknown chip 'H900' (did you mean H800?))
            """)
    void badInputExitsTwoWithOneLine(String args, String message) {
        CliTest.Run r = CliTest.run(args.strip().split(" "));
        assertEquals(2, r.code());
        assertEquals(message, r.err().strip());
    }
}
