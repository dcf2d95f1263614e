package dev.ridgeline.engine.space;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * What a target solve says about a field's value reads like the window's figures: four significant digits, thousands
 * grouped (the Target tab showed "at 100000 GB" and "334540.8 Tops", a bound's raw digits).
 */
class SolveTextTest {
    @Test
    void aFieldsValueInAReasonHasFourDigitsGroupedWithItsUnit() {
        assertEquals("100,000 GB", Solve.shown(Knob.field("HBM capacity"), 100_000));
        // 334,540.8 to four significant digits: 334,500
        assertEquals("334,500 Tops", Solve.shown(Knob.field("exp2 rate"), 334_540.8));
        assertEquals("3,350 GB/s", Solve.shown(Knob.field("HBM bandwidth"), 3350));
        assertEquals("42.95 GB/s", Solve.shown(Knob.field("HBM bandwidth"), 42.9537));
    }

    @Test
    void aSteppedFieldIsNamedByItsMode() {
        assertEquals("three-stage", Solve.shown(Knob.FA3, 2));
    }
}
