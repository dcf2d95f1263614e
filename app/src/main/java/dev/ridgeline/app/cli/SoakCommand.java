package dev.ridgeline.app.cli;

import dev.ridgeline.app.explorer.Soak;
import dev.ridgeline.engine.io.Reports;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ridgeline soak --minutes N}: the window driven headless with random edits across every view for N minutes
 * ({@link Soak}); prints one JSON line: {@code edits}, {@code exceptions}, {@code heapStartMB} (the window up),
 * {@code heapWarmMB} (after its first minute), {@code heapEndMB}, {@code redrawP95Millis}. Exit 1 when any exception
 * was thrown (the first few go to the error stream).
 */
@Command(name = "soak", mixinStandardHelpOptions = true,
        description = "Drive the window headless with random edits across every view; print edits, exceptions, heap and redraw p95 as JSON.")
final class SoakCommand implements Callable<Integer> {
    @Option(names = "--minutes", defaultValue = "30", description = "How long to soak, minutes (default: ${DEFAULT-VALUE}).")
    double minutes;

    @Option(names = "--seed", defaultValue = "20261206", description = "Seed of the random edits (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--histograms", paramLabel = "DIR", description = "Write a class histogram of the live heap at the warm and the end reading to DIR/warm.txt and DIR/end.txt (to find what grew).")
    java.nio.file.Path histograms;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!(minutes > 0) || minutes > 7 * 24 * 60) {
            throw new IllegalArgumentException("--minutes: bad value " + minutes + " (must be in (0, 10080])");
        }
        Soak.Result r = Soak.run(minutes * 60, seed, histograms);
        PrintWriter out = spec.commandLine().getOut();
        out.println(Reports.jsonLine("edits", r.edits(), "exceptions", r.exceptions(),
                "heapStartMB", Math.round(r.heapStartMB() * 10) / 10.0,
                "heapWarmMB", Math.round(r.heapWarmMB() * 10) / 10.0, "heapEndMB", Math.round(r.heapEndMB() * 10) / 10.0,
                "redrawP95Millis", Math.round(r.redrawP95Millis() * 10) / 10.0));
        out.flush();
        for (String e : r.firstExceptions()) {
            spec.commandLine().getErr().println("ridgeline soak: " + e);
        }
        return r.exceptions() == 0 ? RidgelineCommand.OK : RidgelineCommand.INTERNAL_ERROR;
    }
}
