package dev.ridgeline.engine.model;

import static dev.ridgeline.engine.model.Checks.inRange;

/**
 * What calibrated fidelity assumes where nothing is measured. Seed fidelity uses none of these (seed 000 has no
 * reserve, no gaps and no host time). Each default is a named assumption with its reason:
 *
 * @param memoryReserveBytes   HBM kept for the CUDA context, NCCL/DeepEP buffers, activations and workspace;
 *                             default 4 GiB per card ({@link #DEFAULT_RESERVE_BYTES})
 * @param kernelGapSec         launch and synchronisation gap after each kernel; default 2 µs: decode runs as CUDA
 *                             graphs, whose kernel-to-kernel gaps are a few microseconds
 * @param hostOverheadFraction host work per step that the GPU waits for (scheduling, sampling bookkeeping, output
 *                             handling), as a fraction of the GPU's step time; default 0.10: SGLang v0.4 measured a
 *                             1.1x throughput gain from overlapping this work with the GPU ("zero-overhead batch
 *                             scheduler", https://lmsys.org/blog/2024-12-04-sglang-v0-4/), so an engine that does not
 *                             overlap it spends about 10 % on top of the GPU time. DeepSeek's engine is "an early fork
 *                             of vLLM from over a year ago" (open-infra-index, OpenSourcing_DeepSeek_Inference_Engine,
 *                             2025-04), older than that scheduler
 */
public record Assumptions(double memoryReserveBytes, double kernelGapSec, double hostOverheadFraction) {
    public static final double DEFAULT_RESERVE_BYTES = 4.0 * (1L << 30);
    public static final double DEFAULT_KERNEL_GAP_SEC = 2e-6;
    public static final double DEFAULT_HOST_OVERHEAD = 0.10;
    /** The largest reserve, gap and host share a scenario takes (the window, sensitivity and the flags use these). */
    public static final double MAX_RESERVE_BYTES = 1e13;
    public static final double MAX_KERNEL_GAP_SEC = 1e-3;
    public static final double MAX_HOST_OVERHEAD = 10.0;
    /** The defaults above. */
    public static final Assumptions DEFAULTS = new Assumptions(DEFAULT_RESERVE_BYTES, DEFAULT_KERNEL_GAP_SEC,
            DEFAULT_HOST_OVERHEAD);

    public Assumptions {
        String owner = "scenario";
        inRange(memoryReserveBytes, 0.0, MAX_RESERVE_BYTES, "memoryReserveBytes", owner);
        inRange(kernelGapSec, 0.0, MAX_KERNEL_GAP_SEC, "kernelGapSec", owner);
        inRange(hostOverheadFraction, 0.0, MAX_HOST_OVERHEAD, "hostOverheadFraction", owner);
    }

    public Assumptions withMemoryReserve(double bytes) {
        return new Assumptions(bytes, kernelGapSec, hostOverheadFraction);
    }

    public Assumptions withKernelGap(double sec) {
        return new Assumptions(memoryReserveBytes, sec, hostOverheadFraction);
    }

    public Assumptions withHostOverhead(double fraction) {
        return new Assumptions(memoryReserveBytes, kernelGapSec, fraction);
    }
}
