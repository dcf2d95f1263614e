package dev.ridgeline.engine.search;

import dev.ridgeline.engine.Engine;
import dev.ridgeline.engine.model.Chip;
import dev.ridgeline.engine.model.Dtype;
import dev.ridgeline.engine.model.ModelConfig;
import dev.ridgeline.engine.model.Nic;
import dev.ridgeline.engine.model.Policy;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.plan.Plan;
import dev.ridgeline.engine.plan.Summary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Seed 000's configuration search (DESIGN 3.9). For each chip × NIC × MTP depth × (kvBytes, paramBytes, promotion)
 * × policy × EP: start at batch 136, step down by 8 while user tokens/s is below the target and batch > 8, skipping
 * batches that do not fit; keep the configuration when the target is met. Then sort by throughput per card and keep
 * the first row per (chip, NIC, EP, paramBytes).
 */
public final class SeedSearch {
    /** (kvBytes, paramBytes, promotion) triples of seed 000. */
    static final int[][] PRECISIONS = {{2, 2, 0}, {2, 2, 1}, {1, 2, 1}, {1, 2, 0}, {1, 1, 0}};
    static final int[] MTP_DEPTHS = {0, 1};
    static final Policy[] POLICIES = {Policy.DUAL_MICRO_BATCH, Policy.NAIVE};
    static final int[] EPS = {144, 320};
    static final int START_BATCH = 136;
    static final int STEP = 8;
    /** The GPUs and NICs of seed 000's search, by preset name. */
    public static final List<String> SEED_GPUS = List.of("H800", "H20", "A100", "L20", "L40S");
    public static final List<String> SEED_NICS = List.of("CX7", "E810");

    private SeedSearch() {
    }

    /** Every configuration that meets the target, before de-duplication, in search order. */
    public static List<SearchRow> candidates(Engine engine, ModelConfig model, List<Chip> chips, List<Nic> nics,
                                             double targetTps, Scenario base) {
        Summary summary = new Summary();
        List<SearchRow> out = new ArrayList<>();
        for (Chip chip : chips) {
            for (Nic nic : nics) {
                for (int mtp : MTP_DEPTHS) {
                    for (int[] p : PRECISIONS) {
                        for (Policy policy : POLICIES) {
                            for (int ep : EPS) {
                                Scenario s = base.withModel(model).withChip(chip).withNic(nic)
                                        .withMtp(mtp, base.mtpAcceptance()).withKvDtype(Dtype.ofBytes(p[0]))
                                        .withWeightDtype(Dtype.ofBytes(p[1])).withPromotion(p[2] == 1)
                                        .withPolicy(policy).withEp(ep);
                                SearchRow row = search(engine.plan(s), s, targetTps, summary);
                                if (row != null) {
                                    out.add(row);
                                }
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    /**
     * The seed's batch loop for one configuration on the summary path; null when the target is not met above batch 8.
     * The largest batch that fits is computed once: batches above it are skipped without being evaluated.
     */
    static SearchRow search(Plan plan, Scenario s, double targetTps, Summary out) {
        int maxBatch = plan.maxBatch(s.deployment(), s.numerics());
        double tps = 0;
        int batch = START_BATCH;
        boolean found = false;
        while (tps < targetTps && batch > STEP) {
            batch -= STEP;
            if (batch > maxBatch) {
                continue;
            }
            plan.summarize(s.deployment().withBatch(batch), s.numerics(), out);
            tps = out.userTokensPerSec();
            found = true;
        }
        if (tps < targetTps || batch <= STEP || !found) {
            return null;
        }
        return new SearchRow(s.chip().name(), s.nic().name(), s.policy(), s.ep(), s.kvDtype().bytes(),
                s.weightDtype().bytes(), s.promotion(), batch, tps, out.throughputPerCard(), s.mtpDepth());
    }

    /**
     * The seed's de-duplication: highest throughput first, first row per (chip, NIC, EP, paramBytes). Exact ties
     * (FP8 and BF16 KV at the same batch when FlashMLA is compute-bound; promotion on memory-bound expert GEMMs) go
     * to the smaller KV cache, then to no promotion: the same speed for less memory and less precision loss. The
     * seed's pandas sort leaves ties in no defined order; its tables show this choice in every tied group.
     */
    public static List<SearchRow> deduplicate(List<SearchRow> rows) {
        List<SearchRow> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparingDouble(SearchRow::throughputPerCard).reversed()
                .thenComparingInt(SearchRow::kvBytes)
                .thenComparing(SearchRow::promotion));
        Map<String, SearchRow> first = new LinkedHashMap<>();
        for (SearchRow r : sorted) {
            first.putIfAbsent(r.groupKey(), r);
        }
        return new ArrayList<>(first.values());
    }

    /** The seed's table for a target: candidates, then de-duplication. */
    public static List<SearchRow> run(Engine engine, ModelConfig model, List<Chip> chips, List<Nic> nics,
                                      double targetTps, Scenario base) {
        return deduplicate(candidates(engine, model, chips, nics, targetTps, base));
    }
}
