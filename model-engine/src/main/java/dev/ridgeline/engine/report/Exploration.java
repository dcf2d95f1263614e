package dev.ridgeline.engine.report;

import dev.ridgeline.engine.Engine;
import dev.ridgeline.engine.Evaluation;
import dev.ridgeline.engine.model.Deployment;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.plan.Plan;
import dev.ridgeline.engine.plan.Summary;
import dev.ridgeline.engine.roofline.Bound;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Seed 003 section 6.7 on Ridgeline's decode model: for each EP degree and context length, the asymptotic
 * arithmetic intensity of a decode layer as the batch grows, and the smallest batch per card at which the layer's
 * dominant bound (the bound whose ops take the most time, {@link Evaluation#dominantBound()}) is compute, or why no
 * batch is.
 *
 * <p>The asymptote is the marginal intensity between the two largest batches the engine takes
 * ({@code B = MAX_BATCH / 2} and {@code MAX_BATCH}): {@code ΔF / Δbytes_hbm} of the layer. The per-sequence terms
 * (KV reads, activations, FLOPs) grow with B while the weights stay, so this is the limit of {@code F / bytes} as
 * {@code B → ∞}; it falls like {@code 1/L} once KV reads dominate. When it sits below the HBM ridge
 * {@code P_peak / BW_hbm}, no batch makes the layer compute-bound.
 */
public final class Exploration {
    private Exploration() {
    }

    /** Why no batch turns decode compute-bound. */
    public enum Reason {
        /** A batch does: see the row's batch. */
        NONE,
        /** The asymptotic intensity is below the ridge: KV (or activation) reads grow as fast as FLOPs. */
        ASYMPTOTE_BELOW_RIDGE,
        /** Some batch would, but it does not fit in HBM beside the weights. */
        DOES_NOT_FIT,
        /** Up to the engine's largest batch, another bound still takes more time (the ridge is not reached in range). */
        NOT_IN_RANGE
    }

    /**
     * One (EP, context) cell.
     *
     * @param asymptoticIntensity FLOP per HBM byte as B grows (see the class comment)
     * @param ridge               the HBM ridge {@code P_peak / BW_hbm} of the rate the layer's GEMMs use
     * @param networkIntensity    FLOP per network byte as B grows (0 when EP sends nothing)
     * @param maxBatch            the largest batch per card that fits
     * @param minComputeBatch     the smallest batch (1 .. MAX_BATCH) whose dominant bound is compute; 0 if none
     * @param boundAtLimit        the dominant bound at the largest batch that fits (or at B = 1 when none fits)
     */
    public record Row(int ep, int context, double asymptoticIntensity, double ridge, double networkIntensity,
                      int maxBatch, int minComputeBatch, Bound boundAtLimit, Reason reason) {
        /** The smallest compute-bound batch that also fits, or 0. */
        public int feasibleBatch() {
            return reason == Reason.NONE ? minComputeBatch : 0;
        }
    }

    /** EP degrees the table covers: powers of two from 8, and the scenario's own, up to twice the routed experts. */
    public static List<Integer> eps(Scenario s) {
        TreeSet<Integer> out = new TreeSet<>();
        for (int ep : new int[] {8, 16, 32, 64, 128, 256}) {
            if (ep <= 2 * s.model().routedExperts()) {
                out.add(ep);
            }
        }
        out.add(s.ep());
        return new ArrayList<>(out);
    }

    /** Context lengths the table covers: 2K to 32K and the scenario's own. */
    public static List<Integer> contexts(Scenario s) {
        TreeSet<Integer> out = new TreeSet<>(List.of(2048, 4096, 8192, 16384, 32768));
        out.add(s.contextTokens());
        return new ArrayList<>(out);
    }

    public static List<Row> table(Engine engine, Scenario s, Cancel cancel) {
        List<Row> rows = new ArrayList<>();
        for (int ep : eps(s)) {
            for (int context : contexts(s)) {
                cancel.check();
                rows.add(row(engine, s.withEp(ep).withContext(context)));
            }
        }
        return rows;
    }

    /** The cell of the scenario's EP and context. */
    public static Row row(Engine engine, Scenario s) {
        int big = Deployment.MAX_BATCH;
        LayerTotals half = LayerTotals.of(engine.evaluate(s.withBatch(big / 2)).ops());
        LayerTotals full = LayerTotals.of(engine.evaluate(s.withBatch(big)).ops());
        double dBytes = full.hbmBytes() - half.hbmBytes();
        double dFlops = full.flops() - half.flops();
        double dNet = full.networkBytes() - half.networkBytes();
        double asymptote = dBytes > 0 ? dFlops / dBytes : 0;
        double network = dNet > 0 ? dFlops / dNet : 0;
        double ridge = ridge(engine.evaluate(s.withBatch(1)));

        Plan plan = engine.plan(s);
        Summary sum = new Summary();
        int maxBatch = Math.min(plan.maxBatch(s.deployment(), s.numerics()), big);
        int first = 0;
        for (int b = 1; b <= big && first == 0; b++) {
            plan.summarize(s.deployment().withBatch(b), s.numerics(), sum);
            if (sum.dominantBound() == Bound.COMPUTE) {
                first = b;
            }
        }
        plan.summarize(s.deployment().withBatch(Math.max(1, maxBatch)), s.numerics(), sum);
        Bound atLimit = sum.dominantBound();
        Reason reason;
        if (first > 0 && first <= maxBatch) {
            reason = Reason.NONE;
        } else if (asymptote < ridge) {
            reason = Reason.ASYMPTOTE_BELOW_RIDGE;
        } else if (first > maxBatch) {
            reason = Reason.DOES_NOT_FIT;
        } else {
            reason = Reason.NOT_IN_RANGE;
        }
        return new Row(s.ep(), s.contextTokens(), asymptote, ridge, network, maxBatch, first, atLimit, reason);
    }

    /**
     * {@code P_peak / BW_hbm} for GEMMs of the scenario's weight dtype, FLOP per byte (seed 003's {@code OI_knee}),
     * with the HBM bandwidth as the evaluation's fidelity reads it.
     */
    public static double ridge(Evaluation e) {
        return e.scenario().chip().tensorFlopsPerSec(e.scenario().weightDtype()) / e.hbmBytesPerSecAsRead();
    }
}
