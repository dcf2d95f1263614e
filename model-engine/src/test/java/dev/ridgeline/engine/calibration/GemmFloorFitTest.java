package dev.ridgeline.engine.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.engine.Evaluation;
import dev.ridgeline.engine.Fixtures;
import dev.ridgeline.engine.io.CalibrationTables;
import dev.ridgeline.engine.model.Fidelity;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.ops.OpKind;
import dev.ridgeline.engine.report.LayerTotals;
import dev.ridgeline.engine.roofline.Bound;
import dev.ridgeline.engine.roofline.OpResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The small library GEMM's floor (issue 18), from calibration/gemm-floor.csv: B200 rows of the CUTLASS issue that
 * reproduced FlashInfer's blockwise-FP8 benchmark (https://github.com/NVIDIA/cutlass/issues/2923) and of vLLM's router
 * GEMM heuristic (https://github.com/vllm-project/vllm/pull/44217) fitted; B300 rows of the latter, Hopper rows of an
 * SGLang H20-3e tuning (https://github.com/sgl-project/sglang/pull/39306) and B200 rows above the floor from vLLM's
 * SM100 CUTLASS tunings (https://github.com/vllm-project/vllm/pull/18778, /19566, /20071) held out.
 */
class GemmFloorFitTest {
    private static final Calibration CAL = CalibrationTables.builtIn();
    private static final GemmFloorFit FIT = CAL.gemmFloor();

    private static List<HeldOut.Row> heldOut(String gpu) {
        return HeldOut.gemmFloor(FIT, CAL.denseGemm()).stream().filter(r -> r.what().startsWith(gpu + " ")).toList();
    }

    private static double medianMeasured(List<HeldOut.Row> rows) {
        return GemmFloorFit.median(rows.stream().map(HeldOut.Row::measuredSec).toList());
    }

    @Test
    void theFloorIsSeveralMicrosecondsAndNotASourcesArtefact() {
        // several µs where the weights take under a µs: every fitted row's roofline is at most a quarter of its time
        assertTrue(FIT.floorSec() > 4e-6 && FIT.floorSec() < 8e-6, "floor " + FIT.floorSec());
        assertTrue(FIT.fitted().stream().allMatch(r -> r.rooflineSec() < 1e-6));
        // fitted without either source's rows, the floor moves by under 5 %: the two benchmarks (CUPTI in one, the
        // other's method not stated; three GEMM libraries) agree on it
        for (String source : List.of("cutlass2923", "vllm44217")) {
            double without = GemmFloorFit.median(FIT.fitted().stream().filter(r -> !r.what().contains(source))
                    .map(GemmFloorFit.Run::sec).toList());
            assertEquals(FIT.floorSec(), without, 0.05 * FIT.floorSec(), "without " + source);
        }
    }

    @Test
    void theFloorHoldsOnBlackwellUltraAndOnHopper() {
        // the floor is a launch and one wave of tiles, not B200's bandwidth: B300's cuBLAS rows (14, M 1-16) lie
        // within 10 % of it at their median and 20 % each; Hopper's (H20-3e, Triton block FP8 under CUDA graphs, the
        // 4 rows whose weights stream in under a quarter of the time) within 20 % at their median and 30 % each (their
        // own spread: 4.05 to 6.79 µs)
        List<HeldOut.Row> b300 = heldOut("B300");
        List<HeldOut.Row> hopper = heldOut("H20-3e");
        assertEquals(14, b300.size());
        assertEquals(4, hopper.size());
        assertEquals(FIT.floorSec(), medianMeasured(b300), 0.10 * FIT.floorSec());
        assertEquals(FIT.floorSec(), medianMeasured(hopper), 0.20 * FIT.floorSec());
        b300.forEach(r -> assertTrue(Math.abs(r.error()) < 0.20, r.what() + " " + r.error()));
        hopper.forEach(r -> assertTrue(Math.abs(r.error()) < 0.30, r.what() + " " + r.error()));
    }

    @Test
    void b200RowsAboveTheFloorFollowTheWholeRule() {
        // vLLM's FP8 CUTLASS GEMMs on B200 at 1 and 16 rows (16.8-117 MB of weights, 9 rows, timed with
        // triton.testing.do_bench) against max(floor, roofline / f), f DeepGEMM's H800 fraction at the nearest shape:
        // each within 15 % (they come out 10-14 % fast: the fit's rows were timed by CUPTI, kernel time alone). Without
        // the floor the small ones (16.8 and 25 MB) were 40-50 % fast. The floor's regime is decode's few rows; the one
        // B200 row above the floor at 1,024 rows (an FP16 GEMM, compute-bound) is in docs/validation.md, not here
        List<GemmFloorFit.Run> rows = FIT.runs().stream()
                .filter(r -> r.gpu().equals("B200") && r.library() && !r.floorBound() && r.m() <= 16).toList();
        assertEquals(9, rows.size());
        double worstWithout = 0;
        for (GemmFloorFit.Run r : rows) {
            double roofline = r.rooflineSec() / CAL.denseGemm().lookup(r.m(), r.n(), r.k()).fraction();
            double error = Math.max(FIT.floorSec(), roofline) / r.sec() - 1;
            assertTrue(Math.abs(error) < 0.15, r.what() + " " + error);
            worstWithout = Math.min(worstWithout, roofline / r.sec() - 1);
        }
        assertTrue(worstWithout < -0.35, "worst without the floor " + worstWithout);
    }

    @Test
    void noGemmDeepGemmMeasuredOnHopperIsFasterThanTheFloor() {
        // DeepGEMM's H800 tables (calibration/deepgemm.csv, the rows the engine uses) start at M = 64, where its
        // smallest kernel takes 6.4 µs (N 7168, K 2048): a floor above any of them would contradict Hopper's own rows.
        // The floor binds on H800 nowhere in the tables; it binds where the roofline shrinks (fewer rows, more bandwidth)
        List<GemmPoint> rows = new java.util.ArrayList<>(CAL.denseGemm().points());
        rows.addAll(CAL.groupedGemm().points());
        double fastest = rows.stream().mapToDouble(GemmPoint::measuredSec).min().orElseThrow();
        assertTrue(fastest > FIT.floorSec(), "fastest DeepGEMM row " + fastest);
    }

    @Test
    void aKernelWrittenForOneShapeRunsBelowTheFloor() {
        // DeepSeek's router GEMM (N 256 or 384, K 7168) at up to 8 tokens, on B200 and B300: 1.7-4.4 µs, under the
        // library floor; calibrated decode exempts the router gate from it
        List<GemmFloorFit.Run> special = FIT.runs().stream().filter(r -> !r.library() && r.m() <= 8).toList();
        assertEquals(12, special.size());
        special.forEach(r -> assertTrue(r.sec() < FIT.floorSec(), r.what()));
    }

    @Test
    void calibratedDecodeHoldsSmallGemmsAtTheFloorAndSeedDoesNot() {
        // DeepSeek-V3 on B200 at one sequence: the shared expert's down projection (2048 x 7168 in FP8, 14.7 MB, 1.8 µs
        // at 8 TB/s) costs the floor plus the kernel gap; the router gate and the routed experts are not floored
        Scenario s = Scenario.defaults(Fixtures.CATALOG.model("DeepSeek-V3"), Fixtures.CATALOG.chip("B200"),
                Fixtures.CATALOG.nic("CX7")).withFidelity(Fidelity.CALIBRATED).withEp(8).withBatch(1).withMtp(0, 0.85);
        Evaluation e = Fixtures.ENGINE.evaluate(s);
        double gap = s.assumptions().kernelGapSec();
        List<OpResult> shared = e.ops().stream().filter(o -> o.kind() == OpKind.SHARED_DOWN).toList();
        assertFalse(shared.isEmpty());
        shared.forEach(o -> assertEquals(FIT.floorSec() + gap, o.timeSec(), 1e-12));
        assertTrue(e.ops().stream().filter(o -> o.kind() == OpKind.ROUTER_GATE)
                .allMatch(o -> o.timeSec() < FIT.floorSec() + gap));
        Evaluation seed = Fixtures.ENGINE.evaluate(s.withFidelity(Fidelity.SEED));
        assertTrue(seed.ops().stream().filter(o -> o.kind() == OpKind.SHARED_DOWN)
                .allMatch(o -> o.timeSec() < FIT.floorSec()));
    }

    @Test
    void aGemmHeldAtTheFloorIsLatencyBoundAndOnlyThen() {
        // the same deployment: an op costing exactly the floor plus the gap is neither compute- nor memory-bound (its
        // FLOPs and bytes would take under the floor); every other GEMM keeps its roofline's bound; seed has no floor
        Scenario s = Scenario.defaults(Fixtures.CATALOG.model("DeepSeek-V3"), Fixtures.CATALOG.chip("B200"),
                Fixtures.CATALOG.nic("CX7")).withFidelity(Fidelity.CALIBRATED).withEp(8).withBatch(1).withMtp(0, 0.85);
        Evaluation e = Fixtures.ENGINE.evaluate(s);
        double atFloor = FIT.floorSec() + s.assumptions().kernelGapSec();
        List<OpResult> all = new java.util.ArrayList<>(e.ops());
        all.addAll(e.stepOps());
        List<OpResult> latency = all.stream().filter(o -> o.bound() == Bound.LATENCY).toList();
        assertTrue(latency.size() >= 4, "latency-bound ops " + latency);
        latency.forEach(o -> assertEquals(atFloor, o.timeSec(), 1e-12, o.name()));
        all.stream().filter(o -> o.bound() != Bound.LATENCY && o.flops() > 0)
                .forEach(o -> assertTrue(Math.abs(o.timeSec() - atFloor) > 1e-12, o.name()));
        // the summary path accounts the same ops the same way: its dominant bound is the detailed ops' largest share
        LayerTotals t = LayerTotals.of(e.ops());
        Bound most = java.util.Arrays.stream(Bound.values()).max(java.util.Comparator.comparingDouble(t::timeShare))
                .orElseThrow();
        assertEquals(most, e.dominantBound());
        assertTrue(Fixtures.ENGINE.evaluate(s.withFidelity(Fidelity.SEED)).ops().stream()
                .noneMatch(o -> o.bound() == Bound.LATENCY));
    }
}
