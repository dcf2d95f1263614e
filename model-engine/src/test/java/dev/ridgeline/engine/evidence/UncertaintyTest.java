package dev.ridgeline.engine.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.engine.Evaluation;
import dev.ridgeline.engine.Fixtures;
import dev.ridgeline.engine.calibration.Calibration;
import dev.ridgeline.engine.calibration.HeldOut;
import dev.ridgeline.engine.io.CalibrationTables;
import dev.ridgeline.engine.io.Presets;
import dev.ridgeline.engine.model.CalibrationKey;
import dev.ridgeline.engine.model.Dtype;
import dev.ridgeline.engine.model.Fidelity;
import dev.ridgeline.engine.model.Scenario;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bands from held-out residuals (issue 19): their stated rate, their widening with extrapolation, their inputs. */
class UncertaintyTest {
    private static final Calibration CAL = CalibrationTables.builtIn();
    private static final Scenario DEFAULT = Presets.builtInScenario("default");

    /** The families' held-out rows, each with the rows its spread is made of (its own kind: inside/ends for GEMMs). */
    private static List<List<HeldOut.Row>> families() {
        List<HeldOut.Row> gemm = new ArrayList<>(HeldOut.gemm(CAL.denseGemm()));
        gemm.addAll(HeldOut.gemm(CAL.groupedGemm()));
        return List.of(gemm.stream().filter(r -> !r.extrapolated()).toList(),
                gemm.stream().filter(HeldOut.Row::extrapolated).toList(),
                HeldOut.flashMla(CAL.flashMla(), CalibrationKey.H20), HeldOut.deepEp(CAL.deepEp()));
    }

    @Test
    void aHeldOutCalibrationRowFallsInsideItsBandAtTheStatedRate() {
        // Each held-out row against the P10-P90 spread of the other rows of its kind (the row itself left out of the
        // spread, or the check would be circular). P10-P90 covers 80 %: over n = 58 rows the count inside is binomial,
        // mean 46.4, sd sqrt(58 · 0.8 · 0.2) = 3.05, so 95 % of honest bands put 41 to 52 rows inside (mean ± 1.96 sd).
        int n = 0;
        int inside = 0;
        for (List<HeldOut.Row> rows : families()) {
            for (HeldOut.Row r : rows) {
                Spread others = Spread.of(rows.stream().filter(o -> o != r).toList());
                n++;
                if (r.logResidual() >= others.p10() && r.logResidual() <= others.p90()) {
                    inside++;
                }
            }
        }
        assertEquals(58, n);
        assertTrue(inside >= 41 && inside <= 52, inside + " of " + n + " held-out rows inside their band");
    }

    @Test
    void aMeasuredChipHasANarrowerBandThanExtrapolatedOnes() {
        double h800 = relativeWidth(DEFAULT);
        for (String chip : List.of("TPU7x", "MI355X", "B200", "H20 (datasheet)")) {
            double other = relativeWidth(DEFAULT.withChip(Fixtures.CATALOG.chip(chip)));
            assertTrue(other > h800, chip + ": " + other + " against H800's " + h800);
        }
    }

    @Test
    void bandsWidenWithTheDistanceFromTheMeasuredChip() {
        // the same chip with ever more HBM bandwidth: one step further from H800 each time, never a narrower band
        double previous = 0;
        for (double scale : new double[] {1, 1.5, 2, 3}) {
            Scenario s = DEFAULT.withChip(DEFAULT.chip().withHbmBandwidth(3350e9 * scale).asEdited());
            double w = relativeWidth(s);
            assertTrue(w >= previous, "x" + scale + ": " + w + " after " + previous);
            previous = w;
        }
    }

    @Test
    void everyBandHoldsItsFigureAndSeedFidelityHasNone() {
        Evaluation e = Fixtures.ENGINE.evaluate(DEFAULT);
        Bands b = Bands.of(CAL, e);
        assertTrue(b.tpotSec().contains(e.tpotSec()));
        assertTrue(b.userTokensPerSec().contains(e.userTokensPerSec()));
        assertTrue(b.throughputPerCard().contains(e.throughputPerCard()));
        assertEquals(b.throughputPerCard().low() * 8, b.throughputPerNode().low(), 1e-9);
        assertNull(Bands.of(CAL, Fixtures.ENGINE.evaluate(DEFAULT.withFidelity(Fidelity.SEED))));
    }

    @Test
    void theStepPutTogetherFromItsOpsIsTheEnginesOwn() {
        // every factor 1: the recomposition the bands stand on gives the engine's TPOT back, in both policies, with
        // MTP's module, in BF16, on another chip (the layer's stages through the pipeline, the layer repeated, the
        // step's ops, the host's share: each read off the evaluation, none restated)
        for (Scenario s : List.of(DEFAULT, DEFAULT.withPolicy(dev.ridgeline.engine.model.Policy.NAIVE),
                DEFAULT.withMtp(2, 0.85), DEFAULT.withKvDtype(Dtype.BF16).withBatch(32),
                DEFAULT.withChip(Fixtures.CATALOG.chip("MI355X")))) {
            Evaluation e = Fixtures.ENGINE.evaluate(s);
            assertEquals(e.tpotSec(), Bands.recomposed(e, op -> 1), 1e-12 * e.tpotSec(), s.summary());
        }
    }

    @Test
    void theHostSpreadIsWhatDeepSeeksPublishedDecodeLeavesForTheHost() {
        // Kernels only (host 0) at DeepSeek's profiled deployment, against the step its published 20-22 tokens/s per
        // user implies at 0.85 acceptance: 1.85 / 22 to 1.85 / 20 s. What is left is the host's (none when the kernels
        // alone take longer), as a share of the GPU step, over the assumed 10 %. DeepEP as DeepSeek ran it then: pure
        // RDMA (every peer but the card itself over the NIC).
        Scenario profile = DEFAULT.withChip(Fixtures.CATALOG.chip("H800 SXM5")).withEp(128).withBatch(128)
                .withContext(4096).withMtp(1, 0.85).withKvDtype(Dtype.BF16).withLocalPeersOverScaleUp(false)
                .withAssumptions(a -> a.withHostOverhead(0));
        double kernels = Fixtures.ENGINE.evaluate(profile).tpotSec();
        double low = Math.max(0, (1.85 / 22 - kernels) / kernels / 0.10);
        double high = Math.max(0, (1.85 / 20 - kernels) / kernels / 0.10);
        assertEquals(low, Uncertainty.HOST_LOW, 0.01);
        assertEquals(high, Uncertainty.HOST_HIGH, 0.01);
    }

    private static double relativeWidth(Scenario s) {
        Evaluation e = Fixtures.ENGINE.evaluate(s);
        return Bands.of(CAL, e).throughputPerCard().relativeWidth(e.throughputPerCard());
    }
}
