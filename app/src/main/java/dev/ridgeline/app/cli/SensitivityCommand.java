package dev.ridgeline.app.cli;

import dev.ridgeline.app.Engines;
import dev.ridgeline.app.explorer.tuning.ObjectiveText;
import dev.ridgeline.app.explorer.tuning.TuningFigures;
import dev.ridgeline.app.explorer.tuning.TuningText;
import dev.ridgeline.engine.space.Objective;
import dev.ridgeline.engine.space.ServedRate;
import dev.ridgeline.engine.io.TuningReports;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.space.Sensitivity;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ridgeline sensitivity}: each chip and NIC field, the FA3 stage mode and the main assumptions moved down and
 * up by a step; the change of the headline (best throughput per card at the target, re-optimised) and of the fixed
 * deployment, largest first.
 */
@Command(name = "sensitivity", mixinStandardHelpOptions = true,
        description = "Which knob matters: every chip, NIC and assumption field (and, with --objective cost or power, the chip's price or power) moved down and up by a step; the change of the best figure at the target (tokens/s per card, $ per million output tokens or J per output token; deployment re-optimised) and of the scenario's own deployment, largest first.")
final class SensitivityCommand implements Callable<Integer> {
    @Mixin
    ScenarioOptions scenario;

    @Option(names = "--target-tps", defaultValue = "20", description = "Tokens/s per user the headline must reach (default: ${DEFAULT-VALUE}).")
    double targetTps;

    @Option(names = "--step", defaultValue = "0.1", description = "Relative step each way, in (0, 1) (default: ${DEFAULT-VALUE}, i.e. ±10 %%).")
    double step;

    @Option(names = "--format", defaultValue = "table", description = "table, csv or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Mixin
    ObjectiveOption objective;

    @Mixin
    WorkloadOptions workload;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Formats.check("--format", format, "table", "csv", "json");
        SolveCommand.positive("--target-tps", targetTps);
        if (!(step > 0 && step < 1)) {
            throw new IllegalArgumentException("--step: bad value " + dev.ridgeline.engine.model.Checks.number(step)
                    + " (must be in (0, 1), e.g. 0.1 for ±10 %)");
        }
        Objective o = objective.objective();
        Scenario s = scenario.resolve(UserCatalog.load(spec.commandLine().getErr()));
        ServedRate served = ObjectiveOption.served(o, workload, targetTps);
        Sensitivity.Result r = AllCores.run((executor, threads) -> Sensitivity.compute(Engines.builtIn(), s, targetTps,
                step, o, served, executor, threads, () -> false, p -> { }));
        PrintWriter out = spec.commandLine().getOut();
        if (format.equalsIgnoreCase("json")) {
            out.print(TuningReports.sensitivityJson(r, dev.ridgeline.engine.evidence.FrontierBands.headline(
                    dev.ridgeline.app.Engines.builtIn(), r.scenario(), r.headline())));
        } else if (format.equalsIgnoreCase("csv")) {
            out.print(TuningReports.sensitivityCsv(r));
        } else {
            printTable(out, r);
        }
        out.flush();
        return RidgelineCommand.OK;
    }

    static void printTable(PrintWriter out, Sensitivity.Result r) {
        out.println(r.scenario().summary());
        Objective o = r.objective();
        if (o.perCard()) {
            out.printf(Locale.ROOT, "headline at >= %s tokens/s per user: %s %s (re-optimised); fixed deployment: %s%n",
                    dev.ridgeline.engine.model.Checks.number(r.targetTps()),
                    r.headline() > 0 ? TuningText.tokens(r.headline()) : "none reaches it", o.figureName(),
                    TuningText.tokens(r.fixed()));
        } else {
            out.println(TuningFigures.headline(r));
        }
        out.printf(Locale.ROOT, "%-18s %-11s %-12s %-12s %-12s %19s %19s  %s%n", "knob " + TuningText.step(r.step()), "unit",
                "now", "down", "up", "re-optimised d/u", "fixed d/u", "note");
        for (Sensitivity.Bar b : r.bars()) {
            out.printf(Locale.ROOT, "%-18s %-11s %-12s %-12s %-12s %19s %19s  %s%n", b.knob().name(), b.knob().unit(),
                    TuningText.value(b.knob(), b.current()), side(b, b.down()), side(b, b.up()),
                    pair(o, ObjectiveText.change(o, b.down().headline(), r.headline()),
                            ObjectiveText.change(o, b.up().headline(), r.headline()), b),
                    pair(o, ObjectiveText.change(o, b.down().fixed(), r.fixed()),
                            ObjectiveText.change(o, b.up().fixed(), r.fixed()), b), TuningReports.note(r, b));
        }
    }

    private static String side(Sensitivity.Bar b, Sensitivity.Move m) {
        return m.refused() != null ? "-" : TuningText.value(b.knob(), m.value());
    }

    private static String pair(Objective o, Double down, Double up, Sensitivity.Bar b) {
        return (b.down().refused() != null || down == null ? "-" : ObjectiveText.delta(o, down)) + " / "
                + (b.up().refused() != null || up == null ? "-" : ObjectiveText.delta(o, up));
    }
}
