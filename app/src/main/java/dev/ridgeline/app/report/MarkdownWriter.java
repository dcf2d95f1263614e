package dev.ridgeline.app.report;

import dev.ridgeline.engine.report.Block;
import dev.ridgeline.engine.report.Inline;
import dev.ridgeline.engine.report.Report;
import dev.ridgeline.engine.report.Section;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.commonmark.ext.heading.anchor.IdGenerator;

/**
 * The report as CommonMark with GFM tables: the one source every format is rendered from (STYLE 20). Figures are
 * image links to SVG files ({@code figures} maps a figure's id to its file name); the HTML and PDF renderers put
 * each SVG inline in their place. The contents list links to the headings by the ids the heading-anchor extension
 * gives them.
 */
final class MarkdownWriter {
    static final String CONTENTS = "Contents";
    /** What the date line under the title starts with. */
    static final String DATED = "Written on ";

    private MarkdownWriter() {
    }

    /** {@code date}: the day the report is written, shown under its title (null: none). */
    static String write(Report r, Map<String, String> figureFiles, LocalDate date) {
        StringBuilder md = new StringBuilder();
        IdGenerator ids = IdGenerator.builder().build();
        md.append("# ").append(escape(r.title())).append("\n\n");
        ids.generateId(r.title());
        md.append(lineStart(escape(r.subtitle()))).append("\n\n");
        if (date != null) {
            md.append(DATED).append(date).append("\n\n");
        }
        md.append("## ").append(CONTENTS).append("\n\n");
        ids.generateId(CONTENTS);
        // the ids the headings will get, in document order, so that the contents link to them
        IdGenerator ahead = IdGenerator.builder().build();
        ahead.generateId(r.title());
        ahead.generateId(CONTENTS);
        for (Section s : r.sections()) {
            String id = ahead.generateId(heading(s));
            md.append(s.level() == 1 ? "- " : "  - ").append('[').append(escape(heading(s))).append("](#").append(id)
                    .append(")\n");
        }
        md.append('\n');
        int figure = 0;
        for (Section s : r.sections()) {
            md.append(s.level() == 1 ? "## " : "### ").append(escape(heading(s))).append("\n\n");
            for (Block b : s.blocks()) {
                if (b instanceof Block.Figure) {
                    figure++;
                }
                block(md, b, figureFiles, figure);
                md.append('\n');
            }
        }
        return md.toString();
    }

    /** "3.2 Byte dominance test": the section's number and title, as the heading and the contents show it. */
    static String heading(Section s) {
        return s.number() + (s.level() == 1 ? ". " : " ") + s.title();
    }

    private static void block(StringBuilder md, Block b, Map<String, String> figureFiles, int figure) {
        if (b instanceof Block.Paragraph) {
            md.append(lineStart(inline(((Block.Paragraph) b).parts()))).append('\n');
        } else if (b instanceof Block.Items) {
            Block.Items items = (Block.Items) b;
            int n = 1;
            for (Block.Paragraph p : items.items()) {
                md.append(items.numbered() ? (n++) + ". " : "- ").append(lineStart(inline(p.parts()))).append('\n');
            }
        } else if (b instanceof Block.Table) {
            table(md, (Block.Table) b);
        } else if (b instanceof Block.Figure) {
            Block.Figure f = (Block.Figure) b;
            String caption = "Figure " + figure + ". " + f.caption();
            md.append("![").append(escape(caption)).append("](<").append(figureFiles.get(f.id())).append("> \"")
                    .append(caption.replace("\\", "\\\\").replace("\"", "\\\"")).append("\")\n");
        } else if (b instanceof Block.Formulas) {
            md.append("```text\n");
            for (String line : ((Block.Formulas) b).lines()) {
                md.append(line.replace("```", "'''")).append('\n');
            }
            md.append("```\n");
        }
    }

    private static void table(StringBuilder md, Block.Table t) {
        StringBuilder align = new StringBuilder("|");
        md.append('|');
        for (Block.Column c : t.columns()) {
            md.append(' ').append(cell(escape(c.header()))).append(" |");
            align.append(c.numeric() ? "---:|" : "---|");
        }
        md.append('\n').append(align).append('\n');
        for (List<Inline> row : t.rows()) {
            md.append('|');
            for (Inline i : row) {
                md.append(' ').append(cell(inline(List.of(i)))).append(" |");
            }
            md.append('\n');
        }
    }

    /** A table cell: one line, its pipes escaped (GFM splits cells on unescaped pipes, even inside code). */
    private static String cell(String s) {
        return s.replace("\n", " ").replace("|", "\\|");
    }

    static String inline(List<Inline> parts) {
        StringBuilder sb = new StringBuilder();
        for (Inline i : parts) {
            if (i instanceof Inline.Text) {
                sb.append(escape(((Inline.Text) i).text()));
            } else if (i instanceof Inline.Code) {
                String c = ((Inline.Code) i).text();
                String fence = c.contains("`") ? "``" : "`";
                sb.append(fence).append(c.startsWith("`") ? " " + c + " " : c).append(fence);
            } else if (i instanceof Inline.Strong) {
                sb.append("**").append(escape(((Inline.Strong) i).text())).append("**");
            } else if (i instanceof Inline.Alert) {
                // raw inline HTML: CommonMark keeps it, so the HTML and the PDF set it in red; plain Markdown bold
                sb.append("<span class=\"alert\">**").append(escape(((Inline.Alert) i).text())).append("**</span>");
            } else {
                sb.append(escape(Numbers.format((Inline.Num) i)));
            }
        }
        return sb.toString();
    }

    /** Backslash-escapes the characters CommonMark reads as markup anywhere in a line. */
    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ("\\`*_[]<>|&".indexOf(c) >= 0) {
                sb.append('\\');
            }
            sb.append(c == '\n' ? ' ' : c);
        }
        return sb.toString();
    }

    /** A line that would start a heading, list, quote or rule gets its first marker character escaped. */
    static String lineStart(String line) {
        int digits = 0;
        while (digits < line.length() && digits < 9 && Character.isDigit(line.charAt(digits))) {
            digits++;
        }
        if (digits > 0 && digits < line.length() && (line.charAt(digits) == '.' || line.charAt(digits) == ')')) {
            return line.substring(0, digits) + "\\" + line.substring(digits);
        }
        return !line.isEmpty() && "#-+>=".indexOf(line.charAt(0)) >= 0 ? "\\" + line : line;
    }
}
