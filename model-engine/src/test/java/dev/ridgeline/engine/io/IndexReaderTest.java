package dev.ridgeline.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The built-in index read with the streaming parser (IndexReader) is what the strict mapper reads from it, in the same
 * order; a broken index is refused in one line naming the file and the key, as the mapper would refuse it.
 */
class IndexReaderTest {
    private static final String INDEX = Presets.ROOT + "index.json";

    @Test
    void theBuiltInIndexReadsAsTheStrictMapperReadsIt() {
        String text = Presets.resource(INDEX);
        Presets.Index streamed = IndexReader.read(text, INDEX);
        Presets.Index mapped = MapperReading.read(text, Presets.Index.class, INDEX);
        assertEquals(mapped, streamed);
        assertEquals(List.copyOf(mapped.chips().keySet()), List.copyOf(streamed.chips().keySet()));
        assertEquals(List.copyOf(mapped.nics().keySet()), List.copyOf(streamed.nics().keySet()));
        assertEquals(List.copyOf(mapped.models().keySet()), List.copyOf(streamed.models().keySet()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''| i.json: must be a JSON object",
        "[]| i.json: must be a JSON object",
        "{\"chips\": {}, \"nics\": {}, \"models\": {}}| i.json: missing key 'scenarios'",
        "{\"nics\": {}, \"models\": {}, \"scenarios\": []}| i.json: missing key 'chips'",
        "{\"chips\": {}, \"nics\": {}, \"models\": {}, \"scenarios\": [], \"gpus\": {}}| i.json: unknown key 'gpus'",
        "{\"chips\": {\"H800\": 7}, \"nics\": {}, \"models\": {}, \"scenarios\": []}| i.json: key 'chips.H800' must be a string, was 7",
        "{\"chips\": [], \"nics\": {}, \"models\": {}, \"scenarios\": []}| i.json: key 'chips' must be an object of names to files",
        "{\"chips\": {}, \"nics\": {}, \"models\": {}, \"scenarios\": {}}| i.json: key 'scenarios' must be a list of files",
        "{\"chips\": {}, \"nics\": {}, \"models\": {}, \"scenarios\": [null]}| i.json: key 'scenarios.0' must be a string, was null",
        "{\"chips\": {}, \"nics\": {}, \"models\": {}, \"scenarios\": []} {}| i.json: text after the document",
    })
    void aBrokenIndexIsRefusedNamingTheFileAndTheKey(String text, String message) {
        assertEquals(message, assertThrows(PresetException.class, () -> IndexReader.read(text, "i.json")).getMessage());
    }

    @Test
    void aDuplicateKeyOrBrokenJsonIsRefusedInOneLine() {
        String twice = "{\"chips\": {\"H800\": \"a.json\", \"H800\": \"b.json\"}, \"nics\": {}, \"models\": {},"
                + " \"scenarios\": []}";
        String message = assertThrows(PresetException.class, () -> IndexReader.read(twice, "i.json")).getMessage();
        assertEquals("i.json: not valid JSON: Duplicate field 'H800'", message);
        String cut = assertThrows(PresetException.class, () -> IndexReader.read("{\"chips\": {", "i.json")).getMessage();
        assertEquals(1, cut.lines().count(), cut);
        assertEquals(true, cut.startsWith("i.json: not valid JSON: "), cut);
    }
}
