package dev.ridgeline.engine.report;

import static dev.ridgeline.engine.report.DocBuilder.code;
import static dev.ridgeline.engine.report.DocBuilder.num;
import static dev.ridgeline.engine.report.DocBuilder.strong;

import dev.ridgeline.engine.ReadingsInForce;
import dev.ridgeline.engine.Evaluation;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.roofline.OpResult;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The last section: readings, assumptions, fidelity, every source, the version and the inputs. */
final class SourceWriter {
    static final String SOURCES = "Assumptions, fidelity and sources";

    /**
     * The seeds the model and this report follow, each by its public source (a reader has the report and, at most, the
     * project's repository; the seeds' own files are not part of it). Seed 003 was never published: the sections the
     * report is checked against are in the repository.
     */
    static final List<String> SEEDS = List.of(
            "Seed 000 (the decode model, its readings and result tables): ShineZ, \u201cHow to estimate the per-card "
                    + "throughput of DeepSeek under EP on chips of different specifications\u201d (in Chinese), 2025-03-15, https://shinezyy.github.io/ArchShineZ/post/modeling-deepseek/",
            "Seed 002 (the C/B balance threshold 2d): DeepSeek-V4 technical report, section EP Scheme "
                    + "(computation-communication ratio), https://huggingface.co/deepseek-ai/DeepSeek-V4-Pro/resolve/main/DeepSeek_V4.pdf",
            "Seed 003 (report structure, regimes, knob ranking): a generated roofline report (2026-02-18, unpublished); "
                    + "the sections this report's model fingerprint compares with are in Ridgeline's repository, "
                    + "model-engine/src/test/resources/seeds/seed-003-excerpt.md");

    private SourceWriter() {
    }

    static void write(DocBuilder d, Analyses a) {
        Evaluation e = a.evaluation();
        Scenario s = e.scenario();
        ReportRequest r = a.request();
        d.section(SOURCES);
        d.sub("Fidelity, readings and assumptions");
        d.p("Fidelity: ", strong(s.fidelity().label()), " (" + dev.ridgeline.engine.plan.Plan.rules(s).basis() + ").",
                e.extrapolated() ? " Some figures are used beyond what was measured and are marked extrapolated in the "
                        + "operator table." : "");
        List<Block.Paragraph> readings = new ArrayList<>();
        for (String line : ReadingsInForce.of(s)) {
            readings.add(Block.Paragraph.of(line));
        }
        readings.add(Block.Paragraph.of("FA3 stage mode: ", s.fa3Mode().label(), " (", s.fa3().label(), "); DeepGEMM promotion ",
                s.promotion() ? "on" : "off", s.gemmEfficiency() > 0 ? "; manual GEMM efficiency " : "",
                s.gemmEfficiency() > 0 ? num(s.gemmEfficiency(), Unit.FRACTION) : ""));
        readings.add(Block.Paragraph.of("Regimes (training, prefill): seed 003's static model, WRF 4/4/2, fusion 0.5, "
                + "training ×3 FLOPs and ×2 bytes; the design space is swept on the summary path."));
        d.items(false, readings);
        d.sub("Sources");
        Set<String> sources = new LinkedHashSet<>();
        sources.add("Model " + s.model().name() + ": " + s.model().source());
        sources.add("Chip " + s.chip().name() + ": " + s.chip().source()
                + (s.chip().confidence().isEmpty() ? "" : " (confidence: " + s.chip().confidence() + ")"));
        sources.add("NIC " + s.nic().name() + ": " + s.nic().source());
        java.util.Map<String, List<String>> byBasis = new java.util.LinkedHashMap<>();
        for (OpResult op : java.util.stream.Stream.concat(e.ops().stream(), e.stepOps().stream()).toList()) {
            byBasis.computeIfAbsent(op.basis(), b -> new ArrayList<>()).add(op.name());
        }
        byBasis.forEach((basis, names) -> sources.add(String.join(", ", names) + ": " + basis));
        sources.addAll(SEEDS);
        List<Block.Paragraph> items = new ArrayList<>();
        for (String line : sources) {
            items.add(Block.Paragraph.of(line));
        }
        d.items(false, items);
        d.sub("Regenerating this report");
        d.p("Ridgeline ", code(r.version()), "; scenario: ", s.summary(), "; target ",
                num(r.targetTokensPerSec(), Unit.TOKENS_PER_SEC), " per user", a.pinned() != null
                        ? "; A: " + a.pinned().scenario().summary() : "", ".");
        d.p("Command line (with the scenario below saved as ", code("scenario.json"),
                r.pinnedJson() != null ? " and A as " : "", r.pinnedJson() != null ? (Object) code("a.json") : "", "):");
        d.formulas(r.command());
        d.formulas(r.scenarioJson().strip().split("\n"));
        if (r.pinnedJson() != null) {
            d.p("A, ", code("a.json"), ":");
            d.formulas(r.pinnedJson().strip().split("\n"));
        }
    }
}
