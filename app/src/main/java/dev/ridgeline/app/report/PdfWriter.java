package dev.ridgeline.app.report;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import dev.ridgeline.app.export.EmbeddedFonts;
import dev.ridgeline.engine.report.FigureData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The report's HTML rendered to a paginated PDF by openhtmltopdf (on the app's PDFBox 3), with DejaVu Sans, Bold and
 * Sans Mono embedded as subsets (without their ligatures, {@link EmbeddedFonts#withoutSubstitutions}) and the figures drawn as
 * vectors by the chart code itself ({@link PdfFigures}). The fonts are copied once per process to a private
 * temporary folder, each with its GSUB table hidden.
 */
final class PdfWriter {
    /** Held so that the levels set below stay (java.util.logging keeps loggers weakly). */
    private static final Logger PDFBOX_FONTS = Logger.getLogger("org.apache.pdfbox.pdmodel.font");
    private static Path fonts;

    private PdfWriter() {
    }

    /** @param figures each figure the page's {@code <object>} elements name ({@link PdfFigures}), by id */
    static byte[] render(String xhtml, Map<String, FigureData> figures) throws IOException {
        quiet();
        Path dir = fonts();
        PdfRendererBuilder b = new PdfRendererBuilder();
        b.useFastMode();
        EmbeddedFonts figureFonts = new EmbeddedFonts();
        b.useObjectDrawerFactory(new PdfFigures(figures, figureFonts));
        b.useFont(dir.resolve("DejaVuSans.ttf").toFile(), "DejaVu Sans", 400, BaseRendererBuilder.FontStyle.NORMAL, true);
        b.useFont(dir.resolve("DejaVuSans-Bold.ttf").toFile(), "DejaVu Sans", 700, BaseRendererBuilder.FontStyle.NORMAL, true);
        b.useFont(dir.resolve("DejaVuSansMono.ttf").toFile(), "DejaVu Sans Mono", 400, BaseRendererBuilder.FontStyle.NORMAL, true);
        b.withHtmlContent(xhtml, null);
        b.withProducer("Ridgeline");
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
        b.toStream(out);
        try {
            b.run();
        } catch (RuntimeException e) {
            throw new IllegalStateException("the PDF renderer failed: " + e.getMessage(), e);
        } finally {
            figureFonts.close();
        }
        return out.toByteArray();
    }

    /** A good run prints nothing: openhtmltopdf's progress lines and PDFBox's notes on the standard 14 fonts it never uses. */
    private static void quiet() {
        XRLog.setLoggingEnabled(false);
        PDFBOX_FONTS.setLevel(Level.SEVERE);
    }

    private static synchronized Path fonts() throws IOException {
        if (fonts == null) {
            Path dir = Files.createTempDirectory("ridgeline-fonts");
            dir.toFile().deleteOnExit();
            for (String name : new String[] {"DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSansMono.ttf"}) {
                try (InputStream in = PdfWriter.class.getResourceAsStream("/fonts/" + name)) {
                    if (in == null) {
                        throw new IOException("font /fonts/" + name + " missing from the class path (assets module)");
                    }
                    Path f = dir.resolve(name);
                    Files.write(f, EmbeddedFonts.withoutSubstitutions(in.readAllBytes()));
                    f.toFile().deleteOnExit();
                }
            }
            fonts = dir;
        }
        return fonts;
    }
}
