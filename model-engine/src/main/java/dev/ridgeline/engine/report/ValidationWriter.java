package dev.ridgeline.engine.report;

import static dev.ridgeline.engine.report.DocBuilder.num;
import static dev.ridgeline.engine.report.DocBuilder.strong;

import dev.ridgeline.engine.evidence.Band;
import dev.ridgeline.engine.validation.Anchor;
import dev.ridgeline.engine.validation.Metric;
import dev.ridgeline.engine.validation.Validation;
import java.util.ArrayList;
import java.util.List;

/**
 * The appendix (issue 19): calibrated fidelity against every published deployment in the anchor registry, the same
 * table as {@code ridgeline validate} and the window's Validation view. A published figure outside Ridgeline's P10-P90
 * band is set in red, with its known cause.
 */
final class ValidationWriter {
    static final String APPENDIX = "Appendix: validation against published deployments";

    private ValidationWriter() {
    }

    static void appendix(DocBuilder d, Validation v) {
        d.section(APPENDIX);
        long outside = v.rows().stream().filter(Validation.Row::outsideBand).count();
        d.p("Ridgeline's calibrated figure for each published deployment, decode and prefill, its P10-P90 band (the "
                        + "calibration's held-out residuals, widened for extrapolation) and its error against the "
                        + "published figure. ",
                num(v.rows().size(), Unit.COUNT), " anchors on ", num(v.chips().size(), Unit.COUNT),
                " chips: median |error| ", num(v.medianAbsError(), Unit.FRACTION), " (decode ",
                num(v.phase(false).medianAbsError(), Unit.FRACTION), ", prefill ",
                num(v.phase(true).medianAbsError(), Unit.FRACTION), "), worst ",
                num(v.worstAbsError(), Unit.FRACTION), "; ", num(outside, Unit.COUNT),
                " published figure(s) outside the band, in red. Nothing in the engine was fitted to these figures.");
        DocBuilder.TableBuilder t = DocBuilder.table().text("Anchor").text("Chip").text("Metric").number("Published")
                .number("Ridgeline").text("P10-P90").number("Error");
        for (Validation.Row r : v.rows()) {
            Anchor a = r.anchor();
            Object published = a.publishedLow() == a.publishedHigh() ? figure(a.metric(), a.published())
                    : range(a.metric(), a.publishedLow(), a.publishedHigh());
            t.row(r.outsideBand() ? new Inline.Alert(a.id()) : a.id(), a.scenario().chip().name(), a.metric().label(),
                    published, figure(a.metric(), r.ours()), range(a.metric(), r.band()),
                    r.outsideBand() ? new Inline.Alert(errorText(r.error())) : num(r.error(), Unit.FRACTION));
        }
        d.add(t.build());
        List<Block.Paragraph> items = new ArrayList<>();
        for (Validation.Row r : v.rows()) {
            Anchor a = r.anchor();
            List<Object> parts = new ArrayList<>(List.of(strong(a.id()), ": " + a.deployment() + ". Scenario: "
                    + a.scenarioText() + ". Conditions: " + a.conditions() + ". Source: " + a.source() + "."));
            if (r.outsideBand()) {
                parts.add(" ");
                parts.add(new Inline.Alert("Outside the band: " + (a.knownCause().isEmpty() ? "cause not known."
                        : a.knownCause())));
            } else if (!a.knownCause().isEmpty()) {
                parts.add(" Known cause of its error: " + a.knownCause());
            }
            items.add(Block.Paragraph.of(parts.toArray()));
        }
        d.items(false, items);
    }

    private static String errorText(double error) {
        return String.format(java.util.Locale.ROOT, "%+.1f %%", 100 * error);
    }

    /**
     * A figure in the metric's unit (TPOT in milliseconds as seconds), tokens/s as the band beside it and the report's
     * other bands show them: whole and grouped from 100 up ("7,839 tokens/s", not "7839.0 tokens/s"; a published
     * figure is a whole number and Ridgeline's is not known to a tenth).
     */
    private static Inline figure(Metric m, double v) {
        return m == Metric.TPOT_MS ? num(v / 1e3, Unit.SECONDS) : new Inline.Text(text(v) + " tokens/s");
    }

    private static Inline range(Metric m, Band b) {
        return range(m, b.low(), b.high());
    }

    private static Inline range(Metric m, double low, double high) {
        return new Inline.Text(text(low) + "–" + text(high) + (m == Metric.TPOT_MS ? " ms" : ""));
    }

    static String text(double v) {
        return v >= 100 ? String.format(java.util.Locale.ROOT, "%,.0f", v) : String.format(java.util.Locale.ROOT, "%.2f", v);
    }
}
