package dev.ridgeline.app.explorer.frontier;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ridgeline.engine.io.Presets;
import dev.ridgeline.engine.model.Dtype;
import dev.ridgeline.engine.model.Policy;
import dev.ridgeline.engine.model.Scenario;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ColourByTest {
    private static final Scenario FP8 = Presets.builtInScenario("default").withKvDtype(Dtype.FP8).withWeightDtype(Dtype.FP8)
            .withEp(256);

    private static List<String> names(ColourBy by, List<Scenario> frontier) {
        Function<Scenario, String> g = by.grouping(frontier);
        return frontier.stream().map(g).toList();
    }

    @Test
    void autoColoursByTheSettingsThatChangeAlongTheFrontier() {
        // the seed's H800 frontier: dual micro-batch, then naive, then naive with deeper MTP, at one EP and dtype
        List<Scenario> frontier = List.of(FP8.withPolicy(Policy.DUAL_MICRO_BATCH), FP8.withPolicy(Policy.NAIVE),
                FP8.withPolicy(Policy.NAIVE).withMtp(1, 0.85), FP8.withPolicy(Policy.NAIVE).withMtp(2, 0.85));
        assertEquals(List.of("dual-mbatch · MTP 0", "naive · MTP 0", "naive · MTP 1", "naive · MTP 2"),
                names(ColourBy.AUTO, frontier));
        assertEquals(List.of("dual-mbatch", "naive", "naive", "naive"), names(ColourBy.POLICY, frontier));
        assertEquals("EP 256 · KV FP8 · W FP8", ColourBy.constant(frontier));
    }

    @Test
    void autoFallsBackToTheSettingWithMostValuesWhenTheCombinationsAreTooMany() {
        // 8 combinations of (EP, MTP): more than 6 colours; EP takes 4 values, MTP 2
        List<Scenario> frontier = new java.util.ArrayList<>();
        for (int ep : new int[] {32, 64, 128, 256}) {
            for (int mtp = 0; mtp < 2; mtp++) {
                frontier.add(FP8.withEp(ep).withMtp(mtp, 0.85));
            }
        }
        assertEquals(List.of("EP 32", "EP 32", "EP 64", "EP 64", "EP 128", "EP 128", "EP 256", "EP 256"),
                names(ColourBy.AUTO, frontier));
    }

    @Test
    void oneDeploymentFamilyIsOneGroup() {
        assertEquals(List.of("one deployment", "one deployment"), names(ColourBy.AUTO, List.of(FP8, FP8.withBatch(8))));
    }
}
