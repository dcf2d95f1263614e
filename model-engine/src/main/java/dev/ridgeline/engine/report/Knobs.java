package dev.ridgeline.engine.report;

import dev.ridgeline.engine.Engine;
import dev.ridgeline.engine.model.AttentionKind;
import dev.ridgeline.engine.model.Dtype;
import dev.ridgeline.engine.model.ModelConfig;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.plan.Summary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The model knobs seed 003 section 7 ranks (top-k, hidden size, KV rank, KV dtype, context) over their full grid, at
 * the scenario's deployment. The chip, NIC and assumption knobs are the design space's
 * ({@link dev.ridgeline.engine.space.Sensitivity}).
 */
public final class Knobs {
    /** Names of the model grid's workload knobs. */
    public static final String CONTEXT = "context";
    public static final String KV_DTYPE = "KV dtype";

    private Knobs() {
    }

    /**
     * One model knob over its values: the median time per output token of the grid points at each value, and the
     * effect size, {@code (largest median − smallest) / smallest} (seed 003 section 7.1).
     */
    public record ModelKnob(String name, List<String> values, double[] medianTpotSec, double effect) {
    }

    /** The grid's points and the ranking. */
    public record ModelGrid(int points, List<ModelKnob> ranking) {
    }

    /**
     * Seed 003's decode grid on the engine, at the scenario's deployment (its batch whether or not it fits): top-k
     * at a quarter, half and all of the model's, hidden size ×0.75/1/1.25 (rounded to 128), the KV width ×0.5/1/1.5
     * (MLA: the KV latent rank; GQA: the KV heads, where they divide the query heads), KV FP8 and BF16, and contexts
     * 2K-16K. Knobs rank by effect size on the median time per output token.
     */
    public static ModelGrid model(Engine engine, Scenario s, Cancel cancel) {
        ModelConfig m = s.model();
        Map<String, List<UnaryOperator<Scenario>>> knobs = new LinkedHashMap<>();
        Map<String, List<String>> labels = new LinkedHashMap<>();
        int k = m.expertsPerToken();
        int[] topks = Arrays.stream(new int[] {Math.max(1, k / 4), Math.max(1, k / 2), k}).distinct().toArray();
        for (int t : topks) {
            put(knobs, labels, "top-k experts", String.valueOf(t), x -> x.withModel(copy(x.model(), "topk", t)));
        }
        for (double f : new double[] {0.75, 1.0, 1.25}) {
            int h = (int) Math.max(128, Math.round(m.hiddenSize() * f / 128) * 128);
            put(knobs, labels, "hidden size", h + " (×" + f + ")", x -> x.withModel(copy(x.model(), "hidden", h)));
        }
        for (double f : new double[] {0.5, 1.0, 1.5}) {
            if (m.attention() == AttentionKind.MLA) {
                int r = (int) Math.max(16, Math.round(m.kvLoraRank() * f));
                put(knobs, labels, "KV rank", r + " (×" + f + ")", x -> x.withModel(copy(x.model(), "kvrank", r)));
            } else {
                int heads = (int) Math.round(m.numKeyValueHeads() * f);
                if (heads >= 1 && m.numHeads() % heads == 0) {
                    put(knobs, labels, "KV heads", heads + " (×" + f + ")", x -> x.withModel(copy(x.model(), "kvheads", heads)));
                }
            }
        }
        for (Dtype d : Dtype.values()) {
            put(knobs, labels, KV_DTYPE, d.label(), x -> x.withKvDtype(d));
        }
        for (int c : new int[] {2048, 4096, 8192, 16384}) {
            put(knobs, labels, CONTEXT, String.valueOf(c), x -> x.withContext(c));
        }
        List<String> names = new ArrayList<>(knobs.keySet());
        int[] sizes = names.stream().mapToInt(n -> knobs.get(n).size()).toArray();
        int total = Arrays.stream(sizes).reduce(1, (a, b) -> a * b);
        double[] tpot = new double[total];
        int[][] index = new int[total][names.size()];
        Summary sum = new Summary();
        for (int p = 0; p < total; p++) {
            if (p % 16 == 0) {
                cancel.check();
            }
            int rest = p;
            Scenario x = s;
            for (int i = 0; i < names.size(); i++) {
                index[p][i] = rest % sizes[i];
                rest /= sizes[i];
                x = knobs.get(names.get(i)).get(index[p][i]).apply(x);
            }
            engine.plan(x).summarize(x.deployment(), x.numerics(), sum);
            tpot[p] = sum.tpotSec();
        }
        List<ModelKnob> ranking = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            double[] medians = new double[sizes[i]];
            for (int v = 0; v < sizes[i]; v++) {
                List<Double> at = new ArrayList<>();
                for (int p = 0; p < total; p++) {
                    if (index[p][i] == v) {
                        at.add(tpot[p]);
                    }
                }
                medians[v] = median(at);
            }
            double lo = Arrays.stream(medians).min().orElse(0);
            double hi = Arrays.stream(medians).max().orElse(0);
            ranking.add(new ModelKnob(names.get(i), labels.get(names.get(i)), medians, lo > 0 ? (hi - lo) / lo : 0));
        }
        ranking.sort(Comparator.comparingDouble(ModelKnob::effect).reversed());
        return new ModelGrid(total, ranking);
    }

    private static void put(Map<String, List<UnaryOperator<Scenario>>> knobs, Map<String, List<String>> labels,
                            String name, String label, UnaryOperator<Scenario> apply) {
        knobs.computeIfAbsent(name, n -> new ArrayList<>()).add(apply);
        labels.computeIfAbsent(name, n -> new ArrayList<>()).add(label);
    }

    static double median(List<Double> values) {
        List<Double> v = new ArrayList<>(values);
        v.sort(null);
        int n = v.size();
        return n == 0 ? 0 : n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
    }

    /** The model with one knob changed. */
    static ModelConfig copy(ModelConfig m, String knob, int v) {
        int topk = knob.equals("topk") ? v : m.expertsPerToken();
        int hidden = knob.equals("hidden") ? v : m.hiddenSize();
        int kvRank = knob.equals("kvrank") ? v : m.kvLoraRank();
        int kvHeads = knob.equals("kvheads") ? v : m.numKeyValueHeads();
        return new ModelConfig(m.name(), m.source(), m.attention(), hidden, m.numLayers(), m.denseLayers(),
                m.numHeads(), kvHeads, m.headDim(), m.qLoraRank(), kvRank, m.qkNopeHeadDim(), m.qkRopeHeadDim(),
                m.vHeadDim(), m.routedExperts(), m.sharedExperts(), topk, m.moeIntermediateSize(),
                m.denseIntermediateSize(), m.vocabSize(), m.mtpModules(), m.expertGroups(), m.limitedGroups());
    }
}
