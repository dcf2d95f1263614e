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
    }
}
