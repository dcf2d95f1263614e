package dev.ridgeline.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.engine.io.Reports;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The command-line contract of DESIGN 6, run in-process. */
class CliTest {
    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = RidgelineCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    /** A command that must succeed: exit code 0, else the failure shows its error output. */
    static Run ok(String... args) {
        Run r = run(args);
        assertEquals(0, r.code(), r.err());
        return r;
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON_READER =
            new com.fasterxml.jackson.databind.ObjectMapper();

    /** A command's output read as JSON; text that is not JSON fails the test with the text. */
    static com.fasterxml.jackson.databind.JsonNode json(String text) {
        try {
            return JSON_READER.readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    @Test
    void searchCsvHasTheContractColumnsAndThirtySixRowsForTarget20() {
        Run r = run("search", "--target-tps", "20", "--format", "csv", "--fidelity", "seed");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals("gpu,nic,policy,ep,kv_bytes,param_bytes,promotion,batch,user_tps,throughput_per_card,mtp_depth", lines.get(0));
        // The seed's first row: H800,CX7400Gbps,dual-mbatch,320,1,1,FALSE,128,28.01,3585.18,0 (docs/validation.md)
        assertTrue(lines.get(1).startsWith("H800,CX7,dual-mbatch,320,1,1,false,128,"), lines.get(1));
        assertTrue(lines.size() - 1 >= 36, "rows: " + (lines.size() - 1));
        for (String line : lines.subList(1, lines.size())) {
            assertEquals(11, line.split(",").length, line);
        }
    }

    @Test
    void evaluateJsonCarriesTheContractFields() {
        Run r = run("evaluate", "--chip", "H800", "--nic", "CX7", "--ep", "144", "--batch", "128", "--kv-bytes", "1",
                "--param-bytes", "1", "--policy", "dual-mbatch", "--mtp", "0", "--context", "5120", "--format", "json");
        assertEquals(0, r.code(), r.err());
        for (String key : List.of("\"layerTimeSeconds\"", "\"userTokensPerSecond\"", "\"throughputPerCard\"", "\"maxBatch\"",
                "\"ops\"", "\"name\" : \"FlashMLA\"", "\"stage\" : \"attn-1\"", "\"seconds\"", "\"bound\" : \"COMPUTE\"")) {
            assertTrue(r.out().contains(key), key + " missing in " + r.out());
        }
    }

    @Test
    void searchIsCalibratedUnlessTheSeedIsAskedFor() {
        // issue 19: calibrated fidelity is every command's default; the seed's search stays one flag away
        String byDefault = run("search", "--target-tps", "20", "--format", "csv").out();
        assertEquals(run("search", "--target-tps", "20", "--format", "csv", "--fidelity", "calibrated").out(), byDefault);
        assertFalse(byDefault.equals(run("search", "--target-tps", "20", "--format", "csv", "--fidelity", "seed").out()));
    }

    @Test
    void evaluateCsvIsTheOpTable() {
        // seed fidelity: one MoE layer's 13 ops (attn-0: Q down, KV down, Q up, Q-nope absorb; attn-1: FlashMLA,
        // V absorb, O projection; shared up, down; dispatch; routed up, down; combine) under the header
        Run r = run("evaluate", "--format", "csv", "--fidelity", "seed");
        assertEquals(0, r.code(), r.err());
        assertEquals(Reports.OPS_CSV_HEADER, r.out().lines().findFirst().orElseThrow());
        assertEquals(14, r.out().lines().count());
        // calibrated (the default): the two norms, the router gate and the routed block's measured fixed cost join them
        Run c = run("evaluate", "--format", "csv");
        assertEquals(0, c.code(), c.err());
        assertTrue(c.out().lines().anyMatch(l -> l.startsWith("Router gate,")), c.out());
        assertTrue(c.out().lines().anyMatch(l -> l.startsWith("Routed block overhead,")), c.out());
        assertEquals(18, c.out().lines().count());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            evaluate --batch -3            | ridgeline: --batch: bad value -3 (batchPerCard must be in [1, 4096])
            evaluate --chip H900           | ridgeline: --chip: bad value 'H900' (unknown chip 'H900' (did you mean H800?))
            evaluate --kv-bytes 3          | ridgeline: --kv-bytes: bad value '3' (element size must be 1 (FP8) or 2 (BF16) bytes, was 3)
            evaluate --policy fast         | ridgeline: --policy: bad value 'fast' (policy must be naive or dual-mbatch, was 'fast')
            evaluate --format xml          | ridgeline: --format: bad value 'xml' (expected one of table, json, csv)
            evaluate --batch many          | ridgeline: Invalid value for option '--batch': 'many' is not a whole number
            search --target-tps -1         | ridgeline: --target-tps: bad value -1.0 (must be > 0)
            evaluate --bogus               | ridgeline: Unknown option: '--bogus'
            bench --seconds 0              | ridgeline: --seconds: bad value 0.0 (must be in (0, 600])
            bench --window-starts -1       | ridgeline: --window-starts: bad value -1 (must be in [0, 20])
            bench --kernel-runs 21         | ridgeline: --kernel-runs: bad value 21 (must be in [0, 20])
            bench --kernel seed            | ridgeline: --kernel: bad value seed (must be calibrated)
            """)
    void badInputExitsTwoWithOneLine(String args, String message) {
        Run r = run(args.strip().split(" "));
        assertEquals(2, r.code());
        assertEquals(message, r.err().strip());
        assertEquals(1, r.err().strip().lines().count());
    }

    @Test
    void missingScenarioFileIsBadInput(@TempDir Path dir) {
        Run r = run("evaluate", "--scenario", dir.resolve("none.json").toString());
        assertEquals(2, r.code());
        assertEquals("ridgeline: --scenario: " + dir.resolve("none.json") + ": no such file", r.err().strip());
    }

    @Test
    void scenarioFileThenFlags(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("s.json");
        Files.writeString(f, dev.ridgeline.engine.io.Presets.scenarioJson("s",
                dev.ridgeline.engine.io.Presets.builtInScenario("default").withChip(
                        dev.ridgeline.engine.io.Presets.builtIn().chip("A100"))));
        Run r = run("evaluate", "--scenario", f.toString(), "--batch", "64");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("DeepSeek-V3 / A100 / CX7 / EP144 / B64 /"), r.out());
    }

    @Test
    void presetsListNamesEveryPreset() {
        Run r = run("presets", "list");
        assertEquals(0, r.code(), r.err());
        for (String name : List.of("H800", "H20", "A100", "L20", "L40S", "Ideal-3stage", "CX7", "E810", "DeepSeek-V3", "default")) {
            assertTrue(r.out().contains(name), name);
        }
    }

    @Test
    void benchEndsWithOneJsonLine() {
        Run r = run("bench", "--seconds", "0.2", "--window-starts", "1", "--startup-runs", "1", "--kernel-runs", "1");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        String last = lines.get(lines.size() - 1);
        for (String key : List.of("evaluationsPerSecond", "calibratedEvaluationsPerSecond",
                "calibratedAfterSeedEvaluationsPerSecond", "calibratedMinEvaluationsPerSecond",
                "calibratedMaxEvaluationsPerSecond", "detailedEvaluationsPerSecond",
                "sweepPointsPerSecond", "searchMillis", "redrawP50Millis", "redrawP95Millis", "frontierP50Millis",
                "frontierP95Millis", "frontierDeployments", "windowStartMillis", "windowStartCpuMillis",
                "startupEvaluateMillis", "startupRooflineExportMillis", "startupMapExportMillis",
                "startupWindowExportMillis", "reportPdfMillis")) {
            assertTrue(last.matches("\\{.*\"" + key + "\":[0-9.]+[,}].*"), key + " in " + last);
        }
        if (System.getProperty("os.name").startsWith("Linux")) {
            // each child's CPU time, read from /proc: some, and no more than its wall time on every core
            for (String[] pair : new String[][] {{"reportPdfCpuMillis", "reportPdfMillis"},
                    {"startupEvaluateCpuMillis", "startupEvaluateMillis"}}) {
                java.util.regex.Matcher cpu = java.util.regex.Pattern.compile("\"" + pair[0] + "\":([0-9]+)").matcher(last);
                java.util.regex.Matcher wall = java.util.regex.Pattern.compile("\"" + pair[1] + "\":([0-9]+)").matcher(last);
                assertTrue(cpu.find() && wall.find(), pair[0] + " in " + last);
                assertTrue(Long.parseLong(cpu.group(1)) > 0, last);
                assertTrue(Long.parseLong(cpu.group(1)) <= Long.parseLong(wall.group(1)) * Runtime.getRuntime().availableProcessors() + 100, last);
            }
        }
    }
}
