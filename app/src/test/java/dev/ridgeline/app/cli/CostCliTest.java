package dev.ridgeline.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ridgeline.app.Engines;
import dev.ridgeline.engine.io.Presets;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.space.Sensitivity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Dollars and joules per token on the command line (DESIGN 4d, 6): evaluate, compare, solve and the refusals. */
class CostCliTest {
    private static JsonNode json(String text) {
        return CliTest.json(text);
    }

    private static CliTest.Run ok(String... args) {
        return CliTest.ok(args);
    }

    @Test
    void evaluateJsonGivesDollarsAndJoulesPerOutputTokenWithThePriceItRestsOn() {
        JsonNode e = json(ok("evaluate", "--format", "json").out());
        double perCard = e.get("throughputPerCard").asDouble();
        // the default scenario's H800 at DeepSeek's $2 per GPU-hour: 2 / (tokens/s x 3600 / 1e6)
        assertEquals(2.0 / (perCard * 3600 / 1e6), e.get("dollarsPerMillionOutputTokens").asDouble(), 1e-12);
        // 1.275 kW x PUE 1.3 = 1657.5 W all-in
        assertEquals(1657.5 / perCard, e.get("joulesPerOutputToken").asDouble(), 1e-12);
        assertEquals(perCard / 1.6575, e.get("outputTokensPerSecondPerKw").asDouble(), 1e-9);
        assertEquals("2025-02-28", e.get("cost").get("asOf").asText());
        assertTrue(e.get("cost").get("priceSource").asText().contains("open-infra-index"), e.get("cost").toString());
        assertTrue(e.get("cost").get("basis").asText().startsWith("decode only"));
        // H20 has no public price: the figure is null, never 0
        JsonNode h20 = json(ok("evaluate", "--format", "json", "--chip", "H20").out());
        assertTrue(h20.get("dollarsPerMillionOutputTokens").isNull(), h20.toString());
        assertTrue(h20.get("joulesPerOutputToken").isNumber());
        // a price typed with --chip-field redraws the figure like any chip edit
        JsonNode priced = json(ok("evaluate", "--format", "json", "--chip", "H20", "--chip-field", "Price=1.2").out());
        assertEquals(1.2 / (priced.get("throughputPerCard").asDouble() * 3600 / 1e6),
                priced.get("dollarsPerMillionOutputTokens").asDouble(), 1e-12);
        assertTrue(priced.get("scenario").asText().contains("H20 (edited)"));
        assertEquals("edited by the user", priced.get("cost").get("priceSource").asText());
    }

    @Test
    void compareRanksEachChipAtItsOwnBestDeployment() {
        JsonNode r = json(ok("compare", "--chips", "H800,B200,H20", "--objective", "cost", "--format", "json").out());
        assertEquals("cost", r.get("objective").asText());
        assertEquals(3, r.get("chips").size());
        Scenario base = Presets.builtInScenario("default");
        for (JsonNode row : r.get("chips")) {
            Scenario s = base.withChip(Presets.builtIn().chip(row.get("chip").asText()));
            assertEquals(Sensitivity.headline(Engines.builtIn(), s, 20), row.get("throughputPerCard").asDouble(), 1e-9,
                    row.get("chip").asText());
        }
        // ranked by dollars: H20 has no price and comes last, saying so
        JsonNode last = r.get("chips").get(2);
        assertEquals("H20", last.get("chip").asText());
        assertEquals("chip 'H20' has no price", last.get("missing").asText());
        assertTrue(last.get("dollarsPerMillionOutputTokens").isNull());
        assertEquals(r.get("chips").get(0).get("chip").asText(), r.get("winner").get("cost").asText());
        String table = ok("compare", "--chips", "H800,B200").out();
        assertTrue(table.contains("breaks even with"), table);
        assertTrue(table.contains("sources:"), table);
        String csv = ok("compare", "--chips", "H800,B200", "--format", "csv").out();
        assertTrue(csv.startsWith(dev.ridgeline.engine.io.CompareReports.CSV_HEADER + "\n"), csv);
        assertEquals(3, csv.lines().count());
    }

    @Test
    void solveFindsThePriceThatReachesADollarGoal() {
        JsonNode answers = json(ok("solve", "--objective", "cost", "--target-tps", "20", "--max-cost", "0.1",
                "--field", "Price", "--format", "json").out());
        JsonNode price = answers.get(0);
        assertEquals("Price", price.get("field").asText());
        double perCard = Sensitivity.headline(Engines.builtIn(), Presets.builtInScenario("default"), 20);
        // price / (tokens/s x 0.0036) = 0.10: price = 0.10 x tokens/s x 0.0036, to the solve's 1e-4
        assertEquals(0.1 * perCard * 3600 / 1e6, price.get("required").asDouble(), 0.1 * perCard * 3600 / 1e6 * 2e-4);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            evaluate;--chip-field;Price=-3                           | ridgeline: --chip-field: bad value 'Price=-3' (Price must be 0 (none) or in [0.01, 1000] $/card-hour, was -3)
            evaluate;--chip-field;Price=50000                        | ridgeline: --chip-field: bad value 'Price=50000' (Price must be 0 (none) or in [0.01, 1000] $/card-hour, was 50000)
            evaluate;--chip-field;Power=-1                           | ridgeline: --chip-field: bad value 'Power=-1' (Power must be 0 (none) or in [0.001, 100] kW, was -1)
            evaluate;--chip-field;Power=5000                         | ridgeline: --chip-field: bad value 'Power=5000' (Power must be 0 (none) or in [0.001, 100] kW, was 5000)
            evaluate;--chip-field;PUE=0.5                            | ridgeline: --chip-field: bad value 'PUE=0.5' (PUE must be in [1, 3] x, was 0.5)
            evaluate;--chip;Ideal-3stage;--chip-field;Purchase price=30000 | ridgeline: --chip-field: bad value 'Purchase price=30000' (powerKw must be > 0 when a purchase price is given (the TCO form prices the electricity), was 0 (cost))
            compare;--chips;H800                                     | ridgeline: --chips: bad value 'H800' (give two or more chips, e.g. H800,B200)
            sensitivity;--objective;money                            | ridgeline: --objective: bad value 'money' (expected throughput, cost, power or served)
            solve;--objective;cost;--target-tps;20                   | ridgeline: --max-cost: missing (the goal of --objective cost)
            solve;--objective;cost;--target-tps;20;--min-throughput;4000 | ridgeline: --min-throughput: not a goal of --objective cost (use --max-cost)
            solve;--objective;power;--target-tps;20;--max-energy;-1  | ridgeline: --max-energy: bad value -1 (must be > 0)
            """)
    void badCostInputExitsTwoWithOneLineNamingTheField(String args, String message) {
        CliTest.Run r = CliTest.run(args.strip().split(";"));
        assertEquals(2, r.code(), r.out());
        assertEquals(message, r.err().strip());
        assertEquals(1, r.err().strip().lines().count());
    }
}
