package dev.ridgeline.app.cli;

import dev.ridgeline.app.Engines;
import dev.ridgeline.app.explorer.tuning.CompareText;
import dev.ridgeline.engine.io.Catalog;
import dev.ridgeline.engine.io.CompareReports;
import dev.ridgeline.engine.io.PresetException;
import dev.ridgeline.engine.model.Checks;
import dev.ridgeline.engine.model.Chip;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.space.ChipComparison;
import dev.ridgeline.engine.space.Objective;
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
 * {@code ridgeline compare --chips H800,B200}: chip against chip, each at its own best deployment at the target, on
 * throughput, cost and power (DESIGN 4d). The scenario flags set the model, NIC, context and fidelity;
 * {@code --chip-field} edits apply to every chip compared (e.g. one price for all).
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Chip against chip, best against best: each chip at its own best deployment at --target-tps tokens/s per user, ranked on tokens/s per card, $ per million output tokens and J per output token (decode only), with the price at which each breaks even with the cheapest.")
final class CompareCommand implements Callable<Integer> {
    @Option(names = "--chips", required = true, split = ",", paramLabel = "CHIP,CHIP[,...]",
            description = "Two or more chip presets, e.g. H800,B200 (names: presets list).")
    List<String> chips;

    @Option(names = "--target-tps", defaultValue = "20", description = "Tokens/s per user each chip's best deployment must reach (default: ${DEFAULT-VALUE}).")
    double targetTps;

    @Option(names = "--format", defaultValue = "table", description = "table, csv or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Mixin
    ObjectiveOption objective;

    @Mixin
    ScenarioOptions scenario;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Formats.check("--format", format, "table", "csv", "json");
        SolveCommand.positive("--target-tps", targetTps);
        Objective o = objective.objective();
        Catalog catalog = UserCatalog.load(spec.commandLine().getErr());
        Scenario base = scenario.resolve(catalog);
        List<Chip> compared = chips(catalog, base);
        ChipComparison.Result r = AllCores.run((executor, threads) -> ChipComparison.compute(Engines.builtIn(), base,
                compared, targetTps, o, executor, threads, () -> false, p -> { }));
        PrintWriter out = spec.commandLine().getOut();
        if (format.equalsIgnoreCase("json")) {
            out.print(CompareReports.json(r));
        } else if (format.equalsIgnoreCase("csv")) {
            out.print(CompareReports.csv(r));
        } else {
            table(out, r);
        }
        out.flush();
        return RidgelineCommand.OK;
    }

    /** The chips named, each with the {@code --chip-field} edits applied; at least two. */
    private List<Chip> chips(Catalog catalog, Scenario base) {
        List<String> names = chips.stream().map(String::strip).filter(n -> !n.isEmpty()).toList();
        if (names.size() < 2) {
            throw new IllegalArgumentException("--chips: bad value " + Checks.quote(String.join(",", chips))
                    + " (give two or more chips, e.g. H800,B200)");
        }
        List<Chip> out = new ArrayList<>();
        for (String name : names) {
            Chip c;
            try {
                c = catalog.chip(name);
            } catch (PresetException | IllegalArgumentException e) {
                throw new IllegalArgumentException("--chips: bad value " + Checks.quote(name) + " (" + e.getMessage() + ")", e);
            }
            out.add(ChipFieldFlags.apply(base.withChip(c), scenario.chipFields).chip());
        }
        return out;
    }

    static void table(PrintWriter out, ChipComparison.Result r) {
        Scenario s = r.base();
        out.printf(Locale.ROOT, "%s / %s / L%d / %s: each chip at its best deployment at >= %s tokens/s per user, "
                + "ranked %s (%s)%n", s.model().name(), s.nic().name(), s.contextTokens(), s.fidelity().label(),
                Checks.number(r.targetTps()), r.objective() == Objective.THROUGHPUT ? "by tokens/s per card"
                        : "by " + r.objective().figureName(), dev.ridgeline.engine.TokenCost.BASIS);
        List<List<String>> rows = new ArrayList<>();
        rows.add(CompareText.HEADINGS);
        rows.addAll(CompareText.rows(r));
        int[] width = new int[CompareText.HEADINGS.size()];
        for (List<String> row : rows) {
            for (int c = 0; c < width.length; c++) {
                width[c] = Math.max(width[c], row.get(c).length());
            }
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < width.length; c++) {
                line.append(String.format(Locale.ROOT, c == 1 || c == 6 ? "%-" + width[c] + "s  " : "%" + width[c] + "s  ",
                        row.get(c)));
            }
            out.println(line.toString().stripTrailing());
        }
        out.println();
        CompareText.findings(r).forEach(out::println);
        out.println("sources:");
        CompareText.sources(r).forEach(line -> out.println("  " + line));
    }
}
