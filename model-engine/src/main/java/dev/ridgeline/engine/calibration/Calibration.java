package dev.ridgeline.engine.calibration;

/**
 * The published measurements calibrated fidelity stands on, and the assumptions it adds where nothing is
 * measured (each named as such).
 */
public record Calibration(GemmTable denseGemm, GemmTable groupedGemm, FlashMlaFit flashMla, DeepEpFit deepEp) {
    /**
     * Assumption, not a measurement: launch and synchronisation gap per kernel, 2 µs. Decode runs as CUDA graphs,
     * whose kernel-to-kernel gaps are a few microseconds.
     */
    public static final double KERNEL_GAP_SEC = 2e-6;
    /**
     * Assumption, not a measurement: HBM kept for the CUDA context, NCCL/DeepEP buffers, activations and
     * workspace, 4 GiB per card.
     */
    public static final double MEMORY_RESERVE_BYTES = 4.0 * (1L << 30);
    /**
     * Redundant routed experts below EP = routedExperts: 32, as DeepSeek-V3's report deploys in prefill (arXiv
     * 2412.19437, section 3.4.1); at EP >= routed experts every card holds one expert (decode EP320: "each GPU holds
     * one expert", seed 004), so the extra cards host redundant copies.
     */
    public static final int REDUNDANT_EXPERTS_BELOW_FULL_EP = 32;

    /**
     * EP inside the scale-up domain: DeepEP's normal intranode kernels reach 153 GB/s over H800's NVLink, whose
     * per-direction bandwidth is 200 GB/s (400 GB/s bidirectional, calibration/chips.csv row 'H800 SXM5').
     */
    public static final double SCALE_UP_FRACTION = 153.0 / 200.0;
    public static final String SCALE_UP_CITATION = "DeepEP normal intranode dispatch 153 GB/s on H800 NVLink "
            + "(https://github.com/deepseek-ai/DeepEP/blob/ebfe47e46fa86a5b41be96c326a92f62ed6721da/README.md)";

    /** Routed experts a card holds in calibrated fidelity, redundant copies included. */
    public static int expertsPerCard(int routedExperts, int ep) {
        int total = ep >= routedExperts ? ep : routedExperts + REDUNDANT_EXPERTS_BELOW_FULL_EP;
        return (total + ep - 1) / ep;
    }
}
