package dev.ridgeline.engine.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * How decode's and prefill's bands combine kernel families (one rule for both; they differed before: prefill counted
 * both ends of a family when they moved the step the same way). Expected values by hand.
 */
class QuadratureTest {

    @Test
    void independentFamiliesAddInQuadratureEachSideApart() {
        Quadrature q = new Quadrature();
        q.add(Math.log(0.9), Math.log(1.2)); // one family: -10.5 % / +18.2 % in log terms
        q.add(Math.log(0.8), Math.log(1.1));
        Band t = q.time(2.0);
        // low: 2 · exp(−sqrt(ln²0.9 + ln²0.8)) = 2 · exp(−sqrt(0.011101 + 0.049793)) = 2 · exp(−0.246767) = 1.56265
        assertEquals(1.56265, t.low(), 1e-5);
        // high: 2 · exp(sqrt(ln²1.2 + ln²1.1)) = 2 · exp(sqrt(0.033241 + 0.009085)) = 2 · exp(0.205733) = 2.45685
        assertEquals(2.45685, t.high(), 1e-5);
    }

    @Test
    void aFamilyWhoseEndsBothLengthenTheStepCountsOnceWithItsLargerMove() {
        Quadrature q = new Quadrature();
        q.add(Math.log(1.05), Math.log(1.2));
        Band t = q.time(1.0);
        assertEquals(1.0, t.low(), 0.0, "nothing shortens the step");
        assertEquals(1.2, t.high(), 1e-12, "the larger move alone, not sqrt(ln²1.05 + ln²1.2)");
    }

    @Test
    void aRateIsBandedAsTheInverseOfItsTime() {
        Quadrature q = new Quadrature();
        q.add(Math.log(0.9), Math.log(1.25));
        Band rate = q.rate(100);
        // a step 0.9x to 1.25x as long: the rate 100 / 1.25 = 80 to 100 / 0.9 = 111.11
        assertEquals(80.0, rate.low(), 1e-9);
        assertEquals(111.111111, rate.high(), 1e-5);
    }
}
