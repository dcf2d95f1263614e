package dev.ridgeline.engine.roofline;

import dev.ridgeline.engine.model.Chip;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.ops.Op;
import dev.ridgeline.engine.ops.Op.AllToAll;
import dev.ridgeline.engine.ops.Op.Gemm;
import dev.ridgeline.engine.ops.Op.MlaAttention;

/** Operator cost on a chip: {@code t = max(bytes / hbm, flops / usableFlops)}; network ops {@code bytes / nic}. */
public final class Roofline {
    private Roofline() {
    }

    public static OpResult cost(Op op, Scenario s, int invocations) {
        if (op instanceof Gemm) {
            return gemm((Gemm) op, s, invocations);
        }
        if (op instanceof MlaAttention) {
            return mla((MlaAttention) op, s, invocations);
        }
        return allToAll((AllToAll) op, s, invocations);
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
                Math.max(compute, memory), bound, eff, invocations);
    }

    /**
     * FlashMLA (seed 000): QK^T over {@code kvWidth} (576) and PV over {@code valueWidth} (512) for every query row
     * and computed key; softmax costs one exp2 and two FP32 additions per score. The FA3 mode combines them;
     * {@code t = max(kvBytes / hbm, compute) + threadAllReduceLatency · sequences · chunks}.
     */
    static OpResult mla(MlaAttention a, Scenario s, int invocations) {
        Chip chip = s.chip();
        double scores = a.sequences() * a.queriesPerSequence() * (double) a.computedKeys();
        double qkFlops = 2.0 * scores * a.kvWidth();
        double pvFlops = 2.0 * scores * a.valueWidth();
        double rate = chip.tensorFlopsPerSec(a.gemmDtype());
        double vector = scores / chip.exp2PerSec() + 2.0 * scores / chip.fp32AddPerSec();
        double compute = s.fa3Mode().combine(qkFlops / rate, pvFlops / rate, vector);
        double kv = a.sequences() * a.contextTokens() * (double) a.kvWidth() * a.kvDtype().bytes();
        double memory = kv / chip.hbmBandwidthBytesPerSec();
        double overhead = chip.threadAllReduceLatencySec() * a.sequences() * a.chunks();
        Bound bound = compute >= memory ? Bound.COMPUTE : Bound.MEMORY;
        return new OpResult(a.name(), a.stage(), qkFlops + pvFlops, 0, 0, kv, 0, compute, memory, 0, overhead,
                Math.max(compute, memory) + overhead, bound, 1.0, invocations);
    }

    static OpResult allToAll(AllToAll n, Scenario s, int invocations) {
        double t = n.bytes() / s.nic().bandwidthBytesPerSec() + s.nic().latencySec();
        return new OpResult(n.name(), n.stage(), 0, 0, 0, 0, n.bytes(), 0, 0, t, 0, t, Bound.NETWORK, 1.0, invocations);
    }
}
