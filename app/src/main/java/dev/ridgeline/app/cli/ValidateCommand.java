package dev.ridgeline.app.cli;

import dev.ridgeline.app.Engines;
import dev.ridgeline.engine.io.Anchors;
import dev.ridgeline.engine.validation.Validation;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ridgeline validate}: calibrated fidelity against every published deployment in the anchor registry. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Ridgeline's figure for every published deployment (anchor) beside the published one, with its conditions, source and the error.")
final class ValidateCommand implements Callable<Integer> {
    @Option(names = "--format", defaultValue = "table", description = "table or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Formats.check("--format", format, "table", "json");
        Validation v = Validation.run(Engines.builtIn(), Anchors.builtIn());
        PrintWriter out = spec.commandLine().getOut();
        if (format.equalsIgnoreCase("json")) {
            out.print(Anchors.json(v));
        } else {
            table(out, v);
        }
        out.flush();
        return RidgelineCommand.OK;
    }

    static void table(PrintWriter out, Validation v) {
        out.printf(Locale.ROOT, "%-29s %-6s %-24s %12s %12s %-15s %7s%n", "anchor", "chip", "metric", "published",
                "ridgeline", "P10-P90", "error");
        for (Validation.Row r : v.rows()) {
            var a = r.anchor();
            String published = a.publishedLow() == a.publishedHigh() ? number(a.published())
                    : number(a.publishedLow()) + "-" + number(a.publishedHigh());
            out.printf(Locale.ROOT, "%-29s %-6s %-24s %12s %12s %-15s %+6.1f%%%s%n", a.id(), shortChip(a),
                    a.metric().label(), published, number(r.ours()), number(r.band().low()) + "-" + number(r.band().high()),
                    100 * r.error(), r.outsideBand() ? "  OUTSIDE the band" + (a.knownCause().isEmpty()
                            ? " (cause not known)" : " (known cause below)") : "");
        }
        out.printf(Locale.ROOT, "%d anchors on %d chips: median |error| %.1f %% (decode %.1f %%, prefill %.1f %%), worst "
                        + "%.1f %%; %d outside Ridgeline's P10-P90 band%n", v.rows().size(), v.chips().size(),
                100 * v.medianAbsError(), 100 * v.phase(false).medianAbsError(), 100 * v.phase(true).medianAbsError(),
                100 * v.worstAbsError(), v.rows().stream().filter(Validation.Row::outsideBand).count());
        out.println();
        for (Validation.Row r : v.rows()) {
            var a = r.anchor();
            out.printf(Locale.ROOT, "%s: %s%n  scenario: %s%n  conditions: %s%n  source: %s%n", a.id(), a.deployment(),
                    a.scenarioText(), a.conditions(), a.source());
            if (!a.knownCause().isEmpty()) {
                out.printf(Locale.ROOT, "  known cause: %s%n", a.knownCause());
            }
        }
    }

    private static String shortChip(dev.ridgeline.engine.validation.Anchor a) {
        String name = a.scenario().chip().name();
        int cut = name.indexOf(' ');
        return cut > 0 ? name.substring(0, cut) : name;
    }

    private static String number(double v) {
        return v >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
