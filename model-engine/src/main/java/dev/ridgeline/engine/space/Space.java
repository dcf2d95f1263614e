package dev.ridgeline.engine.space;

import dev.ridgeline.engine.model.Deployment;
import dev.ridgeline.engine.model.Dtype;
import dev.ridgeline.engine.model.ExpertDtype;
import dev.ridgeline.engine.model.Policy;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.plan.FidelityRules;
import dev.ridgeline.engine.plan.Plan;
import dev.ridgeline.engine.sweep.Sweep;
import java.util.ArrayList;
import java.util.Arrays;
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
     * fidelity on a chip that needs it); every batch from 1 to the largest that fits. In calibrated fidelity also
     * (DESIGN 3.10) the scenario's expert dtype and, on a chip with FP4 tensor cores, NVFP4 experts; and the
     * tensor-parallel layouts ({@link #layoutConfigurations}). The balancer (EPLB, redundant experts) is the scenario's.
     */
    public static Space explorer(Scenario base) {
        return new Space(explorerConfigurations(base), Sweep.Batches.allThatFit());
    }

    /** The explorer's space with batches on a grid fine enough to draw (see {@link #drawingBatches}). */
    public static Space explorerForDrawing(Scenario base) {
        return new Space(explorerConfigurations(base), Space::drawingBatches);
    }

    /**
     * {@link #explorerForDrawing} of {@code base}'s {@link #explorerKey}, from {@code previous} (a space this returned
     * before, or null) when
     * {@code base}'s {@link #explorerKey} differs from previous's first configuration (its key) only in chip and NIC
     * and the chip has the same shape ({@link #chipShape}): previous's configurations with {@code base}'s hardware,
     * the same list as built anew (SpaceReuseTest). A chip edit in the window takes this path: one copy per
     * configuration instead of eight, and the enumeration, which runs once an edit and took C2 0.5-1.3 s of compile
     * time each of the many times it was compiled (decision 0006, addendum "Still fast", 2026-12-07 late), runs only
     * when a chip's shape or another setting changes.
     */
    public static Space explorerForDrawing(Scenario base, Space previous) {
        Scenario key = explorerKey(base);
        if (previous != null && !previous.configurations().isEmpty()) {
            Scenario before = previous.configurations().get(0);
            if (before.with(key.hardware()).equals(key) && chipShape(before).equals(chipShape(key))) {
                List<Scenario> moved = new ArrayList<>(previous.configurations().size());
                for (Scenario c : previous.configurations()) {
                    moved.add(c.with(key.hardware()));
                }
                return new Space(moved, Space::drawingBatches);
            }
        }
        return explorerForDrawing(key);
    }

    /**
     * The first configuration of {@link #explorer}{@code (s)}: every setting the space varies (EP, policy, dtypes, MTP
     * depth, promotion, layout, batch) set to one value. Two scenarios with the same key have the same space, so the
     * same frontier and the same headline at any target; an edit of a setting the space varies moves neither.
     */
    public static Scenario explorerKey(Scenario s) {
        Scenario dp = dataParallel(s, Plan.rules(s).explorerExpertDtypes(s));
        return dp.withEp(EXPLORER_EPS.get(0)).withPolicy(Policy.values()[0]).withKvDtype(Dtype.values()[0])
                .withWeightDtype(Dtype.values()[0]).withMtp(0, s.mtpAcceptance()).withPromotion(false).withBatch(1);
    }

    /** {@code base} without tensor parallelism, with the first of the experts' dtypes the space sweeps. */
    private static Scenario dataParallel(Scenario base, List<ExpertDtype> experts) {
        return base.withLayout(1, 1).withExpertDtype(experts.get(0));
    }

    /**
     * All that {@link #explorer}'s configurations read of the chip (with the fidelity's rules): whether DeepGEMM's promotion matters, the expert
     * dtypes swept, the scale-up domain (which layouts fit) and whether it has FP4 tensor cores (which expert dtypes a
     * scenario accepts). Two scenarios that differ only in chip and NIC fields and have equal shapes have the same
     * configurations but for the chip and NIC (MapSearchTest checks it over the chip presets).
     */
    static List<Object> chipShape(Scenario base) {
        FidelityRules rules = Plan.rules(base);
        return List.of(rules, rules.promotionMatters(base.chip()), rules.explorerExpertDtypes(base),
                base.chip().scaleUpDomain(), base.chip().hasFp4());
    }

    static List<Scenario> explorerConfigurations(Scenario base) {
        FidelityRules rules = Plan.rules(base);
        boolean promotionMatters = rules.promotionMatters(base.chip());
        int maxMtp = base.model().mtpModules() > 0 ? MAX_EXPLORER_MTP : 0;
        List<ExpertDtype> experts = rules.explorerExpertDtypes(base);
        Scenario dp = dataParallel(base, experts);
        List<Scenario> out = new ArrayList<>();
        for (int ep : EXPLORER_EPS) {
            if (ep > 2 * base.model().routedExperts()) {
                continue;
            }
            for (Policy policy : Policy.values()) {
                for (Dtype kv : Dtype.values()) {
                    for (Dtype w : Dtype.values()) {
                        for (ExpertDtype e : experts) {
                            for (int mtp = 0; mtp <= maxMtp; mtp++) {
                                for (boolean promotion : promotionMatters ? new boolean[] {false, true} : new boolean[] {false}) {
                                    out.add(dp.withEp(ep).withPolicy(policy).withKvDtype(kv).withWeightDtype(w)
                                            .withExpertDtype(e).withMtp(mtp, base.mtpAcceptance())
                                            .withPromotion(promotion).withBatch(1));
                                }
                            }
                        }
                    }
                }
            }
        }
        if (rules.modelsLayoutsAndBalance()) {
            out.addAll(layoutConfigurations(dp, experts.get(experts.size() - 1), maxMtp));
        }
        return out;
    }

    /** EP degrees the tensor-parallel layouts add: the splits of one 2-, 4- or 8-card group. */
    static final List<Integer> LAYOUT_EPS = List.of(1, 2, 4, 8, 16, 32, 64, 72, 128, 144, 256, 320);

    /**
     * The tensor-parallel layouts the explorer sweeps in calibrated fidelity, pruned to what can win:
     * <ul>
     *   <li>attention TP t in {2, 4, 8} inside the chip's scale-up domain, with the experts either by EP alone
     *   (MoE TP 1) or split like attention (MoE TP t), over the explorer's EP degrees where the attention groups are
     *   whole; and, for the layouts whose attention group spans every MoE card (tokens on every card, no dispatch),
     *   every split of those t cards into EP x MoE TP (TensorRT-LLM's 8-card "TP8, EP2 x TP4");</li>
     *   <li>only the dtypes that dominate: FP8 KV and FP8 non-expert weights (never slower and never larger than BF16
     *   in this model) and the fastest expert dtype offered (NVFP4 where the chip has FP4);</li>
     *   <li>both policies and every MTP depth. Their batches are drawn up to {@link #MAX_LAYOUT_DRAWN_BATCH} only
     *   ({@link #drawingBatches}): attention TP divides a card's throughput by t at the same batch and (MLA) holds
     *   every sequence's latent cache on every rank, so it pays only at the latency end, where weight reads dominate.
     *   The headline and every design-space answer still see every batch that fits.</li>
     * </ul>
     */
    static List<Scenario> layoutConfigurations(Scenario dp, ExpertDtype experts, int maxMtp) {
        int domain = dp.chip().scaleUpDomain();
        List<Scenario> out = new ArrayList<>();
        for (int t = 2; t <= Deployment.MAX_TP && t <= domain; t *= 2) {
            for (int ep : LAYOUT_EPS) {
                for (int tm : new int[] {1, 2, 4, 8}) {
                    boolean wholeGroup = ep * tm == t;
                    if (tm > domain || !(tm == 1 || tm == t || wholeGroup) || (ep * tm) % t != 0
                            || ep > 2 * dp.model().routedExperts()) {
                        continue;
                    }
                    Scenario layout;
                    try {
                        layout = dp.withLayout(ep, t, tm).withKvDtype(Dtype.FP8).withWeightDtype(Dtype.FP8)
                                .withExpertDtype(experts);
                    } catch (IllegalArgumentException e) {
                        continue; // heads or expert width not divisible by this degree
                    }
                    for (Policy policy : Policy.values()) {
                        for (int mtp = 0; mtp <= maxMtp; mtp++) {
                            out.add(layout.withPolicy(policy).withMtp(mtp, dp.mtpAcceptance()).withBatch(1));
                        }
                    }
                }
            }
        }
        return out;
    }

    /** Largest batch drawn for a tensor-parallel layout (see {@link #layoutConfigurations}). */
    static final int MAX_LAYOUT_DRAWN_BATCH = 32;

    /**
     * Batches to draw a configuration with: every batch up to {@value #DENSE_BATCHES}, then a geometric grid (ratio
     * about {@value #GRID_RATIO}: a step of a tenth moves tokens/s per user by less than that, so the frontier drawn
     * stays smooth), and the largest batch that fits; about 54 points for a limit of 500. DeepSeek-V3 on the H800
     * sweeps 22,192 deployments so (the explorer's live redraw is budgeted on at least 20,000).
     */
    static final int DENSE_BATCHES = 20;
    static final double GRID_RATIO = 1.10;

    static int[] drawingBatches(Scenario configuration, int max) {
        int top = Math.min(max, configuration.deployment().dataParallel() ? Scenario.MAX_BATCH : MAX_LAYOUT_DRAWN_BATCH);
        if (top < 1) {
            return new int[0];
        }
        // the grid's points up to the top (the grid does not depend on it), then the top itself if it is not one
        int n = 0;
        while (n < DRAWING_GRID.length && DRAWING_GRID[n] <= top) {
            n++;
        }
        int[] out = Arrays.copyOf(DRAWING_GRID, DRAWING_GRID[n - 1] == top ? n : n + 1);
        out[out.length - 1] = top;
        return out;
    }

    /**
     * {@link #drawingBatches}'s grid up to {@link Scenario#MAX_BATCH}, made once: a sweep asks for every configuration's
     * batches on every chip edit, and a list of boxed batches streamed to an array cost each call several allocations
     * and C2 a large compilation (decision 0006, addendum "Still fast").
     */
    private static final int[] DRAWING_GRID = drawingGrid();

    private static int[] drawingGrid() {
        int[] out = new int[Scenario.MAX_BATCH];
        int n = 0;
        for (int b = 1; b <= Scenario.MAX_BATCH; b = b < DENSE_BATCHES ? b + 1 : Math.max(b + 1, (int) Math.round(b * GRID_RATIO))) {
            out[n++] = b;
        }
        return Arrays.copyOf(out, n);
    }
}
