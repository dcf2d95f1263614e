package dev.ridgeline.engine.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.engine.Engine;
import dev.ridgeline.engine.Evaluation;
import dev.ridgeline.engine.Fixtures;
import dev.ridgeline.engine.io.CalibrationTables;
import dev.ridgeline.engine.model.Assumptions;
import dev.ridgeline.engine.model.CalibrationKey;
import dev.ridgeline.engine.model.Dtype;
import dev.ridgeline.engine.model.Fidelity;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.roofline.OpResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CalibratedTest {
    static Scenario h800() {
        return Fixtures.seed("H800", "CX7").withFidelity(Fidelity.CALIBRATED).withKvDtype(Dtype.FP8).withWeightDtype(Dtype.FP8);
    }

    /**
     * DeepSeek-V3's O projection (K = 128 heads x 128 = 16384, N = 7168) is a shape DeepGEMM measured on H800 (README
     * v3, https://github.com/deepseek-ai/DeepGEMM/blob/327ec92f6977e7fee022cb76a8f273b75483c3d8/README.md): at M = 64
     * and M = 128 the engine must time it at the published TFLOPS, plus the 2 µs kernel gap it assumes.
     * Naive B = 128: M = 128, 2·128·16384·7168 = 30,064,771,072 FLOP at 645 TFLOPS = 46.612048 µs -> 48.612048 µs.
     * Dual micro-batch B = 128: M = 64, 15,032,385,536 FLOP at 336 TFLOPS = 44.739243 µs -> 46.739243 µs.
     */
    @ParameterizedTest(name = "{0}: {1} us")
    @CsvSource(textBlock = """
            NAIVE,            48.612048
            DUAL_MICRO_BATCH, 46.739243
            """)
    void oProjectionAtAMeasuredShapeTakesTheMeasuredTime(dev.ridgeline.engine.model.Policy policy, double micros) {
        OpResult o = Fixtures.ENGINE.evaluate(h800().withBatch(128).withPolicy(policy)).op("O projection");
        assertEquals(micros, o.timeSec() * 1e6, 1e-6); // the hand figures carry six decimals
        assertFalse(o.extrapolated(), o.basis());
    }

    @Test
    void flashMlaOnH800ReachesTheOfficialHeadline() {
        // FlashMLA README (new kernel, 2025-04-22): 660 TFLOPS compute-bound and 3000 GB/s memory-bound on H800.
        // In-sample by necessity (the headline is the only H800 row, and the fit is made from it): this checks the
        // wiring, that the engine's FlashMLA applies the fit at the headline shape, not how well the fit predicts.
        Evaluation compute = Fixtures.ENGINE.evaluate(h800().withBatch(256).withMtp(1, 0.85).withKvDtype(Dtype.BF16)
                .withWeightDtype(Dtype.BF16).withContext(4096).withPolicy(dev.ridgeline.engine.model.Policy.NAIVE));
        OpResult mla = compute.op("FlashMLA");
        assertEquals(660e12, mla.flops() / (mla.timeSec() - compute.scenario().assumptions().kernelGapSec()), 1e12);
        // DeepSeek-V3's 128 heads make MLA decode compute-bound (241 FLOP per BF16 KV byte > 660e12 / 3000e9 = 220),
        // so the memory side is checked on the fit itself.
        Basis memory = CalibrationTables.builtIn().flashMla().memory(CalibrationKey.H800);
        assertEquals(3000e9, memory.fraction() * Fixtures.CATALOG.chip("H800").hbmBandwidthBytesPerSec(), 1.0);
        assertTrue(mla.memorySec() < mla.computeSec());
    }

    @Test
    void deepEpHeldOutEpSizesArePredictedWithinTheSpreadOfTheirNeighbours() {
        // Each DeepEP EP size predicted by the fit without it. An interior size must land between its neighbours'
        // published latencies (interpolation in ln EP cannot do better than the data around it): DeepEP v1 README,
        // low-latency dispatch 163/173/182/186/192/194 µs and combine 318/329/350/353/369/360 µs at EP 8..256.
        var fit = CalibrationTables.builtIn().deepEp();
        for (DeepEpFit.Kind kind : DeepEpFit.Kind.values()) {
            var pts = fit.points(kind);
            var checks = CalibratedReport.deepEpLeaveOneOut().stream()
                    .filter(c -> c.what().contains(kind.name().toLowerCase(java.util.Locale.ROOT))).toList();
            for (int i = 1; i < pts.size() - 1; i++) {
                double lo = Math.min(pts.get(i - 1).latencySec(), pts.get(i + 1).latencySec()) * 1e6;
                double hi = Math.max(pts.get(i - 1).latencySec(), pts.get(i + 1).latencySec()) * 1e6;
                double predicted = checks.get(i).predicted();
                assertTrue(predicted >= lo - 1e-9 && predicted <= hi + 1e-9, checks.get(i) + " outside [" + lo + ", " + hi + "]");
            }
        }
    }

    @Test
    void deepEpFixedLatencyComesFromTheNvlinkRunAndIsNamed() {
        // DeepEP PR 173 (README d8dd185): EP8 low-latency over NVLink 77 µs dispatch, 114 µs combine; normal intranode
        // kernels 153 / 158 GB/s (v1 README). Dispatch bytes 128·8·(7168 + 56·4) = 7,569,408; combine 128·8·7168·2 =
        // 14,680,064. Fixed = 77 - 7,569,408 / 153e9 = 27.53 µs; 114 - 14,680,064 / 158e9 = 21.09 µs.
        var fit = CalibrationTables.builtIn().deepEp();
        assertEquals(27.53, fit.dispatchFixedSec() * 1e6, 0.01);
        assertEquals(21.09, fit.combineFixedSec() * 1e6, 0.01);
        assertTrue(fit.basis(DeepEpFit.Kind.DISPATCH, 128, CalibrationTables.DISPATCH_BYTES, false).citation()
                .contains("fixed 27.5 µs assumed"));
    }

    @Test
    void smallMicroBatchesAreNeverCheaperThanTheFixedLatencyAndAreMarkedExtrapolated() {
        // 8 sequences, dual micro-batch: 4 tokens per micro-batch, 1/32 of DeepEP's 128: the time cannot fall below
        // the fixed part, and 4 tokens were never measured.
        Evaluation e = Fixtures.ENGINE.evaluate(h800().withEp(128).withBatch(8));
        var fit = CalibrationTables.builtIn().deepEp();
        assertTrue(e.op("Dispatch").timeSec() > fit.dispatchFixedSec());
        assertTrue(e.op("Combine").timeSec() > fit.combineFixedSec());
        assertTrue(e.op("Dispatch").extrapolated());
        assertTrue(e.op("Combine").extrapolated());
        assertTrue(e.op("Dispatch").basis().contains("not measured") || e.op("Dispatch").basis().contains("KiB per rank"));
        // EP144 is not in DeepEP's table: extrapolated even at 128 tokens per micro-batch
        Evaluation ep144 = Fixtures.ENGINE.evaluate(h800().withEp(144).withBatch(256));
        assertTrue(ep144.op("Dispatch").extrapolated());
    }

    @Test
    void ep128DispatchOf128TokensTakesTheMeasured192Microseconds() {
        // B = 128 sequences, MTP 0, naive: 128 tokens x top-8 per card, exactly DeepEP's benchmark at EP128 on CX7,
        // routed as the benchmark routes (random top-8 over equally popular experts; its latencies hold its own
        // hottest rank, which the engine's hottest card then equals). No EPLB: the benchmark places experts by id.
        // Pure RDMA, as the table ran (every peer but the card itself over the NIC).
        Evaluation e = Fixtures.RANDOM_ROUTING.evaluate(h800().withEp(128).withBatch(128).withEplb(false)
                .withPolicy(dev.ridgeline.engine.model.Policy.NAIVE).withLocalPeersOverScaleUp(false));
        assertEquals(192e-6, e.op("Dispatch").timeSec(), 0.5e-6);
        assertEquals(369e-6, e.op("Combine").timeSec(), 0.5e-6);
        assertFalse(e.op("Dispatch").extrapolated());
    }

    @Test
    void otherChipsAndNicsAreMarkedExtrapolated() {
        Evaluation a100 = Fixtures.ENGINE.evaluate(h800().withChip(Fixtures.CATALOG.chip("A100")));
        assertTrue(a100.op("Routed experts up").extrapolated());
        assertTrue(a100.op("FlashMLA").extrapolated());
        Evaluation e810 = Fixtures.ENGINE.evaluate(h800().withNic(Fixtures.CATALOG.nic("E810")));
        assertTrue(e810.op("Dispatch").extrapolated());
        Evaluation ep320 = Fixtures.ENGINE.evaluate(h800().withEp(320));
        assertTrue(ep320.op("Dispatch").extrapolated(), "EP320 is beyond DeepEP's measured 256 ranks");
    }

    @Test
    void calibratedStepIncludesDenseLayersLmHeadAndMtp() {
        Evaluation e = Fixtures.ENGINE.evaluate(h800().withMtp(1, 0.85));
        double moe = e.layerTimeSec() * 58;
        double outside = e.stepOps().stream().mapToDouble(OpResult::timePerLayerSec).sum();
        assertEquals(moe + outside, e.tpotSec(), 1e-12);
        assertTrue(e.stepOps().stream().anyMatch(o -> o.name().equals("LM head")));
        assertTrue(e.stepOps().stream().anyMatch(o -> o.name().equals("MTP: module layer")));
        assertEquals(3, e.stepOps().stream().filter(o -> o.name().equals("Dense: FFN up")).findFirst().orElseThrow().invocations());
        assertTrue(Fixtures.ENGINE.evaluate(h800()).stepOps().stream().noneMatch(o -> o.name().startsWith("MTP")));
    }

    @Test
    void calibratedMemoryKeepsAReserveAndRedundantExperts() {
        // With EPLB: EP144: (256 + 32 redundant) / 144 -> 2 slots per card; EP128: 288 / 128 -> 3 (seed: 2); EP320:
        // 288 / 320 -> 1 (every card one slot, 64 of them copies, as DeepSeek's decode, seed 004). Without: 256 / EP.
        assertEquals(2, Calibration.expertSlotsPerCard(256, 144, 32, true));
        assertEquals(3, Calibration.expertSlotsPerCard(256, 128, 32, true));
        assertEquals(1, Calibration.expertSlotsPerCard(256, 320, 32, true));
        assertEquals(2, Calibration.expertSlotsPerCard(256, 128, 32, false));
        assertEquals(36, Calibration.expertSlotsPerCard(256, 8, 32, true));
        assertEquals(32, Calibration.expertSlotsPerCard(256, 8, 0, true));
        Evaluation seed = Fixtures.ENGINE.evaluate(h800().withFidelity(Fidelity.SEED));
        Evaluation cal = Fixtures.ENGINE.evaluate(h800());
        assertEquals(Assumptions.DEFAULT_RESERVE_BYTES, cal.memory().reserveBytes(), 0.0);
        assertTrue(cal.maxBatch() < seed.maxBatch());
    }

    @Test
    void calibrationFollowsTheChipsKeyNotItsName() {
        // Issue 10: an edited H20 was renamed "H20 (edited)" and silently took H800's FlashMLA scale.
        var h20 = Fixtures.CATALOG.chip("H20");
        Scenario base = h800().withChip(h20).withEp(128).withBatch(64);
        double original = Fixtures.ENGINE.evaluate(base).op("FlashMLA").timeSec();
        Evaluation renamed = Fixtures.ENGINE.evaluate(base.withChip(h20.withName("H20 (edited)")));
        assertEquals(original, renamed.op("FlashMLA").timeSec(), 0.0);
        assertFalse(renamed.op("FlashMLA").extrapolated() && !Fixtures.ENGINE.evaluate(base).op("FlashMLA").extrapolated());
        // The same specs without a calibration of their own borrow H800's scale, and say so.
        Evaluation none = Fixtures.ENGINE.evaluate(base.withChip(h20.withCalibration(CalibrationKey.NONE)));
        assertTrue(none.op("FlashMLA").extrapolated());
        assertTrue(Math.abs(none.op("FlashMLA").timeSec() - original) > 1e-6, "H800's scale differs from H20's");
        // An H800 renamed keeps H800's DeepEP calibration as measured (at the benchmark's routing and token count).
        var h800 = Fixtures.CATALOG.chip("H800").withName("My H800");
        assertFalse(Fixtures.RANDOM_ROUTING.evaluate(h800().withChip(h800).withEp(128).withBatch(128).withEplb(false)
                .withPolicy(dev.ridgeline.engine.model.Policy.NAIVE).withLocalPeersOverScaleUp(false)).op("Dispatch")
                .extrapolated());
    }

    @Test
    void calibratedReadsTheDatasheetSeedReadsGbAsGib() {
        // H800: 80 GB and 3.35 TB/s on the datasheet (calibration/chips.csv row 'H800 SXM5'); seed 000 read 80 GiB.
        Evaluation cal = Fixtures.ENGINE.evaluate(h800());
        Evaluation seed = Fixtures.ENGINE.evaluate(h800().withFidelity(Fidelity.SEED));
        assertEquals(80e9, cal.memory().capacityBytes(), 0.0);
        assertEquals(80.0 * (1L << 30), seed.memory().capacityBytes(), 0.0);
        assertEquals(3.35e12, cal.hbmBytesPerSecAsRead(), 0.0);
        assertEquals(3350.0 * (1L << 30), seed.hbmBytesPerSecAsRead(), 0.0);
    }

    @Test
    void theMemoryReserveIsAScenarioFieldThatMovesTheBatchLimit() {
        // One more GB of reserve leaves 1e9 bytes less for the KV cache: the batch limit falls by
        // floor(free / perSequence) - floor((free - 1e9) / perSequence), at least 1e9 / perSequence rounded down.
        Evaluation base = Fixtures.ENGINE.evaluate(h800());
        Evaluation more = Fixtures.ENGINE.evaluate(h800().withAssumptions(a -> a.withMemoryReserve(a.memoryReserveBytes() + 1e9)));
        double perSequence = base.memory().kvBytesPerSequence();
        double forKv = base.memory().capacityBytes() - base.memory().nonExpertWeightBytes()
                - base.memory().localExpertBytes() - base.memory().reserveBytes();
        assertEquals((int) Math.floor(forKv / perSequence) - (int) Math.floor((forKv - 1e9) / perSequence),
                base.maxBatch() - more.maxBatch());
        assertTrue(base.maxBatch() - more.maxBatch() >= (int) (1e9 / perSequence));
        // Seed fidelity has no reserve (seed 000), whatever the scenario says.
        assertEquals(0.0, Fixtures.ENGINE.evaluate(h800().withFidelity(Fidelity.SEED)
                .withAssumptions(a -> a.withMemoryReserve(8e9))).memory().reserveBytes(), 0.0);
    }

    @Test
    void calibratedTimesEachRoutedExpertOverItsOwnTokens() {
        // EP128: (256 + 32) / 128 -> 3 experts per card; B = 128, q = 1, top-8: 1,024 pairs -> M = 1024 / 3 per
        // expert in calibrated (even load: perfect balance; at 1,024 pairs every slot is hit); seed fidelity's FULL
        // reading times every expert over all 1,024 pairs.
        Scenario s = h800().withEp(128).withBatch(128).withPolicy(dev.ridgeline.engine.model.Policy.NAIVE);
        OpResult cal = Fixtures.BALANCED.evaluate(s.withEplb(false).withEp(128)).op("Routed experts up");
        assertEquals(2.0 * 1024 / 2 * 7168 * 4096 * 2, cal.flops(), 1e-3 * cal.flops()); // no EPLB: 2 experts
        cal = Fixtures.BALANCED.evaluate(s).op("Routed experts up");
        assertEquals(2.0 * 1024 / 3 * 7168 * 4096 * 3, cal.flops(), 1e-3 * cal.flops());
        OpResult seed = Fixtures.ENGINE.evaluate(s.withFidelity(Fidelity.SEED)).op("Routed experts up");
        assertEquals(2.0 * 1024 * 7168 * 4096 * 2, seed.flops(), 0.0);
    }

    @Test
    void validationDocumentListsTheCalibratedChecks() throws IOException {
        Path doc = Path.of("..", "docs", "validation.md");
        String text = Files.readString(doc, StandardCharsets.UTF_8);
        String begin = "<!-- calibrated:begin -->\n";
        String end = "<!-- calibrated:end -->";
        String expected = CalibratedReport.markdown();
        if (Boolean.getBoolean("ridgeline.updateDocs")) {
            text = text.substring(0, text.indexOf(begin) + begin.length()) + expected + text.substring(text.indexOf(end));
            Files.writeString(doc, text, StandardCharsets.UTF_8);
        }
        assertEquals(expected, text.substring(text.indexOf(begin) + begin.length(), text.indexOf(end)),
                "docs/validation.md is stale: run ./mvnw -pl assets,model-engine test -Dridgeline.updateDocs=true");
    }
}
