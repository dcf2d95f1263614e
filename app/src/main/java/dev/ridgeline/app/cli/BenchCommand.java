package dev.ridgeline.app.cli;

import dev.ridgeline.app.explorer.RedrawBench;
import dev.ridgeline.app.explorer.WindowStartBench;
import dev.ridgeline.app.explorer.FrontierBench;
import dev.ridgeline.app.explorer.ServedBench;
import dev.ridgeline.app.Engines;
import dev.ridgeline.engine.Engine;
import dev.ridgeline.engine.sweep.SpeedProbe;
import dev.ridgeline.engine.io.Presets;
import dev.ridgeline.engine.io.Reports;
import dev.ridgeline.engine.model.Fidelity;
import dev.ridgeline.engine.model.Scenario;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ridgeline bench}: in-process speed after warm-up ({@link SpeedProbe}; JMH measures the same kernels). Prints
 * progress lines, then one JSON line last: {@code evaluationsPerSecond} (summary path, seed, one thread),
 * {@code calibratedEvaluationsPerSecond} with {@code calibratedMinEvaluationsPerSecond} and
 * {@code calibratedMaxEvaluationsPerSecond} (the calibrated summary path, one thread, the median, least and most of
 * {@code --kernel-runs} fresh JVMs that run the calibrated detailed evaluation first, as the window does,
 * {@link KernelBench}), {@code calibratedAfterSeedEvaluationsPerSecond} (the same path in this process, after the seed
 * kernel: the profile a process running both fidelities gives it), {@code detailedEvaluationsPerSecond}, {@code sweepPointsPerSecond} (every
 * core), {@code searchMillis} (both seed searches), {@code redrawP50Millis} and {@code redrawP95Millis} (a scenario
 * edit until the window has redrawn, headless, {@link RedrawBench}), {@code frontierP50Millis} and
 * {@code frontierP95Millis} (a chip edit until the frontier of every deployment is swept and redrawn,
 * {@link FrontierBench}), {@code frontierDeployments} (the fewest deployments one of those sweeps covered),
 * {@code servedP50Millis}, {@code servedP95Millis} and {@code servedCpuP50Millis} (a chip edit until the Served
 * view has re-sized both pools and redrawn, headless, and the CPU time that took, {@link ServedBench}),
 * {@code windowStartMillis} and {@code windowStartCpuMillis} (a fresh process until the window's first frame shows
 * the first result: wall time, and that process's CPU time, which depends less on other load; medians of
 * {@code --window-starts}, {@link WindowStartBench}; absent where the runtime cannot start a JVM, as in an app image),
 * and the start-up of commands in fresh JVMs ({@link StartupBench}): {@code startupEvaluateMillis} and
 * {@code startupEvaluateCpuMillis} (wall time, and the child's CPU time over all its threads), {@code startupRooflineExportMillis}, {@code startupMapExportMillis}, {@code startupWindowExportMillis},
 * {@code reportPdfMillis} and {@code reportPdfCpuMillis} (the review report's PDF of the default scenario: wall time,
 * and the child's CPU time over all its threads, which depends less on other load) (absent with {@code --startup-runs 0}).
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Measure engine speed (evaluations per second, seed search time).")
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--seconds", defaultValue = "3", description = "Measurement time for the evaluation loop (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--window-starts", defaultValue = "3",
            description = "Cold starts of the window to time, each in a fresh process; 0 skips them (default: ${DEFAULT-VALUE}).")
    int windowStarts;

    @Option(names = "--kernel-runs", defaultValue = "3",
            description = "Fresh JVMs measuring the calibrated summary path, median taken; 0 leaves them out and reports this process's figure (default: ${DEFAULT-VALUE}).")
    int kernelRuns;

    /** In a fresh JVM started by {@link KernelBench}: measure that kernel only and print its JSON line. */
    @Option(names = "--kernel", hidden = true)
    String kernel;

    @Option(names = "--startup-runs", defaultValue = "5",
            description = "Fresh JVMs per start-up figure (evaluate, a chart export, the map's, the window's), median taken; 0 leaves them out (default: ${DEFAULT-VALUE}).")
    int startupRuns;

    @Spec
    CommandSpec spec;

    /** Keeps results alive so the JIT cannot drop the work. */
    static volatile double sink;

    static final int REDRAW_WARMUP = 100;
    static final int REDRAW_EDITS = 600;
    static final int FRONTIER_WARMUP = 40;
    static final int FRONTIER_EDITS = 100;
    static final int SERVED_WARMUP = 10;
    static final int SERVED_EDITS = 40;

    @Override
    public Integer call() throws Exception {
        if (!(seconds > 0) || seconds > 600) {
            throw new IllegalArgumentException("--seconds: bad value " + seconds + " (must be in (0, 600])");
        }
        if (windowStarts < 0 || windowStarts > 20) {
            throw new IllegalArgumentException("--window-starts: bad value " + windowStarts + " (must be in [0, 20])");
        }
        if (startupRuns < 0 || startupRuns > 100) {
            throw new IllegalArgumentException("--startup-runs: bad value " + startupRuns + " (must be in [0, 100])");
        }
        if (kernelRuns < 0 || kernelRuns > 20) {
            throw new IllegalArgumentException("--kernel-runs: bad value " + kernelRuns + " (must be in [0, 20])");
        }
        if (kernel != null && !kernel.equals("calibrated")) {
            throw new IllegalArgumentException("--kernel: bad value " + kernel + " (must be calibrated)");
        }
        PrintWriter out = spec.commandLine().getOut();
        Engine engine = Engines.builtIn();
        Scenario calibrated = Presets.builtInScenario("default");
        Scenario seed = calibrated.withFidelity(Fidelity.reproducing());
        double warm = Math.min(1.0, seconds);
        if (kernel != null) {
            // as the window runs it: detailed evaluations of the calibrated scenario, then its summary path
            SpeedProbe.detailedPerSecond(engine, calibrated, warm / 2);
            SpeedProbe.summaryPerSecond(engine, calibrated, warm);
            out.println(Reports.jsonLine(KernelBench.KEY,
                    Math.round(SpeedProbe.summaryPerSecond(engine, calibrated, seconds))));
            out.flush();
            return RidgelineCommand.OK;
        }
        out.println("warming up and measuring ...");
        out.flush();
        // Each figure is warmed and measured before the next kind of work runs: the JIT shares one kernel's profile
        // between fidelities and the detailed path, and a kernel measured after the others runs slower (JMH forks a
        // fresh JVM per figure; so does KernelBench for the calibrated figure; decision 0005, README "Speed").
        SpeedProbe.summaryPerSecond(engine, seed, warm);
        double perSecond = SpeedProbe.summaryPerSecond(engine, seed, seconds);
        out.printf(Locale.ROOT, "engine, summary path, seed: %.0f evaluations/s on one thread%n", perSecond);
        SpeedProbe.summaryPerSecond(engine, calibrated, warm);
        double afterSeedPerSecond = SpeedProbe.summaryPerSecond(engine, calibrated, seconds);
        out.printf(Locale.ROOT, "engine, summary path, calibrated, after the seed kernel in this process: %.0f "
                + "evaluations/s on one thread%n", afterSeedPerSecond);
        KernelBench.Result kernels = null;
        double calibratedPerSecond = afterSeedPerSecond;
        if (kernelRuns > 0) {
            out.flush();
            kernels = KernelBench.calibrated(kernelRuns, seconds);
            calibratedPerSecond = kernels.median();
            out.printf(Locale.ROOT, "engine, summary path, calibrated, fresh JVMs (detailed path first, as the window): "
                    + "median %.0f, least %.0f, most %.0f evaluations/s on one thread over %d JVMs%n",
                    kernels.median(), kernels.min(), kernels.max(), kernels.runs());
        }
        SpeedProbe.detailedPerSecond(engine, seed, warm / 2);
        double detailedPerSecond = SpeedProbe.detailedPerSecond(engine, seed, seconds);
        out.printf(Locale.ROOT, "engine, detailed evaluation, seed: %.0f evaluations/s on one thread%n", detailedPerSecond);
        double sweepPerSecond = SpeedProbe.sweepPointsPerSecond(engine, seed, seconds);
        out.printf(Locale.ROOT, "sweep, seed, %d threads: %.0f points/s%n", Runtime.getRuntime().availableProcessors(),
                sweepPerSecond);
        for (int i = 0; i < 5; i++) {
            searches(engine);
        }
        int rounds = 10;
        long t0 = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            searches(engine);
        }
        double searchMillis = (System.nanoTime() - t0) / 1e6 / rounds;
        out.printf(Locale.ROOT, "seed search (targets 20 and 15): %.2f ms%n", searchMillis);
        out.println("window: timing " + REDRAW_EDITS + " random edits headless ...");
        out.flush();
        RedrawBench.Result redraw = RedrawBench.run(REDRAW_WARMUP, REDRAW_EDITS, 20261123L);
        out.printf(Locale.ROOT, "window: edit -> redrawn p50 %.2f ms, p95 %.2f ms over %d edits%n",
                redraw.p50Millis(), redraw.p95Millis(), redraw.edits());
        out.println("frontier: timing " + FRONTIER_EDITS + " chip edits headless ...");
        out.flush();
        FrontierBench.Result frontier = FrontierBench.run(FRONTIER_WARMUP, FRONTIER_EDITS, 20261123L);
        out.printf(Locale.ROOT, "frontier: chip edit -> frontier redrawn p50 %.2f ms, p95 %.2f ms over %d edits of >= %d "
                        + "deployments; %s%n", frontier.p50Millis(), frontier.p95Millis(), frontier.edits(),
                frontier.minDeployments(), frontier.describe());
        out.println("served: timing " + SERVED_EDITS + " chip edits headless ...");
        out.flush();
        ServedBench.Result served = ServedBench.run(SERVED_WARMUP, SERVED_EDITS, 20261206L);
        out.printf(Locale.ROOT, "served: chip edit -> served view redrawn p50 %.2f ms, p95 %.2f ms over %d edits; CPU time "
                + "per edit, all threads: %.2f ms%n", served.p50Millis(), served.p95Millis(), served.edits(),
                served.cpuP50Millis());
        StartupBench.Result startup = null;
        if (startupRuns > 0) {
            out.println("start-up: each command in " + startupRuns + " fresh JVMs ...");
            out.flush();
            startup = StartupBench.run(startupRuns);
            out.printf(Locale.ROOT, "start-up, fresh JVM, median wall time (class-data sharing %s): evaluate %.0f ms (CPU %.0f"
                            + " ms); export roofline %.0f ms, map %.0f ms, window %.0f ms; report PDF %.0f ms (CPU %.0f ms)%n",
                    startup.sharedArchive() ? "on" : "off", startup.evaluateMillis(), startup.evaluateCpuMillis(),
                    startup.rooflineExportMillis(),
                    startup.mapExportMillis(), startup.windowExportMillis(), startup.reportPdfMillis(),
                    startup.reportPdfCpuMillis());
        }
        WindowStartBench.Result start = null;
        if (windowStarts > 0 && WindowStartBench.available()) {
            out.println("window: timing " + windowStarts + " cold starts in fresh processes ...");
            out.flush();
            start = WindowStartBench.run(windowStarts);
            out.printf(Locale.ROOT, "window: cold start -> first result drawn %.0f ms (CPU %.0f ms, every thread), median of %d%n",
                    start.wallMillis(), start.cpuMillis(), start.runs());
        } else if (windowStarts > 0) {
            out.println("window: cold start not timed (this runtime has no bin/java to start a fresh process)");
        }
        List<Object> figures = new ArrayList<>(List.of("evaluationsPerSecond", Math.round(perSecond),
                "calibratedEvaluationsPerSecond", Math.round(calibratedPerSecond),
                "calibratedAfterSeedEvaluationsPerSecond", Math.round(afterSeedPerSecond),
                "detailedEvaluationsPerSecond", Math.round(detailedPerSecond),
                "sweepPointsPerSecond", Math.round(sweepPerSecond),
                "searchMillis", Math.round(searchMillis * 100) / 100.0,
                "redrawP50Millis", Math.round(redraw.p50Millis() * 100) / 100.0,
                "redrawP95Millis", Math.round(redraw.p95Millis() * 100) / 100.0,
                "frontierP50Millis", Math.round(frontier.p50Millis() * 100) / 100.0,
                "frontierP95Millis", Math.round(frontier.p95Millis() * 100) / 100.0,
                "frontierDeployments", frontier.minDeployments(),
                "servedP50Millis", Math.round(served.p50Millis() * 100) / 100.0,
                "servedP95Millis", Math.round(served.p95Millis() * 100) / 100.0,
                "servedCpuP50Millis", Math.round(served.cpuP50Millis() * 100) / 100.0));
        if (kernels != null) {
            figures.addAll(List.of("calibratedMinEvaluationsPerSecond", Math.round(kernels.min()),
                    "calibratedMaxEvaluationsPerSecond", Math.round(kernels.max())));
        }
        if (start != null) {
            figures.addAll(List.of("windowStartMillis", Math.round(start.wallMillis()),
                    "windowStartCpuMillis", Math.round(start.cpuMillis())));
        }
        if (startup != null) {
            figures.addAll(List.of("startupEvaluateMillis", Math.round(startup.evaluateMillis()),
                    "startupRooflineExportMillis", Math.round(startup.rooflineExportMillis()),
                    "startupMapExportMillis", Math.round(startup.mapExportMillis()),
                    "startupWindowExportMillis", Math.round(startup.windowExportMillis()),
                    "reportPdfMillis", Math.round(startup.reportPdfMillis())));
            if (Double.isFinite(startup.evaluateCpuMillis())) {
                figures.addAll(List.of("startupEvaluateCpuMillis", Math.round(startup.evaluateCpuMillis())));
            }
            if (Double.isFinite(startup.reportPdfCpuMillis())) {
                figures.addAll(List.of("reportPdfCpuMillis", Math.round(startup.reportPdfCpuMillis())));
            }
        }
        out.println(Reports.jsonLine(figures.toArray()));
        out.flush();
        return RidgelineCommand.OK;
    }

    static void searches(Engine engine) {
        sink = SearchCommand.run(engine, 20, Fidelity.reproducing()).size()
                + SearchCommand.run(engine, 15, Fidelity.reproducing()).size();
    }
}
