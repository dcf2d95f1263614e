package dev.ridgeline.engine.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.engine.Fixtures;
import dev.ridgeline.engine.model.CardCost;
import dev.ridgeline.engine.model.Chip;
import dev.ridgeline.engine.model.Dtype;
import dev.ridgeline.engine.model.Scenario;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cost and power objectives (DESIGN 4d) on the design-space views: compare, solve, sensitivity, map. */
class CostObjectiveTest {
    static final Scenario H800 = Fixtures.seed("H800", "CX7").withKvDtype(Dtype.FP8).withWeightDtype(Dtype.FP8)
            .withBatch(64);
    static final double TARGET = 20;
    static final Knob PRICE = Knob.field("Price");

    static Chip priced(String preset, double dollarsPerHour) {
        Chip c = Fixtures.CATALOG.chip(preset);
        return c.withCost(c.cost().withRental(dollarsPerHour));
    }

    @Test
    void aFasterDearerChipWinsOnThroughputAndLosesOnCost() {
        Chip h800 = Fixtures.CATALOG.chip("H800");
        ChipComparison.Result speeds = ChipComparison.compute(Fixtures.ENGINE, H800, List.of(h800, priced("B200", 1)),
                TARGET, Objective.THROUGHPUT);
        double slow = speeds.rows().get(0).answer().throughputPerCard();
        double fast = speeds.rows().get(1).answer().throughputPerCard();
        assertTrue(fast > slow, "B200 is faster per card than H800 at 20 tokens/s per user: " + fast + " vs " + slow);
        // B200 priced at 1.5 x its speed advantage over H800's $2: 1.5 x the dollars per million tokens
        Chip dear = priced("B200", 2.0 * fast / slow * 1.5);
        ChipComparison.Result r = ChipComparison.compute(Fixtures.ENGINE, H800, List.of(h800, dear), TARGET,
                Objective.COST);
        assertSame(dear, r.winner(Objective.THROUGHPUT).chip());
        assertSame(h800, r.winner(Objective.COST).chip());
        double h800Cost = Objective.COST.figure(r.rows().get(0).score(Objective.COST));
        double dearCost = Objective.COST.figure(r.rows().get(1).score(Objective.COST));
        assertEquals(1.5, dearCost / h800Cost, 1e-9);
        // the price at which B200 breaks even with H800: equal $/Mtok, price in proportion to tokens/s: 2 x fast/slow
        double breakEven = r.rows().get(1).breakEvenDollarsPerHour(h800Cost);
        assertEquals(2.0 * fast / slow, breakEven, 1e-9);
        ChipComparison.Result cheaper = ChipComparison.compute(Fixtures.ENGINE, H800,
                List.of(h800, priced("B200", breakEven * 0.99)), TARGET, Objective.COST);
        assertEquals("B200", cheaper.winner(Objective.COST).chip().name());
    }

    @Test
    void aChipWithoutAPriceRanksLastOnCostAndSaysSo() {
        Chip h20 = Fixtures.CATALOG.chip("H20");
        assertFalse(h20.cost().priced());
        ChipComparison.Result r = ChipComparison.compute(Fixtures.ENGINE, H800, List.of(h20, Fixtures.CATALOG.chip("H800")),
                TARGET, Objective.COST);
        assertEquals("H800", r.winner(Objective.COST).chip().name());
        assertEquals(0.0, r.rows().get(0).score(Objective.COST), 0.0);
        assertEquals("chip 'H20' has no price", r.rows().get(0).missing(Objective.COST, TARGET));
        assertNull(r.rows().get(1).missing(Objective.COST, TARGET));
        assertEquals("H20", r.ranked(Objective.COST).get(1).chip().name());
    }

    @Test
    void thePriceAtWhichH800BreaksEvenWithARivalIsSolvedOnThePriceKnob() {
        double tps = Sensitivity.headline(Fixtures.ENGINE, H800, TARGET);
        double goal = 0.25; // $ per million output tokens
        Solve.Answer a = Solve.solve(Fixtures.ENGINE, H800, PRICE, new Solve.Target(TARGET, Objective.COST, goal, false));
        assertNotNull(a.required(), a.reason());
        // price / (tokens/s x 3600 / 1e6) = goal  =>  price = goal x tokens/s x 0.0036, to the solve's 1e-4
        assertEquals(goal * tps * 3600 / 1e6, a.required(), goal * tps * 3600 / 1e6 * 2e-4);
        assertTrue(a.required() <= goal * tps * 3600 / 1e6, "the price shown still reaches the goal");
        assertEquals(2.0, a.current(), 0.0);
        assertTrue(a.reason().startsWith("the largest value"), a.reason());
    }

    @Test
    void theHbmBandwidthThatReachesACostTargetReachesItAndOnePercentLessDoesNot() {
        double now = Objective.COST.figure(Sensitivity.headline(Fixtures.ENGINE, H800, TARGET, Objective.COST));
        Solve.Target t = new Solve.Target(TARGET, Objective.COST, now * 0.98, false);
        Knob hbm = Knob.field("HBM bandwidth");
        Solve.Answer a = Solve.solve(Fixtures.ENGINE, H800, hbm, t);
        assertNotNull(a.required(), a.reason());
        assertTrue(a.required() > a.current());
        assertTrue(Solve.reaches(Fixtures.ENGINE, H800, hbm, a.required(), t, Space::explorer));
        assertFalse(Solve.reaches(Fixtures.ENGINE, H800, hbm, a.required() * 0.99, t, Space::explorer));
    }

    @Test
    void aCostTargetOnAChipWithoutAPriceIsNotReachableAndSaysWhy() {
        Scenario h20 = H800.withChip(Fixtures.CATALOG.chip("H20"));
        Solve.Answer a = Solve.solve(Fixtures.ENGINE, h20, Knob.field("HBM bandwidth"),
                new Solve.Target(TARGET, Objective.COST, 1, false));
        assertNull(a.required());
        assertTrue(a.reason().endsWith("chip 'H20 (edited)' has no price"), a.reason());
        // but its price can be solved for: what price gives $1 per million output tokens
        Solve.Answer price = Solve.solve(Fixtures.ENGINE, h20, PRICE, new Solve.Target(TARGET, Objective.COST, 1, false));
        assertNotNull(price.required(), price.reason());
        assertTrue(Double.isNaN(price.change()), "no price now: no relative change");
    }

    @Test
    void onCostThePriceIsAKnobAndTenPercentOffItIsTenPercentOffTheDollarsPerToken() {
        Sensitivity.Result r = Sensitivity.compute(Fixtures.ENGINE, H800, TARGET, 0.1, Objective.COST, Runnable::run, 1,
                () -> false, p -> { });
        assertEquals(Objective.COST, r.objective());
        Sensitivity.Bar price = r.bars().stream().filter(b -> b.knob() == PRICE).findFirst().orElseThrow();
        // $/Mtok ∝ price at a fixed throughput: 0.9 x the price, 0.9 x the $/Mtok (score = 1 / figure)
        assertEquals(Objective.COST.figure(r.headline()) * 0.9, Objective.COST.figure(price.down().headline()), 1e-12);
        assertEquals(Objective.COST.figure(r.headline()) * 1.1, Objective.COST.figure(price.up().headline()), 1e-12);
        // the spec knobs are there too, and the throughput tornado has no price
        assertTrue(r.bars().stream().anyMatch(b -> b.knob().name().equals("HBM bandwidth")));
        assertTrue(Sensitivity.knobs(Objective.THROUGHPUT, H800).stream().noneMatch(Knob::costOnly));
        assertTrue(Sensitivity.knobs(Objective.POWER, H800).stream().noneMatch(k -> k.kind() == Knob.Kind.PRICE));
        // a rental price: the TCO form and the power do not move the dollars; with a purchase price they do
        assertTrue(r.bars().stream().noneMatch(b -> b.knob().kind() == Knob.Kind.TCO || b.knob().kind() == Knob.Kind.POWER));
        Scenario bought = Knob.field("Purchase price").with(H800, 30000);
        assertTrue(Sensitivity.knobs(Objective.COST, bought).stream().anyMatch(k -> k.name().equals("Electricity price")));
        assertTrue(Sensitivity.knobs(Objective.COST, bought).stream().anyMatch(k -> k.name().equals("PUE")));
    }

    @Test
    void aMapWithAPriceAxisEqualsTheHeadlineOfEachMovedScenario() {
        Knob hbm = Knob.field("HBM bandwidth");
        double[] xs = FieldMap.axis(hbm, hbm.of(H800), 2, 3);
        double[] ys = FieldMap.axis(PRICE, PRICE.of(H800), 2, 3);
        FieldMap.Result m = FieldMap.compute(Fixtures.ENGINE, H800, hbm, PRICE, xs, ys, TARGET, Objective.COST,
                Runnable::run, 1, () -> false, p -> { });
        for (int j = 0; j < ys.length; j++) {
            for (int i = 0; i < xs.length; i++) {
                Scenario moved = PRICE.with(hbm.with(H800, xs[i]), ys[j]);
                assertEquals(Sensitivity.headline(Fixtures.ENGINE, moved, TARGET, Objective.COST), m.headline()[j][i],
                        1e-15, "cell " + i + "," + j);
            }
        }
        // the dearer the card, the lower its score
        assertTrue(m.headline()[2][1] < m.headline()[1][1] && m.headline()[1][1] < m.headline()[0][1]);
    }

    @Test
    void theObjectivesScoreHasTheFiguresArithmetic() {
        Chip h800 = Fixtures.CATALOG.chip("H800");
        // $2 / (1850 x 0.0036) = $0.3003 per million; 1.6575 kW all-in / 1850 = 0.8959 J per token
        assertEquals(0.3003003, Objective.COST.figure(Objective.COST.score(h800, 1850)), 1e-7);
        assertEquals(0.8959459, Objective.POWER.figure(Objective.POWER.score(h800, 1850)), 1e-7);
        assertEquals(1850, Objective.THROUGHPUT.figure(Objective.THROUGHPUT.score(h800, 1850)), 0.0);
        assertEquals(0.0, Objective.COST.score(h800.withCost(CardCost.NONE), 1850), 0.0);
        assertEquals(0.0, Objective.COST.score(h800, 0), 0.0);
        assertEquals(Objective.POWER, Objective.ofLabel("Power"));
    }
}
