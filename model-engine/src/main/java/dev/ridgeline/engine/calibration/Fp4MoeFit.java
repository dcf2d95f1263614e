package dev.ridgeline.engine.calibration;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The fraction of the roofline Blackwell's fused NVFP4 MoE reaches at large M (issue 18): FlashInfer's DeepSeek MoE
 * benchmark on a B300 (calibration/moe-block.csv, FlashInfer PR 5301: DeepSeek-V3 shapes, 32 local experts of 256 as
 * at EP8, CUDA graph, cold L2), TensorRT-LLM's NVFP4 kernel at 1,024 to 16,384 tokens, that is 32 to 512 rows an
 * expert, every local expert hit. Each run's two grouped GEMMs take what is left of its time after the block's fixed
 * part ({@link MoeBlockFit#fixedSec}) and the kernels around them that the engine times elsewhere (the activations'
 * FP4 quantization, which DeepEP's dispatch does, and the finalize's weighted sum, which its combine does): per token
 * {@value #ELEMENTWISE_BYTES_PER_TOKEN} bytes (BF16 hidden state read and FP4 written, the expert output read and the
 * BF16 sum written, 256 FP32 router logits read), streamed at the block's own measured bandwidth
 * ({@link MoeBlockFit#secondsPerByte}). The fraction at a run is the two GEMMs' roofline on the B300, as the engine
 * counts it, over that time; in ln M between runs it is interpolated and beyond them held ({@link GemmCurve}).
 *
 * @param curve                  the fraction of the roofline by rows an expert
 * @param fitted                 the runs the curve goes through
 * @param fixedSec               the block's fixed part, seconds
 * @param elementwiseSecPerToken the kernels around the GEMMs, seconds a token
 * @param refFp4FlopsPerSec      the measured chip's dense FP4 rate
 * @param refHbmBytesPerSec      the measured chip's HBM bandwidth
 * @param citation               the runs used, with their source
 */
public record Fp4MoeFit(GemmCurve curve, List<Run> fitted, double fixedSec, double elementwiseSecPerToken,
                        double refFp4FlopsPerSec, double refHbmBytesPerSec, String citation) {
    /**
     * Bytes a token moves through the block's kernels other than its GEMMs: 7168 x (2 + 0.5625) for the activation
     * quantization, 7168 x (2 + 2) for the finalize (one local expert's output a token on average at EP8, top-8 of
     * 256: 8 x 32 / 256 = 1), 256 x 4 for the router logits: 7168 x 6.5625 + 1024 = 48,064.
     */
    public static final double ELEMENTWISE_BYTES_PER_TOKEN = 7168 * (2 + 0.5625 + 2 + 2) + 256 * 4;
    /** FP32 outputs, as the engine counts a routed GEMM's output (MoeLayerGraph.EXPERT_OUT_BYTES). */
    static final double OUT_BYTES = 4;

    public Fp4MoeFit {
        fitted = List.copyOf(fitted);
    }

    /**
     * One timed block: {@code tokens} routed top-{@code topK} over {@code experts}, of which {@code localExperts} are
     * on the card; weights of {@code bytesPerParam}; {@code sec} measured.
     */
    public record Run(String what, int tokens, int hidden, int intermediate, int experts, int localExperts, int topK,
                      double bytesPerParam, double sec) {
        /** Rows an expert: the tokens' expert choices spread over all experts. */
        public double rowsPerExpert() {
            return (double) tokens * topK / experts;
        }

        /**
         * The two GEMMs' roofline on a chip of {@code fp4FlopsPerSec} and {@code hbmBytesPerSec}: up (hidden to twice
         * the intermediate) and down, each {@code max(FLOPs / rate, bytes / HBM)} with the bytes the engine counts
         * (weights, FP4 inputs, FP32 outputs) over the local experts.
         */
        public double rooflineSec(double fp4FlopsPerSec, double hbmBytesPerSec) {
            return gemmRoof(hidden, 2 * intermediate, fp4FlopsPerSec, hbmBytesPerSec)
                    + gemmRoof(intermediate, hidden, fp4FlopsPerSec, hbmBytesPerSec);
        }

        private double gemmRoof(int k, int n, double rate, double hbm) {
            double m = rowsPerExpert();
            double compute = 2.0 * m * k * n * localExperts / rate;
            double memory = localExperts * ((double) k * n * bytesPerParam + m * (k * bytesPerParam + n * OUT_BYTES)) / hbm;
            return Math.max(compute, memory);
        }
    }

    /** The curve through {@code runs} (ascending tokens) on a chip of the given FP4 rate and bandwidth. */
    public static Fp4MoeFit of(List<Run> runs, double fp4FlopsPerSec, double hbmBytesPerSec, MoeBlockFit block,
                               String citation) {
        double perToken = ELEMENTWISE_BYTES_PER_TOKEN * block.secondsPerByte();
        double[] m = new double[runs.size()];
        double[] lnM = new double[runs.size()];
        double[] fractions = new double[runs.size()];
        for (int i = 0; i < m.length; i++) {
            Run r = runs.get(i);
            m[i] = r.rowsPerExpert();
            lnM[i] = Math.log(m[i]);
            fractions[i] = r.rooflineSec(fp4FlopsPerSec, hbmBytesPerSec) / gemmSec(r, block.fixedSec(), perToken);
        }
        String cite = String.format(Locale.ROOT, "%s, %.0f..%.0f rows an expert", citation, m[0], m[m.length - 1]);
        return new Fp4MoeFit(new GemmCurve(m, lnM, fractions, true, cite), runs, block.fixedSec(), perToken,
                fp4FlopsPerSec, hbmBytesPerSec, cite);
    }

    private static double gemmSec(Run r, double fixedSec, double perToken) {
        return r.sec() - fixedSec - perToken * r.tokens();
    }

    /** The block's time at {@code r} from {@code c}: fixed part, elementwise traffic and the GEMMs at the fraction. */
    public double predictSec(GemmCurve c, Run r) {
        double m = r.rowsPerExpert();
        return fixedSec + elementwiseSecPerToken * r.tokens()
                + r.rooflineSec(refFp4FlopsPerSec, refHbmBytesPerSec) / c.fraction(m, Math.log(m));
    }

    /** The curve through every fitted run but the {@code i}-th (a leave-one-out check). */
    public GemmCurve without(int i) {
        List<Integer> keep = new ArrayList<>();
        for (int j = 0; j < fitted.size(); j++) {
            if (j != i) {
                keep.add(j);
            }
        }
        double[] m = new double[keep.size()];
        double[] lnM = new double[keep.size()];
        double[] f = new double[keep.size()];
        for (int j = 0; j < m.length; j++) {
            m[j] = curve.m()[keep.get(j)];
            lnM[j] = curve.lnM()[keep.get(j)];
            f[j] = curve.fractions()[keep.get(j)];
        }
        return new GemmCurve(m, lnM, f, true, citation);
    }

    /** The smallest measured rows an expert: below it the engine keeps its small-M reading. */
    public double smallestM() {
        return curve.m()[0];
    }
}
