package dev.ridgeline.app.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.engine.report.Block;
import dev.ridgeline.engine.report.Inline;
import dev.ridgeline.engine.report.Report;
import dev.ridgeline.engine.report.Section;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PDF as the reviewer of issue 22 read it, checked through PDFBox's text extraction (what a reader's search and
 * copy see) page by page: words whole, sections flowing, figures with their captions, table headers repeated, the
 * text searchable without ligatures, a date.
 */
class ReportLayoutTest {
    static final LocalDate DATE = LocalDate.of(2026, 12, 6);
    static final Report V3 = ReportExportTest.V3;

    @TempDir
    static Path dir;
    static List<String> pages;
    static List<Integer> formsPerPage;
    static List<Float> textBottom;
    static float pageHeight;

    @BeforeAll
    static void render() throws IOException {
        Path pdf = dir.resolve("review.pdf");
        ReportExport.write(V3, pdf, DATE);
        pages = new ArrayList<>();
        formsPerPage = new ArrayList<>();
        textBottom = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            pageHeight = doc.getPage(0).getMediaBox().getHeight();
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                float[] bottom = {0};
                PDFTextStripper s = new PDFTextStripper() {
                    @Override
                    protected void writeString(String text, List<TextPosition> positions) throws IOException {
                        for (TextPosition t : positions) {
                            bottom[0] = Math.max(bottom[0], t.getYDirAdj());
                        }
                        super.writeString(text, positions);
                    }
                };
                s.setStartPage(p);
                s.setEndPage(p);
                pages.add(s.getText(doc).replace('\u00a0', ' '));
                textBottom.add(bottom[0]);
                PDPage page = doc.getPage(p - 1);
                int forms = 0;
                for (COSName n : page.getResources().getXObjectNames()) {
                    forms += page.getResources().getXObject(n) instanceof PDFormXObject ? 1 : 0;
                }
                formsPerPage.add(forms);
            }
        }
    }

    @Test
    void searchingRooflineFindsItAndNoLigatureIsInTheTextLayer() {
        String all = String.join("\n", pages);
        // PDFBox applied DejaVu's GSUB: "Rooﬂine" (U+FB02) in the text layer, and a search for "Roofline" found nothing
        assertTrue(all.contains("Roofline and pipeline"), "the section heading as typed");
        assertTrue(all.contains("Workflow"));
        assertTrue(all.contains("efficiency"));
        for (char c = '\ufb00'; c <= '\ufb06'; c++) {
            assertEquals(-1, all.indexOf(c), "ligature U+" + Integer.toHexString(c));
        }
    }

    @Test
    void noWordInATableIsBrokenOverTwoLines() {
        // "efficien|t": cells broke inside words; each word of every header and cell must come out of the PDF whole
        String all = String.join("\n", pages);
        Pattern word = Pattern.compile("[A-Za-z]{4,}");
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Section s : V3.sections()) {
            for (Block b : s.blocks()) {
                if (!(b instanceof Block.Table)) {
                    continue;
                }
                Block.Table t = (Block.Table) b;
                List<String> cells = new ArrayList<>();
                t.columns().forEach(c -> cells.add(c.header()));
                for (List<Inline> row : t.rows()) {
                    row.forEach(i -> cells.add(MarkdownWriter.inline(List.of(i)).replaceAll("<[^>]*>", "").replace("\\", "").replace("`", "")));
                }
                for (String cell : cells) {
                    Matcher m = word.matcher(cell);
                    while (m.find()) {
                        checked++;
                        if (!all.contains(m.group())) {
                            broken.add(s.title() + ": " + m.group());
                        }
                    }
                }
            }
        }
        assertTrue(checked > 500, "words checked: " + checked);
        assertEquals(List.of(), broken);
    }

    @Test
    void sectionsFlowWithoutHalfEmptyPages() {
        // a page per section left half-empty pages (19 pages); each page but the contents and the last is at least half full
        for (int p = 1; p < pages.size() - 1; p++) {
            assertTrue(textBottom.get(p) > 0.5 * pageHeight, "page " + (p + 1) + " ends at " + textBottom.get(p)
                    + " of " + pageHeight);
        }
        long startingMidPage = 0;
        for (Section s : V3.sections()) {
            if (s.level() == 1) {
                String heading = MarkdownWriter.heading(s);
                startingMidPage += pages.stream().anyMatch(pg -> pg.contains(heading) && !pg.stripLeading().startsWith(heading)) ? 1 : 0;
            }
        }
        assertTrue(startingMidPage >= 5, "sections that start below another's end: " + startingMidPage);
    }

    @Test
    void everyFigureSitsOnThePageOfItsCaption() {
        Pattern caption = Pattern.compile("Figure \\d+\\. ");
        int figures = 0;
        for (int p = 0; p < pages.size(); p++) {
            Matcher m = caption.matcher(pages.get(p));
            int captions = 0;
            while (m.find()) {
                captions++;
            }
            assertEquals(captions, (int) formsPerPage.get(p), "page " + (p + 1) + ": captions and drawn figures");
            figures += captions;
        }
        assertEquals(V3.figures().size(), figures);
    }

    @Test
    void theGanttNamesItsStagesAndSharesItsPage() {
        int p = 0;
        while (!pages.get(p).contains("Figure 2. Pipeline")) {
            p++;
        }
        String page = pages.get(p);
        // it stood alone on a page, its short bars labelled "S"
        assertTrue(page.contains("Figure 1. Roofline") || page.contains("The Gantt's bars"), "not alone on its page");
        String all = String.join("\n", pages);
        for (String stage : List.of("shared expert", "routed experts", "dispatch: tokens to their experts' cards")) {
            assertTrue(all.contains(stage), stage);
        }
    }

    @Test
    void aTableBrokenOverPagesRepeatsItsHeader() {
        // the EP x context exploration is the longest table: every page it runs onto starts with its header
        Block.Table longest = null;
        for (Section s : V3.sections()) {
            for (Block b : s.blocks()) {
                if (b instanceof Block.Table && (longest == null || ((Block.Table) b).rows().size() > longest.rows().size())) {
                    longest = (Block.Table) b;
                }
            }
        }
        String lastHeader = longest.columns().get(longest.columns().size() - 1).header();
        String firstCell = MarkdownWriter.inline(longest.rows().get(0).subList(0, 1));
        // the last row's first two cells (short numbers: they never wrap, so they come out side by side)
        List<Inline> end = longest.rows().get(longest.rows().size() - 1);
        String lastRow = MarkdownWriter.inline(end.subList(0, 1)) + " " + MarkdownWriter.inline(end.subList(1, 2));
        int first = -1;
        int last = -1;
        for (int p = 0; p < pages.size(); p++) {
            if (first < 0 && pages.get(p).contains(lastHeader) && pages.get(p).contains(firstCell)) {
                first = p;
            }
            if (pages.get(p).replaceAll("\\s+", " ").contains(lastRow.replaceAll("\\s+", " "))) {
                last = p;
            }
        }
        assertTrue(first >= 0 && last > first, "the longest table spans pages: " + first + " to " + last);
        for (int p = first + 1; p <= last; p++) {
            assertTrue(pages.get(p).contains(lastHeader), "page " + (p + 1) + " repeats the header");
        }
    }

    @Test
    void noPageEndsWithATableHeaderAlone() {
        // a table started with 3em left at the foot of a page: its header row there, its rows overleaf
        List<String> headers = new ArrayList<>();
        for (Section s : V3.sections()) {
            for (Block b : s.blocks()) {
                if (b instanceof Block.Table) {
                    List<String> h = new ArrayList<>();
                    ((Block.Table) b).columns().forEach(c -> h.add(c.header()));
                    headers.add(String.join(" ", h).replaceAll("\\s+", " ").strip());
                }
            }
        }
        for (int p = 0; p < pages.size(); p++) {
            List<String> lines = new ArrayList<>();
            for (String line : pages.get(p).split("\n")) {
                String l = line.replaceAll("\\s+", " ").strip();
                if (!l.isEmpty() && !l.equals("Ridgeline design review") && !l.matches("page \\d+ of \\d+")) {
                    lines.add(l);
                }
            }
            String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1);
            assertFalse(headers.contains(last), "page " + (p + 1) + " ends with a table's header: " + last);
        }
    }

    @Test
    void aShortTableIsOnOnePageAndItsIntroductionWithIt() {
        // the cost table's two rows were once split one a page, and "The compute windows that hide them, read off the
        // engine's schedule of one layer:" ended a page whose next held the table
        List<String> flat = pages.stream().map(p -> p.replaceAll("\\s+", " ")).toList();
        List<String> headers = new ArrayList<>();
        for (Section s : V3.sections()) {
            for (Block b : s.blocks()) {
                if (b instanceof Block.Table) {
                    headers.add(header((Block.Table) b));
                }
            }
        }
        int shortTables = 0;
        int introduced = 0;
        for (Section s : V3.sections()) {
            List<Block> blocks = s.blocks();
            for (int i = 0; i < blocks.size(); i++) {
                if (!(blocks.get(i) instanceof Block.Table)) {
                    continue;
                }
                Block.Table t = (Block.Table) blocks.get(i);
                String header = header(t);
                if (headers.indexOf(header) != headers.lastIndexOf(header)) {
                    continue; // two tables of the same columns: the pages cannot tell them apart
                }
                List<Integer> on = new ArrayList<>();
                for (int p = 0; p < flat.size(); p++) {
                    if (flat.get(p).contains(header)) {
                        on.add(p + 1);
                    }
                }
                if (on.isEmpty()) {
                    continue; // a header whose cells wrap comes out of the text layer cell by cell
                }
                if (t.rows().size() <= HtmlWriter.SHORT_TABLE_ROWS) {
                    assertEquals(1, on.size(), "a table of " + t.rows().size() + " rows on pages " + on + ": " + header);
                    shortTables++;
                }
                if (i > 0 && blocks.get(i - 1) instanceof Block.Paragraph) {
                    String end = lastWords(((Block.Paragraph) blocks.get(i - 1)).plain());
                    if (end.length() < 12) {
                        continue;
                    }
                    int page = on.get(0) - 1;
                    assertTrue(flat.get(page).replaceAll("[^A-Za-z]", "").contains(end),
                            "'" + end + "' on page " + (page + 1) + " with its table " + header);
                    introduced++;
                }
            }
        }
        assertTrue(shortTables >= 5 && introduced >= 5, shortTables + " short tables, " + introduced + " introduced");
    }

    /**
     * The paragraph's last words up to four, letters only, back to the first word that is not plain text (numbers,
     * units and code read differently in the PDF's text layer than in the report's plain text).
     */
    private static String lastWords(String plain) {
        String[] words = plain.strip().split("\\s+");
        StringBuilder end = new StringBuilder();
        for (int w = words.length - 1; w >= 0 && w >= words.length - 4; w--) {
            String word = words[w].replaceAll("[.,:;()]", "");
            if (!word.matches("[A-Za-z'-]+")) {
                break;
            }
            end.insert(0, word.replaceAll("[^A-Za-z]", ""));
        }
        return end.toString();
    }

    private static String header(Block.Table t) {
        List<String> h = new ArrayList<>();
        t.columns().forEach(c -> h.add(c.header()));
        return String.join(" ", h).replaceAll("\\s+", " ").strip();
    }

    @Test
    void theReportIsDated() {
        assertTrue(pages.get(0).contains(MarkdownWriter.DATED + "2026-12-06"), pages.get(0));
        assertFalse(String.join("", pages).contains("\ufffd"));
    }
}
