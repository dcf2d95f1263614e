package dev.ridgeline.app.explorer.tuning;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ridgeline.engine.space.Objective;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Dollars and joules read to three significant digits with their trailing zeros, so that the contours of one map read
 * alike: the dollars map wrote "$0.5" beside "$0.400" and the joules map "1 J" beside "1.20 J" (a level that is an
 * exact binary fraction lost its zeros). Expected strings written by hand.
 */
class ObjectiveTextTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "COST  | 0.5    | $0.500",
        "COST  | 0.3    | $0.300",
        "COST  | 0.196  | $0.196",
        "COST  | 0.9996 | $1.00",
        "COST  | 12.25  | $12.3",
        "COST  | 100    | $100",
        "COST  | 1234.5 | $1,235",
        "POWER | 1      | 1.00 J",
        "POWER | 1.2    | 1.20 J",
        "POWER | 0.0583 | 0.0583 J",
    })
    void aFigureKeepsItsThreeDigits(Objective o, double figure, String expected) {
        assertEquals(expected, ObjectiveText.number(o, figure));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "COST  | 0.012  | +$0.012",
        "COST  | -0.5   | −$0.50",
        "POWER | 0.031  | +0.031 J",
    })
    void aChangeKeepsItsTwoDigits(Objective o, double change, String expected) {
        assertEquals(expected, ObjectiveText.delta(o, change));
    }
}
