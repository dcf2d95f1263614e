package dev.ridgeline.engine.space;

import dev.ridgeline.engine.model.Dtype;
import dev.ridgeline.engine.model.Fidelity;
import dev.ridgeline.engine.model.Policy;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.sweep.Sweep;
import java.util.ArrayList;
import java.util.List;

/**
 * A set of deployments of one model, chip, NIC and context: the configurations (everything but the batch) and the
 * batches of each, ascending. Seed 000's search runs over {@link #seed}; the explorer's design space (DESIGN 4b) is
 * {@link #explorer}.
 */
public record Space(List<Scenario> configurations, Sweep.Batches batches) {
    /** Expert-parallel degrees the explorer offers (8 cards per node; 256 routed experts plus redundancy). */
    public static final List<Integer> EXPLORER_EPS = List.of(1, 8, 16, 32, 64, 72, 128, 144, 256, 320);
    /** The MTP depths of the explorer's space. */
    public static final int MAX_EXPLORER_MTP = 3;

    /** (kvBytes, paramBytes, promotion) triples of seed 000's search, in its order. */
    static final int[][] SEED_PRECISIONS = {{2, 2, 0}, {2, 2, 1}, {1, 2, 1}, {1, 2, 0}, {1, 1, 0}};
    /** Seed 000's search: EP144 and EP320, MTP 0 and 1, both policies, batch 128 down to 16 in steps of 8. */
    static final int[] SEED_EPS = {144, 320};
    static final int[] SEED_MTP = {0, 1};
    static final Policy[] SEED_POLICIES = {Policy.DUAL_MICRO_BATCH, Policy.NAIVE};
    static final int SEED_TOP_BATCH = 128;
    static final int SEED_STEP = 8;
    static final int SEED_LOWEST_BATCH = 16;

    public Space {
        configurations = List.copyOf(configurations);
    }

    /**
     * Seed 000's search space (DESIGN 3.9) around {@code base}'s model, chip, NIC and context: MTP depth x (kvBytes,
     * paramBytes, promotion) x policy x EP, in the seed's loop order; batches 16, 24, ... 128 that fit.
     */
    public static Space seed(Scenario base) {
        List<Scenario> out = new ArrayList<>();
        for (int mtp : SEED_MTP) {
            for (int[] p : SEED_PRECISIONS) {
                for (Policy policy : SEED_POLICIES) {
                    for (int ep : SEED_EPS) {
                        out.add(base.withMtp(mtp, base.mtpAcceptance()).withKvDtype(Dtype.ofBytes(p[0]))
                                .withWeightDtype(Dtype.ofBytes(p[1])).withPromotion(p[2] == 1).withPolicy(policy)
                                .withEp(ep).withBatch(SEED_TOP_BATCH));
                    }
                }
            }
        }
        return new Space(out, (c, max) -> {
            int top = Math.min(SEED_TOP_BATCH, max);
            if (top < SEED_LOWEST_BATCH) {
                return new int[0];
            }
            int[] batches = new int[(top - SEED_LOWEST_BATCH) / SEED_STEP + 1];
            for (int i = 0; i < batches.length; i++) {
                batches[i] = SEED_LOWEST_BATCH + SEED_STEP * i;
            }
            return batches;
        });
    }

    /**
     * Every deployment of {@code base}'s model, chip, NIC, context and fidelity the explorer offers (DESIGN 4b):
     * each EP degree of {@link #EXPLORER_EPS} the model takes, both policies, both KV and weight dtypes, MTP depth 0-3
     * (0 only when the model has no MTP module), DeepGEMM promotion on and off where it changes anything (seed
     * fidelity on a chip that needs it); every batch from 1 to the largest that fits.
     */
    public static Space explorer(Scenario base) {
        return new Space(explorerConfigurations(base), Sweep.Batches.allThatFit());
    }

    /** The explorer's space with batches on a grid fine enough to draw (see {@link #drawingBatches}). */
    public static Space explorerForDrawing(Scenario base) {
        return new Space(explorerConfigurations(base), Space::drawingBatches);
    }

    static List<Scenario> explorerConfigurations(Scenario base) {
        boolean promotionMatters = base.fidelity() == Fidelity.SEED && base.chip().fp8LowAccPrecision();
        int maxMtp = base.model().mtpModules() > 0 ? MAX_EXPLORER_MTP : 0;
        List<Scenario> out = new ArrayList<>();
        for (int ep : EXPLORER_EPS) {
            if (ep > 2 * base.model().routedExperts()) {
                continue;
            }
            for (Policy policy : Policy.values()) {
                for (Dtype kv : Dtype.values()) {
                    for (Dtype w : Dtype.values()) {
                        for (int mtp = 0; mtp <= maxMtp; mtp++) {
                            for (boolean promotion : promotionMatters ? new boolean[] {false, true} : new boolean[] {false}) {
                                out.add(base.withEp(ep).withPolicy(policy).withKvDtype(kv).withWeightDtype(w)
                                        .withMtp(mtp, base.mtpAcceptance()).withPromotion(promotion).withBatch(1));
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    /**
     * Batches to draw a configuration with: every batch up to 32, then a geometric grid (ratio about 1.08), and the
     * largest batch that fits; about 70 points for a limit of 500.
     */
    static int[] drawingBatches(Scenario configuration, int max) {
        int top = Math.min(max, Scenario.MAX_BATCH);
        List<Integer> out = new ArrayList<>();
        for (int b = 1; b <= top; b = b < 32 ? b + 1 : Math.max(b + 1, (int) Math.round(b * 1.08))) {
            out.add(b);
        }
        if (top >= 1 && out.get(out.size() - 1) != top) {
            out.add(top);
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }
}
