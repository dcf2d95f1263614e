package dev.ridgeline.engine.roofline;

import dev.ridgeline.engine.ops.OpKind;
import dev.ridgeline.engine.ops.OpKind.Scope;
import dev.ridgeline.engine.ops.Stage;
import java.util.function.Supplier;

/**
 * One operator's cost on a chip, per invocation, in SI units: which op, what it does, how long it takes, and where
 * that figure comes from.
 *
 * @param invocations how often it runs per layer (2 under dual micro-batch, once per micro-batch), or per step
 */
public record OpResult(OpKind kind, Scope scope, int invocations, Work work, Timing timing, Source source) {

    /**
     * What the op computes and moves.
     *
     * @param weightBytes     weights read from HBM
     * @param activationBytes activations read and written
     * @param kvBytes         KV cache read
     * @param networkBytes    bytes sent over the EP link
     */
    public record Work(double flops, double weightBytes, double activationBytes, double kvBytes, double networkBytes) {
    }

    /**
     * How long it takes.
     *
     * @param computeSec  FLOPs over the usable rate (for attention: the FA3 combination of GEMMs and softmax)
     * @param memorySec   HBM bytes over HBM bandwidth
     * @param networkSec  network bytes over the link
     * @param overheadSec fixed time added after the roofline (reductions, kernel gaps, fixed network latency)
     * @param timeSec     {@code max(computeSec, memorySec, networkSec) + overheadSec}
     */
    public record Timing(double computeSec, double memorySec, double networkSec, double overheadSec, double timeSec,
                         Bound bound) {
    }

    /**
     * Where the figure comes from.
     *
     * @param efficiency   fraction of the peak tensor rate used (1 when not discounted); in calibrated fidelity the
     *                     fraction of the roofline the measurements say the kernel reaches
     * @param extrapolated the figure is used beyond what was measured (calibrated fidelity only)
     * @param text         "seed 000", or the calibration rows with their source, or the assumption: written when
     *                     first read ({@link #basis()})
     */
    public record Source(double efficiency, boolean extrapolated, Basis text) {
        public String basis() {
            return text.get();
        }
    }

    /**
     * An op's basis, written when first read: the summary's many detailed evaluations (a frontier's bands, each
     * window edit) never read most of them, and formatting every one took most of a detailed evaluation's time.
     * Equal by its text, so evaluations compare as before.
     */
    public static final class Basis implements Supplier<String> {
        private Supplier<String> make;
        private volatile String text;

        public Basis(Supplier<String> make) {
            this.make = make;
        }

        @Override
        public String get() {
            String t = text;
            if (t == null) {
                synchronized (this) {
                    if (text == null) {
                        text = make.get();
                        make = null;
                    }
                    t = text;
                }
            }
            return t;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Basis b && get().equals(b.get());
        }

        @Override
        public int hashCode() {
            return get().hashCode();
        }

        @Override
        public String toString() {
            return get();
        }
    }

    /** All the figures of one op, flat. */
    public static OpResult of(OpKind kind, Scope scope, int invocations, double flops, double weightBytes,
                              double activationBytes, double kvBytes, double networkBytes, double computeSec,
                              double memorySec, double networkSec, double overheadSec, double timeSec, Bound bound,
                              double efficiency, boolean extrapolated, String basis) {
        return of(kind, scope, invocations, flops, weightBytes, activationBytes, kvBytes, networkBytes, computeSec,
                memorySec, networkSec, overheadSec, timeSec, bound, efficiency, extrapolated, () -> basis);
    }

    /** The same, its basis written when first read. */
    public static OpResult of(OpKind kind, Scope scope, int invocations, double flops, double weightBytes,
                              double activationBytes, double kvBytes, double networkBytes, double computeSec,
                              double memorySec, double networkSec, double overheadSec, double timeSec, Bound bound,
                              double efficiency, boolean extrapolated, Supplier<String> basis) {
        return new OpResult(kind, scope, invocations, new Work(flops, weightBytes, activationBytes, kvBytes, networkBytes),
                new Timing(computeSec, memorySec, networkSec, overheadSec, timeSec, bound),
                new Source(efficiency, extrapolated, new Basis(basis)));
    }

    /** The display name: the kind's, prefixed "Dense: " in a dense layer. */
    public String name() {
        return scope == Scope.DENSE_LAYER ? "Dense: " + kind.label() : kind.label();
    }

    /** The pipeline stage within the MoE layer; {@link Stage#STEP} outside it. */
    public Stage stage() {
        return scope == Scope.MOE_LAYER ? kind.stage() : Stage.STEP;
    }

    public double flops() {
        return work.flops();
    }

    public double weightBytes() {
        return work.weightBytes();
    }

    public double activationBytes() {
        return work.activationBytes();
    }

    public double kvBytes() {
        return work.kvBytes();
    }

    public double networkBytes() {
        return work.networkBytes();
    }

    public double computeSec() {
        return timing.computeSec();
    }

    public double memorySec() {
        return timing.memorySec();
    }

    public double networkSec() {
        return timing.networkSec();
    }

    public double overheadSec() {
        return timing.overheadSec();
    }

    public double timeSec() {
        return timing.timeSec();
    }

    public Bound bound() {
        return timing.bound();
    }

    public double efficiency() {
        return source.efficiency();
    }

    public boolean extrapolated() {
        return source.extrapolated();
    }

    public String basis() {
        return source.basis();
    }

    /** Bytes through HBM (weights, activations, KV). */
    public double hbmBytes() {
        return work.weightBytes() + work.activationBytes() + work.kvBytes();
    }

    /** All bytes the op moves, HBM or network. */
    public double totalBytes() {
        return hbmBytes() + work.networkBytes();
    }

    /** FLOPs per byte moved; 0 for pure communication. */
    public double intensity() {
        double bytes = totalBytes();
        return bytes > 0 ? work.flops() / bytes : 0;
    }

    /** Achieved FLOP/s at this op's time. */
    public double achievedFlopsPerSec() {
        return timing.timeSec() > 0 ? work.flops() / timing.timeSec() : 0;
    }

    /** Time spent in this op per layer (or per step), all invocations. */
    public double timePerLayerSec() {
        return timing.timeSec() * invocations;
    }
}
