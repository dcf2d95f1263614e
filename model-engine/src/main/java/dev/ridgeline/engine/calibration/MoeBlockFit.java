package dev.ridgeline.engine.calibration;

import java.util.List;

/**
 * The fixed cost of a decode step's routed-expert block (issue 18): top-k routing, activation quantization, the two
 * grouped GEMMs (SwiGLU fused into the first) and the finalize that weights and sums each token's expert outputs, timed
 * together by FlashInfer's DeepSeek MoE benchmark on a B300 (calibration/moe-block.csv, FlashInfer PR 4985: DeepSeek-V3
 * shapes, 32 local experts of 256 as at EP8, CUDA graph, cold L2). Its time is a line in the weight bytes of the
 * experts the tokens hit, {@code time = fixed + bytes · s}: at one token 28.8 of the measured 34 µs is the fixed part,
 * which no roofline fraction of the weight read can give (the line of {@link GqaDecodeFit#line}).
 * <p>The line is fitted to TensorRT-LLM's NVFP4 kernel (the backend TensorRT-LLM and SGLang run on Blackwell at small
 * batch); the same benchmark's BF16 kernel, four times the bytes an expert, gives the same fixed part (29.0 µs), which
 * is what makes it a fixed cost and not a bandwidth effect ({@link HeldOut#moeBlock}). Calibrated fidelity adds it to
 * every decode MoE block less the two GEMM launches it already counts; the kernels' own roofline fractions stay
 * DeepGEMM's.
 *
 * @param fixedSec        the line's intercept, seconds
 * @param secondsPerByte  the line's slope over the NVFP4 weight bytes (1 / 5.8 TB/s, 0.73 of B300's 8 TB/s)
 * @param fitted          the runs the line goes through (bytes = active experts · bytes an expert)
 * @param bf16            the same benchmark's BF16 runs, not fitted
 * @param saturated       NVFP4 runs of a later repeat (FlashInfer PR 5301) at 128 to 512 tokens, where every local
 *                        expert is hit (at 128 tokens a uniform router misses a given one of the 32 with probability
 *                        (31/32)^128 = 1.7 %), not fitted
 * @param citation        the rows used, with their source
 */
public record MoeBlockFit(double fixedSec, double secondsPerByte, List<GqaDecodeFit.Run> fitted,
                          List<GqaDecodeFit.Run> bf16, List<GqaDecodeFit.Run> saturated, String citation) {
    public MoeBlockFit {
        fitted = List.copyOf(fitted);
        bf16 = List.copyOf(bf16);
        saturated = List.copyOf(saturated);
    }

    /** The line through {@code fitted}, with the runs held out of it. */
    public static MoeBlockFit of(List<GqaDecodeFit.Run> fitted, List<GqaDecodeFit.Run> bf16,
                                 List<GqaDecodeFit.Run> saturated, String citation) {
        double[] line = GqaDecodeFit.line(fitted);
        return new MoeBlockFit(line[0], line[1], fitted, bf16, saturated, citation);
    }

    /**
     * The slope of a line through {@code runs} held at this fit's fixed part (least squares with the intercept given):
     * {@code Σ x·(y − fixed) / Σ x²}.
     */
    public double slopeThroughFixed(List<GqaDecodeFit.Run> runs) {
        double sxy = 0;
        double sxx = 0;
        for (GqaDecodeFit.Run r : runs) {
            sxy += r.bytes() * (r.sec() - fixedSec);
            sxx += r.bytes() * r.bytes();
        }
        return sxy / sxx;
    }
}
