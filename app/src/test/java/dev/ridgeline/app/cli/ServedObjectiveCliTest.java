package dev.ridgeline.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ridgeline.app.Engines;
import dev.ridgeline.engine.io.Presets;
import dev.ridgeline.engine.serve.Serving;
import dev.ridgeline.engine.serve.Workload;
import org.junit.jupiter.api.Test;

/** {@code --objective served} on the design-space commands: the served workload of the workload flags. */
class ServedObjectiveCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(CliTest.Run r) {
        assertEquals(0, r.code(), r.err());
        try {
            return JSON.readTree(r.out());
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + r.out(), e);
        }
    }

    /** The served output per card of the default scenario for 2,048 in and 512 out at 20 tokens/s per user. */
    private static double served() {
        return Serving.size(Engines.builtIn(), Presets.builtInScenario("default"), Workload.of(2048, 512))
                .servedPerCard();
    }

    @Test
    void sensitivityAndFrontierGiveTheServedHeadlineOfTheWorkloadFlags() {
        JsonNode s = json(CliTest.run("sensitivity", "--objective", "served", "--isl", "2048", "--osl", "512",
                "--format", "json"));
        assertEquals("served", s.get("objective").asText());
        assertEquals(served(), s.get("headline").asDouble(), 1e-9 * served());
        JsonNode f = json(CliTest.run("frontier", "--objective", "served", "--isl", "2048", "--osl", "512",
                "--format", "json"));
        assertEquals(served(), f.get("servedOutputTokensPerSecondPerCard").asDouble(), 1e-9 * served());
    }

    @Test
    void aServedTargetIsSolvedWithTheThroughputGoalFlag() {
        CliTest.Run r = CliTest.run("solve", "--objective", "served", "--isl", "2048", "--osl", "512", "--target-tps", "20",
                "--min-throughput", String.valueOf(Math.round(1.2 * served())), "--field", "HBM bandwidth");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("served output tokens/s per card") && r.out().contains("HBM bandwidth"), r.out());
    }

    @Test
    void badServedInputsAreRefusedInOneLineNamingTheFlag() {
        CliTest.Run osl = CliTest.run("sensitivity", "--objective", "served", "--osl", "0");
        assertEquals(2, osl.code());
        assertTrue(osl.err().contains("--osl") && osl.err().strip().lines().count() == 1, osl.err());
        CliTest.Run word = CliTest.run("sensitivity", "--objective", "serving");
        assertTrue(word.err().contains("expected throughput, cost, power or served"), word.err());
    }
}
