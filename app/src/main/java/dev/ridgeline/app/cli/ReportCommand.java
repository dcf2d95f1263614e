package dev.ridgeline.app.cli;

import dev.ridgeline.app.Engines;
import dev.ridgeline.app.export.ImageExport;
import dev.ridgeline.app.report.ReportExport;
import dev.ridgeline.app.report.ReportFormat;
import dev.ridgeline.engine.io.Catalog;
import dev.ridgeline.engine.io.PresetException;
import dev.ridgeline.engine.io.Presets;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.report.Progress;
import dev.ridgeline.engine.report.Report;
import dev.ridgeline.engine.report.ReportRequest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ridgeline report}: the design-review report of a scenario (seed 003) as HTML, PDF or Markdown. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write the design-review report of a scenario (seed 003): HTML, PDF or Markdown by the extension of --out.")
final class ReportCommand implements Callable<Integer> {
    @Option(names = "--out", required = true, paramLabel = "FILE",
            description = "Output file: .html (one self-contained file), .pdf, or .md (figures as SVG beside it).")
    Path out;

    @Option(names = "--pin", paramLabel = "SCENARIO.json", description = "Scenario A, set beside this one.")
    Path pin;

    @Option(names = "--target-tps", defaultValue = "20",
            description = "Tokens/s per user the frontier's answer is for (default: ${DEFAULT-VALUE}).")
    double targetTps;

    @Option(names = "--compare-chips", split = ",", paramLabel = "CHIP,CHIP",
            description = "Chips the report's 'chip against chip' section compares the scenario's with (default: B200, H100 SXM5, MI300X; 'none' for none).")
    java.util.List<String> compareChips;

    @Mixin
    ScenarioOptions scenarioOptions;

    @Spec
    CommandSpec spec;

    /** The chips named by --compare-chips (the catalogue's default rivals without it; none for "none"). */
    private java.util.List<dev.ridgeline.engine.model.Chip> rivals(Catalog catalog) {
        if (compareChips == null) {
            return catalog.defaultRivals();
        }
        java.util.List<dev.ridgeline.engine.model.Chip> out = new java.util.ArrayList<>();
        for (String name : compareChips) {
            if (name.strip().equalsIgnoreCase("none")) {
                continue;
            }
            try {
                out.add(catalog.chip(name.strip()));
            } catch (PresetException | IllegalArgumentException e) {
                throw new IllegalArgumentException("--compare-chips: bad value " + dev.ridgeline.engine.model.Checks.quote(name)
                        + " (" + e.getMessage() + ")", e);
            }
        }
        return out;
    }

    @Override
    public Integer call() throws Exception {
        ReportFormat format = ReportFormat.of(out, "--out");
        if (!(targetTps > 0) || targetTps > 1e6) {
            throw new IllegalArgumentException("--target-tps: bad value " + targetTps + " (must be in (0, 1000000])");
        }
        Catalog catalog = UserCatalog.load(spec.commandLine().getErr());
        Scenario scenario = scenarioOptions.resolve(catalog);
        Scenario pinned = null;
        if (pin != null) {
            if (pin.toString().isEmpty()) {
                throw new IllegalArgumentException("--pin: bad value '' (an empty file name)");
            }
            try {
                pinned = Presets.readScenario(pin, catalog);
            } catch (PresetException | IllegalArgumentException e) {
                throw new IllegalArgumentException("--pin: " + e.getMessage(), e);
            }
        }
        ReportRequest request = ReportExport.request(scenario, pinned, targetTps, catalog, out, rivals(catalog));
        int threads = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "report-sweep");
            t.setDaemon(true);
            return t;
        });
        Report report;
        try {
            report = ReportExport.build(Engines.builtIn(), request, Progress.NONE, pool, threads);
        } finally {
            pool.shutdownNow();
        }
        try {
            ReportExport.write(report, out);
        } catch (IOException e) {
            throw new IllegalArgumentException("--out: " + ImageExport.cannotWrite(out, e), e);
        }
        spec.commandLine().getOut().printf("wrote %s (%s, %d sections, %d figures)%n", out, format.name(),
                report.sections().size(), report.figures().size());
        spec.commandLine().getOut().flush();
        return RidgelineCommand.OK;
    }
}
