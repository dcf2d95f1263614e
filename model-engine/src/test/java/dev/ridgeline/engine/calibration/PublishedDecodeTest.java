package dev.ridgeline.engine.calibration;

import dev.ridgeline.engine.Fixtures;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.engine.Engine;
import dev.ridgeline.engine.Evaluation;
import dev.ridgeline.engine.model.ThroughputReading;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Calibrated fidelity end to end against DeepSeek's own published decode figures (docs/validation.md, "Against
 * DeepSeek's published decode"). Nothing here was fitted to these figures.
 * <ul>
 *   <li>The deployment: DeepSeek profile-data README (https://github.com/deepseek-ai/profile-data, "Decoding"): EP128,
 *   TP1, 4K prompt, 128 requests per GPU, two micro-batches, all-to-all on 0 SMs; "closely matching the actual online
 *   deployment configuration". Number formats from the inference-system overview (open-infra-index,
 *   202502OpenSourceWeek/day_6_one_more_thing_deepseekV3R1_inference_system_overview.md, 2025-03-01): FP8 GEMMs and
 *   dispatch, BF16 core MLA and combine. MTP depth 1 with 85-90 % acceptance (DeepSeek-V3 report, arXiv 2412.19437,
 *   section 5.4.3).</li>
 *   <li>The figures: the overview's "average output speed was 20-22 tokens per second" and "~14.8k tokens/s output
 *   [per H800 node] during decoding".</li>
 * </ul>
 */
class PublishedDecodeTest {
    static Evaluation profileDeployment(double acceptance) {
        return Fixtures.ENGINE.evaluate(CalibratedTest.h800().withEp(128).withBatch(128).withContext(4096)
                .withMtp(1, acceptance).withKvDtype(dev.ridgeline.engine.model.Dtype.BF16));
    }

    @ParameterizedTest(name = "MTP acceptance {0}")
    @ValueSource(doubles = {0.85, 0.90})
    void userSpeedOfTheProfiledDeploymentIsInThePublishedBand(double acceptance) {
        // Band: the overview's published 20-22 tokens/s per user, as published (no margin added), at both ends of the
        // V3 report's acceptance range.
        double tps = profileDeployment(acceptance).userTokensPerSec();
        assertTrue(tps >= 20 && tps <= 22, "user tokens/s " + tps + " outside DeepSeek's published 20-22");
    }

    @Test
    void throughputPerNodeIsAnUpperBoundOfThePublishedDailyAverage() {
        // 14.8k tokens/s per node is a 24-hour average over day and night loads (the overview shrinks the fleet at
        // night but nodes still run below full batch); a node running the profiled full batch all the time must
        // deliver at least that.
        assertTrue(profileDeployment(0.85).throughputPerNode() >= 14_800);
    }

    @Test
    void withoutTheHostOverheadAssumptionTheStepIsShorterThanPublished() {
        // Published step time: 1 + 0.85 tokens per step at 20-22 tokens/s = 84.1-92.5 ms. The kernels alone (host
        // overhead 0) come in below it: the assumption is what closes the gap, and docs/validation.md says so.
        Evaluation kernelsOnly = Fixtures.ENGINE.evaluate(profileDeployment(0.85).scenario()
                .withAssumptions(a -> a.withHostOverhead(0)));
        assertTrue(kernelsOnly.tpotSec() < 1.85 / 22, "step " + kernelsOnly.tpotSec());
    }

    @Test
    void calibratedThroughputPerCardIsBatchTimesUserSpeedWhateverTheSeedReadingSays() {
        // Issue 10: B sequences per card, each at user tokens/s; the seed's divide-by-q reading does not apply.
        Evaluation e = profileDeployment(0.85);
        assertEquals(ThroughputReading.SEED_DIVIDES_BY_Q, e.scenario().throughputReading());
        assertEquals(128 * e.userTokensPerSec(), e.throughputPerCard(), 1e-9 * e.throughputPerCard());
    }
}
