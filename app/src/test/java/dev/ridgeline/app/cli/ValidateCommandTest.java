package dev.ridgeline.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ridgeline.engine.io.Anchors;
import dev.ridgeline.engine.validation.Anchor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code ridgeline validate}: the anchor table as a table and as JSON, every anchor with its source. */
class ValidateCommandTest {
    private static final List<Anchor> ANCHORS = Anchors.builtIn();

    @Test
    void theTableListsEveryAnchorWithItsSourceAndTheMedian() {
        CliTest.Run r = CliTest.run("validate");
        assertEquals(0, r.code(), r.err());
        for (Anchor a : ANCHORS) {
            assertTrue(r.out().lines().anyMatch(l -> l.startsWith(a.id() + " ")), a.id() + " row\n" + r.out());
            assertTrue(r.out().contains("  source: " + a.source()), a.id() + " source");
        }
        assertTrue(r.out().contains(ANCHORS.size() + " anchors on "), r.out());
        assertTrue(r.out().contains("median |error| "), r.out());
    }

    @Test
    void jsonCarriesThePublishedFigureOursAndTheErrorPerAnchor() throws Exception {
        CliTest.Run r = CliTest.run("validate", "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode root = new ObjectMapper().readTree(r.out());
        JsonNode rows = root.get("anchors");
        assertEquals(ANCHORS.size(), rows.size());
        for (JsonNode row : rows) {
            // the error is ours over the published figure, restated from the two numbers printed beside it
            assertEquals(row.get("ours").asDouble() / row.get("published").asDouble() - 1, row.get("error").asDouble(), 1e-12);
            // a public URL, or a figure reported without one that says so (Anchor.UNPUBLISHED)
            assertTrue(row.get("source").asText().startsWith("https://")
                    || row.get("source").asText().startsWith(Anchor.UNPUBLISHED), row.toString());
        }
        assertTrue(root.get("medianAbsError").asDouble() <= 0.10, r.out());
    }

    @Test
    void anUnknownFormatIsRefusedInOneLine() {
        CliTest.Run r = CliTest.run("validate", "--format", "csv");
        assertEquals(2, r.code());
        assertEquals("ridgeline: --format: bad value 'csv' (expected one of table, json)", r.err().strip());
    }
}
