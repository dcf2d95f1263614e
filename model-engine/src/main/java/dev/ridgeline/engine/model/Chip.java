package dev.ridgeline.engine.model;

import static dev.ridgeline.engine.model.Checks.nonNegative;
import static dev.ridgeline.engine.model.Checks.positive;
import static dev.ridgeline.engine.model.Checks.present;
import static dev.ridgeline.engine.model.Checks.text;

/**
 * An accelerator, in SI units. FLOP/s are dense tensor-core rates; on chips without FP8 (A100) the FP8 rate is
 * the INT8 rate, as seed 000 does.
 *
 * @param exp2PerSec                softmax exponentials per second (SFU rate x SMs x clock)
 * @param fp32AddPerSec             FP32 additions per second, used for the softmax reductions
 * @param threadAllReduceLatencySec seed 000's per-sequence, per-chunk cost of the cross-SM reduction in FlashMLA
 * @param fp8LowAccPrecision        FP8 accumulation needs DeepGEMM's promotion to CUDA cores (Hopper)
 * @param confidence                how sure the figures are, from the calibration table's confidence column
 * @param scaleUpDomain             cards joined by the scale-up fabric (NVLink, Infinity Fabric, ICI); 1 = none.
 *                                  EP within the domain exchanges tokens over it, larger EP over the NIC
 * @param scaleUpBandwidthBytesPerSec one direction of the scale-up link per card; 0 when there is none
 */
public record Chip(String name, String source, double memoryBytes, double hbmBandwidthBytesPerSec,
                   double fp8FlopsPerSec, double bf16FlopsPerSec, double exp2PerSec, double fp32AddPerSec,
                   double threadAllReduceLatencySec, Fa3Mode fa3Mode, boolean fp8LowAccPrecision, String confidence,
                   int scaleUpDomain, double scaleUpBandwidthBytesPerSec) {

    public Chip {
        String owner = "chip '" + name + "'";
        text(name, "name", "chip");
        text(source, "source", owner);
        positive(memoryBytes, "memoryBytes", owner);
        positive(hbmBandwidthBytesPerSec, "hbmBandwidthBytesPerSec", owner);
        positive(fp8FlopsPerSec, "fp8FlopsPerSec", owner);
        positive(bf16FlopsPerSec, "bf16FlopsPerSec", owner);
        positive(exp2PerSec, "exp2PerSec", owner);
        positive(fp32AddPerSec, "fp32AddPerSec", owner);
        nonNegative(threadAllReduceLatencySec, "threadAllReduceLatencySec", owner);
        present(fa3Mode, "fa3Mode", owner);
        confidence = confidence == null ? "" : confidence;
        positive(scaleUpDomain, "scaleUpDomain", owner);
        nonNegative(scaleUpBandwidthBytesPerSec, "scaleUpBandwidthBytesPerSec", owner);
        if (scaleUpDomain > 1 && scaleUpBandwidthBytesPerSec <= 0) {
            throw new IllegalArgumentException("scaleUpBandwidthBytesPerSec must be > 0 when scaleUpDomain is "
                    + scaleUpDomain + ", was " + scaleUpBandwidthBytesPerSec + " (" + owner + ")");
        }
    }

    /** True when EP of this degree stays inside the scale-up domain. */
    public boolean scaleUpCovers(int ep) {
        return ep <= scaleUpDomain && scaleUpBandwidthBytesPerSec > 0;
    }

    /** Tensor rate for GEMM inputs of the given element size: FP8 for 1-byte, BF16 otherwise. */
    public double tensorFlopsPerSec(Dtype dtype) {
        return dtype == Dtype.FP8 ? fp8FlopsPerSec : bf16FlopsPerSec;
    }

    public Chip withName(String newName) {
        return new Chip(newName, source, memoryBytes, hbmBandwidthBytesPerSec, fp8FlopsPerSec, bf16FlopsPerSec,
                exp2PerSec, fp32AddPerSec, threadAllReduceLatencySec, fa3Mode, fp8LowAccPrecision, confidence, scaleUpDomain, scaleUpBandwidthBytesPerSec);
    }

    public Chip withHbmBandwidth(double bytesPerSec) {
        return new Chip(name, source, memoryBytes, bytesPerSec, fp8FlopsPerSec, bf16FlopsPerSec,
                exp2PerSec, fp32AddPerSec, threadAllReduceLatencySec, fa3Mode, fp8LowAccPrecision, confidence, scaleUpDomain, scaleUpBandwidthBytesPerSec);
    }

    public Chip withMemory(double bytes) {
        return new Chip(name, source, bytes, hbmBandwidthBytesPerSec, fp8FlopsPerSec, bf16FlopsPerSec,
                exp2PerSec, fp32AddPerSec, threadAllReduceLatencySec, fa3Mode, fp8LowAccPrecision, confidence, scaleUpDomain, scaleUpBandwidthBytesPerSec);
    }

    /** Scales every compute rate (tensor and vector) by {@code factor}. */
    public Chip withComputeScaled(double factor) {
        return new Chip(name, source, memoryBytes, hbmBandwidthBytesPerSec, fp8FlopsPerSec * factor,
                bf16FlopsPerSec * factor, exp2PerSec * factor, fp32AddPerSec * factor, threadAllReduceLatencySec,
                fa3Mode, fp8LowAccPrecision, confidence, scaleUpDomain, scaleUpBandwidthBytesPerSec);
    }
}
