package dev.ridgeline.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The training run of the class-data-sharing archive the {@code ridgeline} script makes (JDK 17 writes one with
 * {@code -XX:ArchiveClassesAtExit}; the script passes it to every later start with {@code -XX:SharedArchiveFile}).
 * It runs what users start: the usage, a one-shot evaluation, each chart export in each format, the review report's
 * PDF (openhtmltopdf, PDFBox, the report's sections), the window built headless for its export, and the window
 * opened as the launcher opens it, to its first drawn result, and closed (JavaFX's scene graph, controls, menus, CSS
 * and software renderer; the window on screen adds only its platform's classes), so that their classes are mapped from the archive instead of read, parsed and verified from the jars.
 * Output is discarded; files go to a temporary folder, removed after. Exit 0 when every run succeeded.
 */
public final class CdsTraining {
    private CdsTraining() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("ridgeline-cds-training");
        PrintWriter none = new PrintWriter(Writer.nullWriter());
        // what Launcher.main does before a command (the class and its thread's lambda: else read from the jar)
        Launcher.readPresetsMeanwhile(true);
        Launcher.explorerOpener(); // made before every command (its class: else spun at each start)
        int failed = 0;
        try {
            String[][] runs = {
                {"--help"},
                {"evaluate"},
                {"evaluate", "--format", "json"},
                {"export", "--view", "roofline", "--out", dir.resolve("roofline.png").toString()},
                {"export", "--view", "gantt", "--out", dir.resolve("gantt.svg").toString()},
                {"export", "--view", "frontier", "--out", dir.resolve("frontier.pdf").toString()},
                {"export", "--view", "map", "--out", dir.resolve("map.png").toString()},
                {"export", "--view", "sensitivity", "--out", dir.resolve("sensitivity.svg").toString()},
                {"export", "--view", "window", "--out", dir.resolve("window.png").toString()},
                {"report", "--out", dir.resolve("review.pdf").toString()},
            };
            for (String[] run : runs) {
                failed += RidgelineCommand.run(none, none, run) == RidgelineCommand.OK ? 0 : 1;
            }
            // the window as a user opens it (its menus, the controls' skins, the first evaluation and pulse), on
            // the headless toolkit the window export started, then closed
            dev.ridgeline.app.export.HeadlessFx.start();
            failed += dev.ridgeline.app.explorer.WindowStartBench.openAndClose() ? 0 : 1;
            loadOnScreenClasses();
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        awaitIdleCompilers(IDLE_WAIT_NANOS);
        System.exit(failed == 0 ? 0 : 1);
    }

    /**
     * Classes the window on screen loads and the headless training never does (the launcher's path through
     * {@code Application.launch}, GTK's glass platform, the first pointer events; read with {@code -Xlog:class+load}
     * from the real window under Xvfb): they came from the jar at every start, read, parsed and verified.
     */
    static final List<String> ON_SCREEN = List.of("com.sun.javafx.application.LauncherImpl",
            "com.sun.javafx.application.LauncherImpl$1", "com.sun.javafx.application.PlatformImpl$FinishListener",
            "javafx.application.Application$Parameters", "com.sun.javafx.application.ParametersImpl",
            "com.sun.glass.ui.gtk.GtkPlatformFactory", "com.sun.glass.ui.delegate.MenuItemDelegate",
            "com.sun.glass.ui.delegate.MenuDelegate", "com.sun.glass.ui.delegate.MenuBarDelegate",
            "com.sun.glass.ui.InvokeLaterDispatcher", "com.sun.glass.ui.InvokeLaterDispatcher$InvokeLaterSubmitter",
            "com.sun.glass.ui.InvokeLaterDispatcher$Future", "com.sun.glass.ui.gtk.GtkApplication",
            "com.sun.glass.ui.gtk.GtkWindow", "com.sun.glass.ui.gtk.GtkView", "com.sun.glass.ui.gtk.GtkCursor",
            "com.sun.glass.ui.gtk.GtkPixels", "com.sun.glass.ui.gtk.GtkRobot", "com.sun.glass.ui.gtk.GtkTimer",
            "com.sun.glass.ui.Clipboard", "com.sun.glass.ui.gtk.GtkClipboardDelegate", "com.sun.glass.ui.SystemClipboard",
            "com.sun.glass.ui.gtk.GtkSystemClipboard", "com.sun.glass.ui.gtk.GtkDnDClipboard", "com.sun.glass.ui.Size",
            "java.util.concurrent.LinkedBlockingDeque", "java.util.concurrent.LinkedBlockingDeque$Node",
            "javafx.scene.input.MouseEvent$Flags", "javafx.scene.input.PickResult",
            "com.sun.javafx.scene.input.InputEventUtils", "javafx.scene.input.TransferMode", "com.sun.javafx.geom.PickRay",
            "com.sun.javafx.scene.input.PickResultChooser", "com.sun.javafx.geom.transform.TransformHelper",
            "com.sun.javafx.collections.ObservableMapWrapper$ObservableValues",
            "com.sun.javafx.collections.ObservableMapWrapper$ObservableValues$1",
            "com.sun.javafx.sg.prism.NGNode$RenderRootResult");

    /**
     * Loads {@link #ON_SCREEN} without initialising them (no native library is loaded, no display opened): a dynamic
     * archive keeps every class loaded by then. A class this platform's JavaFX lacks (GTK's, on another system) is
     * skipped. Returns how many were loaded.
     */
    static int loadOnScreenClasses() {
        int loaded = 0;
        for (String name : ON_SCREEN) {
            try {
                Class.forName(name, false, CdsTraining.class.getClassLoader());
                loaded++;
            } catch (ClassNotFoundException | LinkageError e) {
                // not on this platform: nothing to archive
            }
        }
        return loaded;
    }

    /** Longest wait for the JIT's queues to empty before the archive is written. */
    static final long IDLE_WAIT_NANOS = 60_000_000_000L;

    /**
     * Waits until no method is queued for the JIT or being compiled (three looks 0.1 s apart), at most {@code nanos}.
     * Why: JDK 17 writes each archived method's "queued for compilation" flag as it stands at exit (JDK-8306460, fixed
     * in JDK 21), and a method archived so is never compiled in any run that maps the archive. Before this wait, the
     * training exited with a few hundred methods of the window it had just run in the queue (JavaFX's rendering and
     * layout, JFreeChart's drawing, Marlin's rasteriser), a different few hundred after each build, interpreted in
     * every window and bench since (decision 0006, addendum "the archive's queued methods"). Training interpreted
     * ({@code -Xint}) avoids it too, but took the window's first frame past its minute under load. Returns whether the
     * compilers went idle.
     */
    static boolean awaitIdleCompilers(long nanos) {
        try {
            javax.management.MBeanServer server = java.lang.management.ManagementFactory.getPlatformMBeanServer();
            javax.management.ObjectName commands = new javax.management.ObjectName(
                    "com.sun.management:type=DiagnosticCommand");
            long end = System.nanoTime() + nanos;
            int idle = 0;
            while (System.nanoTime() < end) {
                String queue = (String) server.invoke(commands, "compilerQueue", new Object[] {null},
                        new String[] {String[].class.getName()});
                idle = compilersIdle(queue) ? idle + 1 : 0;
                if (idle == 3) {
                    return true;
                }
                Thread.sleep(100);
            }
        } catch (javax.management.JMException | ClassCastException e) {
            // no such command on this JVM: the archive still holds the classes
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    /**
     * Whether HotSpot's {@code Compiler.queue} report shows nothing compiling and every queue empty: its only lines
     * are then the headings ("Current compiles:", "C1 compile queue:", ...) and "Empty".
     */
    static boolean compilersIdle(String queue) {
        if (queue == null || !queue.contains("Current compiles:")) {
            return false;
        }
        for (String line : queue.split("\\R")) {
            String l = line.strip();
            if (!l.isEmpty() && !l.endsWith(":") && !l.equals("Empty")) {
                return false;
            }
        }
        return true;
    }
}
