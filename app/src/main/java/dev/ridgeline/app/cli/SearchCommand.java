package dev.ridgeline.app.cli;

import dev.ridgeline.engine.io.Catalog;
import dev.ridgeline.engine.io.Presets;
import dev.ridgeline.engine.io.Reports;
import dev.ridgeline.engine.model.Fidelity;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.search.SearchRow;
import dev.ridgeline.engine.search.SeedSearch;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ridgeline search}: seed 000's configuration search over its five GPUs and two NICs. */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = "Seed 000's search: the best configuration per (GPU, NIC, EP, param bytes) meeting a user tokens/s target.")
final class SearchCommand implements Callable<Integer> {
    @Option(names = "--target-tps", required = true, description = "User tokens/s each kept configuration must reach.")
    double targetTps;

    @Option(names = "--fidelity", defaultValue = "calibrated",
            description = "calibrated (default) or seed (seed 000 as published: reproduces the post's two tables).")
    String fidelity;

    @Option(names = "--format", defaultValue = "table", description = "table, csv or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Formats.check("--format", format, "table", "csv", "json");
        Formats.check("--fidelity", fidelity, "seed", "calibrated");
        if (!(targetTps > 0) || Double.isInfinite(targetTps)) {
            throw new IllegalArgumentException("--target-tps: bad value " + targetTps + " (must be > 0)");
        }
        List<SearchRow> rows = run(targetTps, Fidelity.valueOf(fidelity.toUpperCase(Locale.ROOT)));
        PrintWriter out = spec.commandLine().getOut();
        if (format.equalsIgnoreCase("csv")) {
            out.print(Reports.searchCsv(rows));
        } else if (format.equalsIgnoreCase("json")) {
            out.print(Reports.searchJson(rows));
        } else {
            out.printf(Locale.ROOT, "%-5s %-5s %-11s %4s %3s %3s %-5s %5s %9s %11s %3s%n", "GPU", "NIC", "policy", "EP",
                    "KV", "W", "promo", "batch", "user tps", "tps/card", "MTP");
            for (SearchRow r : rows) {
                out.printf(Locale.ROOT, "%-5s %-5s %-11s %4d %3d %3d %-5s %5d %9.2f %11.1f %3d%n", r.gpu(), r.nic(),
                        r.policy().label(), r.ep(), r.kvBytes(), r.paramBytes(), r.promotion(), r.batch(), r.userTps(),
                        r.throughputPerCard(), r.mtpDepth());
            }
        }
        out.flush();
        return RidgelineCommand.OK;
    }

    /** Seed 000's search over the seed's five GPUs and two NICs on DeepSeek-V3, in the given fidelity. */
    static List<SearchRow> run(double targetTps, Fidelity fidelity) {
        return run(dev.ridgeline.app.Engines.builtIn(), targetTps, fidelity);
    }

    static List<SearchRow> run(dev.ridgeline.engine.Engine engine, double targetTps, Fidelity fidelity) {
        Catalog c = Presets.builtIn();
        Scenario base = Scenario.defaults(c.model("DeepSeek-V3"), c.chip("H800"), c.nic("CX7")).withFidelity(fidelity);
        return SeedSearch.run(engine, base.model(), SeedSearch.SEED_GPUS.stream().map(c::chip).toList(),
                SeedSearch.SEED_NICS.stream().map(c::nic).toList(), targetTps, base);
    }
}
