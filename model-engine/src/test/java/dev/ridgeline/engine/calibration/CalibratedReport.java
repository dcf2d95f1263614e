package dev.ridgeline.engine.calibration;

import dev.ridgeline.engine.Engine;
import dev.ridgeline.engine.Evaluation;
import dev.ridgeline.engine.Fixtures;
import dev.ridgeline.engine.io.CalibrationTables;
import dev.ridgeline.engine.io.MoeTables;
import dev.ridgeline.engine.model.Dtype;
import dev.ridgeline.engine.model.Fidelity;
import dev.ridgeline.engine.model.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The calibrated section of docs/validation.md: each calibration row used, our prediction at its shape, the error. */
public final class CalibratedReport {
    public record Check(String what, double measured, double predicted, String unit, String source) {
        public double error() {
            return predicted / measured - 1;
        }
    }

    private CalibratedReport() {
    }

    static Calibration cal() {
        return CalibrationTables.builtIn();
    }

    /**
     * DeepEP low-latency rows (128 tokens, top-8, hidden 7168, CX7), each predicted by the fit built WITHOUT that EP
     * size: the interpolation in ln EP between its neighbours (held at the nearest end for EP8 and EP256). The fit
     * reproduces every row it keeps by construction, so only held-out rows test it.
     */
    public static List<Check> deepEpLeaveOneOut() {
        return HeldOut.deepEp(cal().deepEp()).stream().map(r -> new Check(r.what(), r.measuredSec() * 1e6,
                r.predictedSec() * 1e6, "µs", cal().deepEp().citation())).toList();
    }

    /** The calibrated engine's predictions for DeepSeek-V3 on H800 + CX7. */
    public static String predictions() {
        StringBuilder sb = new StringBuilder("| EP | batch | context | MTP | layer µs | TPOT ms | user tok/s | tok/s/card (accepted) | max batch |\n");
        sb.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        Scenario base = Fixtures.seed("H800", "CX7").withFidelity(Fidelity.CALIBRATED).withKvDtype(Dtype.FP8)
                .withWeightDtype(Dtype.FP8).withThroughputReading(dev.ridgeline.engine.model.ThroughputReading.ACCEPTED_TOKENS);
        for (int ep : new int[] {144, 320}) {
            for (int batch : new int[] {64, 128, 256}) {
                for (int context : new int[] {4096, 5120}) {
                    for (int mtp : new int[] {0, 1}) {
                        Evaluation e = Fixtures.ENGINE.evaluate(base.withEp(ep).withBatch(batch).withContext(context)
                                .withMtp(mtp, Scenario.SEED_MTP_ACCEPTANCE));
                        sb.append(String.format(Locale.ROOT, "| %d | %d | %d | %d | %.1f | %.2f | %.2f | %.0f | %d%s |%n", ep, batch,
                                context, mtp, e.layerTimeSec() * 1e6, e.tpotSec() * 1e3, e.userTokensPerSec(),
                                e.throughputPerCard(), e.maxBatch(), e.fit().fits() ? "" : " (does not fit)"));
                    }
                }
            }
        }
        return sb.toString();
    }

    /** DeepSeek's published decode figures beside ours at the profiled deployment (see PublishedDecodeTest). */
    public static String published() {
        StringBuilder sb = new StringBuilder("| MTP acceptance | expert load | host overhead | step ms | user tok/s "
                + "| tok/s per node |\n|---:|---|---:|---:|---:|---:|\n");
        for (double acceptance : new double[] {0.85, 0.90}) {
            for (boolean balanced : new boolean[] {false, true}) {
                for (boolean host : new boolean[] {true, false}) {
                    Evaluation e = PublishedDecodeTest.profileDeployment(acceptance);
                    var engine = balanced ? Fixtures.BALANCED : Fixtures.ENGINE;
                    e = engine.evaluate(host ? e.scenario() : e.scenario().withAssumptions(a -> a.withHostOverhead(0)));
                    sb.append(String.format(Locale.ROOT, "| %.2f | %s | %s | %.1f | %.2f | %.0f |%n", acceptance,
                            balanced ? "perfectly balanced" : "hottest card (EPLB)",
                            host ? Math.round(100 * e.scenario().assumptions().hostOverheadFraction()) + " %" : "none",
                            e.tpotSec() * 1e3, e.userTokensPerSec(), e.throughputPerNode()));
                }
            }
        }
        sb.append("| published | | | 84.1-92.5 (implied at 0.85) | 20-22 (daily average) | ~14,800 (24-hour average) |\n");
        return sb.toString();
    }

    static String table(List<Check> checks) {
        StringBuilder sb = new StringBuilder("| measurement | measured | ours | error |\n|---|---:|---:|---:|\n");
        for (Check c : checks) {
            sb.append(String.format(Locale.ROOT, "| %s | %.1f %s | %.1f %s | %+.1f %% |%n", c.what(), c.measured(), c.unit(),
                    c.predicted(), c.unit(), 100 * c.error()));
        }
        return sb.toString();
    }

    /** The routed block's fixed cost and the runs it was not fitted on (MoeBlockFitTest). */
    static String moeBlock() {
        MoeBlockFit fit = cal().moeBlock();
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "\n### Routed-expert block, held out\n\n"
                + "FlashInfer's DeepSeek MoE benchmark on a B300 (routing, activation quantization, both grouped GEMMs and "
                + "the finalize, 32 local experts of 256, calibration/moe-block.csv): time = fixed + expert bytes / "
                + "bandwidth. The line through %s gives %.1f µs fixed and %.2f TB/s (%.0f %% of the 8 TB/s of B300 and GB300, calibration/chips.csv). Calibrated "
                + "decode adds the fixed part, less the two kernel gaps its GEMMs carry, to every routed block. Held out: "
                + "the BF16 runs (the NVFP4 fixed part plus the slope through the other BF16 runs) and a later repeat's "
                + "NVFP4 runs with every local expert hit.%n%n| measurement | measured | held out | error |%n"
                + "|---|---:|---:|---:|%n", fit.citation(), fit.fixedSec() * 1e6, 1e-12 / fit.secondsPerByte(),
                100 / (fit.secondsPerByte() * 8e12)));
        microsecondRows(sb, HeldOut.moeBlock(fit), "%.1f");
        return sb.toString();
    }

    /** FP4 routed experts (Fp4MoeFitTest): each fitted run left out, then the runs between the fitted ends. */
    static String fp4Moe() {
        Fp4MoeFit fit = cal().fp4Moe();
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "\n### FP4 routed experts, held out\n\n"
                + "How fast the two grouped GEMMs of FlashInfer's DeepSeek MoE benchmark on a B300 run "
                + "(calibration/moe-block.csv): each run's time less the block's fixed part (%.1f µs) and the "
                + "quantization, finalize and router traffic the engine times elsewhere (%.0f bytes a token at the "
                + "block's own bandwidth, %.2f µs per 1,000 tokens), modelled as the GEMMs' bytes at a fraction of HBM "
                + "plus their FLOPs at a fraction of the FP4 rate. %s. Calibrated fidelity times NVFP4 and MXFP4 routed "
                + "experts so on every chip with an FP4 rate (marked extrapolated: the B300 is in no catalogue). Left "
                + "out: each fitted run predicted by the other four. Held out: TensorRT-LLM's runs at 32-128 rows an "
                + "expert, where it switches tactics, and CuTe DSL's W4A4 kernel on the same runs.%n%n"
                + "| measurement | measured | predicted | error |%n|---|---:|---:|---:|%n", fit.fixedSec() * 1e6,
                Fp4MoeFit.ELEMENTWISE_BYTES_PER_TOKEN, fit.elementwiseSecPerToken() * 1e9, fit.citation()));
        microsecondRows(sb, HeldOut.fp4Moe(fit, cal().moeBlock(), MoeTables.fp4MoeHeldOut()), "%.1f");
        return sb.toString();
    }

    /** The small-GEMM floor and the rows it was not fitted on (GemmFloorFitTest). */
    static String gemmFloor() {
        GemmFloorFit fit = cal().gemmFloor();
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "\n### Small-GEMM floor, held out\n\n"
                + "A library GEMM (cuBLAS, CUTLASS, TensorRT-LLM) on a few rows costs several µs however few bytes it "
                + "streams (calibration/gemm-floor.csv). The floor is the %s: %.2f µs. Calibrated fidelity times every "
                + "GEMM but the routed experts' (their block's measured fixed cost holds it) and the router gate's (a "
                + "kernel written for its shape, measured at 1.7-4.4 µs up to 8 tokens) as max(floor, roofline / f) plus "
                + "the kernel gap. Held out: B300's and Hopper's floor-bound rows (predicted by the floor) and B200's "
                + "rows above the floor (predicted by the whole rule, f DeepGEMM's H800 fraction at the nearest shape). "
                + "The floor holds on B300 (6-19 %% slow) and on Hopper (H20-3e, -24 to +27 %%, the spread of those rows "
                + "themselves); vLLM's B200 rows, timed with do_bench where the fitted ones were timed by CUPTI, come out "
                + "10-14 %% fast. The FP16 row at 1,024 rows is compute-bound: a miss of DeepGEMM's FP8 fraction carried to "
                + "an FP16 GEMM, not of the floor, whose regime is decode's few rows. A GEMM held at the floor is shown "
                + "*latency-bound* (the op table's and report's bound, the roofline's purple markers, `LATENCY` in JSON; "
                + "the summary's dominant bound counts it so too): neither its FLOPs nor its bytes set its time."
                + "%n%n| measurement | measured | held out | error |%n|---|---:|---:|---:|%n", fit.citation(),
                fit.floorSec() * 1e6));
        microsecondRows(sb, HeldOut.gemmFloor(fit, cal().denseGemm()), "%.2f");
        return sb.toString();
    }

    public static String markdown() {
        return LeaveOneOut.markdown()
                + "\n### DeepEP low-latency, leave one EP size out\n\nDispatch and combine fitted separately as an assumed "
                + "fixed latency (" + String.format(Locale.ROOT, "%.1f and %.1f µs: %s", cal().deepEp().dispatchFixedSec() * 1e6,
                        cal().deepEp().combineFixedSec() * 1e6, cal().deepEp().fixedCitation())
                + ") plus bytes over a per-EP bandwidth; each EP size predicted from the others (the ends are held at "
                + "their neighbour). Source: " + cal().deepEp().citation() + "\n\n"
                + table(deepEpLeaveOneOut())
                + moeBlock()
                + fp4Moe()
                + gemmFloor()
                + "\n### Against DeepSeek's published decode\n\nDeepSeek-V3 on H800 + CX7 at the profiled deployment (EP128, "
                + "128 requests per GPU, 4K context, two micro-batches, FP8 GEMMs, BF16 KV, MTP 1; see PublishedDecodeTest "
                + "for the sources).\n\n" + published()
                + "\n### DeepSeek-V3 on H800 + CX7, calibrated\n\nFP8 KV and weights, dual micro-batch, throughput counting "
                + "accepted tokens.\n\n" + predictions() + "\n";
    }

    /** One table row per held-out row: what, measured and predicted in µs ({@code digits}: e.g. "%.1f"), the error. */
    private static void microsecondRows(StringBuilder sb, java.util.List<HeldOut.Row> rows, String digits) {
        for (HeldOut.Row r : rows) {
            sb.append(String.format(Locale.ROOT, "| %s | " + digits + " µs | " + digits + " µs | %+.1f %% |%n", r.what(),
                    r.measuredSec() * 1e6, r.predictedSec() * 1e6, 100 * r.error()));
        }
    }
}
