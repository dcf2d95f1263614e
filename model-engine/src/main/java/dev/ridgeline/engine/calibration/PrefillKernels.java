package dev.ridgeline.engine.calibration;

import java.util.List;

/**
 * The published measurements prefill's kernels are calibrated on (DESIGN 4c): the attention core (FlashAttention
 * forward), the routed experts' grouped GEMM in DeepGEMM's contiguous layout (prefill's, from 4K rows per group; the
 * masked layout is decode's), and DeepEP's normal kernels for dispatch and combine.
 *
 * @param attentionHeldOut the attention table's rows the fit was not built on, each predicted by the fit (the H100
 *                         unmasked rows between the two it passes through, and the other head width's causal row): a
 *                         two-parameter curve has no row to leave out of itself, so these are its held-out residuals
 *                         ({@code io.PrefillTables#attentionHeldOut})
 */
public record PrefillKernels(PrefillAttentionFit attention, GemmTable contiguousGemm, NormalEpFit normalEp,
                             List<HeldOut.Row> attentionHeldOut) {
    public PrefillKernels {
        if (attention == null || contiguousGemm == null || normalEp == null || attentionHeldOut == null) {
            throw new IllegalArgumentException("prefill calibration needs the attention fit, the contiguous GEMM table, "
                    + "the normal-kernel fit and the attention fit's held-out rows");
        }
        attentionHeldOut = List.copyOf(attentionHeldOut);
    }
}
