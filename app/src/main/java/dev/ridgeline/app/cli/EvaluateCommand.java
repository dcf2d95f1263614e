package dev.ridgeline.app.cli;

import dev.ridgeline.engine.Evaluation;
import dev.ridgeline.engine.ReadingsInForce;
import dev.ridgeline.engine.evidence.Bands;
import dev.ridgeline.engine.io.Reports;
import dev.ridgeline.engine.memory.Fit;
import dev.ridgeline.engine.roofline.OpResult;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ridgeline evaluate}: one design point, as a table, JSON or CSV of its ops. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, description = "Evaluate one scenario.")
final class EvaluateCommand implements Callable<Integer> {
    @Mixin
    ScenarioOptions scenario;

    @Option(names = "--format", defaultValue = "table", description = "table, json or csv (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--phase", defaultValue = "decode", description = "decode, or prefill: one prefill step of --isl prompts (default: ${DEFAULT-VALUE}).")
    String phase;

    @Option(names = "--isl", description = "Prefill: prompt length, tokens (required with --phase prefill).")
    Integer isl;

    @Option(names = "--cache-hit", description = "Prefill: fraction of the prompt found in the prefix cache, 0..1 (default 0).")
    Double cacheHit;

    @Option(names = "--chunk", description = "Prefill: tokens per card per step (default 16384, as DeepSeek's profile runs).")
    Integer chunk;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Formats.check("--format", format, "table", "json", "csv");
        Formats.check("--phase", phase, "decode", "prefill");
        if (phase.equalsIgnoreCase("prefill")) {
            return PrefillOutput.run(this);
        }
        if (isl != null || cacheHit != null || chunk != null) {
            throw new IllegalArgumentException((isl != null ? "--isl" : cacheHit != null ? "--cache-hit" : "--chunk")
                    + " is a prefill flag: add --phase prefill (decode reads its context from --context)");
        }
        // the scenario first, as the other commands do: its files are read here while the launcher's presets thread
        // makes the calibration, which the engine then waits for (the other way round, this thread made the
        // calibration while that one waited, then both read the scenario's files)
        dev.ridgeline.engine.model.Scenario s = scenario.resolve(UserCatalog.load(spec.commandLine().getErr()));
        dev.ridgeline.engine.Engine engine = dev.ridgeline.app.Engines.builtIn();
        Evaluation e = engine.evaluate(s);
        Bands bands = Bands.of(engine.calibration(), e);
        PrintWriter out = spec.commandLine().getOut();
        if (format.equalsIgnoreCase("json")) {
            out.print(Reports.evaluationJson(e, bands));
        } else if (format.equalsIgnoreCase("csv")) {
            out.print(Reports.opsCsv(e));
        } else {
            printTable(out, e, bands);
        }
        out.flush();
        return RidgelineCommand.OK;
    }

    /** " (2,450-2,890)": a band in the figure's printed unit. */
    private static String band(dev.ridgeline.engine.evidence.Band b, double scale, String format) {
        return " (" + String.format(Locale.ROOT, format, b.low() * scale) + "-" + String.format(Locale.ROOT, format,
                b.high() * scale) + ")";
    }

    private static void row(PrintWriter out, OpResult op, double sharePercent) {
        out.printf(Locale.ROOT, "%-26s %-9s %4d %12.4g %12.4g %10.2f %5.1f%% %-8s%n", op.name() + (op.extrapolated() ? " *" : ""),
                op.stage().label(), op.invocations(), op.flops(), op.totalBytes(), op.timeSec() * 1e6, sharePercent,
                op.bound().label());
    }

    /** $/M output tokens, J per output token, tokens/s per kW, or what is missing; with the price and power used. */
    static void printCost(PrintWriter out, dev.ridgeline.engine.TokenCost t) {
        out.println("$/M output tokens " + t.dollarsPerMillionOutputTokens().stream()
                .mapToObj(v -> String.format(Locale.ROOT, "%10.4f", v)).findFirst().orElse("  no price") + "   (decode only)");
        out.println("J/output token    " + t.joulesPerOutputToken().stream()
                .mapToObj(v -> String.format(Locale.ROOT, "%10.3f", v)).findFirst().orElse("  no power"));
        out.println("tokens/s per kW   " + t.outputTokensPerSecPerKw().stream()
                .mapToObj(v -> String.format(Locale.ROOT, "%10.1f", v)).findFirst().orElse("  no power"));
        out.println("price             " + t.cost().priceNote());
        out.println("power             " + t.cost().powerNote());
    }

    static void printTable(PrintWriter out, Evaluation e, Bands bands) {
        out.println(e.scenario().summary());
        out.printf(Locale.ROOT, "%-26s %-9s %4s %12s %12s %10s %6s %-8s%n", "op (per MoE layer)", "stage", "x", "FLOP", "bytes", "time us", "share", "bound");
        for (OpResult op : e.ops()) {
            row(out, op, 100 * op.timePerLayerSec() / e.layerTimeSec());
        }
        if (!e.stepOps().isEmpty()) {
            out.printf(Locale.ROOT, "%-26s %-9s %4s %12s %12s %10s %6s%n", "op (per step, outside)", "", "x", "", "", "", "of TPOT");
            for (OpResult op : e.stepOps()) {
                row(out, op, 100 * op.timePerLayerSec() / e.tpotSec());
            }
        }
        if (e.extrapolated()) {
            out.println("* calibrated beyond the measurements (another chip, dtype, shape or range); see ops' basis in --format json");
        }
        out.printf(Locale.ROOT, "layer time        %10.2f us%n", e.layerTimeSec() * 1e6);
        out.printf(Locale.ROOT, "TPOT              %10.2f ms%s%n", e.tpotSec() * 1e3,
                bands == null ? "" : band(bands.tpotSec(), 1e3, "%.2f"));
        out.printf(Locale.ROOT, "user tokens/s     %10.2f%s%n", e.userTokensPerSec(),
                bands == null ? "" : band(bands.userTokensPerSec(), 1, "%.2f"));
        out.printf(Locale.ROOT, "throughput/card   %10.1f tokens/s%s (node of %d: %.0f)%n", e.throughputPerCard(),
                bands == null ? "" : band(bands.throughputPerCard(), 1, "%.0f"), Evaluation.CARDS_PER_NODE,
                e.throughputPerNode());
        out.printf(Locale.ROOT, "max batch/card    %10d%n", e.maxBatch());
        printCost(out, e.tokenCost());
        out.printf(Locale.ROOT, "C/B balance       %10.2f TFLOPS per GB/s of EP link vs %.2f threshold (%s)%n",
                e.balance().tflopsPerGBps(), e.balance().thresholdTflopsPerGBps(),
                e.balance().communicationHidden() ? "communication can hide" : "link-bound");
        if (bands != null) {
            out.println("bands             P10-P90 from the calibration's held-out residuals, widened for extrapolation");
        }
        for (String reading : ReadingsInForce.of(e.scenario())) {
            out.println("reading           " + reading);
        }
        if (e.fit() instanceof Fit.OutOfMemory) {
            out.printf(Locale.ROOT, "OUT OF MEMORY: %.2f GiB missing for batch %d%n",
                    ((Fit.OutOfMemory) e.fit()).missingBytes() / (1L << 30), e.scenario().batchPerCard());
        }
    }
}
