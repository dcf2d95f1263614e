package dev.ridgeline.app.explorer.tuning;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.app.explorer.charts.Palette;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.junit.jupiter.api.Test;

/**
 * Issue 17 (labels collide): at the Sensitivity tab's width the default scenario's largest bar (EPLB off, about
 * −1,600 tokens/s per card) reached so near the plot's left edge that its label ran out of the plot onto the knob's
 * own name ("off | –−1,625" in the real window at 1600 px). Every bar's label must lie inside the plot's data area,
 * clear of its edges,
 * with or without whiskers, at the widths the side tab and a narrow export give it. Read from the SVG the chart draws:
 * each number drawn inside the data area's height (the axis's tick labels lie below it, the knobs' names left of it).
 */
class TornadoLabelsTest {
    private static final Pattern TEXT = Pattern.compile("<text x='([-0-9.E]+)' y='([-0-9.E]+)'[^>]*>([^<]*)</text>");
    private static final Pattern DELTA = Pattern.compile("[+\u2212-]?\\$?[0-9][0-9,.]*");

    @Test
    void everyBarLabelStaysInsideThePlot() {
        for (int width : new int[] {300, 360, 420}) {
            assertInside(TuningFigures.tornado(TornadoWhiskersTest.R, TornadoWhiskersTest.BAND), width);
            assertInside(TuningFigures.tornado(TornadoWhiskersTest.R, null), width);
        }
    }

    private static void assertInside(JFreeChart chart, int width) {
        int height = 560;
        SVGGraphics2D svg = new SVGGraphics2D(width, height);
        ChartRenderingInfo info = new ChartRenderingInfo();
        chart.draw(svg, new Rectangle2D.Double(0, 0, width, height), info);
        Rectangle2D area = info.getPlotInfo().getDataArea();
        Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        FontMetrics fm = g.getFontMetrics(Palette.SMALL);
        Matcher m = TEXT.matcher(svg.getSVGElement());
        int labels = 0;
        while (m.find()) {
            double x = Double.parseDouble(m.group(1));
            double y = Double.parseDouble(m.group(2));
            String text = m.group(3);
            if (y < area.getMinY() || y > area.getMaxY() || !DELTA.matcher(text).matches()) {
                continue;
            }
            labels++;
            double w = fm.getStringBounds(text, g).getWidth();
            // clear of the edges by the labels' own gap (3 px): the knobs' names end at the left one
            assertTrue(x >= area.getMinX() + 2.5 && x + w <= area.getMaxX() - 2.5, "at " + width + " px the label \""
                    + text + "\" spans x " + x + ".." + (x + w) + ", outside the plot's " + area.getMinX() + ".." + area.getMaxX());
        }
        assertTrue(labels >= 8, "the bars' labels were found in the SVG: " + labels);
        g.dispose();
    }
}
