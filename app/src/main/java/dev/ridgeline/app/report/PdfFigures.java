package dev.ridgeline.app.report;

import com.openhtmltopdf.extend.FSObjectDrawer;
import com.openhtmltopdf.extend.FSObjectDrawerFactory;
import com.openhtmltopdf.extend.OutputDevice;
import com.openhtmltopdf.render.RenderingContext;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import dev.ridgeline.app.export.EmbeddedFonts;
import dev.ridgeline.engine.report.FigureData;
import java.awt.Shape;
import java.awt.geom.Rectangle2D;
import java.util.Map;
import org.w3c.dom.Element;

/**
 * The PDF's figures drawn straight onto the page by the same chart code as the SVG ({@link ReportFigures#paint}),
 * through openhtmltopdf's Graphics2D on PDFBox (pdfbox-graphics2d): vectors as before, without writing each figure
 * as SVG text and parsing it back through Batik (a thousand-point frontier was a megabyte of SVG and a third of the
 * PDF's time). The HTML page marks each figure as {@code <object type="ridgeline/figure" data-figure="id">}.
 */
final class PdfFigures implements FSObjectDrawerFactory {
    static final String TYPE = "ridgeline/figure";
    private final Map<String, FigureData> byId;
    private final EmbeddedFonts fonts;

    /** @param fonts the figures' text in the embedded DejaVu Sans, one drawer for the document's figures */
    PdfFigures(Map<String, FigureData> byId, EmbeddedFonts fonts) {
        this.byId = byId;
        this.fonts = fonts;
    }

    /** The figure's box in CSS pixels of the page's 184 mm text width (A4 less 13 mm margins), at its drawn aspect. */
    static String object(String id, FigureData data) {
        double width = 184 / 25.4 * 96;
        double height = width * ReportFigures.height(data) / ReportFigures.WIDTH;
        return String.format(java.util.Locale.ROOT,
                "<object type=\"%s\" data-figure=\"%s\" style=\"display: block; width: %.1fpx; height: %.1fpx;\"></object>",
                TYPE, HtmlWriter.escape(id), width, height);
    }

    @Override
    public FSObjectDrawer createDrawer(Element e) {
        FigureData data = byId.get(e.getAttribute("data-figure"));
        return data == null ? null : new Drawer(data, fonts);
    }

    @Override
    public boolean isReplacedObject(Element e) {
        return TYPE.equals(e.getAttribute("type")) && byId.containsKey(e.getAttribute("data-figure"));
    }

    private static final class Drawer implements FSObjectDrawer {
        private final FigureData data;
        private final EmbeddedFonts fonts;

        Drawer(FigureData data, EmbeddedFonts fonts) {
            this.data = data;
            this.fonts = fonts;
        }

        @Override
        public Map<Shape, String> drawObject(Element e, double x, double y, double width, double height,
                                             OutputDevice device, RenderingContext ctx, int dotsPerPixel) {
            double w = width / dotsPerPixel;
            double h = height / dotsPerPixel;
            int drawnHeight = ReportFigures.height(data);
            device.drawWithGraphics((float) x, (float) y, (float) w, (float) h, g -> {
                // the renderer's own text drawer would name Helvetica, not embedded; the export's embeds DejaVu Sans
                if (g instanceof PdfBoxGraphics2D) {
                    ((PdfBoxGraphics2D) g).setFontTextDrawer(fonts);
                }
                // drawn at the size the charts are laid out for (as in the SVG), scaled to the box
                g.scale(w / ReportFigures.WIDTH, h / drawnHeight);
                ReportFigures.paint(g, new Rectangle2D.Double(0, 0, ReportFigures.WIDTH, drawnHeight), data);
            });
            return null;
        }
    }
}
