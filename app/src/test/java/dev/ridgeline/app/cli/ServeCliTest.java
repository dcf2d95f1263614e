package dev.ridgeline.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code serve} and {@code evaluate --phase prefill}: the DESIGN 6 contract for the served workload. */
class ServeCliTest {
    private static JsonNode json(String text) {
        return CliTest.json(text);
    }

    private static CliTest.Run ok(String... args) {
        return CliTest.ok(args);
    }

    @Test
    void serveJsonHasTheContractsKeysAndItsArithmeticHolds() {
        JsonNode j = json(ok("serve", "--isl", "4096", "--osl", "1024", "--fidelity", "calibrated", "--request-rate",
                "50", "--format", "json").out());
        for (String key : new String[] {"decodeCardsPerPrefillCard", "outputTokensPerSecondPerCard", "ttftSeconds",
            "tpotSeconds", "prefill", "decode", "workload", "better"}) {
            assertTrue(j.has(key), key + " in " + j);
        }
        assertTrue(j.get("prefill").has("deployment") && j.get("decode").has("deployment"));
        double ratio = j.get("decodeCardsPerPrefillCard").asDouble();
        double decode = j.get("decode").get("outputTokensPerSecondPerCard").asDouble();
        // served output over both pools: decode x r / (1 + r) (DESIGN 4c)
        assertEquals(decode * ratio / (1 + ratio), j.get("outputTokensPerSecondPerCard").asDouble(), 1e-9 * decode);
        assertEquals(1 / j.get("decode").get("userTokensPerSecond").asDouble(), j.get("tpotSeconds").asDouble(), 1e-12);
        JsonNode t = j.get("ttft");
        assertEquals(t.get("prefillSeconds").asDouble() + t.get("kvTransferSeconds").asDouble()
                + t.get("queueSeconds").asDouble(), j.get("ttftSeconds").asDouble(), 1e-12);
        assertTrue(j.get("pools").get("requestsPerSecond").asDouble() >= 50);
    }

    @Test
    void serveSaysWhatATokenCostsWithThePriceItRestsOn() {
        // the default scenario's H800 SXM5 at DeepSeek's $2 per GPU-hour (open-infra-index day 6, 2025-02-28)
        JsonNode j = json(ok("serve", "--isl", "4096", "--osl", "1024", "--cache-hit", "0.5", "--fidelity", "calibrated",
                "--objective", "cost", "--format", "json").out());
        double in = j.get("dollarsPerMillionInputTokens").asDouble();
        double out = j.get("dollarsPerMillionOutputTokens").asDouble();
        // per million tokens = $2 / (tokens/s x 3600 / 1e6) for each pool's own rate
        assertEquals(2 / (j.get("decode").get("outputTokensPerSecondPerCard").asDouble() * 0.0036), out, 1e-12 * out);
        assertEquals(2 / (j.get("inputTokensPerSecondPerPrefillCard").asDouble() * 0.0036), in, 1e-12 * in);
        // a request's dollars, blended over its 5,120 tokens and over its 1,024 output tokens
        double request = (4096 * in + 1024 * out) / 1e6;
        assertEquals(request, j.get("dollarsPerRequest").asDouble(), 1e-12 * request);
        assertEquals(request / 5120 * 1e6, j.get("dollarsPerMillionTokensBlended").asDouble(), 1e-9 * out);
        double served = j.get("dollarsPerMillionServedOutputTokens").asDouble();
        assertEquals(2 / (j.get("outputTokensPerSecondPerCard").asDouble() * 0.0036), served, 1e-9 * served);
        assertEquals("cost", j.get("objective").asText());
        assertEquals(served, j.get("objectiveFigure").asDouble(), 1e-12 * served);
        assertTrue(j.get("joulesPerOutputToken").asDouble() > 0 && j.get("joulesPerServedOutputToken").asDouble()
                > j.get("joulesPerOutputToken").asDouble(), j.toString());
        assertEquals("2025-02-28", j.get("cost").get("asOf").asText());
        assertTrue(j.get("cost").get("priceSource").asText().contains("open-infra-index"), j.get("cost").toString());
        assertTrue(j.get("colocated").isNull() || j.get("colocated").get("dollarsPerMillionOutputTokens").asDouble() > 0);
        String table = ok("serve", "--isl", "4096", "--osl", "1024", "--objective", "power").out();
        for (String line : new String[] {"served J/token", "$/M input tokens", "$/M output tokens", "$/M tokens blended",
            "J/output token", "price               $2.00 per card-hour (as of 2025-02-28; DeepSeek", "power   "}) {
            assertTrue(table.contains(line), line + " in\n" + table);
        }
    }

    @Test
    void aCostObjectiveOnAChipWithoutAPriceIsRefusedInOneLine() {
        CliTest.Run r = CliTest.run("serve", "--isl", "4096", "--osl", "1024", "--chip", "H20", "--objective", "cost");
        assertEquals(2, r.code(), r.out());
        assertEquals("--objective cost: chip 'H20' has no price (give one with --chip-field 'Price=...')",
                r.err().strip().replaceFirst("^ridgeline: ", ""), r.err());
        CliTest.Run bad = CliTest.run("serve", "--isl", "4096", "--osl", "1024", "--objective", "cheap");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--objective: bad value 'cheap'"), bad.err());
        // without the objective the figures are simply absent, not zero
        String table = ok("serve", "--isl", "4096", "--osl", "1024", "--chip", "H20", "--target-tps", "15").out();
        assertTrue(table.contains("none: the chip has no price"), table);
    }

    @Test
    void aTtftLimitNoDeploymentMeetsIsAOneLineAnswerNamingIt() {
        CliTest.Run r = ok("serve", "--isl", "4096", "--osl", "100", "--ttft-limit", "0.01", "--fidelity", "calibrated");
        assertTrue(r.out().contains("not served: the TTFT limit of 0.01 s binds"), r.out());
        JsonNode j = json(ok("serve", "--isl", "4096", "--osl", "100", "--ttft-limit", "0.01", "--format", "json").out());
        assertFalse(j.get("met").asBoolean());
        assertTrue(j.get("reason").asText().contains("TTFT limit"), j.toString());
        String csv = ok("serve", "--isl", "4096", "--osl", "100", "--target-tps", "5000", "--format", "csv").out();
        assertTrue(csv.lines().skip(1).findFirst().orElseThrow().contains("user speed of 5000 tokens/s binds"), csv);
        assertEquals(csv.lines().findFirst().orElseThrow().split(",").length,
                csv.lines().skip(1).findFirst().orElseThrow().replaceAll("\"[^\"]*\"", "x").split(",", -1).length);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            output length 0     | --osl,0                  | --osl must be >= 1
            cache hit above 1   | --cache-hit,1.5          | --cache-hit must be in [0, 1], was 1.5
            negative TTFT limit | --ttft-limit,-2           | --ttft-limit
            load of 1           | --prefill-load,1         | --prefill-load
            both speeds         | --tpot-limit,0.05        | give one of them
            """)
    void badWorkloadsAreRefusedInOneLineNamingTheFlag(String what, String flagAndValue, String expected) {
        String[] fv = flagAndValue.split(",");
        String[] base = what.equals("both speeds")
                ? new String[] {"serve", "--isl", "4096", "--osl", "100", "--target-tps", "20", fv[0], fv[1]}
                : fv[0].equals("--osl") ? new String[] {"serve", "--isl", "4096", fv[0], fv[1]}
                : new String[] {"serve", "--isl", "4096", "--osl", "100", fv[0], fv[1]};
        CliTest.Run r = CliTest.run(base);
        assertEquals(2, r.code(), r.out());
        assertTrue(r.err().contains(expected), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    @Test
    void evaluatePrefillGivesItsKeysAndRefusesADecodeOnlyCall() {
        JsonNode j = json(ok("evaluate", "--phase", "prefill", "--isl", "4096", "--cache-hit", "0.5", "--chunk", "8192",
                "--ep", "32", "--fidelity", "calibrated", "--format", "json").out());
        assertTrue(j.get("prefillTokensPerSecondPerCard").asDouble() > 0);
        assertTrue(j.get("ttftSeconds").asDouble() > 0);
        assertEquals(8192, j.get("chunkTokens").asInt());
        assertEquals(2 * j.get("prefillTokensPerSecondPerCard").asDouble(), j.get("inputTokensPerSecondPerCard").asDouble(),
                1e-9 * j.get("inputTokensPerSecondPerCard").asDouble(), "half the prompt cached: twice the input rate");
        assertTrue(j.get("ops").size() > 10 && j.get("schedule").size() > 4);
        CliTest.Run missing = CliTest.run("evaluate", "--phase", "prefill");
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("--isl is required"), missing.err());
        CliTest.Run stray = CliTest.run("evaluate", "--isl", "4096");
        assertEquals(2, stray.code());
        assertTrue(stray.err().contains("--phase prefill"), stray.err());
        assertTrue(ok("evaluate", "--phase", "prefill", "--isl", "2048").out().contains("TTFT (one prompt)"));
    }
}
