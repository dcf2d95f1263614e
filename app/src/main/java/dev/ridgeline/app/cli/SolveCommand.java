package dev.ridgeline.app.cli;

import dev.ridgeline.app.Engines;
import dev.ridgeline.app.explorer.tuning.ObjectiveText;
import dev.ridgeline.app.explorer.tuning.TuningText;
import dev.ridgeline.engine.space.Objective;
import dev.ridgeline.engine.space.ServedRate;
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
        description = "What spec reaches a target: for each chip and NIC field alone (and the price or power on --objective cost or power), the smallest value (largest for a latency, a price or a power) that gives at least --min-throughput (at most --max-cost or --max-energy) at --target-tps tokens/s per user, deployment re-optimised; or what stops it.")
final class SolveCommand implements Callable<Integer> {
    @Mixin
    ScenarioOptions scenario;

    @Option(names = "--target-tps", required = true, description = "Tokens/s per user each deployment must reach.")
    double targetTps;

    @Option(names = "--min-throughput", description = "Throughput per card (per node with --per-node) to reach, tokens/s (--objective throughput).")
    Double minThroughput;

    @Option(names = "--max-cost", description = "Dollars per million output tokens to reach, at most (--objective cost), e.g. 0.10.")
    Double maxCost;

    @Option(names = "--max-energy", description = "Joules per output token to reach, at most (--objective power).")
    Double maxEnergy;

    @Mixin
    ObjectiveOption objective;

    @Mixin
    WorkloadOptions workload;

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
        Objective o = objective.objective();
        double goal = goal(o);
        List<Knob> knobs = new ArrayList<>();
        for (String name : fields == null ? List.<String>of() : fields) {
            knobs.add(ChipFieldFlags.field("--field", name, name));
        }
        Scenario s = scenario.resolve(UserCatalog.load(spec.commandLine().getErr()));
        if (knobs.isEmpty()) {
            knobs = Solve.fields(o, s.chip());
        }
        ServedRate served = ObjectiveOption.served(o, workload, targetTps);
        Solve.Target target = new Solve.Target(targetTps, o, goal, perNode, served);
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
            double now = Sensitivity.headline(Engines.builtIn(), s, targetTps, o, served);
            if (o.perCard()) {
                out.printf(Locale.ROOT, "target: >= %s tokens/s per user and >= %s %stokens/s per %s; now %s per card%n",
                        Checks.number(targetTps), Checks.number(goal), o == Objective.SERVED ? "served output " : "",
                        perNode ? "node" : "card",
                        now > 0 ? TuningText.tokens(now) : "none reaches the tokens/s per user");
            } else {
                out.printf(Locale.ROOT, "target: >= %s tokens/s per user and %s %s; now %s%n", Checks.number(targetTps),
                        ObjectiveText.reaches(o), ObjectiveText.figure(o, goal), !o.available(s.chip())
                                ? ObjectiveText.missing(o, s.chip()) : now > 0 ? ObjectiveText.score(o, now)
                                : "none reaches the tokens/s per user");
                out.println((o == Objective.COST ? s.chip().cost().priceNote() : s.chip().cost().powerNote())
                        + "; " + dev.ridgeline.engine.TokenCost.BASIS);
            }
            for (Solve.Answer a : answers) {
                out.println("  " + TuningText.answer(a));
            }
        }
        out.flush();
        return RidgelineCommand.OK;
    }

    /** The goal flag of the objective, which must be given; another objective's goal flag is refused. */
    private double goal(Objective o) {
        java.util.Map<Objective, Double> given = new java.util.EnumMap<>(Objective.class);
        given.put(Objective.THROUGHPUT, minThroughput);
        given.put(Objective.COST, maxCost);
        given.put(Objective.POWER, maxEnergy);
        given.put(Objective.SERVED, minThroughput);
        String wanted = Solve.Target.goalFlag(o);
        for (Objective other : Objective.values()) {
            if (!Solve.Target.goalFlag(other).equals(wanted) && given.get(other) != null) {
                throw new IllegalArgumentException(Solve.Target.goalFlag(other) + ": not a goal of --objective "
                        + o.label() + " (use " + wanted + ")");
            }
        }
        Double goal = given.get(o);
        if (goal == null) {
            throw new IllegalArgumentException(wanted + ": missing (the goal of --objective " + o.label() + ")");
        }
        positive(wanted, goal);
        return goal;
    }

    static void positive(String flag, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(flag + ": bad value " + Checks.number(value) + " (must be > 0)");
        }
    }
}
