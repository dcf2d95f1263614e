package dev.ridgeline.engine.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.engine.Fixtures;
import dev.ridgeline.engine.model.Chip;
import dev.ridgeline.engine.model.Fidelity;
import dev.ridgeline.engine.model.Nic;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.search.SearchRow;
import dev.ridgeline.engine.search.SeedSearch;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class FrontierTest {
    static final Scenario BASE = Fixtures.seed("H800", "CX7");

    @ParameterizedTest(name = "target {0} tokens/s per user")
    @ValueSource(doubles = {20, 15})
    void theAnswerOnTheSeedsSpaceIsTheSeedSearchsBestRowForEveryChipAndNic(double target) {
        // Seed 000's search (DESIGN 3.9, SeedSearch) keeps the best row per (chip, NIC, EP, param bytes) and sorts by
        // throughput: its first row for a chip and NIC is the best deployment of that chip and NIC at the target.
        List<SearchRow> table = SeedSearch.run(Fixtures.ENGINE, BASE.model(),
                SeedSearch.SEED_GPUS.stream().map(Fixtures.CATALOG::chip).toList(),
                SeedSearch.SEED_NICS.stream().map(Fixtures.CATALOG::nic).toList(), target, BASE);
        for (String chip : SeedSearch.SEED_GPUS) {
            for (String nic : SeedSearch.SEED_NICS) {
                Scenario base = BASE.withChip(Fixtures.CATALOG.chip(chip)).withNic(Fixtures.CATALOG.nic(nic));
                Headline.Answer a = Headline.best(Fixtures.ENGINE, Space.seed(base), target);
                SearchRow top = table.stream().filter(r -> r.gpu().equals(chip) && r.nic().equals(nic)).findFirst()
                        .orElse(null);
                if (top == null) {
                    assertEquals(null, a, chip + "/" + nic);
                    continue;
                }
                assertNotNull(a, chip + "/" + nic);
                Scenario d = a.deployment();
                String where = chip + "/" + nic + ": " + d.summary();
                assertEquals(top.throughputPerCard(), a.throughputPerCard(), 0.0, where);
                assertEquals(top.batch(), d.batchPerCard(), where);
                assertEquals(top.ep(), d.ep(), where);
                assertEquals(top.policy(), d.policy(), where);
                assertEquals(top.kvBytes(), d.kvDtype().bytes(), where);
                assertEquals(top.paramBytes(), d.weightDtype().bytes(), where);
                assertEquals(top.mtpDepth(), d.mtpDepth(), where);
            }
        }
    }

    @Test
    void seed29NoFrontierPointIsDominatedByAnyPointOfTheSweep() {
        SplittableRandom r = new SplittableRandom(29);
        List<Chip> chips = Fixtures.CATALOG.chips();
        List<Nic> nics = Fixtures.CATALOG.nics();
        for (int i = 0; i < 6; i++) {
            Scenario base = BASE.withChip(chips.get(r.nextInt(chips.size()))).withNic(nics.get(r.nextInt(nics.size())))
                    .withFidelity(Fidelity.values()[r.nextInt(2)]).withContext(1024 + r.nextInt(16384));
            Frontier.Result f = Frontier.compute(Fixtures.ENGINE, Space.explorerForDrawing(base), 20);
            assertFalse(f.frontier().isEmpty(), base.summary());
            for (Frontier.Point p : f.frontier()) {
                for (Frontier.Point o : f.points()) {
                    boolean dominates = o.userTokensPerSec() >= p.userTokensPerSec()
                            && o.throughputPerCard() >= p.throughputPerCard()
                            && (o.userTokensPerSec() > p.userTokensPerSec() || o.throughputPerCard() > p.throughputPerCard());
                    assertFalse(dominates, () -> o + " dominates frontier point " + p + " on " + base.summary());
                }
            }
            // every point lies on or under the frontier's staircase, and the frontier ascends in tokens/s per user
            for (int k = 1; k < f.frontier().size(); k++) {
                assertTrue(f.frontier().get(k).userTokensPerSec() > f.frontier().get(k - 1).userTokensPerSec());
                assertTrue(f.frontier().get(k).throughputPerCard() < f.frontier().get(k - 1).throughputPerCard());
            }
        }
    }

    @Test
    void theAnswerAtTheTargetMeetsItAndNoSweptPointMeetingItDoesBetter() {
        Frontier.Result f = Frontier.compute(Fixtures.ENGINE, Space.explorerForDrawing(BASE), 20);
        assertNotNull(f.answer());
        assertTrue(f.answer().userTokensPerSec() >= 20);
        for (Frontier.Point p : f.points()) {
            if (p.userTokensPerSec() >= 20) {
                assertTrue(p.throughputPerCard() <= f.answer().throughputPerCard() * (1 + 1e-12), p::toString);
            }
        }
        // the answer is a real deployment: evaluating it gives the same figures
        var e = Fixtures.ENGINE.evaluate(f.answer().deployment());
        assertEquals(f.answer().throughputPerCard(), e.throughputPerCard(), 0.0);
        assertTrue(e.fit().fits());
    }
}
