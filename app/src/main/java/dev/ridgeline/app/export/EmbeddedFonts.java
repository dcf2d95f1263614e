package dev.ridgeline.app.export;

import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2DFontTextDrawer;
import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.AttributedCharacterIterator;
import java.text.CharacterIterator;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Draws the text of a PDF export in DejaVu Sans (regular, or bold for bold fonts), embedded as a subset: every
 * character the window shows (µ, ·, ≥, ×, –, →) then prints, copies and searches in any viewer. The fonts ship in
 * the assets module ({@code fonts/README.md}: source and licence). Text with a character DejaVu Sans lacks (a chip
 * named in CJK, say) is drawn as glyph outlines instead, so nothing ever prints as "?". One instance per document.
 */
public final class EmbeddedFonts extends PdfBoxGraphics2DFontTextDrawer {
    static final String REGULAR = "/fonts/DejaVuSans.ttf";
    static final String BOLD = "/fonts/DejaVuSans-Bold.ttf";
    /** The family name PDF and SVG exports give their text. */
    static final String FAMILY = "DejaVu Sans";

    private PDFont regular;
    private PDFont bold;

    @Override
    protected PDFont mapFont(Font font, IFontTextDrawerEnv env) throws IOException {
        if (font.isBold()) {
            if (bold == null) {
                bold = load(env, BOLD);
            }
            return bold;
        }
        if (regular == null) {
            regular = load(env, REGULAR);
        }
        return regular;
    }

    @Override
    public boolean canDrawText(AttributedCharacterIterator text, IFontTextDrawerEnv env) throws IOException, FontFormatException {
        int start = text.getIndex();
        StringBuilder s = new StringBuilder();
        for (char c = text.first(); c != CharacterIterator.DONE; c = text.next()) {
            s.append(c);
        }
        text.setIndex(start);
        return Coverage.FONT.canDisplayUpTo(s.toString()) < 0 && super.canDrawText(text, env);
    }

    private static PDFont load(IFontTextDrawerEnv env, String resource) throws IOException {
        try (InputStream in = open(resource)) {
            return PDType0Font.load(env.getDocument(), new java.io.ByteArrayInputStream(withoutSubstitutions(in.readAllBytes())), true);
        }
    }

    /**
     * A TrueType font with its glyph-substitution table (GSUB) hidden: PDFBox 3 applies a font's GSUB to every string
     * it shows, which turns "fi" and "fl" into ligature glyphs, so that "Workflow" and "Roofline" copy out of a PDF as
     * "Workﬂow" and "Rooﬂine" and a search for them finds nothing (issue 22). The table's tag in the font's directory
     * is renamed to one no reader knows ("GSUB" to "GSUC", which sorts in the same place); every byte of every table
     * stays as it was. Latin text needs nothing GSUB does. A font without GSUB is returned as it is.
     */
    public static byte[] withoutSubstitutions(byte[] ttf) {
        int tables = ttf.length < 12 ? 0 : ((ttf[4] & 0xff) << 8) | (ttf[5] & 0xff);
        for (int i = 0; i < tables && 12 + 16 * i + 4 <= ttf.length; i++) {
            int at = 12 + 16 * i;
            if (ttf[at] == 'G' && ttf[at + 1] == 'S' && ttf[at + 2] == 'U' && ttf[at + 3] == 'B') {
                ttf[at + 3] = 'C';
            }
        }
        return ttf;
    }

    static InputStream open(String resource) throws IOException {
        InputStream in = EmbeddedFonts.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IOException("font " + resource + " missing from the class path (assets module)");
        }
        return in;
    }

    /** DejaVu Sans as an AWT font, to ask which characters it has; loaded on first use. */
    private static final class Coverage {
        static final Font FONT = read();

        private static Font read() {
            try (InputStream in = open(REGULAR)) {
                return Font.createFont(Font.TRUETYPE_FONT, in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (FontFormatException e) {
                throw new IllegalStateException(REGULAR, e);
            }
        }
    }
}
