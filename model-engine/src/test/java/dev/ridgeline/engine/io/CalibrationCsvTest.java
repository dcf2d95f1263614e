package dev.ridgeline.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The calibration tables' CSV reader: RFC 4180 cases written out by hand, and every shipped table read as the
 * character-at-a-time reader it replaced read it (kept below as the reference: the tables' values must not move
 * because the reader got faster).
 */
class CalibrationCsvTest {
    private static Map<String, String> row(String... keyValues) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put(keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    @Test
    void quotedFieldsHoldCommasQuotesAndLineEnds() {
        assertEquals(List.of(row("a", "x, y", "b", "he said \"hi\"")),
                CalibrationTables.Csv.parse("a,b\r\n\"x, y\",\"he said \"\"hi\"\"\"\r\n", "t.csv"));
        assertEquals(List.of(row("a", "l1\nl2", "b", "2")), CalibrationTables.Csv.parse("a,b\n\"l1\nl2\",2", "t.csv"));
        // a quote inside a field opens a quoted run there, as in the reader it replaced
        assertEquals(List.of(row("a", "xy,zw")), CalibrationTables.Csv.parse("a\nx\"y,z\"w\n", "t.csv"));
        // a quote never closed runs to the end of the text
        assertEquals(List.of(row("a", "open, rest\n")), CalibrationTables.Csv.parse("a\n\"open, rest\n", "t.csv"));
        assertEquals(List.of(row("a", "\"")), CalibrationTables.Csv.parse("a\n\"\"\"\"\n", "t.csv"));
    }

    @Test
    void recordsEndAtLfCrOrCrLfAndBlankLinesAreSkipped() {
        assertEquals(List.of(row("a", "1", "b", "2"), row("a", "3", "b", "4")),
                CalibrationTables.Csv.parse("a,b\r1,2\r\n\r\n3,4\n\n", "t.csv"));
        assertEquals(List.of(row("a", "", "b", "", "c", "")), CalibrationTables.Csv.parse("a,b,c\n,,\n", "t.csv"));
    }

    @Test
    void aRowWithTheWrongNumberOfFieldsIsRefusedByNumber() {
        PresetException e = assertThrows(PresetException.class,
                () -> CalibrationTables.Csv.parse("a,b\n1,2\n3\n", "calibration/t.csv"));
        assertEquals("calibration/t.csv: row 3 has 1 fields, the header 2", e.getMessage());
    }

    @Test
    void everyShippedTableReadsAsTheCharacterReaderReadIt() {
        for (String file : List.of("chips.csv", "clocks.csv", "deepep.csv", "deepgemm.csv", "eplb.csv", "flashmla.csv",
                "gemm-floor.csv", "gqa-decode.csv", "moe-block.csv", "prefill-attention.csv")) {
            String text = Presets.resource("calibration/" + file);
            List<Map<String, String>> rows = CalibrationTables.Csv.parse(text, file);
            assertEquals(reference(text), rows, file);
            assertEquals(text.lines().filter(l -> !l.isEmpty()).count() - 1, rows.size(), file + ": one row per line");
        }
    }

    /** The reader before 2026-12-07, a character at a time. */
    private static List<Map<String, String>> reference(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                field.setLength(0);
                if (!(fields.size() == 1 && fields.get(0).isEmpty())) {
                    records.add(fields);
                }
                fields = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (field.length() > 0 || !fields.isEmpty()) {
            fields.add(field.toString());
            records.add(fields);
        }
        List<Map<String, String>> out = new ArrayList<>();
        for (int r = 1; r < records.size(); r++) {
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < records.get(0).size(); c++) {
                row.put(records.get(0).get(c), records.get(r).get(c));
            }
            out.add(row);
        }
        return out;
    }
}
