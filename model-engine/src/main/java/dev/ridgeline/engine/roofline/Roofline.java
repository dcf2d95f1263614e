package dev.ridgeline.engine.roofline;

import dev.ridgeline.engine.model.Chip;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.ops.Op;
import dev.ridgeline.engine.ops.Op.AllToAll;
import dev.ridgeline.engine.ops.Op.Gemm;
import dev.ridgeline.engine.ops.Op.Attention;

/** Operator cost on a chip: {@code t = max(bytes / hbm, flops / usableFlops)}; network ops {@code bytes / nic}. */
public final class Roofline {
    static final String SEED = "seed 000";

    private Roofline() {
    }

    public static OpResult cost(Op op, Scenario s, int invocations) {
        if (op instanceof Gemm) {
            return gemm((Gemm) op, s, invocations);
        }
        if (op instanceof Attention) {
            return attention((Attention) op, s, invocations);
        }
        if (op instanceof Op.Elementwise) {
            return elementwise((Op.Elementwise) op, s, invocations);
        }
        return allToAll((AllToAll) op, s, invocations);
    }

    /** Memory-bound vector work (norms): bytes over HBM bandwidth. */
    static OpResult elementwise(Op.Elementwise e, Scenario s, int invocations) {
        double memory = e.bytes() / s.chip().hbmBandwidthBytesPerSec();
        double compute = e.flops() / s.chip().fp32AddPerSec();
        return new OpResult(e.name(), e.stage(), e.flops(), 0, e.bytes(), 0, 0, compute, memory, 0, 0,
                Math.max(compute, memory), compute >= memory ? Bound.COMPUTE : Bound.MEMORY, 1.0, invocations, false, SEED);
    }

    static OpResult gemm(Gemm g, Scenario s, int invocations) {
        Chip chip = s.chip();
        double mk = g.m() * g.k();
        double flops = 2.0 * mk * g.n() * g.count();
        double weights = (double) g.k() * g.n() * g.weightBytes() * g.count();
        double activations = (mk * g.inBytes() + g.m() * g.n() * g.outBytes()) * g.count();
        double eff = Efficiency.of(g, s);
        double compute = flops / (chip.tensorFlopsPerSec(g.dtype()) * eff);
        double memory = (weights + activations) / chip.hbmBandwidthBytesPerSec();
        Bound bound = compute >= memory ? Bound.COMPUTE : Bound.MEMORY;
        return new OpResult(g.name(), g.stage(), flops, weights, activations, 0, 0, compute, memory, 0, 0,
                Math.max(compute, memory), bound, eff, invocations, false, SEED);
    }

    /**
     * An attention core (seed 000's FlashMLA model): QK^T over {@code qkWidth} (MLA 576, GQA headDim) and PV over
     * {@code pvWidth} (MLA 512, GQA headDim) for every query row and computed key; softmax costs one exp2 and two FP32
     * additions per score. The FA3 mode combines them; the KV read is {@code sequences·L·kvElementsPerToken·kvBytes}
     * (MLA 576 elements, GQA 2·kvHeads·headDim); {@code t = max(kvBytes / hbm, compute) + threadAllReduceLatency ·
     * sequences · chunks}.
     */
    static OpResult attention(Attention a, Scenario s, int invocations) {
        Chip chip = s.chip();
        double scores = MlaCompute.scores(a);
        double qkFlops = 2.0 * scores * a.qkWidth();
        double pvFlops = 2.0 * scores * a.pvWidth();
        double compute = MlaCompute.seconds(chip, s.fa3Mode(), a);
        double kv = MlaCompute.kvBytes(a);
        double memory = kv / chip.hbmBandwidthBytesPerSec();
        double overhead = chip.threadAllReduceLatencySec() * a.sequences() * a.chunks();
        Bound bound = compute >= memory ? Bound.COMPUTE : Bound.MEMORY;
        return new OpResult(a.name(), a.stage(), qkFlops + pvFlops, 0, 0, kv, 0, compute, memory, 0, overhead,
                Math.max(compute, memory) + overhead, bound, 1.0, invocations, false, SEED);
    }

    /**
     * Dispatch or combine: bytes over the EP link. EP inside the chip's scale-up domain uses the scale-up link;
     * larger EP sends every byte over the NIC (seed 000 models no NVLink; its EP144/320 exceed any domain).
     */
    static OpResult allToAll(AllToAll n, Scenario s, int invocations) {
        double t = n.bytes() / linkBytesPerSec(s) + (s.chip().scaleUpCovers(s.ep()) ? 0 : s.nic().latencySec());
        return new OpResult(n.name(), n.stage(), 0, 0, 0, 0, n.bytes(), 0, 0, t, 0, t, Bound.NETWORK, 1.0, invocations,
                false, s.chip().scaleUpCovers(s.ep()) ? "seed 000 roofline over the scale-up link" : SEED);
    }

    /** Bandwidth of the link EP traffic takes: the scale-up fabric when EP fits in its domain, else the NIC. */
    public static double linkBytesPerSec(Scenario s) {
        return s.chip().scaleUpCovers(s.ep()) ? s.chip().scaleUpBandwidthBytesPerSec() : s.nic().bandwidthBytesPerSec();
    }
}
