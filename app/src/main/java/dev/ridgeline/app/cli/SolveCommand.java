package dev.ridgeline.app.cli;

import dev.ridgeline.app.Engines;
import dev.ridgeline.app.explorer.tuning.TuningText;
import dev.ridgeline.engine.io.TuningReports;
import dev.ridgeline.engine.model.Checks;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.space.Knob;
import dev.ridgeline.engine.space.Sensitivity;
import dev.ridgeline.engine.space.Solve;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ridgeline solve}: for each chip and NIC field alone, the value that just reaches a target (tokens/s per user
 * at least X and throughput per card, or per node, at least Y, the deployment re-optimised), or why none does.
 */
@Command(name = "solve", mixinStandardHelpOptions = true,
        description = "What spec reaches a target: for each chip and NIC field alone, the smallest value (largest for a latency) that gives at least --min-throughput at --target-tps tokens/s per user, deployment re-optimised; or what stops it.")
final class SolveCommand implements Callable<Integer> {
    @Mixin
    ScenarioOptions scenario;

    @Option(names = "--target-tps", required = true, description = "Tokens/s per user each deployment must reach.")
    double targetTps;

    @Option(names = "--min-throughput", required = true, description = "Throughput per card (per node with --per-node) to reach, tokens/s.")
    double minThroughput;

    @Option(names = "--per-node", description = "--min-throughput is per node of 8 cards.")
    boolean perNode;

    @Option(names = "--field", paramLabel = "NAME", description = "Solve only this field (repeatable; default: every field of presets fields).")
    List<String> fields;

    @Option(names = "--format", defaultValue = "table", description = "table, csv or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Formats.check("--format", format, "table", "csv", "json");
        positive("--target-tps", targetTps);
        positive("--min-throughput", minThroughput);
        List<Knob> knobs = new ArrayList<>();
        for (String name : fields == null ? List.<String>of() : fields) {
            knobs.add(ChipFieldFlags.field("--field", name, name));
        }
        if (knobs.isEmpty()) {
            knobs = Solve.fields();
        }
        Scenario s = scenario.resolve(UserCatalog.load(spec.commandLine().getErr()));
        Solve.Target target = new Solve.Target(targetTps, minThroughput, perNode);
        List<Knob> chosen = knobs;
        List<Solve.Answer> answers = AllCores.run((executor, threads) ->
                Solve.compute(Engines.builtIn(), s, target, chosen, executor, threads, () -> false, p -> { }));
        PrintWriter out = spec.commandLine().getOut();
        if (format.equalsIgnoreCase("json")) {
            out.print(TuningReports.solveJson(answers));
        } else if (format.equalsIgnoreCase("csv")) {
            out.print(TuningReports.solveCsv(answers));
        } else {
            out.println(s.summary());
            double now = Sensitivity.headline(Engines.builtIn(), s, targetTps);
            out.printf(Locale.ROOT, "target: >= %s tokens/s per user and >= %s tokens/s per %s; now %s per card%n",
                    Checks.number(targetTps), Checks.number(minThroughput), perNode ? "node" : "card",
                    now > 0 ? TuningText.tokens(now) : "none reaches the tokens/s per user");
            for (Solve.Answer a : answers) {
                out.println("  " + TuningText.answer(a));
            }
        }
        out.flush();
        return RidgelineCommand.OK;
    }

    static void positive(String flag, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(flag + ": bad value " + Checks.number(value) + " (must be > 0)");
        }
    }
}
