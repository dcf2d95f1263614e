package dev.ridgeline.engine.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.engine.Fixtures;
import dev.ridgeline.engine.model.CardCost;
import org.junit.jupiter.api.Test;

/** A served workload's dollars and joules per input, output and blended token (DESIGN 4c, 4d), by hand and end to end. */
class ServedCostTest {
    static final CardCost TWO_DOLLARS = new CardCost(2.0, CardCost.Tco.NONE, 1.0, 1.5, "test", "test", "2026-01");

    @Test
    void inputOutputAndBlendedDollarsByHand() {
        // $2 per card-hour; a prefill card takes in 20,000 prompt tokens/s, a decode card gives 2,000 output tokens/s;
        // 4,000 input and 1,000 output tokens a request.
        ServedCost c = new ServedCost(TWO_DOLLARS, 20_000, 2_000, 4_000, 1_000);
        // input: 2 / (20,000 x 3600 / 1e6) = 2 / 72 = 0.0277778; output: 2 / (2,000 x 0.0036) = 2 / 7.2 = 0.277778
        assertEquals(2.0 / 72, c.dollarsPerMillionInputTokens().getAsDouble(), 1e-15);
        assertEquals(2.0 / 7.2, c.dollarsPerMillionOutputTokens().getAsDouble(), 1e-15);
        // a request: 4,000 x 0.0277778e-6 + 1,000 x 0.277778e-6 = 1.11111e-4 + 2.77778e-4 = 3.88889e-4 dollars
        assertEquals(3.888889e-4, c.dollarsPerRequest().getAsDouble(), 1e-10);
        // blended over its 5,000 tokens: 3.88889e-4 / 5,000 x 1e6 = 0.0777778 per million
        assertEquals(0.0777778, c.dollarsPerMillionTokensBlended().getAsDouble(), 1e-7);
        // both pools over its 1,000 output tokens: 0.388889 per million ...
        assertEquals(0.388889, c.dollarsPerMillionServedOutputTokens().getAsDouble(), 1e-6);
        // ... which is the price over the served rate: 1 / (4,000 / (20,000 x 1,000) + 1 / 2,000) = 1 / 7e-4 = 1428.57
        assertEquals(1428.5714, c.servedOutputPerCard(), 1e-4);
        assertEquals(0.388889, 2 / (c.servedOutputPerCard() * 0.0036), 1e-6);
        // joules: 1 kW x PUE 1.5 = 1,500 W all-in; 1,500 / 20,000 = 0.075 J per input token, 1,500 / 2,000 = 0.75 per
        // output token; a request 4,000 x 0.075 + 1,000 x 0.75 = 300 + 750 = 1,050 J, 1.05 J per output token served
        assertEquals(0.075, c.joulesPerInputToken().getAsDouble(), 1e-12);
        assertEquals(0.75, c.joulesPerOutputToken().getAsDouble(), 1e-12);
        assertEquals(1050, c.joulesPerRequest().getAsDouble(), 1e-9);
        assertEquals(1.05, c.joulesPerServedOutputToken().getAsDouble(), 1e-12);
    }

    @Test
    void aChipWithoutAPriceOrPowerHasNoFigures() {
        ServedCost c = new ServedCost(CardCost.NONE, 20_000, 2_000, 4_000, 1_000);
        assertTrue(c.dollarsPerMillionInputTokens().isEmpty() && c.dollarsPerMillionOutputTokens().isEmpty()
                && c.dollarsPerMillionTokensBlended().isEmpty() && c.dollarsPerMillionServedOutputTokens().isEmpty()
                && c.dollarsPerRequest().isEmpty());
        assertTrue(c.joulesPerInputToken().isEmpty() && c.joulesPerOutputToken().isEmpty()
                && c.joulesPerServedOutputToken().isEmpty() && c.joulesPerRequest().isEmpty());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ServedCost(TWO_DOLLARS, 0, 2_000, 4_000, 1_000));
        assertEquals("input tokens/s per prefill card must be > 0, was 0.0", e.getMessage());
    }

    @Test
    void theServedFiguresAreWhatTheSizedPoolsCostForARequestRate() {
        // H800 at DeepSeek's $2 per GPU-hour (open-infra-index day 6, the catalogue's price), 4K in, 1K out
        Workload w = Workload.of(4096, 1024).withCacheHit(0.5);
        Served.Sized s = assertInstanceOf(Served.Sized.class, Serving.size(Fixtures.ENGINE, ServingTest.H800, w));
        CardCost price = ServingTest.H800.chip().cost();
        assertEquals(2.0, price.dollarsPerHour(), 0.0);
        ServedCost c = ServedCost.of(price, s);
        // the cost's served rate is the rate match's (RateMatch.servedPerCard), reached another way
        assertEquals(s.outputPerCard(), c.servedOutputPerCard(), 1e-9 * s.outputPerCard());
        // pools for 1,000 requests/s in whole units: their cards x $2 / 3600 s over 1,000 requests is at least the
        // figure per request (whole units only add cards) and above it by at most one unit of each pool:
        // cards <= ideal + units and requests/s >= 1,000, so cards / rate <= ideal / 1,000 x (1 + units / (cards - units))
        RateMatch.Pools pools = s.forRequestRate(1000);
        double perRequest = pools.cards() * 2.0 / 3600 / pools.requestsPerSec();
        double figure = c.dollarsPerRequest().getAsDouble();
        int units = pools.prefillUnitCards() + pools.decodeUnitCards();
        assertTrue(perRequest >= figure * (1 - 1e-9), perRequest + " < " + figure);
        assertTrue(perRequest <= figure * (1 + (double) units / (pools.cards() - units)) * (1 + 1e-9),
                perRequest + " far above " + figure + " with " + pools);
        // the decode pool's figure is evaluate's decode-only figure at that deployment's throughput
        assertEquals(price.dollarsPerMillionTokens(s.decode().throughputPerCard()),
                c.dollarsPerMillionOutputTokens().getAsDouble(), 0.0);
        assertTrue(c.dollarsPerMillionServedOutputTokens().getAsDouble() > c.dollarsPerMillionOutputTokens().getAsDouble(),
                "the prefill cards add to an output token's cost");
    }
}
