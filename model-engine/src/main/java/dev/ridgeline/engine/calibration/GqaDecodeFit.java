package dev.ridgeline.engine.calibration;

import dev.ridgeline.engine.model.CalibrationKey;
import java.util.List;
import java.util.Map;

/**
 * GQA decode attention as a serving engine runs it (issue 19): FlashInfer's batch decode over a paged KV cache,
 * measured on H20 (calibration/gqa-decode.csv). At decode shapes the kernel streams the KV cache, so its time is the
 * bytes read at a fraction of HBM bandwidth; which kernel runs depends on the GQA group (query heads per KV head).
 * <ul>
 *   <li>{@code tensorCores}: FlashInfer's tensor-core kernel, which SGLang's FlashInfer backend runs for decode once a
 *   KV head serves at least {@link #TENSOR_CORE_GROUP} query heads in BF16/FP16 ({@code should_use_tensor_core} in
 *   sglang/srt/layers/attention/flashinfer_backend.py): the measured row's bytes over its time over HBM.</li>
 *   <li>{@code cudaCores}: the CUDA-core decode kernel below that group: the slope of a line through the runs that are
 *   bandwidth-bound (one query head per KV head), {@code time = fixed + bytes / (f · HBM)}.</li>
 * </ul>
 * A chip key without rows of its own takes H20's, marked extrapolated. The same runs put FlashAttention-3's decode on
 * H20 at about a quarter of HBM bandwidth (kept in the table, not used: the serving backends run FlashInfer there).
 *
 * @param runs            the bandwidth-bound CUDA-core runs on {@link #MEASURED} the line goes through
 * @param measuredHbm     HBM bandwidth of the measured chip's preset, bytes/s
 * @param tensorCoreBasis where the tensor-core fraction comes from; {@code cudaCoreBasis} likewise
 */
public record GqaDecodeFit(Map<CalibrationKey, Double> tensorCores, Map<CalibrationKey, Double> cudaCores,
                           List<Run> runs, double measuredHbm, String tensorCoreBasis, String cudaCoreBasis) {
    /** The chip FlashInfer's decode was measured on. */
    public static final CalibrationKey MEASURED = CalibrationKey.H20;
    /** Query heads per KV head from which SGLang runs FlashInfer's tensor-core kernel for decode. */
    public static final int TENSOR_CORE_GROUP = 4;

    /** One measured run: KV bytes read and seconds. */
    public record Run(String what, double bytes, double sec) {
    }

    public GqaDecodeFit {
        tensorCores = Map.copyOf(tensorCores);
        cudaCores = Map.copyOf(cudaCores);
        runs = List.copyOf(runs);
    }

    /** The fraction of HBM bandwidth the kernel a group of {@code group} query heads per KV head runs reaches. */
    public Basis memory(CalibrationKey chip, int group) {
        boolean tc = group >= TENSOR_CORE_GROUP;
        Map<CalibrationKey, Double> by = tc ? tensorCores : cudaCores;
        String basis = tc ? tensorCoreBasis : cudaCoreBasis;
        Double f = by.get(chip);
        return f != null ? new Basis(f, false, basis) : new Basis(by.get(MEASURED), true, basis + ", H20's fraction");
    }

    /** {@code [fixed seconds, seconds per byte]}: the least-squares line through runs. */
    public static double[] line(List<Run> runs) {
        double mx = runs.stream().mapToDouble(Run::bytes).average().orElse(0);
        double my = runs.stream().mapToDouble(Run::sec).average().orElse(0);
        double sxy = 0;
        double sxx = 0;
        for (Run r : runs) {
            sxy += (r.bytes() - mx) * (r.sec() - my);
            sxx += (r.bytes() - mx) * (r.bytes() - mx);
        }
        double slope = sxy / sxx;
        return new double[] {my - slope * mx, slope};
    }
}
