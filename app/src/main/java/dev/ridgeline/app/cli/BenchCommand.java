package dev.ridgeline.app.cli;

import dev.ridgeline.app.explorer.RedrawBench;
import dev.ridgeline.engine.Engine;
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
 * {@code ridgeline bench}: in-process speed after warm-up. Prints progress lines, then one JSON line last:
 * {@code {"evaluationsPerSecond": n, "searchMillis": ms, "redrawP50Millis": ms, "redrawP95Millis": ms}}; the redraw
 * figures time a scenario edit until the window has redrawn, headless ({@link RedrawBench}).
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
        Scenario base = Presets.builtInScenario("default");
        out.println("warming up ...");
        out.flush();
        evaluations(base, Math.min(1.0, seconds));
        double perSecond = evaluations(base, seconds);
        out.printf(Locale.ROOT, "engine: %.0f evaluations/s on one thread%n", perSecond);
        for (int i = 0; i < 5; i++) {
            searches();
        }
        int rounds = 10;
        long t0 = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            searches();
        }
        double searchMillis = (System.nanoTime() - t0) / 1e6 / rounds;
        out.printf(Locale.ROOT, "seed search (targets 20 and 15): %.2f ms%n", searchMillis);
        out.println("window: timing " + REDRAW_EDITS + " random edits headless ...");
        out.flush();
        RedrawBench.Result redraw = RedrawBench.run(REDRAW_WARMUP, REDRAW_EDITS, 20261123L);
        out.printf(Locale.ROOT, "window: edit -> redrawn p50 %.2f ms, p95 %.2f ms over %d edits%n",
                redraw.p50Millis(), redraw.p95Millis(), redraw.edits());
        out.println(Reports.jsonLine("evaluationsPerSecond", Math.round(perSecond),
                "searchMillis", Math.round(searchMillis * 100) / 100.0,
                "redrawP50Millis", Math.round(redraw.p50Millis() * 100) / 100.0,
                "redrawP95Millis", Math.round(redraw.p95Millis() * 100) / 100.0));
        out.flush();
        return RidgelineCommand.OK;
    }

    /** Evaluations per second over {@code seconds}, cycling batch, EP and policy so no result is constant. */
    static double evaluations(Scenario base, double seconds) {
        Scenario[] variants = new Scenario[64];
        for (int i = 0; i < variants.length; i++) {
            variants[i] = base.withBatch(8 + 8 * (i % 16)).withEp(i % 2 == 0 ? 144 : 320)
                    .withPolicy(i % 4 < 2 ? base.policy() : dev.ridgeline.engine.model.Policy.NAIVE);
        }
        Engine engine = dev.ridgeline.app.Engines.builtIn();
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        long count = 0;
        long start = System.nanoTime();
        double acc = 0;
        while (System.nanoTime() < deadline) {
            for (int i = 0; i < 1024; i++) {
                acc += engine.evaluate(variants[i & 63]).userTokensPerSec();
            }
            count += 1024;
        }
        sink = acc;
        return count / ((System.nanoTime() - start) / 1e9);
    }

    static void searches() {
        sink = SearchCommand.run(20, Fidelity.SEED).size() + SearchCommand.run(15, Fidelity.SEED).size();
    }
}
