package dev.ridgeline.app.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.app.explorer.charts.Palette;
import dev.ridgeline.engine.io.Presets;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An exported picture's footer names the scenario and the program's version. Drawn as one line it ran off the edge of
 * any picture narrower than the line (about 720 px for the default scenario: the roofline exported from a 1366 px
 * window, every `export --width` under that), cutting the stamp short ("... / dua"). Read back from the SVG: every
 * footer line fits the picture's width, the lines joined are the whole footer, the painter's area ends where the strip
 * begins, and a wide picture keeps its one line.
 */
class FooterWrapTest {
    private static final Pattern TEXT = Pattern.compile("<text x='([-0-9.E]+)' y='([-0-9.E]+)'[^>]*>([^<]*)</text>");

    @TempDir
    Path dir;

    @Test
    void aNarrowPictureWrapsItsFooterAndKeepsAllOfIt() throws Exception {
        String footer = ImageExport.footer(Presets.builtInScenario("default").summary());
        Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        FontMetrics fm = g.getFontMetrics(Palette.SMALL);
        assertTrue(fm.stringWidth(footer) > 600, "the default footer is wider than a narrow picture: " + footer);
        for (int width : new int[] {320, 480, 640, 1366}) {
            int height = 300;
            Path svg = dir.resolve("f" + width + ".svg");
            Rectangle2D[] painted = new Rectangle2D[1];
            ImageExport.write(svg, width, height, footer, (gr, area) -> painted[0] = area);
            List<String> lines = new ArrayList<>();
            Matcher m = TEXT.matcher(Files.readString(svg));
            double top = height;
            while (m.find()) {
                double x = Double.parseDouble(m.group(1));
                double y = Double.parseDouble(m.group(2));
                lines.add(m.group(3));
                top = Math.min(top, y);
                double w = fm.getStringBounds(m.group(3).replace("&amp;", "&"), g).getWidth();
                assertTrue(x >= 0 && x + w <= width, "at " + width + " px the footer line \"" + m.group(3)
                        + "\" spans " + x + ".." + (x + w));
            }
            assertEquals(footer.replace(" ", ""), String.join("", lines).replace(" ", ""),
                    "the lines at " + width + " px are the whole footer: " + lines);
            int strip = ImageExport.footerHeight(footer, width);
            assertEquals(height - strip, painted[0].getHeight(), 0, "the picture ends where the footer's strip begins");
            assertTrue(top > height - strip, "every line lies inside the strip: first baseline " + top);
            if (width == 1366) {
                assertEquals(1, lines.size(), "a wide picture keeps one line");
                assertEquals(ImageExport.FOOTER, strip);
            } else {
                assertTrue(lines.size() > 1, width + " px: " + lines);
            }
        }
        g.dispose();
    }
}
