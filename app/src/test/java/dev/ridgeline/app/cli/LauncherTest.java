package dev.ridgeline.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.app.CleanRunTest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class LauncherTest {
    @Test
    void linuxNeedsDisplayOrWayland() {
        assertFalse(Launcher.hasDisplay("Linux", null, null));
        assertFalse(Launcher.hasDisplay("Linux", "", " "));
        assertTrue(Launcher.hasDisplay("Linux", ":0", null));
        assertTrue(Launcher.hasDisplay("Linux", null, "wayland-0"));
        assertTrue(Launcher.hasDisplay("Windows 11", null, null));
    }

    @Test
    void linuxWithoutAGpuDeviceAsksForTheSoftwarePipelineAtOnce() {
        assertEquals("sw", Launcher.prismOrder("Linux", null, path -> false));
        for (String device : Launcher.GPU_DEVICES) {
            assertNull(Launcher.prismOrder("Linux", null, device::equals), device);
        }
        assertNull(Launcher.prismOrder("Linux", "es2,sw", path -> false)); // the user's choice stands
        assertNull(Launcher.prismOrder("Windows 11", null, path -> false));
        assertNull(Launcher.prismOrder("Mac OS X", null, path -> false));
    }

    @Test
    void withoutADisplayTheWindowRefusesInOneLineAndPointsToExport() {
        Assumptions.assumeTrue(System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null);
        StringWriter err = new StringWriter();
        RidgelineCommand.setExplorerOpener(Launcher::openExplorer);
        try {
            assertEquals(2, RidgelineCommand.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true)));
        } finally {
            RidgelineCommand.setExplorerOpener(null);
        }
        String message = err.toString().trim();
        assertEquals(1, message.lines().count(), message);
        assertTrue(message.contains("ridgeline export"), message);
    }

    /** What the window's refusal must say, whatever is missing: one line, no stack trace, every command still works. */
    private static void assertOneLineRefusal(String message, String names) {
        assertEquals(1, message.strip().lines().count(), message);
        assertTrue(message.contains(names), message);
        assertTrue(message.contains("every command works without it"), message);
        assertFalse(message.contains("\tat "), message);
    }

    /**
     * The toolkit's own start-up errors (JavaFX 21's GtkApplication throws these texts when libgtk-3 cannot be loaded
     * and when the display cannot be opened) become a one-line refusal, exit 2; an exception of the window's own start
     * method (JavaFX wraps it as "Exception in Application start method") stays an internal error with its trace.
     */
    @Test
    void aToolkitThatCannotStartIsNamedInOneLine() {
        RuntimeException noGtk = Launcher.toolkitFailure(
                new UnsupportedOperationException("Unable to load glass GTK library."), ":0");
        assertTrue(noGtk instanceof IllegalArgumentException, "a refusal (exit 2), not an internal error");
        assertOneLineRefusal("ridgeline: " + noGtk.getMessage(), "GTK 3");
        RuntimeException noDisplay = Launcher.toolkitFailure(new UnsupportedOperationException("Unable to open DISPLAY"), ":9");
        assertOneLineRefusal("ridgeline: " + noDisplay.getMessage(), "display ':9'");
        RuntimeException ours = new RuntimeException("Exception in Application start method", new IllegalStateException());
        assertTrue(Launcher.toolkitFailure(ours, ":0") == ours, "our own start-up bug is reported as one");
    }

    @TempDir
    Path home;

    /**
     * The real toolkit, in a JVM of its own on the launcher's class path, pointed at a display no X server serves:
     * JavaFX's start-up error reaches the user as one line and exit 2. (Without libgtk-3 the toolkit fails the same
     * way one step later, after opening the display; the test above covers its text.)
     */
    @Test
    @EnabledOnOs(OS.LINUX)
    void aDisplayThatCannotBeOpenedIsOneLineNotAStackTrace() throws Exception {
        int n = 917;
        while (Files.exists(Path.of("/tmp/.X11-unix/X" + n))) {
            n++;
        }
        Path classes = home.resolve("classes.txt");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:file=" + classes, "-cp", CleanRunTest.runtimeClassPath(), Launcher.class.getName());
        pb.environment().put("DISPLAY", ":" + n);
        pb.environment().remove("WAYLAND_DISPLAY");
        pb.environment().put("RIDGELINE_HOME", home.toString());
        Path err = home.resolve("stderr.txt");
        pb.redirectError(err.toFile()).redirectOutput(home.resolve("stdout.txt").toFile());
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) { // a guard against a hang, not a timing assertion
            p.destroyForcibly();
            throw new AssertionError("the launcher did not give up on display :" + n);
        }
        String message = Files.readString(err, StandardCharsets.UTF_8);
        assertEquals(2, p.exitValue(), message);
        assertOneLineRefusal(message, "display ':" + n + "'");
        // the window is opened straight away: picocli's model of the command line is not built for it
        assertFalse(Files.readString(classes, StandardCharsets.UTF_8).contains("picocli."), "no picocli class loaded");
    }

    @Test
    void withoutADisplayTheLaunchersWindowRefusesInOneLineAsTheCommandLineDoes() {
        Assumptions.assumeTrue(System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null);
        StringWriter err = new StringWriter();
        assertEquals(2, Launcher.window(new PrintWriter(err, true)));
        assertOneLineRefusal(err.toString(), "no display");
        assertTrue(err.toString().startsWith("ridgeline: "), err.toString());
    }
}
