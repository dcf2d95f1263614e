package dev.ridgeline.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.engine.model.Fidelity;
import dev.ridgeline.engine.validation.Anchor;
import dev.ridgeline.engine.validation.Metric;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The anchor registry file: an anchor's scenario is the default scenario with its keys laid over; strict keys. */
class AnchorsTest {
    private static final String ONE = """
            {"schemaVersion": 1, "source": "test", "anchors": [
              {"id": "a", "deployment": "d", "scenario": {"chip": "H20 (datasheet)", "ep": 16, "batchPerCard": 32},
               "metric": "THROUGHPUT_PER_CARD", "published": 675, "publishedLow": 675, "publishedHigh": 675,
               "conditions": "c", "source": "https://example.org/x", "knownCause": ""}]}""";

    @Test
    void anAnchorTakesTheDefaultScenarioAndChangesOnlyItsKeys() {
        List<Anchor> anchors = Anchors.parse(ONE, "a.json", Presets.builtIn());
        assertEquals(1, anchors.size());
        Anchor a = anchors.get(0);
        var base = Presets.builtInScenario("default");
        assertEquals("H20 (datasheet)", a.scenario().chip().name());
        assertEquals(16, a.scenario().ep());
        assertEquals(32, a.scenario().batchPerCard());
        assertEquals(base.contextTokens(), a.scenario().contextTokens());
        assertEquals(base.policy(), a.scenario().policy());
        assertEquals(Fidelity.CALIBRATED, a.scenario().fidelity());
        assertEquals(Metric.THROUGHPUT_PER_CARD, a.metric());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown scenario key | "batchPerCard": 32}     | "batchPerCard": 32, "batch": 3} | a.json (anchor 1) 'a' scenario: unknown key 'batch'
            fidelity pinned      | "batchPerCard": 32}     | "batchPerCard": 32, "fidelity": "SEED"} | a.json (anchor 1) 'a' scenario: key 'fidelity' is not an anchor's to set
            unknown anchor key   | "knownCause": ""}       | "knownCause": "", "note": 1}    | a.json (anchor 1): unknown key 'note'
            bad metric           | "THROUGHPUT_PER_CARD"   | "TOKENS"                        | a.json (anchor 1): key 'metric' must be one of
            range out of order   | "publishedLow": 675     | "publishedLow": 700             | a.json (anchor 1): publishedLow must be > 0 and publishedLow <= published
            source not a URL     | "https://example.org/x" | "a blog"                        | a.json (anchor 1): source must be an https:// URL
            bad batch            | "batchPerCard": 32      | "batchPerCard": 0               | a.json (anchor 1) 'a' scenario: key 'batchPerCard' must be
            """)
    void aBadAnchorIsRefusedNamingTheFileTheAnchorAndTheKey(String what, String from, String to, String start) {
        String bad = ONE.replace(from.strip(), to.strip());
        PresetException e = assertThrows(PresetException.class, () -> Anchors.parse(bad, "a.json", Presets.builtIn()));
        assertTrue(e.getMessage().startsWith(start), e.getMessage());
    }

    @Test
    void anIdAppearsOnce() {
        String two = ONE.replace("]}", ", " + ONE.substring(ONE.indexOf("{\"id\""), ONE.lastIndexOf("]}")) + "]}");
        PresetException e = assertThrows(PresetException.class, () -> Anchors.parse(two, "a.json", Presets.builtIn()));
        assertEquals("a.json (anchor 2): id 'a' appears twice", e.getMessage());
    }

    private static final String PREFILL = ONE.replace("\"metric\": \"THROUGHPUT_PER_CARD\"",
            "\"prefill\": {\"inputTokens\": 4096, \"cacheHit\": 0, \"chunkTokens\": 16384}, \"balancedRouting\": true, "
                    + "\"metric\": \"PREFILL_TOKENS_PER_CARD\"");

    @Test
    void aPrefillAnchorCarriesItsPromptsAndRouting() {
        Anchor a = Anchors.parse(PREFILL, "a.json", Presets.builtIn()).get(0);
        assertEquals(Metric.PREFILL_TOKENS_PER_CARD, a.metric());
        assertEquals(new dev.ridgeline.engine.model.Prefill(4096, 0, 16384), a.prefill());
        assertTrue(a.balancedRouting());
        assertTrue(a.scenarioText().endsWith("prefill: 4,096-token prompts, cache hit 0.00, 16,384 tokens per card a step, "
                + "balanced routing"), a.scenarioText());
        // a decode anchor has neither
        Anchor d = Anchors.parse(ONE, "a.json", Presets.builtIn()).get(0);
        assertEquals(null, d.prefill());
        assertEquals(d.scenario().summary(), d.scenarioText());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            cache hit above 1       | "cacheHit": 0,            | "cacheHit": 1.5,            | a.json (anchor 1) 'a' prefill: cacheHit must be in [0, 1], was 1.5
            prefill key missing     | , "chunkTokens": 16384}   | }                           | a.json (anchor 1) 'a' prefill: missing key 'chunkTokens'
            prefill not an object   | {"inputTokens": 4096, "cacheHit": 0, "chunkTokens": 16384} | 3 | a.json (anchor 1) 'a' prefill: must be a JSON object
            routing not a boolean   | "balancedRouting": true   | "balancedRouting": "yes"    | a.json (anchor 1): key 'balancedRouting' must be true or false
            decode metric           | "PREFILL_TOKENS_PER_CARD" | "THROUGHPUT_PER_CARD"       | a.json (anchor 1): metric THROUGHPUT_PER_CARD takes no prefill
            """)
    void aBadPrefillAnchorIsRefusedNamingTheKey(String what, String from, String to, String start) {
        String bad = PREFILL.replace(from.strip(), to.strip());
        PresetException e = assertThrows(PresetException.class, () -> Anchors.parse(bad, "a.json", Presets.builtIn()));
        assertTrue(e.getMessage().startsWith(start), e.getMessage());
    }

    @Test
    void aPrefillMetricWithoutPromptsIsRefused() {
        String bad = ONE.replace("THROUGHPUT_PER_CARD", "PREFILL_TOKENS_PER_CARD");
        PresetException e = assertThrows(PresetException.class, () -> Anchors.parse(bad, "a.json", Presets.builtIn()));
        assertTrue(e.getMessage().startsWith("a.json (anchor 1): metric PREFILL_TOKENS_PER_CARD needs prefill"),
                e.getMessage());
    }
}
