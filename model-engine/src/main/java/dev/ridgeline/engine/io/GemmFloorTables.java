package dev.ridgeline.engine.io;

import dev.ridgeline.engine.calibration.GemmFloorFit;
import dev.ridgeline.engine.model.Chip;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The small-GEMM floor from {@code gemm-floor.csv} (issue 18): each row's measured time and its roofline on its chip,
 * then {@link GemmFloorFit#of}. A row's chip is read from the catalogue: B200 as itself, B300 as GB300 (the same
 * 8 TB/s of HBM, calibration/chips.csv), H20-3e as H20 (4.0 TB/s; the 141 GB part is at least as fast, so its rows'
 * rooflines are upper bounds). A row published in TFLOP/s is read as {@code 2·m·n·k / rate}.
 */
final class GemmFloorTables {
    private GemmFloorTables() {
    }

    static GemmFloorFit gemmFloor(Catalog catalog) {
        List<GemmFloorFit.Run> runs = new ArrayList<>();
        TreeSet<String> sources = new TreeSet<>();
        for (Map<String, String> r : CalibrationTables.rows("gemm-floor.csv")) {
            int m = Integer.parseInt(r.get("m"));
            int n = Integer.parseInt(r.get("n"));
            int k = Integer.parseInt(r.get("k"));
            double value = Double.parseDouble(r.get("value"));
            double flops = 2.0 * m * n * k;
            double sec = switch (r.get("unit")) {
                case "us" -> value * 1e-6;
                case "TFLOP/s" -> flops / (value * 1e12);
                default -> throw new IllegalArgumentException("calibration/gemm-floor.csv: unit '" + r.get("unit")
                        + "' is neither us nor TFLOP/s");
            };
            Chip chip = catalog.chip(switch (r.get("gpu")) {
                case "B300" -> "GB300";
                case "H20-3e" -> "H20";
                default -> r.get("gpu");
            });
            double bytesPerParam = Double.parseDouble(r.get("weight_bytes_per_param"));
            double rate = r.get("weight_dtype").equals("FP8") ? chip.fp8FlopsPerSec() : chip.bf16FlopsPerSec();
            // weights and activations in the weight dtype, BF16 out
            double bytes = (double) n * k * bytesPerParam + (double) m * k * bytesPerParam + 2.0 * m * n;
            double roof = Math.max(flops / rate, bytes / chip.hbmBandwidthBytesPerSec());
            String what = String.format(Locale.ROOT, "%s %s M=%d N=%d K=%d (%s)", r.get("gpu"), r.get("kernel"), m, n,
                    k, r.get("run"));
            GemmFloorFit.Run run = new GemmFloorFit.Run(what, r.get("gpu"), r.get("family"), m, n, k, sec, roof);
            runs.add(run);
            if (run.fitted()) {
                sources.add(r.get("source"));
            }
        }
        long fitted = runs.stream().filter(GemmFloorFit.Run::fitted).count();
        return GemmFloorFit.of(runs, String.format(Locale.ROOT, "median of %d floor-bound library GEMMs on B200 "
                + "(cuBLAS, CUTLASS, TensorRT-LLM; 1-1,024 rows, weights streaming in under a quarter of the time): %s",
                fitted, String.join(", ", sources)));
    }
}
