package dev.ridgeline.app.cli;

import dev.ridgeline.app.explorer.tuning.TuningText;
import dev.ridgeline.engine.io.TuningReports;
import dev.ridgeline.engine.model.Checks;
import dev.ridgeline.engine.model.ChipField;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.space.Knob;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ridgeline presets fields}: the names {@code --chip-field} takes, their units and values for a scenario. */
@Command(name = "fields", mixinStandardHelpOptions = true,
        description = "The chip fields (and NIC bandwidth) that --chip-field sets and solve answers, the chip's price and power among them: name, unit, value for the scenario's chip, accepted range.")
final class FieldsCommand implements Callable<Integer> {
    @Mixin
    ScenarioOptions scenario;

    @Option(names = "--format", defaultValue = "table", description = "table, csv or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Formats.check("--format", format, "table", "csv", "json");
        Scenario s = scenario.resolve(UserCatalog.load(spec.commandLine().getErr()));
        PrintWriter out = spec.commandLine().getOut();
        if (format.equalsIgnoreCase("json")) {
            out.print(TuningReports.fieldsJson(Knob.settable(), s));
        } else if (format.equalsIgnoreCase("csv")) {
            out.print(TuningReports.fieldsCsv(Knob.settable(), s));
        } else {
            out.println("--chip-field NAME=VALUE for " + s.chip().name() + " / " + s.nic().name() + ":");
            out.printf(Locale.ROOT, "%-20s %-11s %12s  %-28s %s%n", "field", "unit", "value", "accepted", "what it is");
            for (Knob k : Knob.settable()) {
                out.printf(Locale.ROOT, "%-20s %-11s %12s  %-28s %s%n", k.name(), TuningReports.unit(k), TuningText.value(k, k.of(s)),
                        k.stepped() ? "none, two-stage, three-stage"
                                : (k.accepts(0) && k.min() > 0 ? "0 (none) or " : "") + "[" + Checks.number(k.min()) + ", " + Checks.number(k.max()) + "]",
                        description(k));
            }
            out.println("price: " + s.chip().cost().priceNote());
            out.println("power: " + s.chip().cost().powerNote());
        }
        out.flush();
        return RidgelineCommand.OK;
    }

    static String description(Knob k) {
        if (k.kind() == Knob.Kind.NIC) {
            return "Effective scale-out bandwidth per card: EP traffic beyond the scale-up domain (1 GB = 1e9 bytes).";
        }
        return k.kind() == Knob.Kind.ASSUMPTION ? "" : ChipField.of(k.id()).description();
    }
}
