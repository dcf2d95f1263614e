package dev.ridgeline.app.export;

import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import dev.ridgeline.app.Version;
import java.awt.Graphics2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.function.Consumer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * A one-page PDF of a picture painted on a {@link Graphics2D}: lines, shapes and text stay vectors (PDFBox through
 * pdfbox-graphics2d), text is real text in the embedded {@link EmbeddedFonts} (it can be searched and copied), one
 * pixel of the picture is one point of the page.
 */
final class PdfFigure {
    private PdfFigure() {
    }

    static byte[] render(int width, int height, Consumer<Graphics2D> paint) throws IOException {
        try (PDDocument doc = new PDDocument(); EmbeddedFonts fonts = new EmbeddedFonts()) {
            PDPage page = new PDPage(new PDRectangle(width, height));
            doc.addPage(page);
            PdfBoxGraphics2D g = new PdfBoxGraphics2D(doc, width, height);
            g.setFontTextDrawer(fonts);
            try {
                paint.accept(g);
            } finally {
                g.dispose();
            }
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.drawForm(g.getXFormObject());
            }
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle("Ridgeline");
            info.setCreator("Ridgeline " + Version.current());
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            doc.save(bytes);
            return bytes.toByteArray();
        }
    }
}
