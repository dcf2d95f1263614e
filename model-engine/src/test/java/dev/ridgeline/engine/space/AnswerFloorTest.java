package dev.ridgeline.engine.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.engine.Fixtures;
import dev.ridgeline.engine.io.Presets;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.plan.Plan;
import dev.ridgeline.engine.plan.Summary;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The frontier's answer search with a floor (the best throughput per card another configuration's answer has):
 * {@link Headline#bestOf(Plan, Scenario, int, int, List, double, Summary, double)} gives the configuration's answer
 * when its throughput per card is at least the floor and null when it is below, the answer found without a floor
 * being the reference; and the two facts its bound rests on, checked on the kernel's figures over every batch.
 */
class AnswerFloorTest {
    static final Scenario DEFAULT = Presets.builtInScenario("default");

    @Test
    void aConfigurationIsLeftUnansweredExactlyWhenItsAnswerIsBelowTheFloor() {
        SplittableRandom random = new SplittableRandom(20261207L);
        Summary s = new Summary();
        int kept = 0;
        int dropped = 0;
        int aboveDrawn = 0;
        for (Scenario start : ChipEdits.everyChipPreset(DEFAULT)) {
            Scenario edited = ChipEdits.randomEdit(start, random);
            for (Scenario chip : List.of(start, edited)) {
                Space space = Space.explorerForDrawing(chip);
                double target = Math.exp(Math.log(2) + random.nextDouble() * Math.log(150));
                for (int i = random.nextInt(5); i < space.configurations().size(); i += 5) {
                    Scenario c = space.configurations().get(i);
                    Plan plan = Fixtures.ENGINE.plan(c);
                    int max = plan.maxBatch(c.deployment(), c.numerics());
                    List<Frontier.Point> drawn = drawn(space, i, plan, max, s);
                    Headline.Answer free = Headline.bestOf(plan, c, i, max, drawn, target, s);
                    String where = c.summary() + " at " + target;
                    if (free == null) {
                        assertNull(Headline.bestOf(plan, c, i, max, drawn, target, s, 0.0), where);
                        continue;
                    }
                    double t = free.throughputPerCard();
                    // the floors around the answer's own throughput, and far from it on both sides
                    double[] floors = {t, Math.nextDown(t), Math.nextUp(t), t * (1 - 1e-6), t * (1 + 1e-6), t * 0.5,
                            t * 1.1, t * 2, t * 10, 0, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY};
                    for (double floor : floors) {
                        Headline.Answer a = Headline.bestOf(plan, c, i, max, drawn, target, s, floor);
                        if (t >= floor) {
                            same(free, a, where + ", floor " + floor);
                            kept++;
                        } else {
                            assertNull(a, where + ", floor " + floor);
                            dropped++;
                        }
                    }
                    if (free.deployment().batchPerCard() > drawnMeeting(drawn, target)) {
                        aboveDrawn++;
                    }
                }
            }
        }
        assertTrue(kept > 1000 && dropped > 1000, "kept " + kept + ", dropped " + dropped);
        // the answers past the last drawn batch meeting the target are where the bound is used: enough of them
        assertTrue(aboveDrawn > 300, "answers above their drawn point: " + aboveDrawn);
    }

    @Test
    void aFloorJustAboveAnAnswerFoundAboveItsDrawnPointsDropsItAndOneAtItKeepsIt() {
        // tensor-parallel layouts are drawn up to batch 32 and answered far above it: the bound's widest use
        Space space = Space.explorerForDrawing(DEFAULT);
        Summary s = new Summary();
        double target = 20;
        int checked = 0;
        for (int i = 0; i < space.configurations().size(); i++) {
            Scenario c = space.configurations().get(i);
            if (c.deployment().dataParallel()) {
                continue;
            }
            Plan plan = Fixtures.ENGINE.plan(c);
            int max = plan.maxBatch(c.deployment(), c.numerics());
            List<Frontier.Point> drawn = drawn(space, i, plan, max, s);
            Headline.Answer free = Headline.bestOf(plan, c, i, max, drawn, target, s);
            if (free == null || free.deployment().batchPerCard() <= 2 * Space.MAX_LAYOUT_DRAWN_BATCH) {
                continue;
            }
            double t = free.throughputPerCard();
            same(free, Headline.bestOf(plan, c, i, max, drawn, target, s, t), c.summary());
            assertNull(Headline.bestOf(plan, c, i, max, drawn, target, s, Math.nextUp(t)), c.summary());
            checked++;
        }
        assertTrue(checked > 50, "tensor-parallel configurations answered above twice their drawn batches: " + checked);
    }

    /** Configuration {@code i}'s points as the frontier draws them: every batch of the space that fits, up to {@code max}. */
    private static List<Frontier.Point> drawn(Space space, int i, Plan plan, int max, Summary s) {
        Scenario c = space.configurations().get(i);
        List<Frontier.Point> drawn = new ArrayList<>();
        for (int b : space.batches().of(c, max)) {
            plan.summarize(c.deployment(), b, c.numerics(), s);
            drawn.add(new Frontier.Point(i, b, s.userTokensPerSec(), s.throughputPerCard()));
        }
        return drawn;
    }

    /**
     * What the bound rests on: within a configuration, throughput per card is batch x tokens/s per user times one
     * constant, and tokens/s per user never rises with the batch when DeepGEMM's promotion is off; every batch that
     * fits of every fifth configuration of every chip preset in both fidelities.
     */
    @Test
    void throughputIsBatchTimesTokensPerUserTimesAConstantAndTokensPerUserFallWithTheBatch() {
        Summary s = new Summary();
        long checked = 0;
        int promotedRises = 0;
        for (Scenario chip : ChipEdits.everyChipPreset(DEFAULT)) {
            Space space = Space.explorer(chip);
            for (int i = 0; i < space.configurations().size(); i += 5) {
                Scenario c = space.configurations().get(i);
                Plan plan = Fixtures.ENGINE.plan(c);
                int max = Math.min(plan.maxBatch(c.deployment(), c.numerics()), Scenario.MAX_BATCH);
                double previous = Double.POSITIVE_INFINITY;
                double perBatch = Double.NaN;
                for (int b = 1; b <= max; b++) {
                    plan.summarize(c.deployment(), b, c.numerics(), s);
                    double u = s.userTokensPerSec();
                    double k = s.throughputPerCard() / (b * u);
                    if (b == 1) {
                        perBatch = k;
                    }
                    assertEquals(perBatch, k, perBatch * 1e-14, c.summary() + " batch " + b);
                    if (c.promotion()) {
                        promotedRises += u > previous ? 1 : 0;
                    } else {
                        assertTrue(u <= previous, c.summary() + " batch " + b + ": " + u + " after " + previous);
                    }
                    previous = u;
                    checked++;
                }
            }
        }
        assertTrue(checked > 1_000_000, "points checked " + checked);
        // why promotion is searched without the floor: there tokens/s per user does rise with the batch
        assertTrue(promotedRises > 100, "rises with promotion " + promotedRises);
    }

    /** The largest drawn batch meeting the target, 0 for none. */
    private static int drawnMeeting(List<Frontier.Point> drawn, double target) {
        int b = 0;
        for (Frontier.Point p : drawn) {
            if (p.userTokensPerSec() >= target) {
                b = Math.max(b, p.batch());
            }
        }
        return b;
    }

    private static void same(Headline.Answer expected, Headline.Answer actual, String where) {
        assertNotNull(actual, where);
        assertEquals(expected.deployment(), actual.deployment(), where);
        assertEquals(expected.index(), actual.index(), where);
        assertEquals(expected.userTokensPerSec(), actual.userTokensPerSec(), where);
        assertEquals(expected.throughputPerCard(), actual.throughputPerCard(), where);
    }
}
