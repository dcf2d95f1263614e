package dev.ridgeline.app.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.app.cli.RidgelineCommand;
import dev.ridgeline.app.explorer.charts.Palette;
import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * PDF and SVG exports carry every character the window shows as text: read back with PDFBox's text extraction and an
 * XML parser, not by looking at the bytes we wrote. Issue 10: the Gantt PDF used to print "?s" for "µs".
 */
class ExportTextTest {
    /** The non-ASCII characters the window's texts and units use (grep of app and engine sources), and ASCII. */
    static final String WINDOW_CHARACTERS = "µs · ≥ ≤ × – — → − α Σ … seed 000 ATTN-1(0)";

    @TempDir
    Path dir;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage(); // the CLI exports below share the toolkit with the TestFX tests in this JVM
    }

    private void export(String... args) {
        StringWriter err = new StringWriter();
        int code = RidgelineCommand.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), args);
        assertEquals(0, code, err.toString());
    }

    @Test
    void theGanttPdfReadsBackMicrosecondsAndTheFootersDot() throws IOException {
        Path pdf = dir.resolve("g.pdf");
        export("export", "--out", pdf.toString(), "--view", "gantt");
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("µs"), text);
            assertFalse(text.contains("?"), "a character the font lacks: " + text);
            // the footer: "<summary>  ·  Ridgeline <version>", with the FA3 mode in words and the default fidelity
            assertTrue(text.contains("FA3 two-stage / calibrated  ·  Ridgeline"), text);
            List<PDFont> fonts = fonts(doc.getPage(0).getResources());
            assertFalse(fonts.isEmpty());
            for (PDFont f : fonts) {
                assertTrue(f.isEmbedded(), f.getName() + " not embedded");
                assertTrue(f.getName().contains("DejaVuSans"), f.getName());
            }
        }
    }

    @Test
    void everyCharacterOfTheWindowSurvivesInPlainAndBoldAndOthersBecomeOutlines() throws IOException {
        Path pdf = dir.resolve("chars.pdf");
        String cjk = "昇腾 910B"; // a chip a user may name so: DejaVu Sans has no CJK glyphs
        ImageExport.write(pdf, 600, 200, "footer · µs", (g, area) -> {
            g.setColor(Color.BLACK);
            g.setFont(Palette.LABEL);
            g.drawString(WINDOW_CHARACTERS, 10f, 30f);
            g.setFont(Palette.TITLE);
            g.drawString("bold " + WINDOW_CHARACTERS, 10f, 60f);
            g.setFont(Palette.LABEL);
            g.drawString(cjk, 10f, 90f);
        });
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains(WINDOW_CHARACTERS), text);
            assertTrue(text.contains("bold " + WINDOW_CHARACTERS), text);
            assertTrue(text.contains("footer · µs"), text);
            assertFalse(text.contains("?") || text.contains("910B"), "the CJK line is outlines, not '?': " + text);
            List<String> names = new ArrayList<>();
            for (PDFont f : fonts(doc.getPage(0).getResources())) {
                assertTrue(f.isEmbedded(), f.getName());
                names.add(f.getName().substring(f.getName().indexOf('+') + 1)); // subset tag "AAAAAA+" first
            }
            assertEquals(List.of("DejaVuSans", "DejaVuSans-Bold"), names.stream().sorted().toList());
        }
    }

    @Test
    void theGanttSvgIsUtf8TextWithMicroseconds() throws Exception {
        Path svg = dir.resolve("g.svg");
        export("export", "--out", svg.toString(), "--view", "gantt");
        byte[] bytes = Files.readAllBytes(svg);
        assertTrue(new String(bytes, StandardCharsets.UTF_8).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
        // the parser decodes by the declaration, as a viewer does
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
        NodeList texts = doc.getElementsByTagName("text");
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < texts.getLength(); i++) {
            all.append(texts.item(i).getTextContent()).append('\n');
            String style = texts.item(i).getAttributes().getNamedItem("style").getNodeValue();
            assertTrue(style.contains("font-family: \"DejaVu Sans\", sans-serif"), style);
        }
        assertTrue(all.toString().contains("One layer, one decode step: "), all.toString());
        assertTrue(all.toString().contains("µs"), all.toString());
        assertTrue(all.toString().contains("  ·  Ridgeline"), all.toString());
    }

    /** The fonts of a page's resources and of the forms it draws, depth first. */
    private static List<PDFont> fonts(PDResources resources) throws IOException {
        List<PDFont> out = new ArrayList<>();
        if (resources == null) {
            return out;
        }
        for (COSName name : resources.getFontNames()) {
            out.add(resources.getFont(name));
        }
        for (COSName name : resources.getXObjectNames()) {
            PDXObject x = resources.getXObject(name);
            if (x instanceof PDFormXObject) {
                out.addAll(fonts(((PDFormXObject) x).getResources()));
            }
        }
        return out;
    }
}
