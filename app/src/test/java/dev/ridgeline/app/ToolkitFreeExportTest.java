package dev.ridgeline.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.app.cli.Launcher;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The issue: a chart export started the whole JavaFX toolkit (seconds and hundreds of MB for one PNG), and with a
 * home folder it cannot write, the toolkit's native-library cache printed "Can not create cache at ..." lines. A
 * chart is Java2D: each chart view is exported in a JVM of its own, as the launcher starts it, whose home folder
 * cannot be created (it would sit under a plain file, which no user, root included, can write into); the run prints
 * only its line, and no class of JavaFX (or of its Glass and Prism layers) is ever loaded, per the JVM's class-load log.
 * Nor does it need the display named in {@code DISPLAY}.
 */
class ToolkitFreeExportTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"roofline", "gantt", "frontier", "sensitivity", "map", "served"})
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void aChartExportNeverStartsTheToolkit(String view) throws Exception {
        Path plainFile = Files.writeString(dir.resolve("not-a-folder"), "x");
        Path home = plainFile.resolve("home");
        Path classes = dir.resolve("classes.log");
        Path png = dir.resolve(view + ".png");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:file=" + classes, "-Duser.home=" + home, "-cp", CleanRunTest.runtimeClassPath(),
                Launcher.class.getName(), "export", "--view", view, "--out", png.toString(), "--width", "800",
                "--height", "500");
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile());
        pb.environment().put("HOME", home.toString());
        pb.environment().put("RIDGELINE_HOME", dir.resolve("ridgeline-home").toString());
        // a display that cannot be opened (a stale ssh forwarding, an X server gone): Java2D draws without one; with
        // the variable set, AWT opened it and the export died on "Can't connect to X11 window server"
        pb.environment().put("DISPLAY", ":7777");
        pb.environment().remove("WAYLAND_DISPLAY");
        Process p = pb.start();
        if (!p.waitFor(300, TimeUnit.SECONDS)) { // a guard against a hang, not a timing assertion
            p.destroyForcibly();
            throw new AssertionError("export --view " + view + " did not finish");
        }
        String err = Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), err);
        assertEquals("", err, "nothing on stderr (the toolkit's cache printed 'Can not create cache at ...')");
        assertTrue(Files.readString(dir.resolve("out.txt")).startsWith("wrote " + png + " (" + view + ", PNG, 800x500)"));
        assertTrue(Files.size(png) > 5_000, "a picture");
        List<String> toolkit = Files.readAllLines(classes).stream()
                .filter(l -> l.contains(" javafx.") || l.contains(" com.sun.javafx.") || l.contains(" com.sun.glass.")
                        || l.contains(" com.sun.prism."))
                .limit(3).toList();
        assertEquals(List.of(), toolkit, "JavaFX classes loaded for a chart");
    }
}
