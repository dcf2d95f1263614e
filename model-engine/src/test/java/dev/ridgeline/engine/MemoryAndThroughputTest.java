package dev.ridgeline.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.engine.memory.Fit;
import dev.ridgeline.engine.model.Dtype;
import dev.ridgeline.engine.model.ModelConfig;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.model.ThroughputReading;
import org.junit.jupiter.api.Test;

class MemoryAndThroughputTest {
    @Test
    void deepSeekV3NonExpertParametersAreSeventeenBillion() {
        // 61 MLA blocks x 187,105,280 + 2 x 129280 x 7168 (embedding, LM head) + 3 x 3 x 7168 x 18432 (dense FFNs)
        // + 58 x 3 x 7168 x 2048 (shared experts) = 17,010,196,480
        ModelConfig v3 = Fixtures.CATALOG.model("DeepSeek-V3");
        assertEquals(187_105_280, v3.attentionParams(), 0.0);
        assertEquals(17_010_196_480.0, v3.nonExpertParams(), 0.0);
    }

    @Test
    void h800AtEp144FitsThreeHundredFiftyFourFp8Sequences() {
        // (80 GiB − 17.01e9 − 2·58·44,040,192) / (5120·576·61) = (85,899,345,920 − 17,010,196,480 − 5,108,662,272)
        // / 179,896,320 = 63,780,487,168 / 179,896,320 = 354.54 -> 354
        Scenario s = Fixtures.seed("H800", "CX7").withKvDtype(Dtype.FP8).withWeightDtype(Dtype.FP8);
        assertEquals(354, Fixtures.ENGINE.evaluate(s).maxBatch());
    }

    @Test
    void outOfMemoryReportsTheMissingBytes() {
        Scenario s = Fixtures.seed("L20", "CX7").withBatch(1000);
        Evaluation e = Fixtures.ENGINE.evaluate(s);
        assertFalse(e.fit().fits());
        Fit.OutOfMemory oom = assertInstanceOf(Fit.OutOfMemory.class, e.fit());
        assertEquals(-e.memory().freeBytes(), oom.missingBytes(), 1.0);
        assertEquals(e.maxBatch(), oom.maxBatch());
        assertTrue(Fixtures.ENGINE.evaluate(s.withBatch(e.maxBatch())).fit().fits());
        assertFalse(Fixtures.ENGINE.evaluate(s.withBatch(e.maxBatch() + 1)).fit().fits());
    }

    @Test
    void throughputReadingsDifferByTheTokensPerStep() {
        Scenario s = Fixtures.seed("H800", "CX7").withMtp(1, 0.85);
        Evaluation seed = Fixtures.ENGINE.evaluate(s);
        Evaluation accepted = Fixtures.ENGINE.evaluate(s.withThroughputReading(ThroughputReading.ACCEPTED_TOKENS));
        assertEquals(2 * seed.throughputPerCard(), accepted.throughputPerCard(), 1e-9);
        assertEquals(seed.userTokensPerSec() * s.batchPerCard(), accepted.throughputPerCard(), 1e-9);
        assertEquals(8 * seed.throughputPerCard(), seed.throughputPerNode(), 1e-9);
    }

    @Test
    void acceptedTokensSumTheGeometricSeries() {
        // 1 + 0.85 + 0.85^2 = 2.5725
        assertEquals(2.5725, Engine.acceptedTokensPerStep(Fixtures.seed("H800", "CX7").withMtp(2, 0.85)), 1e-12);
    }

    @Test
    void badValuesNameTheFieldAndTheValue() {
        Scenario s = Fixtures.seed("H800", "CX7");
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> s.withBatch(0));
        assertEquals("batchPerCard must be in [1, 4096], was 0 (scenario)", e.getMessage());
        IllegalArgumentException c = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> s.chip().withHbmBandwidth(-3.0));
        // the plausible range of any bandwidth, Checks: 10 MB/s to 1 PB/s
        assertEquals("hbmBandwidthBytesPerSec must be in [1e7, 1e15], was -3 (chip 'H800')", c.getMessage());
    }
}
