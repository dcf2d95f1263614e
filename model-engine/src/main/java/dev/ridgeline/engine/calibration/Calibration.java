package dev.ridgeline.engine.calibration;

/**
 * The published measurements calibrated fidelity stands on, handed to the engine by whoever loaded them (the
 * engine never reads files). The assumptions calibrated fidelity adds where nothing is measured live in the
 * scenario ({@code Assumptions}) or are named here.
 *
 * @param cx7BytesPerSec effective bandwidth of the NIC DeepEP measured on (CX7), as its preset states it; another
 *                       NIC scales DeepEP's bandwidth by its own over this
 */
public record Calibration(GemmTable denseGemm, GemmTable groupedGemm, FlashMlaFit flashMla, DeepEpFit deepEp,
                          double cx7BytesPerSec) {
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
