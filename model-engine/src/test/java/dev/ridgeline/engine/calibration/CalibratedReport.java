package dev.ridgeline.engine.calibration;

import dev.ridgeline.engine.Engine;
import dev.ridgeline.engine.Evaluation;
import dev.ridgeline.engine.Fixtures;
import dev.ridgeline.engine.io.CalibrationTables;
import dev.ridgeline.engine.model.Chip;
import dev.ridgeline.engine.model.Dtype;
import dev.ridgeline.engine.model.Fidelity;
import dev.ridgeline.engine.model.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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

    /** Leave-one-out: each DeepGEMM row predicted from the other rows of its shape (interpolation error). */
    public static List<Check> gemmLeaveOneOut() {
        Chip h800 = Fixtures.CATALOG.chip("H800");
        List<Check> out = new ArrayList<>();
        for (GemmTable table : List.of(cal().denseGemm(), cal().groupedGemm())) {
            for (GemmPoint p : table.points()) {
                List<GemmPoint> others = table.points().stream().filter(o -> o != p).toList();
                boolean hasShape = others.stream().anyMatch(o -> o.n() == p.n() && o.k() == p.k());
                if (!hasShape) {
                    continue;
                }
                GemmTable without = new GemmTable(others, h800.fp8FlopsPerSec(), h800.hbmBandwidthBytesPerSec());
                double fraction = without.lookup(p.m(), p.n(), p.k()).fraction();
                double roofline = Math.max(p.flops() / h800.fp8FlopsPerSec(), p.bytes() / h800.hbmBandwidthBytesPerSec());
                out.add(new Check(String.format(Locale.ROOT, "%s %dx M=%d N=%d K=%d", p.kernel(), p.groups(), p.m(), p.n(), p.k()),
                        p.measuredSec() * 1e6, roofline / fraction * 1e6, "µs", p.source()));
            }
        }
        return out;
    }

    /** FlashMLA community runs on H20 (FlashMLA issue #30) against the calibrated compute model. */
    public static List<Check> flashMlaH20() {
        Chip h20 = Fixtures.CATALOG.chip("H20");
        double scale = cal().flashMla().compute("H20").fraction();
        List<Check> out = new ArrayList<>();
        for (Map<String, String> r : CalibrationTables.rows("flashmla.csv")) {
            if (r.get("gpu").equals("H20") && !r.get("time_ms").isEmpty()) {
                int b = Integer.parseInt(r.get("batch"));
                int sq = Integer.parseInt(r.get("s_q"));
                int hq = Integer.parseInt(r.get("h_q"));
                int keys = Integer.parseInt(r.get("mean_seqlen_k"));
                double model = CalibrationTables.modelMlaSeconds(h20, b, sq, hq, keys) * scale;
                out.add(new Check(String.format(Locale.ROOT, "H20 FlashMLA b=%d s_q=%d h_q=%d L=%d varlen=%s", b, sq, hq, keys,
                        r.get("varlen")), Double.parseDouble(r.get("time_ms")) * 1e3, model * 1e6, "µs", r.get("source")));
            }
        }
        return out;
    }

    /** DeepEP low-latency rows (128 tokens, top-8, hidden 7168, CX7) against the per-EP fit. */
    public static List<Check> deepEp() {
        List<Check> out = new ArrayList<>();
        for (DeepEpFit.Point p : cal().deepEp().points()) {
            out.add(new Check("DeepEP LL dispatch EP" + p.ep(), p.dispatchSec() * 1e6,
                    cal().deepEp().seconds(p.ep(), CalibrationTables.DISPATCH_BYTES, 1) * 1e6, "µs", cal().deepEp().citation()));
            out.add(new Check("DeepEP LL combine EP" + p.ep(), p.combineSec() * 1e6,
                    cal().deepEp().seconds(p.ep(), CalibrationTables.COMBINE_BYTES, 1) * 1e6, "µs", cal().deepEp().citation()));
        }
        return out;
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
                        Evaluation e = Engine.evaluate(base.withEp(ep).withBatch(batch).withContext(context)
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

    static String table(List<Check> checks) {
        StringBuilder sb = new StringBuilder("| measurement | measured | ours | error |\n|---|---:|---:|---:|\n");
        for (Check c : checks) {
            sb.append(String.format(Locale.ROOT, "| %s | %.1f %s | %.1f %s | %+.1f %% |%n", c.what(), c.measured(), c.unit(),
                    c.predicted(), c.unit(), 100 * c.error()));
        }
        return sb.toString();
    }

    public static String markdown() {
        return "\n### DeepGEMM, leave one out\n\nEach H800 row predicted from the other rows of its (N, K) shape by the "
                + "interpolation rule (in-sample rows are reproduced exactly by construction). Source: "
                + cal().denseGemm().points().get(0).source() + "\n\n" + table(gemmLeaveOneOut())
                + "\n### FlashMLA on H20\n\nCompute time scaled by the mean of these runs; memory at H800's 3000 GB/s of peak "
                + "(extrapolated). Source: FlashMLA issue #30 (community runs).\n\n" + table(flashMlaH20())
                + "\n### DeepEP low-latency\n\nFixed latency + bytes / bandwidth fitted per EP from dispatch and combine "
                + "(the fixed part is held at 0 where the fit goes negative). Source: " + cal().deepEp().citation() + "\n\n"
                + table(deepEp())
                + "\n### DeepSeek-V3 on H800 + CX7, calibrated\n\nFP8 KV and weights, dual micro-batch, throughput counting "
                + "accepted tokens.\n\n" + predictions() + "\n";
    }
}
