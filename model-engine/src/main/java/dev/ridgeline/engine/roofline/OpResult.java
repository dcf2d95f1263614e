package dev.ridgeline.engine.roofline;

import dev.ridgeline.engine.ops.Stage;

/**
 * One operator's cost on a chip, per invocation, in SI units.
 *
 * @param invocations  how often it runs per layer (2 under dual micro-batch, once per micro-batch)
 * @param computeSec   FLOPs over the usable rate (for FlashMLA: the FA3 combination of GEMMs and softmax)
 * @param memorySec    HBM bytes over HBM bandwidth
 * @param networkSec   network bytes over NIC bandwidth, plus the NIC latency
 * @param overheadSec  fixed time added after the roofline (FlashMLA's cross-SM reductions in seed fidelity)
 * @param timeSec      {@code max(computeSec, memorySec, networkSec) + overheadSec}
 * @param efficiency   fraction of the peak tensor rate used (1 when not discounted); in calibrated fidelity the
 *                     fraction of the roofline the measurements say the kernel reaches
 * @param extrapolated the figure is used beyond what was measured (calibrated fidelity only)
 * @param basis        where the figure comes from: "seed 000", or the calibration rows with their source
 */
public record OpResult(String name, Stage stage, double flops, double weightBytes, double activationBytes,
                       double kvBytes, double networkBytes, double computeSec, double memorySec, double networkSec,
                       double overheadSec, double timeSec, Bound bound, double efficiency, int invocations,
                       boolean extrapolated, String basis) {

    /** Bytes through HBM (weights, activations, KV). */
    public double hbmBytes() {
        return weightBytes + activationBytes + kvBytes;
    }

    /** All bytes the op moves, HBM or network. */
    public double totalBytes() {
        return hbmBytes() + networkBytes;
    }

    /** FLOPs per byte moved; 0 for pure communication. */
    public double intensity() {
        double bytes = totalBytes();
        return bytes > 0 ? flops / bytes : 0;
    }

    /** Achieved FLOP/s at this op's time. */
    public double achievedFlopsPerSec() {
        return timeSec > 0 ? flops / timeSec : 0;
    }

    /** Time spent in this op per layer, all invocations. */
    public double timePerLayerSec() {
        return timeSec * invocations;
    }
}
