package dev.ridgeline.engine.space;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.ridgeline.engine.Fixtures;
import dev.ridgeline.engine.io.Presets;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.plan.Plan;
import dev.ridgeline.engine.plan.Summary;
import dev.ridgeline.engine.sweep.Sweep;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * The headline's batch search against its definition: the largest batch whose tokens/s per user meets the target,
 * found here by evaluating every batch (the brute force shares no code with the search's bisection or galloping).
 */
class HeadlineSearchTest {
    static final Scenario DEFAULT = Presets.builtInScenario("default"); // calibrated DeepSeek-V3 on H800
    static final double TARGET = 20;

    /** The largest index whose batch meets the target, by evaluating them all; -1 if none. */
    static int bruteForce(Plan plan, Scenario c, int[] batches, double target) {
        Summary s = new Summary();
        int best = -1;
        for (int i = 0; i < batches.length; i++) {
            plan.summarize(c.deployment().withBatch(batches[i]), c.numerics(), s);
            if (s.userTokensPerSec() >= target) {
                best = i;
            }
        }
        return best;
    }

    @Test
    void fromAnyStartTheSearchFindsTheLargestBatchMeetingTheTarget() {
        Space space = Space.explorer(DEFAULT);
        List<Scenario> configs = space.configurations();
        Summary s = new Summary();
        int checked = 0;
        for (int i = 0; i < configs.size(); i += 29) {
            Scenario c = configs.get(i);
            Plan plan = Fixtures.ENGINE.plan(c);
            int[] batches = space.batches().of(c, plan.maxBatch(c.deployment(), c.numerics()));
            int expected = bruteForce(plan, c, batches, TARGET);
            int last = batches.length - 1;
            int[] hints = {-1, 0, 1, expected - 3, expected - 1, expected, expected + 1, expected + 7, last / 2, last,
                    last + 5};
            for (int hint : hints) {
                Headline.Met met = new Headline.Met();
                assertEquals(expected, Headline.largestMeeting(plan, c, batches, TARGET, s, hint, met),
                        c.summary() + ", search started at index " + hint + " of " + batches.length);
                if (expected >= 0) {
                    // the answer's figures are those of its batch, evaluated afresh here
                    Summary fresh = new Summary();
                    plan.summarize(c.deployment().withBatch(batches[expected]), c.numerics(), fresh);
                    assertEquals(fresh.throughputPerCard(), met.throughputPerCard, c.summary());
                    assertEquals(fresh.userTokensPerSec(), met.userTokensPerSec, c.summary());
                }
            }
            checked++;
        }
        assertEquals(true, checked >= 20, "configurations checked: " + checked);
    }

    @Test
    void everyConfigurationsAnswerOverEveryBatchThatFitsIsTheBruteForcesOverTheList() {
        // the search reads allThatFit's batches as 1..count, without the array; the brute force walks the array
        Space space = Space.explorer(DEFAULT.withChip(Fixtures.CATALOG.chip("B200")));
        List<Scenario> configs = space.configurations();
        Summary s = new Summary();
        int answered = 0;
        for (int i = 0; i < configs.size(); i += 7) {
            Scenario c = configs.get(i);
            Plan plan = Fixtures.ENGINE.plan(c);
            int[] batches = space.batches().of(c, plan.maxBatch(c.deployment(), c.numerics()));
            int expected = bruteForce(plan, c, batches, TARGET);
            Headline.Answer a = Headline.bestOf(plan, c, i, space, TARGET, s);
            if (expected < 0) {
                assertEquals(null, a, c.summary());
                continue;
            }
            assertEquals(c.withBatch(batches[expected]), a.deployment(), c.summary());
            Summary fresh = new Summary();
            plan.summarize(c.deployment().withBatch(batches[expected]), c.numerics(), fresh);
            assertEquals(fresh.throughputPerCard(), a.throughputPerCard(), c.summary());
            assertEquals(fresh.userTokensPerSec(), a.userTokensPerSec(), c.summary());
            answered++;
        }
        assertEquals(true, answered >= 20, "configurations answered: " + answered);
    }

    @Test
    void aThreadsEarlierSearchOnAnotherChipDoesNotChangeTheAnswer() throws Exception {
        // the searches remember each configuration's last answer per thread as a starting point only
        Scenario b200 = DEFAULT.withChip(Fixtures.CATALOG.chip("B200"));
        Headline.Answer fresh;
        ExecutorService one = Executors.newSingleThreadExecutor();
        try {
            fresh = one.submit(() -> Headline.best(Fixtures.ENGINE, Space.explorer(b200), TARGET)).get();
        } finally {
            one.shutdown();
        }
        Headline.best(Fixtures.ENGINE, Space.explorer(DEFAULT), TARGET);
        Headline.Answer after = Headline.best(Fixtures.ENGINE, Space.explorer(b200), TARGET);
        assertNotNull(fresh);
        assertEquals(fresh.deployment(), after.deployment());
        assertEquals(fresh.throughputPerCard(), after.throughputPerCard());
    }

    @Test
    void everyBatchThatFitsIsOneToTheLargest() {
        Sweep.Batches all = Sweep.Batches.allThatFit();
        assertArrayEquals(new int[] {1, 2, 3, 4, 5}, all.of(DEFAULT, 5));
        assertArrayEquals(new int[0], all.of(DEFAULT, 0));
        assertEquals(Scenario.MAX_BATCH, all.of(DEFAULT, Scenario.MAX_BATCH + 100).length);
        assertEquals(Scenario.MAX_BATCH, all.of(DEFAULT, Scenario.MAX_BATCH)[Scenario.MAX_BATCH - 1]);
        int[] a = all.of(DEFAULT, 37);
        a[0] = 99; // a caller's copy: writing it changes no later list
        assertEquals(1, all.of(DEFAULT, 37)[0]);
    }
}
