package dev.ridgeline.engine.search;

import dev.ridgeline.engine.Engine;
import dev.ridgeline.engine.model.Chip;
import dev.ridgeline.engine.model.ModelConfig;
import dev.ridgeline.engine.model.Nic;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.plan.Summary;
import dev.ridgeline.engine.space.Headline;
import dev.ridgeline.engine.space.Space;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Seed 000's configuration search (DESIGN 3.9). For each chip × NIC × MTP depth × (kvBytes, paramBytes, promotion)
 * × policy × EP: start at batch 136, step down by 8 while user tokens/s is below the target and batch > 8, skipping
 * batches that do not fit; keep the configuration when the target is met. Then sort by throughput per card and keep
 * the first row per (chip, NIC, EP, paramBytes). The space and the per-configuration rule are the design space's
 * ({@link Space#seed}, {@link Headline}), so the search and the frontier's answer at a target agree.
 */
public final class SeedSearch {
    /** The GPUs and NICs of seed 000's search, by preset name. */
    public static final List<String> SEED_GPUS = List.of("H800", "H20", "A100", "L20", "L40S");
    public static final List<String> SEED_NICS = List.of("CX7", "E810");

    private SeedSearch() {
    }

    /**
     * Every configuration that meets the target, before de-duplication, in search order: for each chip and NIC, seed
     * 000's space ({@link Space#seed}) and in each configuration the largest of its batches 16..128 that fits and meets
     * the target (the headline's per-configuration rule, {@link Headline#bestOf}), on the summary path.
     */
    public static List<SearchRow> candidates(Engine engine, ModelConfig model, List<Chip> chips, List<Nic> nics,
                                             double targetTps, Scenario base) {
        Summary summary = new Summary();
        List<SearchRow> out = new ArrayList<>();
        for (Chip chip : chips) {
            for (Nic nic : nics) {
                Space space = Space.seed(base.withModel(model).withChip(chip).withNic(nic));
                for (int i = 0; i < space.configurations().size(); i++) {
                    Scenario c = space.configurations().get(i);
                    Headline.Answer a = Headline.bestOf(engine.plan(c), c, i, space, targetTps, summary);
                    if (a != null) {
                        out.add(row(a));
                    }
                }
            }
        }
        return out;
    }

    static SearchRow row(Headline.Answer a) {
        Scenario s = a.deployment();
        return new SearchRow(s.chip().name(), s.nic().name(), s.policy(), s.ep(), s.kvDtype().bytes(),
                s.weightDtype().bytes(), s.promotion(), s.batchPerCard(), a.userTokensPerSec(), a.throughputPerCard(),
                s.mtpDepth());
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
