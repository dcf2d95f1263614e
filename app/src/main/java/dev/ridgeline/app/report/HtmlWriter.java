package dev.ridgeline.app.report;

import dev.ridgeline.engine.report.Report;
import dev.ridgeline.engine.report.Section;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableBody;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.ext.heading.anchor.IdGenerator;
import org.commonmark.node.BulletList;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * The report's Markdown rendered to one self-contained XHTML document (commonmark-java): styles in the page, each
 * figure's SVG inline where the Markdown links its file, nothing fetched from anywhere. The same document, with
 * page rules, PDF bookmarks and page numbers in the contents, is what the PDF is rendered from.
 */
final class HtmlWriter {
    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create(), HeadingAnchorExtension.create());

    /** A table of this many rows or fewer is kept on one page (a two-row table once split one row a page). */
    static final int SHORT_TABLE_ROWS = 8;

    private HtmlWriter() {
    }

    private static int bodyRows(TableBlock table) {
        int rows = 0;
        for (Node part = table.getFirstChild(); part != null; part = part.getNext()) {
            if (part instanceof TableBody) {
                for (Node row = part.getFirstChild(); row != null; row = row.getNext()) {
                    rows++;
                }
            }
        }
        return rows;
    }

    /** A paragraph that is only a figure (the Markdown's image of a figure file). */
    private static boolean isFigure(Paragraph p) {
        return p.getFirstChild() instanceof Image && p.getFirstChild().getNext() == null;
    }

    /**
     * @param figureByFile each figure's markup (its {@code <svg>} element, or the PDF's {@code <object>}), keyed by the
     *                     file name the Markdown links
     * @param forPdf       add openhtmltopdf's page rules, bookmarks and contents page numbers
     */
    static String document(Report r, String markdown, Map<String, String> figureByFile, String version, boolean forPdf) {
        Node doc = Parser.builder().extensions(EXTENSIONS).build().parse(markdown);
        HtmlRenderer renderer = HtmlRenderer.builder().extensions(EXTENSIONS)
                .attributeProviderFactory(c -> (node, tag, attrs) -> {
                    if (node instanceof Link && ((Link) node).getDestination().startsWith("#")) {
                        attrs.put("class", "toc");
                    } else if (node instanceof BulletList && node.getPrevious() instanceof Heading
                            && ((Heading) node.getPrevious()).getFirstChild() instanceof Text
                            && MarkdownWriter.CONTENTS.equals(((Text) ((Heading) node.getPrevious()).getFirstChild()).getLiteral())) {
                        attrs.put("class", "contents");
                    } else if (node instanceof Paragraph && (node.getNext() instanceof TableBlock
                            || node.getNext() instanceof Paragraph && isFigure((Paragraph) node.getNext()))) {
                        attrs.put("class", "lead");
                    } else if (node instanceof TableBlock && bodyRows((TableBlock) node) <= SHORT_TABLE_ROWS) {
                        attrs.put("class", "short");
                    }
                })
                .nodeRendererFactory(c -> new InlineFigure(c, figureByFile)).build();
        StringBuilder html = new StringBuilder(markdown.length() * 2);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"UTF-8\" />\n<title>")
                .append(escape(r.title())).append("</title>\n<meta name=\"generator\" content=\"Ridgeline ")
                .append(escape(version)).append("\" />\n<style>\n").append(Styles.SCREEN);
        if (forPdf) {
            html.append(Styles.PRINT);
        }
        html.append("</style>\n");
        if (forPdf) {
            bookmarks(html, r);
        }
        html.append("</head>\n<body>\n").append(renderer.render(doc)).append("<p class=\"footer\">Ridgeline ")
                .append(escape(version)).append("</p>\n</body>\n</html>\n");
        return html.toString();
    }

    /** openhtmltopdf's outline: one bookmark per section, nested by level. */
    private static void bookmarks(StringBuilder html, Report r) {
        IdGenerator ids = IdGenerator.builder().build();
        ids.generateId(r.title());
        ids.generateId(MarkdownWriter.CONTENTS);
        html.append("<bookmarks>\n");
        boolean open = false;
        for (Section s : r.sections()) {
            String heading = MarkdownWriter.heading(s);
            String id = ids.generateId(heading);
            if (s.level() == 1) {
                if (open) {
                    html.append("</bookmark>\n");
                }
                html.append("<bookmark name=\"").append(escape(heading)).append("\" href=\"#").append(id).append("\">\n");
                open = true;
            } else {
                html.append("<bookmark name=\"").append(escape(heading)).append("\" href=\"#").append(id).append("\" />\n");
            }
        }
        if (open) {
            html.append("</bookmark>\n");
        }
        html.append("</bookmarks>\n");
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Renders an image whose destination is a figure file as that figure's markup, inline, with its caption. */
    private static final class InlineFigure implements NodeRenderer {
        private final HtmlNodeRendererContext context;
        private final Map<String, String> figureByFile;

        InlineFigure(HtmlNodeRendererContext context, Map<String, String> figureByFile) {
            this.context = context;
            this.figureByFile = figureByFile;
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Image.class);
        }

        @Override
        public void render(Node node) {
            Image image = (Image) node;
            String svg = figureByFile.get(image.getDestination());
            if (svg == null) {
                throw new IllegalStateException("the report links a figure it did not draw: " + image.getDestination());
            }
            String caption = image.getTitle() == null ? "" : image.getTitle();
            context.getWriter().raw("<span class=\"figure\">" + svg + "<span class=\"caption\">" + escape(caption)
                    + "</span></span>");
        }
    }
}
