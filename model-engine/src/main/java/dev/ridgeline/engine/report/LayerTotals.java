package dev.ridgeline.engine.report;

import dev.ridgeline.engine.roofline.Bound;
import dev.ridgeline.engine.roofline.OpResult;
import java.util.List;

/**
 * The engine's ops of one MoE layer (or of the work outside the layers) added up over their invocations: FLOPs, the
 * byte split of seed 003 section 5.6 (weights, activations, KV; Ridgeline's decode model has no separate temporary
 * buffers), network bytes, and op time per bound. Sums only; every figure is the engine's.
 */
public record LayerTotals(double flops, double weightBytes, double activationBytes, double kvBytes, double networkBytes,
                          double computeBoundSec, double memoryBoundSec, double networkBoundSec,
                          double latencyBoundSec, double hostSec) {

    public static LayerTotals of(List<OpResult> ops) {
        double f = 0;
        double w = 0;
        double a = 0;
        double kv = 0;
        double net = 0;
        double[] byBound = new double[Bound.values().length];
        for (OpResult op : ops) {
            int n = op.invocations();
            f += op.flops() * n;
            w += op.weightBytes() * n;
            a += op.activationBytes() * n;
            kv += op.kvBytes() * n;
            net += op.networkBytes() * n;
            byBound[op.bound().ordinal()] += op.timePerLayerSec();
        }
        return new LayerTotals(f, w, a, kv, net, byBound[Bound.COMPUTE.ordinal()], byBound[Bound.MEMORY.ordinal()],
                byBound[Bound.NETWORK.ordinal()], byBound[Bound.LATENCY.ordinal()], byBound[Bound.HOST.ordinal()]);
    }

    /** Bytes through HBM: weights + activations + KV. */
    public double hbmBytes() {
        return weightBytes + activationBytes + kvBytes;
    }

    /** {@code AI_hbm = F / bytes_hbm}, FLOP per byte; 0 without HBM traffic. */
    public double intensity() {
        return hbmBytes() > 0 ? flops / hbmBytes() : 0;
    }

    /** Op time summed over every op and invocation (what the ops cost one after another, before any overlap). */
    public double opSec() {
        return computeBoundSec + memoryBoundSec + networkBoundSec + latencyBoundSec + hostSec;
    }

    /** Share of HBM bytes that are weights, activations and KV (seed 003's byte-dominance test). */
    public double share(double bytes) {
        return hbmBytes() > 0 ? bytes / hbmBytes() : 0;
    }

    /** Share of op time whose ops have this bound. */
    public double timeShare(Bound b) {
        double t = opSec();
        if (t <= 0) {
            return 0;
        }
        switch (b) {
            case COMPUTE:
                return computeBoundSec / t;
            case NETWORK:
                return networkBoundSec / t;
            case LATENCY:
                return latencyBoundSec / t;
            case HOST:
                return hostSec / t;
            default:
                return memoryBoundSec / t;
        }
    }
}
