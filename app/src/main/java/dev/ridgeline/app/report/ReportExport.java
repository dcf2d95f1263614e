package dev.ridgeline.app.report;

import dev.ridgeline.app.Version;
import dev.ridgeline.app.Comparison;
import dev.ridgeline.engine.Engine;
import dev.ridgeline.engine.io.AtomicFiles;
import dev.ridgeline.engine.io.Catalog;
import dev.ridgeline.engine.io.Presets;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.report.Block;
import dev.ridgeline.engine.report.FigureData;
import dev.ridgeline.engine.report.Progress;
import dev.ridgeline.engine.report.Report;
import dev.ridgeline.engine.report.ReportBuilder;
import dev.ridgeline.engine.report.ReportRequest;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * The review report end to end, for the command line and the window: the engine builds the document model, this
 * draws its figures, writes it as Markdown and renders HTML and PDF from that Markdown. The target file is written
 * whole or not at all ({@link AtomicFiles}): a failed or cancelled report leaves an earlier file as it was.
 */
public final class ReportExport {
    private ReportExport() {
    }

    /** The request for a scenario (and A), with the version and the inputs that regenerate the report. */
    public static ReportRequest request(Scenario s, Scenario pinned, double target, Catalog catalog, Path out) {
        return request(s, pinned, target, catalog, out, catalog.defaultRivals());
    }

    /** As {@link #request(Scenario, Scenario, double, Catalog, Path)}, the chip compared with {@code rivals}. */
    public static ReportRequest request(Scenario s, Scenario pinned, double target, Catalog catalog, Path out,
                                        java.util.List<dev.ridgeline.engine.model.Chip> rivals) {
        String file = out == null || out.getFileName() == null ? "review.pdf" : out.getFileName().toString();
        String command = "ridgeline report --scenario scenario.json" + (pinned != null ? " --pin a.json" : "")
                + String.format(Locale.ROOT, " --target-tps %s --out %s", trim(target), file)
                + (rivals.isEmpty() ? "" : " --compare-chips '" + String.join(",",
                        rivals.stream().map(dev.ridgeline.engine.model.Chip::name).toList()) + "'");
        return new ReportRequest(s, pinned, pinned == null ? null : Comparison.differences(pinned, s), target,
                Version.current(), command, Presets.scenarioJson("scenario", s, catalog),
                pinned == null ? null : Presets.scenarioJson("a", pinned, catalog), rivals)
                .withAnchors(dev.ridgeline.engine.io.Anchors.builtIn());
    }

    /** Builds the report's content on the engine (the slow part: progress and cancel go through {@code progress}). */
    public static Report build(Engine engine, ReportRequest request, Progress progress, Executor executor, int threads) {
        return ReportBuilder.build(engine, request, progress, executor, threads);
    }

    /** {@link #write(Report, Path, LocalDate)} dated today (UTC). */
    public static void write(Report r, Path out) throws IOException {
        write(r, out, LocalDate.now(ZoneOffset.UTC));
    }

    /**
     * Writes the report to {@code out} in the format its extension names (Markdown: figures beside it as SVG), dated
     * {@code date} under its title (the same scenario and date give the same document).
     */
    public static void write(Report r, Path out, LocalDate date) throws IOException {
        ReportFormat format = ReportFormat.of(out, "--out");
        String base = out.getFileName().toString();
        String figureDir = base.substring(0, base.lastIndexOf('.')) + "-figures";
        Map<String, String> files = new LinkedHashMap<>();
        Map<String, String> svgByFile = new LinkedHashMap<>();
        Map<String, String> objectByFile = new LinkedHashMap<>();
        Map<String, FigureData> dataById = new LinkedHashMap<>();
        for (Block.Figure f : r.figures()) {
            String file = figureDir + "/" + f.id() + ".svg";
            files.put(f.id(), file);
            dataById.put(f.id(), f.data());
            if (format == ReportFormat.PDF) {
                objectByFile.put(file, PdfFigures.object(f.id(), f.data()));
            } else {
                svgByFile.put(file, ReportFigures.svg(f.id(), f.data()));
            }
        }
        String markdown = MarkdownWriter.write(r, files, date);
        switch (format) {
            case MARKDOWN:
                Path dir = out.toAbsolutePath().getParent();
                for (Map.Entry<String, String> e : svgByFile.entrySet()) {
                    AtomicFiles.write(dir.resolve(e.getKey()), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + e.getValue() + "\n");
                }
                AtomicFiles.write(out, markdown);
                break;
            case HTML:
                AtomicFiles.write(out, HtmlWriter.document(r, markdown, svgByFile, Version.current(), false));
                break;
            default:
                AtomicFiles.write(out, PdfWriter.render(HtmlWriter.document(r, markdown, objectByFile, Version.current(), true),
                        dataById));
        }
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
