package dev.ridgeline.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.engine.Fixtures;
import dev.ridgeline.engine.TokenCost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The cost arithmetic of DESIGN 4d, checked by hand and against DeepSeek's published economics. */
class CardCostTest {
    static CardCost rental(double dollarsPerHour, double kw, double pue) {
        return new CardCost(dollarsPerHour, CardCost.Tco.NONE, kw, pue, "test", "test", "2026-01");
    }

    @ParameterizedTest(name = "${0}/card-hour at {1} tokens/s = ${2}/Mtok")
    @CsvSource(textBlock = """
            # a card-hour makes tokens/s x 3600 tokens: $/Mtok = price / (tokens/s x 3600 / 1e6)
            # 3.6 / (1000 x 3600 / 1e6) = 3.6 / 3.6
            3.6,   1000,  1.0
            # DeepSeek's decode: 14.8k tokens/s per H800 node = 1850 per card at $2: 2 / 6.66 = 0.3003003...
            2.0,   1850,  0.30030030030
            # 10 / (100 x 0.0036) = 10 / 0.36
            10.0,  100,   27.777777778
            """)
    void dollarsPerMillionTokensFromThePriceOfACardHour(double price, double tps, double expected) {
        assertEquals(expected, rental(price, 0, 1).dollarsPerMillionTokens(tps), 1e-9);
    }

    @ParameterizedTest(name = "TCO ${0} over {1} years, {2} kW x PUE {3} at ${4}/kWh = ${5}/h")
    @CsvSource(textBlock = """
            # 87,660 / (10 x 8,766 h) = 1.0; 2 kW x 1.0 x $0.05 = 0.1
            87660, 10, 2.0, 1.0, 0.05, 1.1
            # 30,000 / (5 x 8,766) = 30,000 / 43,830 = 0.684462697; 1 kW x 1.5 x $0.10 = 0.15
            30000, 5,  1.0, 1.5, 0.10, 0.834462697
            # 8,766 / (1 x 8,766) = 1; no electricity to speak of: 0.001 kW x 1 x 0.001 = 1e-6
            8766,  1,  0.001, 1.0, 0.001, 1.000001
            """)
    void tcoFormYieldsTheHourlyPrice(double purchase, double years, double kw, double pue, double perKwh, double expected) {
        CardCost c = new CardCost(0, new CardCost.Tco(purchase, years, perKwh), kw, pue, "test", "test", "2026-01");
        assertTrue(c.priced());
        assertEquals(expected, c.dollarsPerHour(), 1e-9);
    }

    @Test
    void deepSeeksPublishedDailyCostFromItsNodeCountAndPrice() {
        // DeepSeek, open-infra-index day 6 "DeepSeek-V3/R1 inference system overview" (2025-02-28):
        // https://github.com/deepseek-ai/open-infra-index/blob/main/202502OpenSourceWeek/day_6_one_more_thing_deepseekV3R1_inference_system_overview.md
        // "average occupancy of 226.75 nodes (each node contains 8 H800 GPUs) ... leasing cost of one H800 GPU is $2
        // per hour, the total daily cost amounts to $87,072". 226.75 x 8 x 2 x 24 = 87,072.
        CardCost h800 = Fixtures.CATALOG.chip("H800").cost();
        assertEquals(2.0, h800.dollarsPerHour(), 0.0);
        assertEquals(87_072.0, h800.dollarsPerDay(226.75 * 8), 1e-6);
        // The same post: 168B output tokens that day, 14.8k output tokens/s per node while decoding. At $2 per
        // GPU-hour the decode cards alone cost 2 / (1850 x 3600 / 1e6) = $0.300 per million output tokens; the whole
        // fleet (prefill cards and the night's idle share too) 87,072 / 168,000 = $0.518 per million.
        TokenCost decode = new TokenCost(h800, 14_800.0 / 8);
        assertEquals(0.3003, decode.dollarsPerMillionOutputTokens().getAsDouble(), 5e-5);
        assertTrue(87_072.0 / 168_000 > decode.dollarsPerMillionOutputTokens().getAsDouble(),
                "decode-only cost is below the fleet's blended cost");
    }

    @Test
    void joulesPerTokenFromAllInPower() {
        // 1.275 kW x PUE 1.3 = 1.6575 kW all-in; at 1850 tokens/s: 1657.5 W / 1850 = 0.895946 J per token,
        // 1850 / 1.6575 = 1116.14 tokens/s per kW
        TokenCost t = new TokenCost(rental(2, 1.275, 1.3), 1850);
        assertEquals(1.6575, t.cost().allInKw(), 1e-12);
        assertEquals(0.895946, t.joulesPerOutputToken().getAsDouble(), 1e-6);
        assertEquals(1116.139, t.outputTokensPerSecPerKw().getAsDouble(), 1e-3);
    }

    @Test
    void aChipWithoutAPriceOrPowerHasNoFigureInsteadOfZero() {
        TokenCost t = new TokenCost(CardCost.NONE, 1000);
        assertTrue(t.dollarsPerMillionOutputTokens().isEmpty());
        assertTrue(t.joulesPerOutputToken().isEmpty());
        assertTrue(t.outputTokensPerSecPerKw().isEmpty());
        assertEquals("no price given", CardCost.NONE.priceNote());
        assertFalse(Fixtures.CATALOG.chip("H20").cost().priced(), "no public rental tier: the catalogue invents none");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            negative price    | -2,    0, 5, 0.08, 1, 1.3   | dollarsPerCardHour must be 0 or in [0.01, 1000], was -2 (cost)
            absurd price      | 20000, 0, 5, 0.08, 1, 1.3   | dollarsPerCardHour must be 0 or in [0.01, 1000], was 20000 (cost)
            negative power    | 2, 0, 5, 0.08, -1, 1.3      | powerKw must be 0 or in [0.001, 100], was -1 (cost)
            absurd power      | 2, 0, 5, 0.08, 1000, 1.3    | powerKw must be 0 or in [0.001, 100], was 1000 (cost)
            PUE below 1       | 2, 0, 5, 0.08, 1, 0.9       | pue must be in [1, 3], was 0.9 (cost)
            negative purchase | 0, -5, 5, 0.08, 1, 1.3      | purchaseDollars must be 0 or in [100, 1e7], was -5 (cost)
            no years          | 0, 30000, 0, 0.08, 1, 1.3   | amortisationYears must be in [0.5, 30], was 0 (cost)
            free power        | 0, 30000, 5, 0, 1, 1.3      | electricityDollarsPerKwh must be in [0.001, 10], was 0 (cost)
            both prices       | 2, 30000, 5, 0.08, 1, 1.3   | dollarsPerCardHour must be 0 when a purchase price is given (the TCO form sets the price), was 2 (cost)
            TCO without power | 0, 30000, 5, 0.08, 0, 1.3   | powerKw must be > 0 when a purchase price is given (the TCO form prices the electricity), was 0 (cost)
            NaN price         | NaN, 0, 5, 0.08, 1, 1.3     | dollarsPerCardHour must be 0 or in [0.01, 1000], was NaN (cost)
            """)
    void refusesNegativeAndAbsurdPricesAndPowersNamingTheField(String what, String values, String message) {
        double[] v = java.util.Arrays.stream(values.split(",")).mapToDouble(x -> Double.parseDouble(x.strip())).toArray();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CardCost(v[0], new CardCost.Tco(v[1], v[2], v[3]), v[4], v[5], "test", "test", "2026-01"));
        assertEquals(message, e.getMessage());
    }

    @Test
    void editingThePriceReplacesTheTcoFormAndMarksTheSourceAsTheUsers() {
        Chip h800 = Fixtures.CATALOG.chip("H800");
        ChipField price = field("Price");
        ChipField purchase = field("Purchase price");
        Chip bought = purchase.with(h800, 30000.0);
        // the form replaces the rental price: 30,000 / 43,830 + 1.275 x 1.3 x 0.08 = 0.684463 + 0.1326 = 0.817063
        assertEquals(0.0, bought.cost().rentalDollarsPerHour(), 0.0);
        assertEquals(0.817063, (Double) price.shown(bought), 1e-6);
        assertEquals(CardCost.EDITED, bought.cost().priceSource());
        Chip rented = price.with(bought, 3.0);
        assertFalse(rented.cost().tco().used(), "typing a price drops the form");
        assertEquals(3.0, rented.cost().dollarsPerHour(), 0.0);
        assertTrue(rented.cost().priceNote().startsWith("$3.00 per card-hour (" + CardCost.EDITED), rented.cost().priceNote());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> price.with(h800, -1.0));
        assertTrue(e.getMessage().startsWith("dollarsPerCardHour must be 0 or in [0.01, 1000], was -1"), e.getMessage());
    }

    static ChipField field(String name) {
        return ChipField.ALL.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }
}
