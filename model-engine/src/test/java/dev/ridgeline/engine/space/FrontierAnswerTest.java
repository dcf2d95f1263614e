package dev.ridgeline.engine.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.engine.Fixtures;
import dev.ridgeline.engine.io.Presets;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.plan.Plan;
import dev.ridgeline.engine.plan.Summary;
import dev.ridgeline.engine.sweep.Sweep;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * The frontier's answer at its target, searched by each sweep worker from the points it has just evaluated
 * ({@link Frontier#compute}), against the headline's own search over the same configurations with every batch that
 * fits ({@link Headline#best}, a pass of its own): the same deployment, index and figures, on the explorer's drawing
 * space, its every-batch space and seed 000's (whose batches start at 16), for every chip preset in both fidelities,
 * along random chip and NIC edits, at random targets, on one thread and on two.
 */
class FrontierAnswerTest {
    static final Scenario DEFAULT = Presets.builtInScenario("default");

    @Test
    void theSweepsAnswerIsTheHeadlinesOverEveryBatchThatFits() throws Exception {
        SplittableRandom random = new SplittableRandom(20261207L);
        ExecutorService two = Executors.newFixedThreadPool(2);
        int answered = 0;
        int none = 0;
        try {
            for (Scenario start : ChipEdits.everyChipPreset(DEFAULT)) {
                Scenario s = start;
                for (int edit = 0; edit < 3; edit++) {
                    double target = Math.exp(Math.log(2) + random.nextDouble() * Math.log(150));
                    List<Space> spaces = List.of(Space.explorerForDrawing(s), Space.seed(s));
                    for (Space space : spaces) {
                        Frontier.Result r = edit % 2 == 0 ? Frontier.compute(Fixtures.ENGINE, space, target)
                                : Frontier.compute(Fixtures.ENGINE, space, target, two, 2, () -> false, p -> { });
                        Headline.Answer expected = Headline.best(Fixtures.ENGINE,
                                new Space(space.configurations(), Sweep.Batches.allThatFit()), target);
                        String where = s.chip().name() + " " + start.fidelity() + " target " + target;
                        same(expected, r.answer(), where);
                        if (expected == null) {
                            none++;
                        } else {
                            answered++;
                        }
                    }
                    s = ChipEdits.randomEdit(s, random);
                }
            }
            // the every-batch space: the answer is read off the points, with no search at all
            Space every = Space.explorer(DEFAULT);
            same(Headline.best(Fixtures.ENGINE, every, 20), Frontier.compute(Fixtures.ENGINE, every, 20).answer(),
                    "every batch");
        } finally {
            two.shutdown();
        }
        assertTrue(answered > 50, "answered " + answered);
        assertTrue(none > 0, "targets nothing reaches " + none);
    }

    @Test
    void knownPointsThatDoNotFallWithTheBatchAreSearchedAfresh() {
        // points that contradict each other (batch 8 misses, batch 30 meets) leave no bracket: the full search
        List<Scenario> configurations = Space.explorer(DEFAULT).configurations();
        double target = 20;
        Summary s = new Summary();
        int index = -1;
        int expected = -1;
        Plan plan = null;
        int max = 0;
        // the first configuration whose answer lies past the made-up points below
        for (int i = 0; i < configurations.size() && expected <= 30; i++) {
            index = i;
            plan = Fixtures.ENGINE.plan(configurations.get(i));
            max = plan.maxBatch(configurations.get(i).deployment(), configurations.get(i).numerics());
            expected = HeadlineSearchTest.bruteForce(plan, configurations.get(i),
                    Sweep.Batches.allThatFit().of(configurations.get(i), max), target);
        }
        assertTrue(expected > 30, "no configuration answers past batch 31: " + expected);
        Scenario c = configurations.get(index);
        List<Frontier.Point> contradictory = new ArrayList<>();
        contradictory.add(new Frontier.Point(index, 8, target / 2, 1));
        contradictory.add(new Frontier.Point(index, 30, target * 2, 1));
        Headline.Answer a = Headline.bestOf(plan, c, index, max, contradictory, target, s);
        assertNotNull(a);
        assertEquals(expected + 1, a.deployment().batchPerCard());
        Summary fresh = new Summary();
        plan.summarize(c.deployment(), expected + 1, c.numerics(), fresh);
        assertEquals(fresh.throughputPerCard(), a.throughputPerCard());
        assertEquals(fresh.userTokensPerSec(), a.userTokensPerSec());
        // no points at all: the same answer by bisection over every batch
        same(a, Headline.bestOf(plan, c, index, max, null, target, s), "no points");
    }

    private static void same(Headline.Answer expected, Headline.Answer actual, String where) {
        if (expected == null) {
            assertEquals(null, actual, where);
            return;
        }
        assertNotNull(actual, where);
        assertEquals(expected.deployment(), actual.deployment(), where);
        assertEquals(expected.index(), actual.index(), where);
        assertEquals(expected.userTokensPerSec(), actual.userTokensPerSec(), where);
        assertEquals(expected.throughputPerCard(), actual.throughputPerCard(), where);
    }
}
