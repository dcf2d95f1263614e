package dev.ridgeline.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.app.cli.Launcher;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line as a user starts it, in a JVM of its own (the launcher's class path, no test harness, no
 * headless flags): a good run prints its output and nothing on stderr, and its files are the user's ordinary files.
 */
public class CleanRunTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    /**
     * The launcher's class path: the app's classes and its runtime dependencies (written by the build into
     * target/runtime-classpath.txt), without the tests' libraries, which would change what a run logs.
     */
    public static String runtimeClassPath() throws IOException {
        Path file = Path.of("target", "runtime-classpath.txt");
        assertTrue(Files.exists(file), file.toAbsolutePath() + " (maven-dependency-plugin build-classpath) missing");
        return Path.of("target", "classes").toAbsolutePath() + File.pathSeparator + Files.readString(file).strip();
    }

    /** Runs {@code Launcher args} with this JVM's java on the launcher's class path, under {@code sh -c 'umask 022; ...'}. */
    private Run launch(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", runtimeClassPath(), Launcher.class.getName()));
        command.addAll(List.of(args));
        StringBuilder line = new StringBuilder("umask 022 && exec");
        for (String c : command) {
            line.append(" '").append(c.replace("'", "'\\''")).append('\'');
        }
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", line.toString()).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().remove("DISPLAY"); // as on a server or in CI; the export renders headless either way
        pb.environment().remove("WAYLAND_DISPLAY");
        Process p = pb.start();
        if (!p.waitFor(300, TimeUnit.SECONDS)) { // a guard against a hang, not a timing assertion
            p.destroyForcibly();
            throw new AssertionError("ridgeline " + String.join(" ", args) + " did not finish");
        }
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void anExportPrintsOnlyItsLineAndNoWarning() throws Exception {
        Path pdf = dir.resolve("g.pdf");
        Run r = launch("export", "--out", pdf.toString(), "--view", "gantt");
        assertEquals(0, r.code(), r.err());
        // JavaFX used to log "Unsupported JavaFX configuration: classes were loaded from 'unnamed module ...'" here
        assertEquals("", r.err());
        assertTrue(r.out().startsWith("wrote " + pdf + " (gantt, PDF"), r.out());
        assertTrue(Files.size(pdf) > 1000);
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void anEvaluationPrintsOnlyItsTable() throws Exception {
        Run r = launch("evaluate", "--fidelity", "calibrated");
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        assertTrue(r.out().startsWith("DeepSeek-V3 / "), r.out());
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void anExportedFileIsReadableByGroupAndOthersUnderUmask022() throws Exception {
        Path png = dir.resolve("g.png");
        Run r = launch("export", "--out", png.toString(), "--view", "gantt");
        assertEquals(0, r.code(), r.err());
        // umask 022 takes write from group and others and leaves read: rw-r--r--, as for any file the user makes
        Path reference = dir.resolve("by-sh.txt");
        Process touch = new ProcessBuilder("sh", "-c", "umask 022 && : > '" + reference + "'").start();
        assertEquals(0, touch.waitFor());
        Set<PosixFilePermission> expected = Files.getPosixFilePermissions(reference);
        assertTrue(expected.contains(PosixFilePermission.OTHERS_READ), expected.toString());
        assertEquals(expected, Files.getPosixFilePermissions(png), png + " vs a file sh made");
    }
}
