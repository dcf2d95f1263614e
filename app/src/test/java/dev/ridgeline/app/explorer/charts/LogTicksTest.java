package dev.ridgeline.app.explorer.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The ticks of every log axis of the window (the frontier's plain numbers, the roofline's SI decades). */
class LogTicksTest {
    @ParameterizedTest(name = "[{0}, {1}] -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            4     | 800     | 5 10 20 50 100 200 500
            5.2   | 700     | 10 20 50 100 200 500
            0.3   | 3       | 0.5 1 2
            10    | 10.5    | 10
            0.001 | 1000000 | 0.001 0.01 0.1 1 10 100 1000 10000 100000 1000000
            300   | 5000    | 500 1000 2000 5000
            2     | 1       |
            0     | 10      |
            """)
    void ticksSitAtOneTwoAndFiveOfEachDecadeOrAtTheDecadesOverWideRanges(double lower, double upper, String ticks) {
        // 1-2-5 over [lower, upper]; beyond 14 such ticks (0.001 to 1e6 would take 28), decades only
        // a range not 0 < lower < upper gives none (an empty column reads as null)
        List<String> want = ticks == null ? List.of() : List.of(ticks.split(" "));
        List<String> got = LogTicks.values(lower, upper).stream().map(BigDecimal::toPlainString).toList();
        assertEquals(want, got);
    }
}
