package dev.ridgeline.app;

import dev.ridgeline.engine.Evaluation;
import dev.ridgeline.engine.model.Chip;
import dev.ridgeline.engine.model.Labelled;
import dev.ridgeline.engine.model.ModelConfig;
import dev.ridgeline.engine.model.Nic;
import dev.ridgeline.engine.model.Scenario;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Scenario B (the current one) against a pinned scenario A: which inputs differ and how each headline figure moved.
 * Pure functions; the view shows them.
 */
public final class Comparison {
    /** A headline figure, and whether a larger value is the better one. */
    public enum Metric {
        USER_TOKENS(true),
        PER_CARD(true),
        PER_NODE(true),
        TPOT(false),
        LAYER_TIME(false),
        MAX_BATCH(true),
        /** NaN without a price: no change is computed then. */
        DOLLARS_PER_MTOK(false),
        /** NaN without a power. */
        JOULES_PER_TOKEN(false);

        private final boolean higherIsBetter;

        Metric(boolean higherIsBetter) {
            this.higherIsBetter = higherIsBetter;
        }

        /**
         * The figure of {@code e}. A switch, not a function per constant: the class-data archive did not keep the
         * constants' lambda classes, so eight were spun at every start of the window (its first result's tiles).
         */
        public double of(Evaluation e) {
            return switch (this) {
                case USER_TOKENS -> e.userTokensPerSec();
                case PER_CARD -> e.throughputPerCard();
                case PER_NODE -> e.throughputPerNode();
                case TPOT -> e.tpotSec();
                case LAYER_TIME -> e.layerTimeSec();
                case MAX_BATCH -> e.maxBatch();
                case DOLLARS_PER_MTOK -> e.tokenCost().dollarsPerMillionOutputTokens().orElse(Double.NaN);
                case JOULES_PER_TOKEN -> e.tokenCost().joulesPerOutputToken().orElse(Double.NaN);
            };
        }
    }

    /** How a metric moved from A to B: the relative change and whether B is better, worse or the same. */
    public record Change(double relative, int verdict) {
        /**
         * "+12.3 % vs A"; "= A" when the figure did not move (to 0.05 %); "from 0 in A" when A had none; "not in A or
         * here" when one side has no price or power.
         */
        public String text() {
            if (Double.isNaN(relative)) {
                return "not in A or here";
            }
            if (verdict == 0) {
                return "= A";
            }
            return Double.isInfinite(relative) ? "from 0 in A" : (relative > 0 ? "+" : "") + Units.fixed(100 * relative, 1) + " % vs A";
        }
    }

    private static final Map<String, String> LABELS = Map.ofEntries(Map.entry("batchPerCard", "batch"),
            Map.entry("contextTokens", "context"), Map.entry("mtpDepth", "MTP depth"),
            Map.entry("mtpAcceptance", "MTP acceptance"), Map.entry("kvDtype", "KV"), Map.entry("weightDtype", "weights"),
            Map.entry("fa3", "FA3"), Map.entry("gemmEfficiency", "GEMM efficiency"), Map.entry("nic", "NIC"),
            Map.entry("ep", "EP"), Map.entry("throughputReading", "throughput reading"),
            Map.entry("faChunkTokens", "FA chunk"), Map.entry("expertLoad", "expert load"),
            Map.entry("memoryReserveBytes", "memory reserve"), Map.entry("kernelGapSec", "kernel gap"),
            Map.entry("hostOverheadFraction", "host overhead"), Map.entry("attentionTp", "attention TP"),
            Map.entry("moeTp", "MoE TP"), Map.entry("eplb", "EPLB"), Map.entry("redundantExperts", "redundant experts"),
            Map.entry("localPeersOverScaleUp", "EP peers of the node over the scale-up link"),
            Map.entry("expertDtype", "experts"));

    private Comparison() {
    }

    /** B's change of {@code metric} against A; the verdict is +1 better, -1 worse, 0 unchanged. */
    public static Change change(Metric metric, Evaluation a, Evaluation b) {
        double va = metric.of(a);
        double vb = metric.of(b);
        if (Double.isNaN(va) || Double.isNaN(vb)) { // a price or power missing on one side
            return new Change(Double.NaN, 0);
        }
        if (va == 0 && vb != 0) { // from nothing (no batch fits in A): no ratio, but a direction
            return new Change(Double.POSITIVE_INFINITY * Math.signum(vb), vb > 0 == metric.higherIsBetter ? 1 : -1);
        }
        double relative = va != 0 ? (vb - va) / Math.abs(va) : 0;
        if (Math.abs(relative) < 5e-4) {
            return new Change(0, 0);
        }
        boolean up = relative > 0;
        return new Change(relative, up == metric.higherIsBetter ? 1 : -1);
    }

    /**
     * The inputs that differ, one "name A → B" per field, in the scenario's field order (the fields of each group in
     * turn); empty when none do.
     */
    public static List<String> differences(Scenario a, Scenario b) {
        List<String> out = new ArrayList<>();
        differences(a, b, out);
        return out;
    }

    private static void differences(Record a, Record b, List<String> out) {
        for (RecordComponent c : a.getClass().getRecordComponents()) {
            Object va = get(c, a);
            Object vb = get(c, b);
            if (va.equals(vb)) {
                continue;
            }
            if (va instanceof Record && !(va instanceof Chip || va instanceof Nic || va instanceof ModelConfig)) {
                differences((Record) va, (Record) vb, out);
                continue;
            }
            String label = LABELS.getOrDefault(c.getName(), c.getName());
            String from = shown(va);
            String to = shown(vb);
            out.add(from.equals(to) ? label + " " + to + " edited" : label + " " + from + " → " + to);
        }
    }

    private static Object get(RecordComponent c, Record r) {
        try {
            return c.getAccessor().invoke(r);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(r.getClass().getSimpleName() + "." + c.getName(), e);
        }
    }

    private static String shown(Object v) {
        if (v instanceof Chip) {
            return ((Chip) v).name();
        }
        if (v instanceof Nic) {
            return ((Nic) v).name();
        }
        if (v instanceof ModelConfig) {
            return ((ModelConfig) v).name();
        }
        if (v instanceof Labelled) {
            return ((Labelled) v).label();
        }
        return String.valueOf(v);
    }
}
