package dev.ridgeline.engine.calibration;

/**
 * The published measurements calibrated fidelity stands on, handed to the engine by whoever loaded them (the
 * engine never reads files). The assumptions calibrated fidelity adds where nothing is measured live in the
 * scenario ({@code Assumptions}) or are named here.
 *
 * @param cx7BytesPerSec     effective bandwidth of the NIC DeepEP measured on (CX7), as its preset states it; another
 *                           NIC scales DeepEP's bandwidth by its own over this
 * @param expertPopularity   how unevenly tokens spread over experts, fitted to TensorRT-LLM's EPLB measurement: the
 *                           hottest card of an EP group sets the step
 * @param prefill            prefill's kernels (attention forward, contiguous grouped GEMM, DeepEP's normal kernels)
 * @param gqaDecode          GQA decode attention (FlashInfer's decode kernels on H20)
 * @param moeBlock           the fixed cost of decode's routed-expert block (FlashInfer's MoE benchmark on B300)
 * @param gemmFloor          the time floor of a small library GEMM (cuBLAS, CUTLASS, TensorRT-LLM on B200)
 * @param fp4Moe             how fast FP4 routed experts' grouped GEMMs run (TensorRT-LLM's fused NVFP4 MoE in the
 *                           routed block's benchmark)
 */
public record Calibration(GemmTable denseGemm, GemmTable groupedGemm, FlashMlaFit flashMla, DeepEpFit deepEp,
                          double cx7BytesPerSec, ExpertPopularity expertPopularity, PrefillKernels prefill,
                          GqaDecodeFit gqaDecode, MoeBlockFit moeBlock, GemmFloorFit gemmFloor, Fp4MoeFit fp4Moe) {
    /**
     * EP inside the scale-up domain: DeepEP's normal intranode kernels reach 153 GB/s over H800's NVLink, whose
     * per-direction bandwidth is 200 GB/s (400 GB/s bidirectional, calibration/chips.csv row 'H800 SXM5').
     */
    public static final double SCALE_UP_FRACTION = 153.0 / 200.0;
    public static final String SCALE_UP_CITATION = "DeepEP normal intranode dispatch 153 GB/s on H800 NVLink "
            + "(https://github.com/deepseek-ai/DeepEP/blob/ebfe47e46fa86a5b41be96c326a92f62ed6721da/README.md)";

    /**
     * FP8 FlashMLA over BF16 FlashMLA in decode: "Compared to BF16 FlashMLA, this yields ~70% speedup" (Ant Group's
     * end-to-end FP8 MLA on Hopper, FlashMLA PR 82, in their H20 deployment). Calibrated fidelity computes an FP8 MLA
     * core at its BF16 rate and measured fraction times this, never beyond the chip's FP8 rate; before, it assumed the
     * FP8 rate at BF16's fraction (a 2x speedup on Hopper), which no FP8 measurement supported.
     */
    public static final double FP8_MLA_SPEEDUP = 1.7;
    public static final String FP8_MLA_CITATION = "an FP8 cache computes at 1.7x the BF16 kernel (Ant Group's FP8 "
            + "FlashMLA, '~70% speedup' over BF16, https://lmsys.org/blog/2025-09-26-sglang-ant-group/)";

    /** The same measurements with another expert popularity (a published run's "balanced routing"). */
    public Calibration withExpertPopularity(ExpertPopularity p) {
        return new Calibration(denseGemm, groupedGemm, flashMla, deepEp, cx7BytesPerSec, p, prefill, gqaDecode, moeBlock,
                gemmFloor, fp4Moe);
    }

    /**
     * Expert slots each of the {@code ep} EP groups holds in calibrated fidelity. With EPLB, the routed experts and
     * {@code redundant} copies spread evenly, {@code ceil((routed + redundant) / ep)}, and the balancer fills every
     * slot (so at least {@code redundant} copies run: DeepSeek's decode at EP320 holds one expert per card, 64 of them
     * copies, seed 004); without it each expert once, {@code ceil(routed / ep)}.
     */
    public static int expertSlotsPerCard(int routedExperts, int ep, int redundant, boolean eplb) {
        int total = routedExperts + (eplb ? redundant : 0);
        return (total + ep - 1) / ep;
    }
}
