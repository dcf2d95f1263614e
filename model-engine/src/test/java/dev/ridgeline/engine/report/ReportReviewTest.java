package dev.ridgeline.engine.report;

import static dev.ridgeline.engine.report.ReportFixtures.QWEN;
import static dev.ridgeline.engine.report.ReportFixtures.QWEN_B200;
import static dev.ridgeline.engine.report.ReportFixtures.V3;
import static dev.ridgeline.engine.report.ReportFixtures.V3_H800;
import static dev.ridgeline.engine.report.ReportFixtures.text;
import static dev.ridgeline.engine.report.ReportFixtures.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.engine.Evaluation;
import dev.ridgeline.engine.Fixtures;
import dev.ridgeline.engine.model.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Issue 22's review of the report: the defects the reviewer found, each held by a test that would have caught it. */
class ReportReviewTest {
    static Stream<Arguments> reports() {
        return Stream.of(Arguments.of("DeepSeek-V3 on H800", V3, V3_H800), Arguments.of("Qwen3 (GQA) on B200", QWEN, QWEN_B200));
    }

    /** Every paragraph's, list item's, caption's and table cell's text of a report. */
    private static List<String> texts(Report r) {
        List<String> out = new ArrayList<>();
        for (Section section : r.sections()) {
            for (Block.Paragraph p : section.blocks(Block.Paragraph.class)) {
                out.add(p.plain());
            }
            for (Block.Items items : section.blocks(Block.Items.class)) {
                for (Block.Paragraph p : items.items()) {
                    out.add(p.plain());
                }
            }
            for (Block.Figure f : section.blocks(Block.Figure.class)) {
                out.add(f.caption());
            }
            for (Block.Table t : section.blocks(Block.Table.class)) {
                for (List<Inline> row : t.rows()) {
                    for (Inline cell : row) {
                        out.add(text(cell));
                    }
                }
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reports")
    void theRegimesTableMeansTheSameTimesInEveryRow(String name, Report r, Scenario s) {
        // T_comp = F / P_peak and T_hbm = bytes_hbm / BW_hbm in every row, decode's included (its T_hbm was once the
        // memory-bound ops' own time), with the chip as the report's fidelity reads it
        Evaluation e = Fixtures.ENGINE.evaluate(s);
        double peak = s.chip().tensorFlopsPerSec(s.weightDtype());
        Block.Table t = r.section(PhaseWriter.REGIMES).blocks(Block.Table.class).get(0);
        assertEquals(5, t.rows().size(), "training and prefill, naive and efficient, and decode");
        for (int i = 0; i < t.rows().size(); i++) {
            double flops = value(t.cell(i, "F"));
            double bytes = value(t.cell(i, "bytes_hbm"));
            assertEquals(flops / peak, value(t.cell(i, "T_comp")), flops / peak * 1e-12, "row " + i);
            assertEquals(bytes / e.hbmBytesPerSecAsRead(), value(t.cell(i, "T_hbm")), bytes / e.hbmBytesPerSecAsRead() * 1e-12,
                    "row " + i);
        }
    }

    @Test
    void anEpAboveTheExpertCountIsFlaggedAndOnlyThen() {
        // Qwen3-235B-A22B has 128 routed experts: at EP256, 128 cards hold only copies
        Report over = ReportFixtures.build(QWEN_B200.withEp(256));
        assertTrue(texts(over).stream().anyMatch(x -> x.contains("EP256 exceeds the model's 128 routed experts")),
                "flagged");
        for (Report r : List.of(V3, QWEN)) {
            assertTrue(texts(r).stream().noneMatch(x -> x.contains("exceeds the model's")), "EP144 of 256, EP64 of 128");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reports")
    void everySourceIsOneAReaderCanFollow(String name, Report r, Scenario s) {
        // the seeds once pointed at ../shared/seeds/, a folder beside the project's own that no clone has: each seed
        // is cited by its public address, or by its copy in the repository when it was never published
        List<String> texts = texts(r);
        for (String x : texts) {
            for (String unreachable : List.of("../shared", "/work/", "shared/seeds", "shared/calibration")) {
                assertTrue(!x.contains(unreachable), "'" + unreachable + "' in: " + x);
            }
        }
        for (String seed : SourceWriter.SEEDS) {
            assertTrue(texts.contains(seed), "cited: " + seed);
            assertTrue(seed.contains("https://") || seed.contains("src/test/resources/seeds/"), seed);
        }
        // the path the seed 003 item names is the excerpt SeedFiguresTest reads
        assertTrue(ReportReviewTest.class.getResource("/seeds/seed-003-excerpt.md") != null, "seed 003's excerpt");
    }

    @Test
    void theAppendixGroupsItsFiguresAsTheReportsBandsDo() {
        // a reviewer found "7839.0 tokens/s" beside "10,169 tokens/s" and "8,479-10,936" in one row: every tokens/s
        // figure of the appendix's table is whole and grouped from 100 up, and reads back as the anchor's figure
        var anchors = dev.ridgeline.engine.io.Anchors.builtIn();
        Scenario s = dev.ridgeline.engine.io.Presets.builtInScenario("default");
        Report r = ReportBuilder.build(Fixtures.ENGINE, new ReportRequest(s, null, null, ReportRequest.DEFAULT_TARGET,
                "test", "ridgeline report", "{}", null).withAnchors(anchors), Progress.NONE);
        var validation = dev.ridgeline.engine.validation.Validation.run(Fixtures.ENGINE, anchors);
        Block.Table t = r.section(ValidationWriter.APPENDIX).blocks(Block.Table.class).get(0);
        java.util.regex.Pattern grouped = java.util.regex.Pattern.compile("[1-9][0-9]{0,2}(,[0-9]{3})* tokens/s");
        int checked = 0;
        for (int i = 0; i < anchors.size(); i++) {
            var a = anchors.get(i);
            if (a.metric() == dev.ridgeline.engine.validation.Metric.TPOT_MS) {
                continue;
            }
            double ours = validation.rows().get(i).ours();
            for (String column : List.of("Published", "Ridgeline")) {
                String cell = text(t.cell(i, column));
                assertTrue(!cell.matches(".*[0-9]{4}.*"), column + " of " + a.id() + " ungrouped: " + cell);
                double figure = column.equals("Published") ? a.publishedLow() : ours;
                if (figure >= 100 && (column.equals("Ridgeline") || a.publishedLow() == a.publishedHigh())) {
                    assertTrue(grouped.matcher(cell).matches(), column + " of " + a.id() + ": " + cell);
                    assertEquals(Math.round(figure), Long.parseLong(cell.replaceAll("[^0-9]", "")), a.id());
                    checked++;
                }
            }
        }
        assertTrue(checked >= 20, "figures checked: " + checked);
    }

    @Test
    void qwensReportSaysNothingOnlyDeepSeekHas() {
        // Qwen3 is GQA without MLA, MTP or a KV rank; DeepSeek's name may only appear in a citation of a shared source
        for (String x : texts(QWEN)) {
            if (x.startsWith(QWEN_B200.model().name() + ": ") || x.contains("https://") || x.startsWith("Fidelity: ")) {
                continue; // the preset's source note (the MLA keys are unused), cited sources, the fidelity's basis
            }
            for (String deepSeekOnly : List.of("FlashMLA", "MLA", "KV rank", "kv_lora", "q_lora", "DeepSeek-V3", "seed 003's own")) {
                assertTrue(!x.contains(deepSeekOnly), "'" + deepSeekOnly + "' in: " + x);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reports")
    void oneCombineDtypeInTheOpTableTheBalanceAndPrefillsTraffic(String name, Report r, Scenario s) {
        Messages m = Messages.of(Fixtures.ENGINE, s);
        // the op table: dispatch and combine carry the same token-expert pairs of H elements, so their bytes stand in
        // the ratio of their element sizes
        Block.Table ops = r.section(ModelWriter.OPERATORS).blocks(Block.Table.class).get(0);
        double dispatch = Double.NaN;
        double combine = Double.NaN;
        for (int i = 0; i < ops.rows().size(); i++) {
            String op = text(ops.cell(i, "Op"));
            if (op.equals("Dispatch")) {
                dispatch = value(ops.cell(i, "Network"));
            } else if (op.equals("Combine")) {
                combine = value(ops.cell(i, "Network"));
            }
        }
        assertEquals(m.combineBytes() / m.dispatchBytes(), combine / dispatch, 1e-9, m.label());
        // the summary's balance names the same messages and uses them for seed 002's threshold
        String summary = String.join("\n", texts(r));
        assertTrue(summary.contains("(" + m.label() + ", as the op table counts them)"), m.label());
        // prefill's traffic: prompt tokens x top-k x H x (dispatch + combine bytes) over the MoE layers, off-card share
        Block.Table regimes = r.section(PhaseWriter.REGIMES).blocks(Block.Table.class).get(0);
        int prefill = 2; // training naive, training efficient, prefill naive, ...
        assertEquals("prefill", text(regimes.cell(prefill, "Phase")));
        double link = s.chip().scaleUpCovers(s.ep()) ? s.chip().scaleUpBandwidthBytesPerSec() : s.nic().bandwidthBytesPerSec();
        double pairs = s.contextTokens() * s.model().expertsPerToken() * (double) s.model().hiddenSize() * s.model().moeLayers()
                * (s.ep() - 1.0) / s.ep();
        assertEquals(m.perPair(), value(regimes.cell(prefill, "T_net")) * link / pairs, 1e-9 * m.perPair(), m.label());
    }
}
