package dev.ridgeline.app.report;

import dev.ridgeline.engine.Engine;
import dev.ridgeline.engine.report.Progress;
import dev.ridgeline.engine.report.Report;
import dev.ridgeline.engine.report.ReportRequest;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.concurrent.Task;

/**
 * Builds and writes a review report off the FX thread (STYLE 18): progress and the step it is at go to the task's
 * properties, {@link #cancel()} stops the engine between steps and inside the sweep, and the file is written only
 * when the whole report is ready, atomically, so a cancelled or failed report leaves an earlier file as it was.
 */
public final class ReportTask extends Task<Path> {
    private final Engine engine;
    private final ReportRequest request;
    private final Path out;

    public ReportTask(Engine engine, ReportRequest request, Path out) {
        this.engine = engine;
        this.request = request;
        this.out = out;
        updateTitle("Review report");
    }

    @Override
    protected Path call() throws Exception {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "report-sweep");
            t.setDaemon(true);
            return t;
        });
        Report report;
        try {
            report = ReportExport.build(engine, request, new Progress() {
                @Override
                public void step(String what, double fraction) {
                    updateMessage(Character.toUpperCase(what.charAt(0)) + what.substring(1) + " …");
                    updateProgress(0.9 * fraction, 1.0);
                }

                @Override
                public boolean cancelled() {
                    return isCancelled();
                }
            }, pool, threads);
        } finally {
            pool.shutdownNow();
        }
        if (isCancelled()) {
            return null;
        }
        updateMessage("Writing " + out.getFileName() + " …");
        updateProgress(0.92, 1.0);
        ReportExport.write(report, out);
        updateProgress(1.0, 1.0);
        updateMessage("Wrote " + out.getFileName());
        return out;
    }
}
