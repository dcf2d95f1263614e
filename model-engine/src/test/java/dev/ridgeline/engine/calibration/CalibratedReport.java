package dev.ridgeline.engine.calibration;

import dev.ridgeline.engine.Engine;
import dev.ridgeline.engine.Evaluation;
import dev.ridgeline.engine.Fixtures;
import dev.ridgeline.engine.io.CalibrationTables;
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
        return LeaveOneOut.markdown()
                + "\n### DeepEP low-latency\n\nFixed latency + bytes / bandwidth fitted per EP from dispatch and combine "
                + "(the fixed part is held at 0 where the fit goes negative). Source: " + cal().deepEp().citation() + "\n\n"
                + table(deepEp())
                + "\n### DeepSeek-V3 on H800 + CX7, calibrated\n\nFP8 KV and weights, dual micro-batch, throughput counting "
                + "accepted tokens.\n\n" + predictions() + "\n";
    }
}
