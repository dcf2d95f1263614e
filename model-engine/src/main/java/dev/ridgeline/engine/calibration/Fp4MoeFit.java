package dev.ridgeline.engine.calibration;

import java.util.List;
import java.util.Locale;

/**
 * How fast Blackwell's fused NVFP4 MoE runs its two grouped GEMMs (issue 18), from FlashInfer's DeepSeek MoE benchmark
 * on a B300 (calibration/moe-block.csv, FlashInfer PR 5301: DeepSeek-V3 shapes, 32 local experts of 256 as at EP8, CUDA
 * graph, cold L2), TensorRT-LLM's NVFP4 kernel with every local expert hit. Each run's GEMMs take what is left of its
 * time after the block's fixed part ({@link MoeBlockFit#fixedSec}) and the kernels around them that the engine times
 * elsewhere (the activations' FP4 quantization, which DeepEP's dispatch does, and the finalize's weighted sum, which its
 * combine does): per token {@value #ELEMENTWISE_BYTES_PER_TOKEN} bytes, streamed at the block's own measured bandwidth
 * ({@link MoeBlockFit#secondsPerByte}).
 * <p>Model: the GEMMs stream their bytes (weights, FP4 inputs, FP32 outputs, as the engine counts them) at a fraction
 * {@code bandwidth} of HBM and do their FLOPs at a fraction {@code compute} of the FP4 rate, one after the other:
 * {@code t = bytes / (bandwidth · HBM) + FLOPs / (compute · rate)}. Two constants of the kernel, so that they carry over
 * to another chip and shape and more rows never take less time; fitted by least squares on the runs at 4 to 16 rows an
 * expert (the weights' read) and at 256 to 512 (the FLOPs). The runs between, 32 to 128 rows, are held out: there the
 * kernel switches tactics (0.176 ms at 512 tokens, 0.294 ms at 1,024) and CuTe DSL's kernel in the same benchmark is
 * faster than the model where TensorRT-LLM's is slower.
 *
 * @param bandwidth              fraction of HBM the GEMMs' bytes stream at
 * @param compute                fraction of the FP4 rate the GEMMs' FLOPs run at
 * @param fitted                 the runs fitted
 * @param fixedSec               the block's fixed part, seconds
 * @param elementwiseSecPerToken the kernels around the GEMMs, seconds a token
 * @param refFp4FlopsPerSec      the measured chip's dense FP4 rate
 * @param refHbmBytesPerSec      the measured chip's HBM bandwidth
 * @param citation               the runs used, with their source
 */
public record Fp4MoeFit(double bandwidth, double compute, List<Run> fitted, double fixedSec,
                        double elementwiseSecPerToken, double refFp4FlopsPerSec, double refHbmBytesPerSec,
                        String citation) {
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

        /** The two GEMMs' FLOPs (up: hidden to twice the intermediate; down) over the local experts. */
        public double flops() {
            return 2.0 * rowsPerExpert() * localExperts * 3.0 * hidden * intermediate;
        }

        /** The two GEMMs' bytes as the engine counts them: weights, FP4 inputs, FP32 outputs. */
        public double bytes() {
            double m = rowsPerExpert();
            return localExperts * (3.0 * hidden * intermediate * bytesPerParam
                    + m * ((hidden + intermediate) * bytesPerParam + (2.0 * intermediate + hidden) * OUT_BYTES));
        }
    }

    /** The fit through {@code runs} on a chip of the given FP4 rate and bandwidth (least squares, no intercept). */
    public static Fp4MoeFit of(List<Run> runs, double fp4FlopsPerSec, double hbmBytesPerSec, MoeBlockFit block,
                               String citation) {
        double perToken = ELEMENTWISE_BYTES_PER_TOKEN * block.secondsPerByte();
        double smm = 0;
        double smc = 0;
        double scc = 0;
        double smy = 0;
        double scy = 0;
        for (Run r : runs) {
            double mem = r.bytes() / hbmBytesPerSec;
            double comp = r.flops() / fp4FlopsPerSec;
            double y = r.sec() - block.fixedSec() - perToken * r.tokens();
            smm += mem * mem;
            smc += mem * comp;
            scc += comp * comp;
            smy += mem * y;
            scy += comp * y;
        }
        double det = smm * scc - smc * smc;
        double perMem = (smy * scc - scy * smc) / det;
        double perComp = (scy * smm - smy * smc) / det;
        return new Fp4MoeFit(1 / perMem, 1 / perComp, runs, block.fixedSec(), perToken, fp4FlopsPerSec, hbmBytesPerSec,
                String.format(Locale.ROOT, "%s: bytes at %.0f %% of HBM, FLOPs at %.0f %% of the FP4 rate", citation,
                        100 / perMem, 100 / perComp));
    }

    /** This fit's kernel on the same chip, refitted without the {@code i}-th run (a leave-one-out check). */
    public Fp4MoeFit without(int i, MoeBlockFit block) {
        List<Run> rest = new java.util.ArrayList<>(fitted);
        rest.remove(i);
        return of(rest, refFp4FlopsPerSec, refHbmBytesPerSec, block, citation);
    }

    /** The GEMMs' seconds given their seconds at the roofline's memory and compute terms. */
    public double gemmSec(double memorySec, double computeSec) {
        return memorySec / bandwidth + computeSec / compute;
    }

    /** The block's time at {@code r} on the measured chip: fixed part, elementwise traffic and the GEMMs. */
    public double predictSec(Run r) {
        return fixedSec + elementwiseSecPerToken * r.tokens()
                + gemmSec(r.bytes() / refHbmBytesPerSec, r.flops() / refFp4FlopsPerSec);
    }
}
