package dev.ridgeline.app.explorer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

/**
 * Cold start to a drawn window, in fresh processes: the wall time from starting a JVM (this one's java, class path
 * and JVM options, so a class-data archive or JIT flag the launcher passes applies too) until the explorer's first
 * frame shows the first result, and that process's CPU time by then (every thread: toolkit, FX thread, preload, JIT,
 * GC), which depends much less on what else the machine runs. The child runs {@link ExplorerApp#start} as
 * {@code Application.launch} does, after {@link ExplorerApp#preload} as the launcher calls it, on Monocle's headless
 * platform with the software pipeline (no display needed; a laptop without GPU acceleration draws the same way), in
 * an empty {@code RIDGELINE_HOME}. "Drawn": the first pulse whose layout includes the first evaluation; the
 * rasterising of that pulse's frame is not waited for. The child then prints one line and is ended.
 */
public final class WindowStartBench {
    /** What the child prints when its window is drawn, followed by its CPU time in ms. */
    public static final String DRAWN = "ridgeline-window-drawn";
    /** The child's main class: it prints, so it lives with the command line. */
    static final String CHILD_MAIN = "dev.ridgeline.app.cli.WindowStartChild";

    /** Medians over the runs, ms. */
    public record Result(double wallMillis, double cpuMillis, int runs) {
    }

    private WindowStartBench() {
    }

    /** Whether this runtime can start another JVM: an app image's trimmed runtime has no {@code bin/java}. */
    public static boolean available() {
        return Files.isExecutable(java());
    }

    /** {@code runs} cold starts (more than one: after one not counted, which fills the disk cache). */
    public static Result run(int runs) throws IOException, InterruptedException {
        Path home = Files.createTempDirectory("ridgeline-start");
        try {
            if (runs > 1) {
                oneStart(home);
            }
            double[] wall = new double[runs];
            double[] cpu = new double[runs];
            for (int i = 0; i < runs; i++) {
                double[] one = oneStart(home);
                wall[i] = one[0];
                cpu[i] = one[1];
            }
            return new Result(median(wall), median(cpu), runs);
        } finally {
            try (var files = Files.walk(home)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static Path java() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /** One child: {wall ms, CPU ms}. */
    static double[] oneStart(Path home) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(java().toString());
        command.addAll(jvmOptions(ProcessHandle.current().info().arguments().orElse(new String[0]), home));
        command.addAll(List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                "-Dheadless.geometry=1920x1080-32", "-cp", System.getProperty("java.class.path"), CHILD_MAIN));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("RIDGELINE_HOME", home.toString());
        long t0 = System.nanoTime();
        Process p = pb.start();
        StringBuilder log = new StringBuilder();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith(DRAWN + " ")) {
                    double wall = (System.nanoTime() - t0) / 1e6;
                    return new double[] {wall, Double.parseDouble(line.substring(DRAWN.length() + 1))};
                }
                log.append(line).append('\n');
            }
        } finally {
            p.destroy();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
        throw new IllegalStateException("the window did not start (exit " + p.exitValue() + "): " + log.toString().strip());
    }

    /**
     * The JVM options among this process's arguments: those before the class path and main class ({@code java
     * OPTIONS -cp PATH MAIN ARGS}, as the launcher runs it; or before {@code -jar}), without a debugger's or
     * profiler's agent, nor a class-data archive's or flight recording's output. The JVM's own log (the launcher's
     * {@code -XX:LogFile}, beside the compiler directives of the window and {@code bench}) goes to {@code logFolder}
     * (the child's): every child would otherwise truncate this process's log while it still writes to it.
     */
    public static List<String> jvmOptions(String[] arguments, Path logFolder) {
        List<String> out = new ArrayList<>();
        for (String a : arguments) {
            if (List.of("-cp", "-classpath", "--class-path", "-jar", "-m", "--module").contains(a) || !a.startsWith("-")) {
                break;
            }
            if (a.startsWith("-XX:LogFile=")) {
                out.add("-XX:LogFile=" + logFolder.resolve("jvm.log"));
            } else if (!a.startsWith("-agentlib") && !a.startsWith("-javaagent") && !a.startsWith("-XX:ArchiveClassesAtExit")
                    && !a.startsWith("-XX:StartFlightRecording")) {
                // nor a run's that writes a class-data archive or a flight recording: each child would write it again
                out.add(a);
            }
        }
        return out;
    }

    /**
     * The child's side, called by its main class on the command line's side of the app (the only code that prints):
     * starts the explorer as the launcher does and hands {@code report} the line {@value #DRAWN} and its CPU time
     * once the first result is laid out in a pulse.
     */
    public static void openAndReport(Consumer<String> report) {
        dev.ridgeline.app.FxLogging.quietClasspathWarning();
        ExplorerApp.preload();
        Platform.startup(() -> open(() -> report.accept(DRAWN + " " + ProcessHandle.current().info().totalCpuDuration()
                .map(Duration::toMillis).orElse(-1L))));
    }

    /**
     * On the FX thread: opens the explorer as {@link ExplorerApp#start} does and runs {@code drawn} (later, on the FX
     * thread) once the first result is laid out in a pulse.
     */
    static ExplorerApp open(Runnable drawn) {
        Stage stage = new Stage();
        ExplorerApp app = new ExplorerApp();
        app.start(stage);
        ExplorerView view = (ExplorerView) ((BorderPane) stage.getScene().getRoot()).getCenter();
        Runnable[] probe = new Runnable[1];
        probe[0] = () -> {
            if (view.model().getDrawn() != null) {
                stage.getScene().removePostLayoutPulseListener(probe[0]);
                Platform.runLater(drawn);
            }
        };
        stage.getScene().addPostLayoutPulseListener(probe[0]);
        return app;
    }

    /**
     * Opens the explorer on the running toolkit (a headless one: the class-data archive's training), waits for its
     * first drawn result and closes it, as a user's start and quit do; false if it was not drawn within a minute.
     */
    public static boolean openAndClose() throws InterruptedException {
        ExplorerApp.preload();
        java.util.concurrent.CountDownLatch drawn = new java.util.concurrent.CountDownLatch(1);
        ExplorerApp[] app = new ExplorerApp[1];
        Platform.runLater(() -> app[0] = open(drawn::countDown));
        boolean ok = drawn.await(60, TimeUnit.SECONDS);
        Platform.runLater(() -> {
            if (app[0] != null) {
                app[0].stop();
                javafx.stage.Window.getWindows().stream().filter(w -> w instanceof Stage).toList().forEach(w -> ((Stage) w).close());
            }
        });
        return ok;
    }
}
