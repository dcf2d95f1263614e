package dev.ridgeline.engine.calibration;

import dev.ridgeline.engine.Fixtures;
import dev.ridgeline.engine.io.CalibrationTables;
import dev.ridgeline.engine.model.Chip;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Leave-one-out checks of the calibration tables: every measured row is predicted by a table built without it, through
 * the engine's own lookup ({@link GemmTable#lookup}) or fit ({@link CalibrationTables#flashMla(
 * dev.ridgeline.engine.io.Catalog, List)}). A table reproduces its own rows by construction, so only held-out rows
 * say how well it predicts a shape nobody measured.
 */
public final class LeaveOneOut {
    /**
     * One held-out row. {@code extrapolated} is what the lookup without the row says about the prediction (the row's
     * M lay outside the M the other rows of its shape cover); {@code group} is the FlashMLA work size (scores per
     * call), the same for runs the compute model cannot tell apart.
     */
    public record Prediction(String what, double measuredSec, double predictedSec, boolean extrapolated, double group) {
        public double error() {
            return predictedSec / measuredSec - 1;
        }
    }

    /** Median and worst |error| of some predictions. */
    public record Stats(int n, double median, double worst) {
        static Stats of(List<Prediction> ps) {
            double[] e = ps.stream().mapToDouble(p -> Math.abs(p.error())).sorted().toArray();
            int n = e.length;
            return new Stats(n, n % 2 == 1 ? e[n / 2] : (e[n / 2 - 1] + e[n / 2]) / 2, e[n - 1]);
        }

        String text() {
            return String.format(Locale.ROOT, "%d rows: median %.1f %%, worst %.1f %%", n, 100 * median, 100 * worst);
        }
    }

    private LeaveOneOut() {
    }

    static Chip h800() {
        return Fixtures.CATALOG.chip("H800");
    }

    /** Roofline seconds of a DeepGEMM row on the H800 preset (the chip the tables were measured on). */
    static double rooflineSec(GemmPoint p) {
        return Math.max(p.flops() / h800().fp8FlopsPerSec(), p.bytes() / h800().hbmBandwidthBytesPerSec());
    }

    /** Each row of {@code table} predicted by the interpolation rule over the other rows (the engine's {@link HeldOut}). */
    public static List<Prediction> gemm(GemmTable table) {
        return HeldOut.gemm(table).stream().map(r -> new Prediction(r.what(), r.measuredSec(), r.predictedSec(),
                r.extrapolated(), 0)).toList();
    }

    /**
     * The simplest calibration the table could be replaced by: one roofline fraction for every shape, the median of
     * the other rows' fractions. The interpolation rule has to beat it to be worth its structure.
     */
    public static List<Prediction> gemmOneFraction(GemmTable table) {
        List<Prediction> out = new ArrayList<>();
        for (GemmPoint p : table.points()) {
            double[] f = table.points().stream().filter(o -> o != p)
                    .mapToDouble(o -> o.rooflineFraction(h800().fp8FlopsPerSec(), h800().hbmBandwidthBytesPerSec()))
                    .sorted().toArray();
            double median = f.length % 2 == 1 ? f[f.length / 2] : (f[f.length / 2 - 1] + f[f.length / 2]) / 2;
            out.add(new Prediction(name(p), p.measuredSec(), rooflineSec(p) / median, true, 0));
        }
        return out;
    }

    static String name(GemmPoint p) {
        return HeldOut.name(p);
    }

    /** One H20 community run: its row, name, measured time, the bare compute model's time and its work size. */
    record Run(Map<String, String> row, String what, double measuredSec, double modelSec, double work) {
    }

    /** The H20 community runs of flashmla.csv (FlashMLA issue #30), among all rows of the file. */
    static List<Run> h20Runs(List<Map<String, String>> all) {
        Chip h20 = Fixtures.CATALOG.chip("H20");
        List<Run> out = new ArrayList<>();
        for (Map<String, String> r : all) {
            if (r.get("gpu").equals("H20") && !r.get("time_ms").isEmpty()) {
                int b = Integer.parseInt(r.get("batch"));
                int sq = Integer.parseInt(r.get("s_q"));
                int hq = Integer.parseInt(r.get("h_q"));
                int keys = Integer.parseInt(r.get("mean_seqlen_k"));
                out.add(new Run(r, String.format(Locale.ROOT, "H20 b=%d s_q=%d h_q=%d L=%d varlen=%s", b, sq, hq, keys,
                        r.get("varlen")), Double.parseDouble(r.get("time_ms")) * 1e-3,
                        CalibrationTables.modelMlaSeconds(h20, b, sq, hq, keys), (double) b * sq * hq * keys));
            }
        }
        return out;
    }

    /** Each H20 run predicted by the calibrated FlashMLA compute time with H20's scale fitted on the other runs. */
    public static List<Prediction> flashMlaH20() {
        List<Map<String, String>> all = CalibrationTables.rows("flashmla.csv");
        List<Prediction> out = new ArrayList<>();
        for (Run run : h20Runs(all)) {
            FlashMlaFit without = CalibrationTables.flashMla(Fixtures.CATALOG, all.stream().filter(r -> r != run.row()).toList());
            out.add(new Prediction(run.what(), run.measuredSec(), run.modelSec() * without.compute(dev.ridgeline.engine.model.CalibrationKey.H20).fraction(),
                    without.compute(dev.ridgeline.engine.model.CalibrationKey.H20).extrapolated(), run.work()));
        }
        return out;
    }

    /** The H20 runs predicted with H800's compute scale, as a chip without runs of its own would be. */
    static List<Prediction> flashMlaH20WithH800Scale() {
        double scale = CalibrationTables.builtIn().flashMla().compute(dev.ridgeline.engine.model.CalibrationKey.H800).fraction();
        return h20Runs(CalibrationTables.rows("flashmla.csv")).stream()
                .map(r -> new Prediction(r.what(), r.measuredSec(), r.modelSec() * scale, true, r.work())).toList();
    }

    /** Spread of the measured runs of one work size: (slowest − fastest) / fastest. */
    static double spread(List<Prediction> runs, double group) {
        double lo = runs.stream().filter(p -> p.group() == group).mapToDouble(Prediction::measuredSec).min().orElseThrow();
        double hi = runs.stream().filter(p -> p.group() == group).mapToDouble(Prediction::measuredSec).max().orElseThrow();
        return hi / lo - 1;
    }

    /** Predictions by the uncalibrated roofline of the H800 preset (what seed fidelity assumes of every GEMM). */
    static List<Prediction> gemmBareRoofline(GemmTable table) {
        return table.points().stream().map(p -> new Prediction(name(p), p.measuredSec(), rooflineSec(p), true, 0)).toList();
    }

    /** The held-out sections of docs/validation.md. */
    static String markdown() {
        Calibration cal = CalibrationTables.builtIn();
        StringBuilder sb = new StringBuilder("\n### DeepGEMM, held out\n\nEach H800 row of DeepGEMM's README tables (")
                .append(cal.denseGemm().points().get(0).source()).append(") predicted by the table built without it: ")
                .append("the (N, K) shape nearest in log space, the roofline fraction interpolated in ln M between the ")
                .append("measured M on either side, held at the end value outside them (marked extrapolated). A table ")
                .append("reproduces its own rows exactly by construction, so only held-out rows measure it.\n\n")
                .append("| measurement | measured | held out | error | M range |\n|---|---:|---:|---:|---|\n");
        for (GemmTable t : List.of(cal.denseGemm(), cal.groupedGemm())) {
            for (Prediction p : gemm(t)) {
                sb.append(String.format(Locale.ROOT, "| %s | %.1f µs | %.1f µs | %+.1f %% | %s |%n", p.what(),
                        p.measuredSec() * 1e6, p.predictedSec() * 1e6, 100 * p.error(),
                        p.extrapolated() ? "end: extrapolated" : "inside"));
            }
        }
        sb.append("\n| table | held out | inside the M range | at its ends | one fraction for all shapes | bare roofline |\n")
                .append("|---|---|---|---|---|---|\n");
        for (GemmTable t : List.of(cal.denseGemm(), cal.groupedGemm())) {
            List<Prediction> ps = gemm(t);
            sb.append("| ").append(t.points().get(0).kernel()).append(" | ").append(Stats.of(ps).text()).append(" | ")
                    .append(Stats.of(ps.stream().filter(p -> !p.extrapolated()).toList()).text()).append(" | ")
                    .append(Stats.of(ps.stream().filter(Prediction::extrapolated).toList()).text()).append(" | ")
                    .append(Stats.of(gemmOneFraction(t)).text()).append(" | ")
                    .append(Stats.of(gemmBareRoofline(t)).text()).append(" |\n");
        }
        List<Prediction> mla = flashMlaH20();
        sb.append("\n### FlashMLA on H20, held out\n\nEach community run on H20 (FlashMLA issue #30) predicted by the ")
                .append("calibrated compute time with H20's scale fitted on the other 21 runs. Runs of one work size ")
                .append("(batch · s_q · heads · keys) cost the model the same; their own spread (slowest over fastest) ")
                .append("is what one scale per chip cannot follow.\n\n")
                .append("| measurement | measured | held out | error | spread of its work size |\n|---|---:|---:|---:|---:|\n");
        for (Prediction p : mla) {
            boolean alone = mla.stream().filter(o -> o.group() == p.group()).count() == 1;
            sb.append(String.format(Locale.ROOT, "| %s | %.1f µs | %.1f µs | %+.1f %% | %s |%n", p.what(),
                    p.measuredSec() * 1e6, p.predictedSec() * 1e6, 100 * p.error(),
                    alone ? "one run" : String.format(Locale.ROOT, "%.1f %%", 100 * spread(mla, p.group()))));
        }
        sb.append("\nHeld out: ").append(Stats.of(mla).text()).append(". With H800's scale instead (as a chip without ")
                .append("runs of its own): ").append(Stats.of(flashMlaH20WithH800Scale()).text()).append(".\n");
        return sb.toString();
    }
}
