package dev.ridgeline.engine.calibration;

/**
 * The published measurements prefill's kernels are calibrated on (DESIGN 4c): the attention core (FlashAttention
 * forward), the routed experts' grouped GEMM in DeepGEMM's contiguous layout (prefill's, from 4K rows per group; the
 * masked layout is decode's), and DeepEP's normal kernels for dispatch and combine.
 */
public record PrefillKernels(PrefillAttentionFit attention, GemmTable contiguousGemm, NormalEpFit normalEp) {
    public PrefillKernels {
        if (attention == null || contiguousGemm == null || normalEp == null) {
            throw new IllegalArgumentException("prefill calibration needs the attention fit, the contiguous GEMM table "
                    + "and the normal-kernel fit");
        }
    }
}
