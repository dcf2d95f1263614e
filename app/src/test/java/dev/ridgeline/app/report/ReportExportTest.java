package dev.ridgeline.app.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.app.Engines;
import dev.ridgeline.app.cli.RidgelineCommand;
import dev.ridgeline.engine.Engine;
import dev.ridgeline.engine.io.Presets;
import dev.ridgeline.engine.model.Fidelity;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.report.Block;
import dev.ridgeline.engine.report.Progress;
import dev.ridgeline.engine.report.Report;
import dev.ridgeline.engine.report.Section;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The three formats, read back the way a reader's tools would: the PDF's text and fonts with PDFBox, the HTML as XML
 * with every reference it makes, the Markdown with commonmark and the files it links.
 */
class ReportExportTest {
    static final Engine ENGINE = Engines.builtIn();
    static final Scenario V3_H800 = Presets.builtInScenario("default");
    static final Scenario QWEN_B200 = Scenario.defaults(Presets.builtIn().model("Qwen3-235B-A22B"),
            Presets.builtIn().chip("B200"), Presets.builtIn().nic("CX7")).withEp(64).withFidelity(Fidelity.CALIBRATED);
    static final Report V3 = build(V3_H800);

    @TempDir
    Path dir;

    static Report build(Scenario s) {
        return ReportExport.build(ENGINE, ReportExport.request(s, null, 20, Presets.builtIn(), Path.of("review.pdf")),
                Progress.NONE, Runnable::run, 1);
    }

    @Test
    void pdfReadsBackItsHeadingsAndUnitsInEmbeddedFontsWithVectorFigures() throws IOException {
        Path pdf = dir.resolve("review.pdf");
        ReportExport.write(V3, pdf);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(doc).replace('\u00a0', ' ');
            assertTrue(text.contains(MarkdownWriter.CONTENTS));
            // the contents give each section's page: "1. How to read this report ........ 2"
            assertTrue(Pattern.compile("1\\. How to read this report\\s*\\.{5,}\\s*\\d+").matcher(text).find(), "contents page numbers");
            for (Section s : V3.sections()) {
                assertTrue(text.contains(MarkdownWriter.heading(s)), "heading " + MarkdownWriter.heading(s));
            }
            for (String unit : List.of("FLOP/B", "µs", " GB", "tokens/s", "GFLOP", "TFLOPS per GB/s", " %")) {
                assertTrue(text.contains(unit), "unit " + unit);
            }
            assertFalse(text.contains("\ufffd"), "a character no embedded font has");
            assertTrue(doc.getNumberOfPages() >= 10, "pages: " + doc.getNumberOfPages());
            // the outline has one entry per numbered section
            int top = 0;
            for (var item = doc.getDocumentCatalog().getDocumentOutline().getFirstChild(); item != null; item = item.getNextSibling()) {
                top++;
            }
            assertEquals(V3.sections().stream().filter(s -> s.level() == 1).count(), top);
            List<PDFont> fonts = new ArrayList<>();
            int images = 0;
            for (PDPage page : doc.getPages()) {
                images += walk(page.getResources(), fonts);
            }
            assertFalse(fonts.isEmpty());
            for (PDFont f : fonts) {
                assertTrue(f.isEmbedded(), f.getName() + " not embedded");
            }
            assertEquals(0, images, "figures are vectors: the PDF holds no raster image");
        }
    }

    /** Fonts used on a page and in its forms (figures are forms), and the count of raster images. */
    private static int walk(PDResources resources, List<PDFont> fonts) throws IOException {
        int images = 0;
        if (resources == null) {
            return 0;
        }
        for (COSName n : resources.getFontNames()) {
            fonts.add(resources.getFont(n));
        }
        for (COSName n : resources.getXObjectNames()) {
            PDXObject x = resources.getXObject(n);
            if (x instanceof PDImageXObject) {
                images++;
            } else if (x instanceof PDFormXObject) {
                images += walk(((PDFormXObject) x).getResources(), fonts);
            }
        }
        return images;
    }

    /** Attributes and CSS that would make a browser fetch something: any src, a non-fragment href, url() but #ids. */
    static final Pattern FETCHES = Pattern.compile("[\\s:]src\\s*=|[\\s:]href\\s*=\\s*['\"](?!#)|url\\(\\s*['\"]?(?!#)|<link\\b|@import|<script\\b|<iframe\\b|<object\\b",
            Pattern.CASE_INSENSITIVE);

    @Test
    void htmlIsOneWellFormedFileThatLoadsNothing() throws Exception {
        Path html = dir.resolve("review.html");
        ReportExport.write(V3, html);
        String text = Files.readString(html, StandardCharsets.UTF_8);
        var m = FETCHES.matcher(text);
        assertFalse(m.find(), () -> "fetches: " + text.substring(Math.max(0, m.start() - 60), Math.min(text.length(), m.end() + 60)));
        assertEquals(V3.figures().size(), count(text, "<svg "), "every figure inline");
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        f.newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        assertFalse(text.contains("<bookmarks>"), "PDF-only markup stays out of the HTML file");
    }

    @Test
    void markdownLinksFiguresWrittenBesideItAsSvg() throws IOException {
        Path md = dir.resolve("review.md");
        ReportExport.write(V3, md);
        List<String> links = new ArrayList<>();
        Parser.builder().build().parse(Files.readString(md)).accept(new AbstractVisitor() {
            @Override
            public void visit(Image image) {
                links.add(image.getDestination());
            }
        });
        assertEquals(V3.figures().stream().map(f -> "review-figures/" + f.id() + ".svg").toList(), links);
        for (String link : links) {
            String svg = Files.readString(dir.resolve(link), StandardCharsets.UTF_8);
            assertTrue(svg.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg"), link);
        }
    }

    @Test
    void theSameScenarioGivesTheSameDocument() {
        Report again = build(V3_H800);
        assertEquals(MarkdownWriter.write(V3, java.util.Map.of(), null), MarkdownWriter.write(again, java.util.Map.of(), null));
    }

    @Test
    void qwen3GqaOnB200GeneratesInEveryFormat() throws IOException {
        Report q = build(QWEN_B200);
        for (String name : List.of("q.pdf", "q.html", "q.md")) {
            ReportExport.write(q, dir.resolve(name));
        }
        try (PDDocument doc = Loader.loadPDF(dir.resolve("q.pdf").toFile())) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("Qwen3-235B-A22B on B200"), "title");
            assertTrue(text.contains("GQA attention"), "the GQA core in the operator table");
        }
        assertTrue(q.figures().stream().anyMatch(f -> f.data() instanceof dev.ridgeline.engine.report.FigureData.Roofline));
    }

    @Test
    void commandLineWritesTheReportAndRefusesABadTargetWithoutTouchingTheOldFile() throws IOException {
        Path out = dir.resolve("cli.html");
        assertEquals(0, run("report", "--out", out.toString(), "--chip", "H20", "--batch", "32").code);
        assertTrue(Files.readString(out).contains("on H20 + CX7"));
        Files.writeString(out, "earlier report");
        Result bad = run("report", "--out", out.toString(), "--chip", "NoSuchChip");
        assertEquals(2, bad.code);
        assertTrue(bad.err.startsWith("ridgeline: --chip: bad value 'NoSuchChip'"), bad.err);
        assertEquals("earlier report", Files.readString(out));
        Result ext = run("report", "--out", dir.resolve("r.docx").toString());
        assertEquals(2, ext.code);
        assertTrue(ext.err.contains("--out: bad value") && ext.err.contains(".html, .pdf or .md"), ext.err);
        Result target = run("report", "--out", out.toString(), "--target-tps", "0");
        assertEquals(2, target.code);
        assertTrue(target.err.contains("--target-tps"), target.err);
        assertEquals("earlier report", Files.readString(out));
    }

    record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = RidgelineCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void aChipThatHoldsNoDeploymentStillRendersEveryFigure() throws IOException {
        // 10 GB of HBM holds no DeepSeek-V3 deployment: an empty frontier, zero batches, no headline
        Report r = build(V3_H800.withChip(V3_H800.chip().withMemory(10e9)));
        ReportExport.write(r, dir.resolve("empty.pdf"));
        try (PDDocument doc = Loader.loadPDF(dir.resolve("empty.pdf").toFile())) {
            assertTrue(new PDFTextStripper().getText(doc).contains("No deployment fits"));
        }
    }

    @Test
    void everyFigureOfTheModelIsDrawn() {
        for (Block.Figure f : V3.figures()) {
            String svg = ReportFigures.svg(f.id(), f.data());
            assertTrue(svg.contains("<text") || svg.contains("<path"), f.id());
            assertTrue(svg.length() > 2000, "an empty figure: " + f.id());
        }
    }
}
