package dev.ridgeline.app.explorer.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DecadeAxisTest {
    @Test
    void decadesAreLabelledWithSiPrefixes() {
        assertEquals("1", DecadeAxis.label(1));
        assertEquals("10", DecadeAxis.label(10));
        assertEquals("100", DecadeAxis.label(100));
        assertEquals("1 k", DecadeAxis.label(1e3));
        assertEquals("10 k", DecadeAxis.label(1e4));
        assertEquals("100 T", DecadeAxis.label(1e14));
        assertEquals("1 P", DecadeAxis.label(1e15));
        assertEquals("1 E", DecadeAxis.label(1e18));
        assertEquals("1000 E", DecadeAxis.label(1e21)); // beyond the last prefix the mantissa grows
        assertEquals("0.1", DecadeAxis.label(0.1));
        assertEquals("0.001", DecadeAxis.label(1e-3));
        // a tick value that is a hair off its decade still reads as the decade
        assertEquals("1 T", DecadeAxis.label(0.999999e12));
        // the 2 and 5 ticks of a short range
        assertEquals("2 k", DecadeAxis.label(2e3));
        assertEquals("500 T", DecadeAxis.label(5e14));
        assertEquals("0.02", DecadeAxis.label(0.02));
        assertEquals("200", DecadeAxis.label(199.99999));
    }

    @Test
    void aRangeOfLittleMoreThanADecadeGetsTicksAtTwoAndFiveToo() {
        // issue 22: the report's frontier ran from about 300 to 5,000 tokens/s per card and showed "1 k" alone
        DecadeAxis axis = new DecadeAxis("Tokens/s per card");
        axis.setRange(300, 5000);
        java.awt.Graphics2D g = new java.awt.image.BufferedImage(10, 10, java.awt.image.BufferedImage.TYPE_INT_RGB).createGraphics();
        java.util.List<String> labels = new java.util.ArrayList<>();
        for (Object t : axis.refreshTicks(g, new org.jfree.chart.axis.AxisState(),
                new java.awt.geom.Rectangle2D.Double(0, 0, 600, 400), org.jfree.chart.ui.RectangleEdge.LEFT)) {
            labels.add(((org.jfree.chart.axis.ValueTick) t).getText());
        }
        assertEquals(java.util.List.of("500", "1 k", "2 k", "5 k"), labels);
        // three decades or more keep one tick a decade
        axis.setRange(10, 20000);
        assertEquals(4, axis.refreshTicks(g, new org.jfree.chart.axis.AxisState(),
                new java.awt.geom.Rectangle2D.Double(0, 0, 600, 400), org.jfree.chart.ui.RectangleEdge.LEFT).size());
    }
}
