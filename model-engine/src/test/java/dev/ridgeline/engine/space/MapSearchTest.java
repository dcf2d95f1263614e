package dev.ridgeline.engine.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.engine.Fixtures;
import dev.ridgeline.engine.io.Presets;
import dev.ridgeline.engine.model.Fidelity;
import dev.ridgeline.engine.model.FieldId;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.model.Chip;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The map's bounded search ({@link MapSearch}, what the Map view and {@code export --view map} draw) against every cell
 * searched on its own ({@link FieldMap#bruteForce}): the same value in every cell, to the bit, on small grids of the
 * default scenario (calibrated, DeepSeek-V3 on H800, 872 configurations a cell) and of seed fidelity, for fields that
 * speed a deployment up as they grow, one that slows it (a latency), one that adds configurations (an FP4 rate from
 * none), and the cost objective.
 */
class MapSearchTest {
    static final Scenario DEFAULT = Presets.builtInScenario("default");
    static final ExecutorService POOL = Executors.newFixedThreadPool(2);

    @AfterAll
    static void stop() {
        POOL.shutdownNow();
    }

    static void sameAsBruteForce(Scenario s, FieldId xf, FieldId yf, int cells, double factor, double target,
                                 Objective objective) {
        Knob x = Knob.of(xf);
        Knob y = Knob.of(yf);
        sameAsBruteForce(s, x, FieldMap.axis(x, x.of(s), factor, cells), y, FieldMap.axis(y, y.of(s), factor, cells),
                target, objective);
    }

    static void sameAsBruteForce(Scenario s, Knob x, double[] xs, Knob y, double[] ys, double target,
                                 Objective objective) {
        assertTrue(MapSearch.monotone(x) && MapSearch.monotone(y), "the bounded search must be the one tested");
        FieldMap.Result fast = FieldMap.compute(Fixtures.ENGINE, s, x, y, xs, ys, target, objective, null, POOL, 2,
                () -> false, p -> { });
        FieldMap.Result slow = FieldMap.bruteForce(Fixtures.ENGINE, s, x, y, xs, ys, target, objective, null,
                Runnable::run, 1, () -> false, p -> { });
        assertFalse(fast.cancelled());
        int reached = 0;
        for (int j = 0; j < ys.length; j++) {
            for (int i = 0; i < xs.length; i++) {
                int ci = i;
                int cj = j;
                assertEquals(Double.doubleToLongBits(slow.headline()[j][i]), Double.doubleToLongBits(fast.headline()[j][i]),
                        () -> x.name() + " " + xs[ci] + ", " + y.name() + " " + ys[cj] + ": " + fast.headline()[cj][ci]
                                + " where every cell searched alone gives " + slow.headline()[cj][ci]);
                reached += slow.headline()[j][i] > 0 ? 1 : 0;
            }
        }
        // a grid where nothing reaches the target (all zeros) would compare nothing worth comparing
        assertTrue(reached > xs.length, "cells with a headline: " + reached);
    }

    @Test
    void theDefaultMapsFieldsGiveEveryCellOfTheBruteForceSearch() {
        sameAsBruteForce(DEFAULT, FieldId.HBM_BANDWIDTH, FieldId.FP8_RATE, 9, FieldMap.DEFAULT_FACTOR, 20,
                Objective.THROUGHPUT);
    }

    @Test
    void networkAndMemoryFieldsAtAHighTarget() {
        sameAsBruteForce(DEFAULT, FieldId.NIC_BANDWIDTH, FieldId.HBM_CAPACITY, 7, 8, 60, Objective.THROUGHPUT);
        sameAsBruteForce(DEFAULT, FieldId.SCALE_UP_BANDWIDTH, FieldId.BF16_RATE, 7, FieldMap.DEFAULT_FACTOR, 35,
                Objective.THROUGHPUT);
    }

    @Test
    void aLatencySlowsAsItGrowsAndIsBoundedFromTheOtherSide() {
        Scenario seed = DEFAULT.withFidelity(Fidelity.SEED);
        Knob latency = Knob.of(FieldId.REDUCTION_LATENCY);
        assertFalse(latency.higherIsBetter());
        sameAsBruteForce(seed.withChip(latency.with(seed, 2).chip()), FieldId.REDUCTION_LATENCY, FieldId.EXP2_RATE, 7,
                16, 20, Objective.THROUGHPUT);
    }

    @Test
    void anFp4RateThatAddsConfigurationsAndTheCostObjective() {
        // H800 has no FP4 tensor cores: from 0 (none) to a rate, NVFP4 experts enter the space between two columns
        Knob fp4 = Knob.of(FieldId.FP4_RATE);
        Knob hbm = Knob.of(FieldId.HBM_BANDWIDTH);
        assertEquals(0, fp4.of(DEFAULT));
        sameAsBruteForce(DEFAULT, fp4, new double[] {0, 500, 4000}, hbm, FieldMap.axis(hbm, hbm.of(DEFAULT), 4, 5), 20,
                Objective.THROUGHPUT);
        sameAsBruteForce(DEFAULT, FieldId.HBM_BANDWIDTH, FieldId.FP8_RATE, 5, FieldMap.DEFAULT_FACTOR, 20,
                Objective.COST);
    }

    /**
     * A cell reuses a faster neighbour's configurations when their chips have the same shape: every chip preset, with
     * its scale-up domain and FP4 rate moved too, in both fidelities; grouped by shape, each group's configurations are
     * the same deployments and number formats in the same order.
     */
    @Test
    void chipsOfOneShapeHaveTheSameConfigurations() {
        Map<List<Object>, List<Scenario>> groups = new HashMap<>();
        for (Fidelity f : Fidelity.values()) {
            for (Chip chip : Presets.builtIn().chips()) {
                for (int variant = 0; variant < 3; variant++) {
                    Scenario s;
                    try {
                        Chip c = variant == 0 ? chip : variant == 1 ? chip.withScaleUpDomain(chip.scaleUpDomain() * 2)
                                : chip.withNumber(FieldId.FP4_RATE, chip.hasFp4() ? 0 : 2e15);
                        s = DEFAULT.withFidelity(f).withChip(c);
                    } catch (IllegalArgumentException refused) {
                        continue;
                    }
                    groups.computeIfAbsent(Space.chipShape(s), k -> new ArrayList<>()).add(s);
                }
            }
        }
        assertTrue(groups.size() >= 4, "shapes: " + groups.keySet());
        for (List<Scenario> group : groups.values()) {
            List<Scenario> first = Space.explorerConfigurations(group.get(0));
            for (Scenario s : group) {
                List<Scenario> mine = Space.explorerConfigurations(s);
                assertEquals(first.size(), mine.size(), s.chip().name());
                for (int k = 0; k < first.size(); k++) {
                    assertEquals(first.get(k).deployment(), mine.get(k).deployment(), s.chip().name());
                    assertEquals(first.get(k).numerics(), mine.get(k).numerics(), s.chip().name());
                }
            }
        }
    }

    @Test
    void onlyFieldsWithOneDirectionAreBounded() {
        assertTrue(MapSearch.monotone(Knob.of(FieldId.HBM_BANDWIDTH)));
        assertTrue(MapSearch.monotone(Knob.of(FieldId.NIC_BANDWIDTH)));
        assertFalse(MapSearch.monotone(Knob.of(FieldId.SCALE_UP_DOMAIN)));
        assertFalse(MapSearch.monotone(Knob.of(FieldId.PRICE)));
        assertFalse(MapSearch.monotone(Knob.FA3));
    }
}
