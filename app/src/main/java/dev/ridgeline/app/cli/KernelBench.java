package dev.ridgeline.app.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The calibrated summary path's speed, each run in a fresh JVM ({@code bench --kernel calibrated}) that first runs the
 * calibrated detailed evaluation, as the window does before its frontier sweeps: the kernel compiled for the profile
 * its users give it, not for the seed kernel's measured before it in the same process (decision 0005, addendum
 * 2026-12-07). One JVM's figure is one draw of the JIT's compilation; the median, least and most of several say how
 * far they spread.
 */
final class KernelBench {
    /** Evaluations per second: the median, least and most of {@code runs} fresh JVMs. */
    record Result(double median, double min, double max, int runs) {
    }

    static final String KEY = "calibratedEvaluationsPerSecond";
    private static final Pattern FIGURE = Pattern.compile("\"" + KEY + "\":([0-9.]+)");

    private KernelBench() {
    }

    static Result calibrated(int runs, double seconds) throws IOException, InterruptedException {
        // each child in a folder of its own as its RIDGELINE_HOME: the JVM's log there is not the user's, which this
        // bench's JVM is writing (the built-in scenario is measured: the user's presets play no part)
        Path home = Files.createTempDirectory("ridgeline-kernel");
        List<String> command = StartupBench.command(home, "bench", "--kernel", "calibrated", "--seconds",
                Double.toString(seconds));
        double[] figures = new double[runs];
        try {
            for (int i = 0; i < runs; i++) {
                ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
                pb.environment().put("RIDGELINE_HOME", home.toString());
                Process p = pb.start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    p.destroyForcibly();
                    throw new IllegalStateException("bench --kernel calibrated failed in a fresh JVM");
                }
                Matcher m = FIGURE.matcher(out);
                if (!m.find()) {
                    throw new IllegalStateException("bench --kernel calibrated printed no " + KEY + ": " + out.strip());
                }
                figures[i] = Double.parseDouble(m.group(1));
            }
        } finally {
            StartupBench.deleteTree(home);
        }
        Arrays.sort(figures);
        return new Result(figures[runs / 2], figures[0], figures[runs - 1], runs);
    }
}
