package dev.ridgeline.app.cli;

import dev.ridgeline.app.explorer.RedrawBench;
import dev.ridgeline.app.Engines;
import dev.ridgeline.engine.Engine;
import dev.ridgeline.engine.sweep.SpeedProbe;
import dev.ridgeline.engine.io.Presets;
import dev.ridgeline.engine.io.Reports;
import dev.ridgeline.engine.model.Fidelity;
import dev.ridgeline.engine.model.Scenario;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ridgeline bench}: in-process speed after warm-up ({@link SpeedProbe}; JMH measures the same kernels). Prints
 * progress lines, then one JSON line last: {@code evaluationsPerSecond} (summary path, seed, one thread),
 * {@code calibratedEvaluationsPerSecond}, {@code detailedEvaluationsPerSecond}, {@code sweepPointsPerSecond} (every
 * core), {@code searchMillis} (both seed searches), {@code redrawP50Millis} and {@code redrawP95Millis} (a scenario
 * edit until the window has redrawn, headless, {@link RedrawBench}).
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Measure engine speed (evaluations per second, seed search time).")
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--seconds", defaultValue = "3", description = "Measurement time for the evaluation loop (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Spec
    CommandSpec spec;

    /** Keeps results alive so the JIT cannot drop the work. */
    static volatile double sink;

    static final int REDRAW_WARMUP = 100;
    static final int REDRAW_EDITS = 600;

    @Override
    public Integer call() throws Exception {
        if (!(seconds > 0) || seconds > 600) {
            throw new IllegalArgumentException("--seconds: bad value " + seconds + " (must be in (0, 600])");
        }
        PrintWriter out = spec.commandLine().getOut();
        Engine engine = Engines.builtIn();
        Scenario seed = Presets.builtInScenario("default");
        Scenario calibrated = seed.withFidelity(Fidelity.CALIBRATED);
        out.println("warming up ...");
        out.flush();
        double warm = Math.min(1.0, seconds);
        SpeedProbe.summaryPerSecond(engine, seed, warm);
        SpeedProbe.summaryPerSecond(engine, calibrated, warm);
        SpeedProbe.detailedPerSecond(engine, seed, warm / 2);
        double perSecond = SpeedProbe.summaryPerSecond(engine, seed, seconds);
        out.printf(Locale.ROOT, "engine, summary path, seed: %.0f evaluations/s on one thread%n", perSecond);
        double calibratedPerSecond = SpeedProbe.summaryPerSecond(engine, calibrated, seconds);
        out.printf(Locale.ROOT, "engine, summary path, calibrated: %.0f evaluations/s on one thread%n", calibratedPerSecond);
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
        out.println(Reports.jsonLine("evaluationsPerSecond", Math.round(perSecond),
                "calibratedEvaluationsPerSecond", Math.round(calibratedPerSecond),
                "detailedEvaluationsPerSecond", Math.round(detailedPerSecond),
                "sweepPointsPerSecond", Math.round(sweepPerSecond),
                "searchMillis", Math.round(searchMillis * 100) / 100.0,
                "redrawP50Millis", Math.round(redraw.p50Millis() * 100) / 100.0,
                "redrawP95Millis", Math.round(redraw.p95Millis() * 100) / 100.0));
        out.flush();
        return RidgelineCommand.OK;
    }

    static void searches(Engine engine) {
        sink = SearchCommand.run(engine, 20, Fidelity.SEED).size() + SearchCommand.run(engine, 15, Fidelity.SEED).size();
    }
}
