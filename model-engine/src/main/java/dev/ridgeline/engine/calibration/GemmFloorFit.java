package dev.ridgeline.engine.calibration;

import java.util.ArrayList;
import java.util.List;

/**
 * The time floor of a small library GEMM (issue 18): a kernel launched on a few rows whose weights take well under a
 * microsecond to stream still costs several microseconds (launch, prologue, DRAM latency, one wave of tiles, epilogue).
 * Measured on B200 by cuBLAS, CUTLASS and TensorRT-LLM GEMMs at 1-1,024 rows (calibration/gemm-floor.csv), flat in M
 * and in the bytes while those stay small. Calibrated fidelity times a non-grouped GEMM as
 * {@code max(floor, roofline / f) + gap}, f DeepGEMM's fraction at the shape: at large M the roofline term is larger and
 * nothing changes; below DeepGEMM's smallest measured M (64) the fraction is held at its end value, so without a floor
 * the kernel's time shrank with the chip's bandwidth while the measured kernels do not.
 * <p><b>Fit.</b> The floor is the median of the B200 library rows that are floor-bound: their roofline on B200 (the
 * larger of weights and activations over HBM and FLOPs over the tensor rate, at the datasheet's figures) at most
 * {@link #FLOOR_BOUND} of the measured time. Other chips' rows and the rows above the floor are left to check it
 * ({@link HeldOut#gemmFloor}). Specialized single-purpose kernels (DeepSeek's router GEMM) run below it and are not
 * fitted: the floor is a library GEMM's, not the hardware's.
 *
 * @param floorSec the fitted floor, seconds
 * @param runs     every row of the table, fitted or not
 * @param citation the rows fitted and their sources
 */
public record GemmFloorFit(double floorSec, List<Run> runs, String citation) {
    /** A row is floor-bound when its roofline is at most this share of its measured time. */
    public static final double FLOOR_BOUND = 0.25;
    /** The chip whose rows are fitted. */
    public static final String FITTED_GPU = "B200";

    public GemmFloorFit {
        runs = List.copyOf(runs);
    }

    /**
     * One measured GEMM.
     *
     * @param family      "library" (cuBLAS, CUTLASS, TensorRT-LLM, Triton GEMMs) or "specialized" (a kernel written for
     *                    one shape, such as DeepSeek's router GEMM)
     * @param rooflineSec the roofline time on its chip (datasheet HBM and tensor rate of its dtype)
     */
    public record Run(String what, String gpu, String family, int m, int n, int k, double sec, double rooflineSec) {
        public boolean floorBound() {
            return rooflineSec <= FLOOR_BOUND * sec;
        }

        public boolean library() {
            return family.equals("library");
        }

        /** A row the floor is fitted on: a floor-bound library GEMM on {@link #FITTED_GPU}. */
        public boolean fitted() {
            return gpu.equals(FITTED_GPU) && library() && floorBound();
        }
    }

    /** The floor through {@code runs}' fitted rows. */
    public static GemmFloorFit of(List<Run> runs, String citation) {
        return new GemmFloorFit(median(runs.stream().filter(Run::fitted).map(Run::sec).toList()), runs, citation);
    }

    /** The rows the floor is fitted on. */
    public List<Run> fitted() {
        return runs.stream().filter(Run::fitted).toList();
    }

    /** The median of {@code values} (the mean of the middle two for an even count). */
    public static double median(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("a GEMM floor needs at least one floor-bound row");
        }
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
