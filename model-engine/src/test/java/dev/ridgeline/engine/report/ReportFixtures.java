package dev.ridgeline.engine.report;

import dev.ridgeline.engine.Fixtures;
import dev.ridgeline.engine.io.Presets;
import dev.ridgeline.engine.model.Fidelity;
import dev.ridgeline.engine.model.Scenario;

/** The two reports issue 14 names, built once for the report tests. */
final class ReportFixtures {
    /**
     * DeepSeek-V3 on H800 + CX7 at EP144, the explorer's opening scenario in seed fidelity (the figures these tests
     * derive by hand are seed 000's readings: GiB, whole FlashMLA chunks).
     */
    static final Scenario V3_H800 = Presets.builtInScenario("default").withFidelity(Fidelity.SEED);
    /** Qwen3-235B-A22B (GQA) on B200 + CX7, calibrated, EP64, batch 64. */
    static final Scenario QWEN_B200 = Scenario.defaults(Fixtures.CATALOG.model("Qwen3-235B-A22B"),
            Fixtures.CATALOG.chip("B200"), Fixtures.CATALOG.nic("CX7")).withEp(64).withFidelity(Fidelity.CALIBRATED);

    /** V3's report compares the H800 with these; Qwen's has no rivals. */
    static final java.util.List<dev.ridgeline.engine.model.Chip> RIVALS = java.util.List.of(
            Fixtures.CATALOG.chip("B200"), Fixtures.CATALOG.chip("H20"));
    static final Report V3 = ReportBuilder.build(Fixtures.ENGINE, request(V3_H800, RIVALS), Progress.NONE);
    static final Report QWEN = build(QWEN_B200);

    private ReportFixtures() {
    }

    static ReportRequest request(Scenario s) {
        return new ReportRequest(s, null, null, ReportRequest.DEFAULT_TARGET, "test", "ridgeline report", "{}", null);
    }

    static ReportRequest request(Scenario s, java.util.List<dev.ridgeline.engine.model.Chip> rivals) {
        return new ReportRequest(s, null, null, ReportRequest.DEFAULT_TARGET, "test", "ridgeline report", "{}", null,
                rivals);
    }

    static Report build(Scenario s) {
        return ReportBuilder.build(Fixtures.ENGINE, request(s), Progress.NONE);
    }

    /** The numeric value of a cell; fails on text. */
    static double value(Inline cell) {
        if (!(cell instanceof Inline.Num)) {
            throw new AssertionError("not a number: " + cell);
        }
        return ((Inline.Num) cell).value();
    }

    static String text(Inline cell) {
        if (cell instanceof Inline.Text) {
            return ((Inline.Text) cell).text();
        }
        if (cell instanceof Inline.Num) {
            return String.valueOf(((Inline.Num) cell).value());
        }
        if (cell instanceof Inline.Alert) {
            return ((Inline.Alert) cell).text();
        }
        return cell instanceof Inline.Code ? ((Inline.Code) cell).text() : ((Inline.Strong) cell).text();
    }
}
