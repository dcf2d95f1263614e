package dev.ridgeline.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The command line's promise under hostile flags: exit 0, or exit 2 with exactly one line that names the flag and
 * echoes at most a shortened value; never exit 1, never a stack trace. Run in a fresh user folder, so that nothing
 * but the flags is judged.
 */
class CliBadInputFuzzTest {
    static final String[] INTEGER_FLAGS = {"--ep", "--batch", "--kv-bytes", "--param-bytes", "--mtp", "--context"};
    static final String[] DECIMAL_FLAGS = {"--mtp-acceptance", "--gemm-efficiency"};
    static final String[] WORD_FLAGS = {"--chip", "--nic", "--model", "--policy", "--fa3", "--fidelity",
        "--throughput-reading", "--expert-load", "--format"};
    static final String[] FILE_FLAGS = {"--scenario", "--model-config"};

    /** Values the issue found misread: other scripts' digits, hex floats, words for numbers, hidden characters. */
    static final String[] LOOK_ALIKES = {"١٢٨", "１２８", "१२८", "0x1p-1", "0x80", "1d", "NaN", "Infinity", "-Infinity",
        "1e999", " 1", "1 ", "1_000", ""};

    @TempDir
    Path home;
    private String userHome;

    @BeforeEach
    void freshUserFolder() {
        assumeTrue(System.getenv("RIDGELINE_HOME") == null, "the user folder is fixed by RIDGELINE_HOME");
        userHome = System.getProperty("user.home");
        System.setProperty("user.home", home.toString());
    }

    @AfterEach
    void restoreUserFolder() {
        if (userHome != null) {
            System.setProperty("user.home", userHome);
        }
    }

    static String hostile(SplittableRandom r) {
        switch (r.nextInt(8)) {
            case 0: return LOOK_ALIKES[r.nextInt(LOOK_ALIKES.length)];
            case 1: return String.valueOf(new int[] {0, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, 1 << 30}[r.nextInt(5)]);
            case 2: return String.valueOf(Math.pow(10, -330 + 640 * r.nextDouble()) * (r.nextBoolean() ? -1 : 1));
            case 3: return "x".repeat(r.nextInt(100_000));
            case 4: return "H800\n" + "ridgeline: ok\r\n";
            case 5: return "\u202e008H\u0000\u001b[31m";
            case 6: return "9".repeat(1 + r.nextInt(40));
            default: return List.of("H800", "CX7", "DeepSeek-V3", "naive", "auto", "seed", "full", "json", "1", "2",
                    "0.5", "144").get(r.nextInt(12));
        }
    }

    static void assertPromise(CliTest.Run run, String flag, String value) {
        String where = flag + " " + (value.length() > 80 ? value.substring(0, 80) + "..." : value);
        assertTrue(run.code() == 0 || run.code() == 2, () -> where + ": exit " + run.code() + "\n" + run.err());
        if (run.code() == 0) {
            assertEquals("", run.err(), where);
            return;
        }
        String line = run.err().endsWith("\n") ? run.err().substring(0, run.err().length() - 1) : run.err();
        assertEquals(1, line.lines().count(), () -> where + ": " + run.err());
        assertTrue(line.startsWith("ridgeline: "), line);
        assertTrue(line.length() <= RidgelineCommand.MAX_LINE + 20, () -> where + ": " + line.length() + " characters");
        assertTrue(line.contains(flag), () -> where + " is not named: " + line);
    }

    @Test
    void seed89HostileFlagValuesExitTwoWithOneLineNamingTheFlag() {
        SplittableRandom r = new SplittableRandom(89);
        List<String> flags = new ArrayList<>();
        flags.addAll(List.of(INTEGER_FLAGS));
        flags.addAll(List.of(DECIMAL_FLAGS));
        flags.addAll(List.of(WORD_FLAGS));
        for (int i = 0; i < 400; i++) {
            String flag = flags.get(r.nextInt(flags.size()));
            String value = hostile(r);
            CliTest.Run run = CliTest.run("evaluate", flag, value, "--format", "csv");
            if (flag.equals("--format")) {
                run = CliTest.run("evaluate", flag, value);
            }
            assertPromise(run, flag, value);
            boolean number = List.of(INTEGER_FLAGS).contains(flag) || List.of(DECIMAL_FLAGS).contains(flag);
            if (number && List.of(LOOK_ALIKES).contains(value)) {
                assertEquals(2, run.code(), flag + " " + value + " must be refused");
            }
        }
    }

    /** Files the issue tried: an empty name, a folder, /dev/zero, null, text after the document, a 100 kB name. */
    @Test
    void seed97HostileFilesExitTwoWithOneLineNamingTheFlag(@TempDir Path dir) throws IOException {
        SplittableRandom r = new SplittableRandom(97);
        String scenario = dev.ridgeline.engine.io.Presets.scenarioJson("s",
                dev.ridgeline.engine.io.Presets.builtInScenario("default"));
        List<String> files = new ArrayList<>(List.of("", dir.toString(), dir.resolve("missing.json").toString(),
                dir.resolve("x".repeat(300)).toString()));
        if (Files.isReadable(Path.of("/dev/zero"))) {
            files.add("/dev/zero");
        }
        String[] contents = {"null", "[]", "", scenario + " trailing", scenario.replace("\"ep\" : 144", "\"ep\" : \"144\""),
            scenario.replace("\"chip\" : \"H800\"", "\"chip\" : null"), "{\"hidden_size\": ", "\u0000\u0001"};
        for (int i = 0; i < contents.length; i++) {
            files.add(Files.writeString(dir.resolve("c" + i + ".json"), contents[i]).toString());
        }
        for (int i = 0; i < 60; i++) {
            String flag = FILE_FLAGS[r.nextInt(FILE_FLAGS.length)];
            String file = files.get(r.nextInt(files.size()));
            CliTest.Run run = CliTest.run("evaluate", flag, file, "--format", "csv");
            assertEquals(2, run.code(), flag + " " + file + ": " + run.err());
            assertPromise(run, flag, file);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            evaluate --mtp 2 --mtp-acceptance 2          | ridgeline: --mtp-acceptance: bad value 2 (mtpAcceptance must be in [0, 1])
            evaluate --scenario=                         | ridgeline: --scenario: bad value '' (an empty file name)
            evaluate --gemm-efficiency 1e-320            | ridgeline: --gemm-efficiency: bad value 1e-320 (gemmEfficiency must be 0 or in [0.01, 1])
            evaluate --batch ١٢٨                         | ridgeline: Invalid value for option '--batch': '١٢٨' is not a whole number
            evaluate --gemm-efficiency 0x1p-1            | ridgeline: Invalid value for option '--gemm-efficiency': '0x1p-1' is not a decimal number
            evaluate --model Qwen3-235B-A22B --mtp 1     | ridgeline: --mtp: bad value 1 (mtpDepth must be 0: 'Qwen3-235B-A22B' has no MTP module)
            evaluate --ep 1000 --model DeepSeek-V2-Lite  | ridgeline: --ep: bad value 1000 (ep must be <= 128, twice the 64 routed experts of 'DeepSeek-V2-Lite' (cards beyond one per expert hold redundant copies))
            """)
    void theIssuesExamplesBlameTheRightFlag(String args, String message) {
        CliTest.Run run = CliTest.run(args.strip().split(" +"));
        assertEquals(2, run.code());
        assertEquals(message, run.err().strip());
    }

    /** The model flag comes first or last: EP and MTP are checked against the final model either way. */
    @Test
    void flagOrderDoesNotMatter() {
        CliTest.Run a = CliTest.run("evaluate", "--model", "DeepSeek-V2-Lite", "--ep", "64", "--format", "csv");
        CliTest.Run b = CliTest.run("evaluate", "--ep", "64", "--model", "DeepSeek-V2-Lite", "--format", "csv");
        assertEquals(0, a.code(), a.err());
        assertEquals(a.out(), b.out());
    }

    /**
     * Mixtral's real config.json evaluates from the command line at an EP its 8 experts allow; without --ep, the
     * default scenario's EP144 is lowered to 8 as in the window (it used to be refused: issue 17).
     */
    @Test
    void mixtralEvaluatesFromItsConfig() {
        Path config = ModelConfigCliTest.HF.resolve("Mixtral-8x7B-v0.1").resolve("config.json");
        CliTest.Run run = CliTest.run("evaluate", "--model-config", config.toString(), "--ep", "8");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().startsWith("Mixtral-8x7B-v0.1 / H800 / CX7 / EP8 /"), run.out());
        CliTest.Run fitted = CliTest.run("evaluate", "--model-config", config.toString());
        assertEquals(0, fitted.code(), fitted.err());
        assertEquals(run.out(), fitted.out());
    }
}
