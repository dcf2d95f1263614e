package dev.ridgeline.app.cli;

import dev.ridgeline.app.explorer.WindowStartBench;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Start-up as users meet it: each command in a fresh JVM, timed from spawn to exit (wall time), the median of
 * {@code runs}. Started through the {@code ridgeline} script when this JVM was (it says where, in
 * {@code ridgeline.launcher}): its class-data-sharing archive and JVM options are then what is measured. Otherwise
 * this JVM's java, class path and options are used. Output is discarded; exports go to a temporary folder.
 */
final class StartupBench {
    /**
     * Median milliseconds per command: a one-shot evaluation, a chart export (roofline, map) and the window's; whether
     * class-data sharing was in use (this JVM's: the script gives its archive to every start once it is made).
     */
    record Result(double evaluateMillis, double evaluateCpuMillis, double rooflineExportMillis, double mapExportMillis,
                  double windowExportMillis, double reportPdfMillis, double reportPdfCpuMillis, boolean sharedArchive) {
    }

    private StartupBench() {
    }

    static Result run(int runs) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("ridgeline-startup");
        try {
            double[] cpu = new double[runs];
            double report = median(runs, dir, cpu, "report", "--out", dir.resolve("review.pdf").toString());
            Arrays.sort(cpu);
            double[] evaluateCpu = new double[runs];
            double evaluate = median(runs, dir, evaluateCpu, "evaluate");
            Arrays.sort(evaluateCpu);
            return new Result(evaluate, evaluateCpu[runs / 2],
                    median(runs, dir, null, "export", "--view", "roofline", "--out", dir.resolve("r.png").toString()),
                    median(runs, dir, null, "export", "--view", "map", "--out", dir.resolve("m.png").toString()),
                    median(runs, dir, null, "export", "--view", "window", "--out", dir.resolve("w.png").toString()),
                    report, cpu[runs / 2],
                    jvmOptions(dir).stream().anyMatch(o -> o.startsWith("-XX:SharedArchiveFile=")));
        } finally {
            deleteTree(dir);
        }
    }

    /** Deletes a temporary folder of the bench's and what is in it. */
    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /**
     * CPU time of this process's finished and reaped children, user and system (Linux: /proc/self/stat's cutime and
     * cstime, in clock ticks of 10 ms); NaN elsewhere. The JVM reaps each child as it exits, so the difference over one
     * start is that start's CPU time.
     */
    static double childrenCpuMillis() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after the command name: state is field 3 of stat(5), so cutime (16) and cstime (17) are at 13 and 14
            return (Long.parseLong(f[13]) + Long.parseLong(f[14])) * 10.0;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** The {@code ridgeline} script that started this JVM, when it is there to start another. */
    static String launcher() {
        String path = System.getProperty("ridgeline.launcher");
        return path != null && Files.isExecutable(Path.of(path)) ? path : null;
    }

    /** This JVM's options (those the launcher gave it; no agent's), the JVM's own log in {@code logFolder}. */
    static List<String> jvmOptions(Path logFolder) {
        return WindowStartBench.jvmOptions(ProcessHandle.current().info().arguments().orElse(new String[0]), logFolder);
    }

    /**
     * The command that starts {@code ridgeline args} in a fresh JVM: through the script when there is one (the JVM's
     * own log, if it has one, then in the child's {@code RIDGELINE_HOME}; else in {@code logFolder}).
     */
    static List<String> command(Path logFolder, String... args) {
        List<String> command = new ArrayList<>();
        if (launcher() != null) {
            command.add(launcher());
        } else {
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmOptions(logFolder));
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.ridgeline.app.cli.Launcher"));
        }
        command.addAll(Arrays.asList(args));
        return command;
    }

    /**
     * The median wall time of {@code runs} fresh starts; {@code cpuMillis} (when not null) gets each start's CPU time,
     * every thread of the child (JIT and GC too): less disturbed by other load than the wall time. NaN where the
     * system does not say.
     */
    private static double median(int runs, Path dir, double[] cpuMillis, String... args) throws IOException, InterruptedException {
        List<String> command = command(dir, args);
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD);
            pb.environment().put("RIDGELINE_HOME", dir.resolve("home").toString());
            double cpu0 = childrenCpuMillis();
            long t0 = System.nanoTime();
            Process p = pb.start();
            if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException("ridgeline " + String.join(" ", args) + " failed in a fresh JVM (exit "
                        + (p.isAlive() ? "none" : p.exitValue()) + ")");
            }
            millis[i] = (System.nanoTime() - t0) / 1e6;
            if (cpuMillis != null) {
                // the launcher script's own processes are counted too (a few ms)
                cpuMillis[i] = childrenCpuMillis() - cpu0;
            }
        }
        Arrays.sort(millis);
        return millis[runs / 2];
    }
}
