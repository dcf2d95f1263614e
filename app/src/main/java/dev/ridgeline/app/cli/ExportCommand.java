package dev.ridgeline.app.cli;

import dev.ridgeline.app.Engines;
import dev.ridgeline.app.export.ChartExport;
import dev.ridgeline.app.export.ImageExport;
import dev.ridgeline.app.export.ImageFormat;
import dev.ridgeline.app.explorer.ViewExport;
import dev.ridgeline.app.explorer.WindowExport;
import dev.ridgeline.app.export.ViewKind;
import dev.ridgeline.engine.io.Catalog;
import dev.ridgeline.engine.io.PresetException;
import dev.ridgeline.engine.io.Presets;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.serve.Workload;
import dev.ridgeline.engine.space.Knob;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ridgeline export}: renders the explorer's views headless to PNG, SVG or PDF (by the extension of --out). A
 * chart is drawn without the JavaFX toolkit ({@link ChartExport}); the whole window is a snapshot on it
 * ({@link WindowExport}).
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Render the window, the roofline, the Gantt, the frontier, the sensitivity or the map of two fields headless to PNG, SVG or PDF (by extension).")
final class ExportCommand implements Callable<Integer> {
    static final int MIN_WIDTH = 320;
    static final int MIN_HEIGHT = 160;
    static final int MAX_SIZE = 8192;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Output file: .png, .svg or .pdf.")
    Path out;

    @Option(names = "--view", defaultValue = "window", description = "window, roofline, gantt, frontier, sensitivity, map or served (default: ${DEFAULT-VALUE}); served takes the workload flags (--isl, --osl, ...).")
    String view;

    @Option(names = "--tab", description = "The side tab shown in a window export: results, chip, balance, sensitivity or target (default: results).")
    String tab;

    @Option(names = "--target-tps", defaultValue = "20",
            description = "Tokens/s per user the frontier's best deployment, the sensitivity's and the map's headline and the served decode pool must reach (default: ${DEFAULT-VALUE}).")
    double targetTps;

    @Option(names = "--pin", paramLabel = "SCENARIO.json",
            description = "Pin this scenario as A: the window's tiles say how the exported scenario compares with it.")
    Path pin;

    @Option(names = "--x-field", paramLabel = "NAME", description = "The map's field along x (default: HBM bandwidth); names: presets fields.")
    String xField;

    @Option(names = "--y-field", paramLabel = "NAME", description = "The map's field along y (default: FP8 tensor rate).")
    String yField;

    @Option(names = "--width", defaultValue = "1366", description = "Width in pixels (default: ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--height", defaultValue = "768", description = "Height in pixels, footer included (default: ${DEFAULT-VALUE}).")
    int height;

    @Mixin
    ScenarioOptions scenarioOptions;

    @Mixin
    ObjectiveOption objective;

    @Mixin
    WorkloadOptions workloadOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ImageFormat format = ImageFormat.of(out, "--out");
        ViewKind kind = ViewKind.of(view);
        size("--width", width, MIN_WIDTH);
        size("--height", height, MIN_HEIGHT);
        SolveCommand.positive("--target-tps", targetTps);
        if (tab != null && kind != ViewKind.WINDOW) {
            throw new IllegalArgumentException("--tab: bad value " + dev.ridgeline.engine.model.Checks.quote(tab)
                    + " (a side tab of --view window; --view " + kind.label() + " has none)");
        }
        int sideTab = kind == ViewKind.WINDOW ? WindowExport.sideTab("--tab", tab == null ? "results" : tab) : 0;
        Knob[] mapFields = MapFields.of(xField, yField);
        dev.ridgeline.engine.space.Objective o = objective.objective();
        Catalog catalog = UserCatalog.load(spec.commandLine().getErr());
        Scenario scenario = scenarioOptions.resolve(catalog);
        Workload workload = workloadOptions.workload(Workload.DEFAULT, false, targetTps);
        ChartExport.Request request = new ChartExport.Request(scenario, pinned(catalog), targetTps, mapFields[0],
                mapFields[1], catalog.chips(), o, workload);
        ExecutorService workers = AllCores.pool();
        try {
            if (kind == ViewKind.WINDOW) {
                WindowExport.write(request, sideTab, out, width, height, workers, AllCores.threads());
            } else {
                ChartExport.write(Engines.builtIn(), kind, request, out, width, height, workers, AllCores.threads());
            }
        } catch (IOException e) {
            // the target cannot be written (a folder, read-only, missing, too long a name): bad input, not a bug
            throw new IllegalArgumentException("--out: " + ImageExport.cannotWrite(out, e), e);
        } finally {
            workers.shutdownNow();
        }
        spec.commandLine().getOut().printf("wrote %s (%s, %s, %dx%d)%n", out, kind.label(), format.name(), width, height);
        spec.commandLine().getOut().flush();
        return RidgelineCommand.OK;
    }

    private Scenario pinned(Catalog catalog) {
        if (pin == null) {
            return null;
        }
        if (pin.toString().isEmpty()) {
            throw new IllegalArgumentException("--pin: bad value '' (an empty file name)");
        }
        try {
            return Presets.readScenario(pin, catalog);
        } catch (PresetException | IllegalArgumentException e) {
            throw new IllegalArgumentException("--pin: " + e.getMessage(), e);
        }
    }

    private static void size(String flag, int value, int min) {
        if (value < min || value > MAX_SIZE) {
            throw new IllegalArgumentException(flag + ": bad value " + value + " (must be in [" + min + ", " + MAX_SIZE + "])");
        }
    }
}
