package dev.ridgeline.app.export;

import dev.ridgeline.app.Version;
import dev.ridgeline.app.explorer.charts.Palette;
import dev.ridgeline.engine.io.AtomicFiles;
import dev.ridgeline.engine.model.Checks;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import javax.imageio.ImageIO;
import org.jfree.svg.SVGGraphics2D;

/**
 * Writes a picture as PNG, SVG or PDF (by extension), {@code width x height} in all, with a footer line naming the
 * scenario and the program version. Files are written atomically. SVG and PDF keep lines and text as vectors; the PDF
 * embeds its font ({@link EmbeddedFonts}), the SVG is UTF-8 text that names the same font first.
 */
public final class ImageExport {
    /** Height of the footer strip of one line, px. */
    public static final int FOOTER = 22;
    /** Each further line of a footer too long for the picture's width, px. */
    static final int FOOTER_LINE = 14;
    /** The footer text's left and right margin, px. */
    private static final float FOOTER_MARGIN = 8f;
    /** The SVG's font-family: the PDF's font (every character the window shows), then the viewer's sans-serif. */
    public static final String SVG_FONTS = "\"" + EmbeddedFonts.FAMILY + "\", sans-serif";

    private ImageExport() {
    }

    /** The footer text for a scenario summary. */
    public static String footer(String scenarioSummary) {
        return scenarioSummary + "  ·  Ridgeline " + Version.current();
    }

    /**
     * The footer's lines at {@code width}: one when it fits, else broken after its separators (" / " between the
     * scenario's fields, " · " before the version), so that a narrow picture keeps the whole stamp instead of cutting
     * it at the edge.
     */
    static List<String> footerLines(String footer, int width) {
        FontMetrics fm = FOOTER_METRICS;
        double room = width - 2 * FOOTER_MARGIN;
        List<String> lines = new ArrayList<>();
        String line = "";
        for (String piece : footer.split("(?<= / )|(?<=  ·  )")) {
            if (!line.isEmpty() && fm.stringWidth(line + piece.stripTrailing()) > room) {
                lines.add(line.strip());
                line = "";
            }
            line += piece;
        }
        lines.add(line.strip());
        return lines;
    }

    /** The footer strip's height for {@code footer} at {@code width}: {@link #FOOTER}, plus a line for each wrap. */
    public static int footerHeight(String footer, int width) {
        return FOOTER + FOOTER_LINE * (footerLines(footer, width).size() - 1);
    }

    private static final FontMetrics FOOTER_METRICS;

    static {
        Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        FOOTER_METRICS = g.getFontMetrics(Palette.SMALL);
        g.dispose();
    }

    /** Paints {@code content} into the area above the footer and writes the file. */
    public static void write(Path out, int width, int height, String footer, BiConsumer<Graphics2D, Rectangle2D> content)
            throws IOException {
        ImageFormat format = ImageFormat.of(out, "--out");
        Rectangle2D area = new Rectangle2D.Double(0, 0, width, height - footerHeight(footer, width));
        switch (format) {
            case SVG: {
                SVGGraphics2D g = new SVGGraphics2D(width, height);
                g.setFontFunction(family -> SVG_FONTS);
                paint(g, width, height, area, footer, content);
                AtomicFiles.write(out, svgDocument(g));
                break;
            }
            case PDF:
                AtomicFiles.write(out, PdfFigure.render(width, height, g -> paint(g, width, height, area, footer, content)));
                break;
            default: {
                BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
                Graphics2D g = image.createGraphics();
                try {
                    paint(g, width, height, area, footer, content);
                } finally {
                    g.dispose();
                }
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                // encode in memory: ImageIO's default file cache makes a temporary file (and seeds SecureRandom for it)
                ImageIO.setUseCache(false);
                ImageIO.write(image, "png", bytes);
                AtomicFiles.write(out, bytes.toByteArray());
            }
        }
    }

    /** One line for a failed export: "cannot write FILE: why" (the reason as {@link AtomicFiles#reason} words it). */
    public static String cannotWrite(Path out, IOException e) {
        String message = e.getMessage();
        return message != null && message.startsWith("cannot write ") ? message
                : "cannot write " + Checks.shorten(out.toString(), 2 * Checks.ECHO_LIMIT) + ": " + AtomicFiles.reason(e);
    }

    /** The document with its encoding declared: the text holds µ, ·, ≥ and × as UTF-8, which is how it is written. */
    static String svgDocument(SVGGraphics2D g) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + g.getSVGElement() + "\n";
    }

    private static void paint(Graphics2D g, int width, int height, Rectangle2D area, String footer,
                              BiConsumer<Graphics2D, Rectangle2D> content) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        Graphics2D inner = (Graphics2D) g.create();
        try {
            inner.clip(area);
            content.accept(inner, area);
        } finally {
            inner.dispose();
        }
        List<String> lines = footerLines(footer, width);
        int strip = FOOTER + FOOTER_LINE * (lines.size() - 1);
        g.setColor(new Color(0xF6, 0xF8, 0xFA));
        g.fill(new Rectangle2D.Double(0, height - strip, width, strip));
        g.setColor(Palette.GRID);
        g.drawLine(0, height - strip, width, height - strip);
        g.setColor(Palette.MUTED);
        g.setFont(Palette.SMALL);
        for (int i = 0; i < lines.size(); i++) {
            g.drawString(lines.get(i), FOOTER_MARGIN, height - 7f - FOOTER_LINE * (lines.size() - 1 - i));
        }
    }
}
