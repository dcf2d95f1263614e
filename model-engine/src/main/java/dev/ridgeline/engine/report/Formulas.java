package dev.ridgeline.engine.report;

import static dev.ridgeline.engine.report.DocBuilder.code;

import dev.ridgeline.engine.Evaluation;
import dev.ridgeline.engine.model.AttentionKind;
import dev.ridgeline.engine.model.ExpertLoad;
import dev.ridgeline.engine.model.ModelConfig;
import dev.ridgeline.engine.model.Policy;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.plan.FidelityRules;
import dev.ridgeline.engine.plan.Plan;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Seed 003 section 5's formulas written out for this model and deployment: the GEMM and roofline primitives, and
 * each operator's shape with the model's widths in place (DESIGN 3.2-3.7). Text only: the numbers of the tables come
 * from the engine, and a test holds these shapes to the engine's FLOPs.
 */
final class Formulas {
    private Formulas() {
    }

    static void forModel(DocBuilder d, Evaluation e) {
        Scenario s = e.scenario();
        ModelConfig m = s.model();
        int mb = s.policy() == Policy.DUAL_MICRO_BATCH ? 2 : 1;
        int q = s.tokensPerStep();
        double rows = s.batchPerCard() * (double) q / mb;
        d.sub("Formulas for this model");
        d.p("The primitives (seed 003 section 5.4), with ", code("A_in"), ", ", code("W"), ", ", code("A_out"),
                " the element sizes of inputs, weights and outputs and ", code("η"), " the efficiency:");
        d.formulas(
                "GEMM M×K→N, c of them:  F = 2·M·K·N·c      bytes_hbm = (M·K·A_in + K·N·W + M·N·A_out)·c",
                "T_op = max(F / (P_peak·η), bytes_hbm / BW_hbm, bytes_net / BW_link) + overhead",
                "AI_hbm = F / bytes_hbm        OI_knee = P_peak / BW_hbm",
                String.format(Locale.ROOT, "M = B·q / micro-batches = %d·%d / %d = %s rows", s.batchPerCard(), q, mb, trim(rows)));
        List<String> lines = new ArrayList<>();
        int h = m.hiddenSize();
        int heads = m.numHeads();
        if (m.attention() == AttentionKind.MLA) {
            if (m.compressesQueries()) {
                lines.add(op("Q down", "M × " + h + " → " + m.qLoraRank()));
                lines.add(op("KV down", "M × " + h + " → " + m.kvEntryWidth() + "   (C_kv = " + m.kvLoraRank() + " + " + m.qkRopeHeadDim() + ")"));
                lines.add(op("Q up", "M × " + m.qLoraRank() + " → " + heads + "·" + m.qkHeadDim() + " = " + heads * m.qkHeadDim()));
            } else {
                lines.add(op("Q projection", "M × " + h + " → " + heads + "·" + m.qkHeadDim()));
                lines.add(op("KV down", "M × " + h + " → " + m.kvEntryWidth()));
            }
            lines.add(op("Q-nope absorb", heads + " × (M × " + m.qkNopeHeadDim() + " → " + m.kvLoraRank() + ")"));
            lines.add(op("FlashMLA", "F = 2·M·" + heads + "·L_c·(" + m.kvEntryWidth() + " + " + m.kvLoraRank()
                    + ")   KV read = (M/q)·L·" + m.kvEntryWidth() + "·A_kv"));
            lines.add(op("V absorb", heads + " × (M × " + m.kvLoraRank() + " → " + m.vHeadDim() + ")"));
            lines.add(op("O projection", "M × " + heads * m.vHeadDim() + " → " + h));
        } else {
            int kvHeads = m.numKeyValueHeads();
            lines.add(op("QKV projection", "M × " + h + " → (" + heads + " + 2·" + kvHeads + ")·" + m.headDim()));
            lines.add(op("GQA attention", "F = 2·M·" + heads + "·L_c·(" + m.headDim() + " + " + m.headDim()
                    + ")   KV read = (M/q)·L·" + m.kvEntryWidth() + "·A_kv   (C_kv = 2·" + kvHeads + "·" + m.headDim() + ")"));
            lines.add(op("O projection", "M × " + heads * m.headDim() + " → " + h));
        }
        int inter = m.moeIntermediateSize();
        if (m.sharedExperts() > 0) {
            int w = inter * m.sharedExperts();
            lines.add(op("Shared expert", "M × " + h + " → 2·" + w + ",  M × " + w + " → " + h));
        }
        int k = m.expertsPerToken();
        lines.add(op("Dispatch", "P·" + h + "·(1 B FP8)   with P = M·" + k + " token-expert pairs"));
        FidelityRules rules = Plan.rules(s);
        int slots = rules.expertSlots(m, s.deployment());
        String count = rules.countsRedundantCopies(s.deployment())
                ? "e = ceil((" + m.routedExperts() + " + " + s.redundantExperts() + ")/EP) = " + slots + " slots ("
                + m.routedExperts() + " experts + EPLB's " + s.redundantExperts() + " copies)"
                : "e = ceil(" + m.routedExperts() + "/EP) = " + slots + " experts";
        // one statement a line: the box is about 90 characters of the report's monospace wide (ReportLayoutTest)
        lines.add(op("Routed experts", count));
        lines.add(op("", "each: M_e × " + h + " → 2·" + inter + " and M_e × " + inter + " → " + h));
        lines.add(op("Combine", "P·" + h + "·(combine element bytes)"));
        lines.add("TPOT = layer time · " + m.numLayers() + " layers (+ work outside the layers)");
        lines.add("tokens/s per user = (1 + Σ α^i) / TPOT");
        lines.add("maxBatch = floor((HBM − non-expert weights − local experts − reserve) / (L·" + m.kvEntryWidth() + "·"
                + m.numLayers() + "·A_kv))");
        d.p("The operators of one layer for ", m.name(), " (", code("L"), " the context, ", code("L_c"),
                " the keys computed, ", code("M_e"), " the rows each local expert runs):");
        d.formulas(lines.toArray(new String[0]));
        // only what this model has: a GQA model without shared experts or MTP reads no sentence about them
        List<Object> p = new ArrayList<>();
        if (!rules.costsWorkOutsideTheExperts()) {
            p.add("Seed fidelity keeps seed 000's readings (docs/validation.md): ");
            if (m.sharedExperts() > 0) {
                p.addAll(List.of("the shared expert runs the sequences (", code("M/q"), " rows), "));
            }
            if (m.attention() == AttentionKind.MLA && m.compressesQueries()) {
                p.add("Q down and Q up charge no weight bytes, ");
            }
            if (m.attention() == AttentionKind.MLA) {
                p.addAll(List.of("FlashMLA computes whole ", s.faChunkTokens(), "-key chunks (", code("L_c"), " rounds ",
                        code("L"), " up), "));
            }
            p.addAll(List.of("and each local expert runs ", s.expertLoad() == ExpertLoad.FULL
                    ? "all P pairs (" + code("M_e = P").text() + ")" : "its share (" + code("M_e = P/e").text() + ")", "."));
        } else {
            List<String> adds = new ArrayList<>(List.of("the norms", "the router gate"));
            if (m.denseLayers() > 0) {
                adds.add("the dense layers");
            }
            adds.add("the LM head");
            if (m.mtpModules() > 0) {
                adds.add("MTP");
            }
            p.addAll(List.of("Calibrated fidelity adds ", String.join(", ", adds.subList(0, adds.size() - 1)) + " and "
                    + adds.get(adds.size() - 1), ", times each GEMM at the fraction of the roofline DeepGEMM reaches at "
                    + "its shape, and runs each expert over its own ", code("M_e = P/e"), " rows."));
        }
        d.p(p.toArray());
    }

    private static String op(String name, String shape) {
        return String.format(Locale.ROOT, "%-16s %s", name, shape);
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
