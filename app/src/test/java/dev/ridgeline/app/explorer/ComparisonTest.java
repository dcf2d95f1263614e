package dev.ridgeline.app.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.app.Comparison;
import dev.ridgeline.engine.Engine;
import dev.ridgeline.engine.Evaluation;
import dev.ridgeline.engine.io.Presets;
import dev.ridgeline.engine.model.Dtype;
import dev.ridgeline.engine.model.Scenario;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComparisonTest {
    private static final dev.ridgeline.engine.Engine ENGINE = dev.ridgeline.app.Engines.builtIn();

    private final Scenario a = Presets.builtInScenario("default");

    @Test
    void differencesNameEachChangedInputInFieldOrder() {
        Scenario b = a.withBatch(64).withKvDtype(Dtype.BF16).withChip(Presets.builtIn().chip("B200"));
        assertEquals(List.of("chip H800 → B200", "batch 128 → 64", "KV FP8 → BF16"), Comparison.differences(a, b));
        assertEquals(List.of(), Comparison.differences(a, a.withBatch(128)));
    }

    @Test
    void anEditedChipOfTheSameNameIsCalledEdited() {
        Scenario b = a.withChip(a.chip().withName(a.chip().name()).withHbmBandwidth(9e12));
        assertEquals(List.of("chip H800 edited"), Comparison.differences(a, b));
    }

    @Test
    void changesSayWhetherBIsBetter() {
        Evaluation ea = ENGINE.evaluate(a);
        Evaluation eb = ENGINE.evaluate(a.withBatch(32));
        // a smaller batch: faster steps (better TPOT, better user tokens/s) but less throughput per card
        assertEquals(1, Comparison.change(Comparison.Metric.TPOT, ea, eb).verdict());
        assertEquals(1, Comparison.change(Comparison.Metric.USER_TOKENS, ea, eb).verdict());
        assertEquals(-1, Comparison.change(Comparison.Metric.PER_CARD, ea, eb).verdict());
        assertEquals(0, Comparison.change(Comparison.Metric.MAX_BATCH, ea, eb).verdict());
        assertEquals("= A", Comparison.change(Comparison.Metric.MAX_BATCH, ea, eb).text());
        double tpotChange = eb.tpotSec() / ea.tpotSec() - 1;
        assertEquals(String.format(java.util.Locale.ROOT, "%+.1f %% vs A", 100 * tpotChange),
                Comparison.change(Comparison.Metric.TPOT, ea, eb).text());
        assertTrue(tpotChange < 0);
    }

    @Test
    void aFigureThatWasZeroInAHasADirectionButNoRatio() {
        // EP 8 on an L20 (48 GB): DeepSeek-V3's experts alone overflow HBM, so no batch fits in A
        Evaluation ea = ENGINE.evaluate(a.withChip(Presets.builtIn().chip("L20")).withEp(8).withBatch(1));
        assertEquals(0, ea.maxBatch());
        Evaluation eb = ENGINE.evaluate(a);
        Comparison.Change c = Comparison.change(Comparison.Metric.MAX_BATCH, ea, eb);
        assertEquals(1, c.verdict());
        assertEquals("from 0 in A", c.text());
        assertEquals("= A", Comparison.change(Comparison.Metric.MAX_BATCH, ea, ea).text());
    }

    /** Each headline figure is the evaluation's own accessor, NaN where the chip has no price or power. */
    @Test
    void eachMetricReadsItsFigure() {
        Evaluation e = ENGINE.evaluate(a);
        assertEquals(e.userTokensPerSec(), Comparison.Metric.USER_TOKENS.of(e));
        assertEquals(e.throughputPerCard(), Comparison.Metric.PER_CARD.of(e));
        assertEquals(e.throughputPerNode(), Comparison.Metric.PER_NODE.of(e));
        assertEquals(e.tpotSec(), Comparison.Metric.TPOT.of(e));
        assertEquals(e.layerTimeSec(), Comparison.Metric.LAYER_TIME.of(e));
        assertEquals(e.maxBatch(), Comparison.Metric.MAX_BATCH.of(e));
        assertEquals(e.tokenCost().dollarsPerMillionOutputTokens().orElse(Double.NaN),
                Comparison.Metric.DOLLARS_PER_MTOK.of(e));
        assertEquals(e.tokenCost().joulesPerOutputToken().orElse(Double.NaN), Comparison.Metric.JOULES_PER_TOKEN.of(e));
        assertTrue(e.tokenCost().dollarsPerMillionOutputTokens().isPresent(), "the default chip has a price");
        assertEquals(8, Comparison.Metric.values().length, "a new metric needs a line here");
    }
}
