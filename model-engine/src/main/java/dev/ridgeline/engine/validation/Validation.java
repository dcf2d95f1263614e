package dev.ridgeline.engine.validation;

import dev.ridgeline.engine.Engine;
import dev.ridgeline.engine.Evaluation;
import dev.ridgeline.engine.evidence.Band;
import dev.ridgeline.engine.evidence.Bands;
import java.util.ArrayList;
import java.util.List;

/**
 * Ridgeline against every published anchor (issue 19): each anchor's scenario evaluated by the engine and its figure
 * set beside the published one. The same table feeds {@code ridgeline validate}, the window's Validation view and the
 * review report's appendix.
 */
public record Validation(List<Row> rows) {
    public Validation {
        rows = List.copyOf(rows);
    }

    /**
     * One anchor checked.
     *
     * @param ours  Ridgeline's figure, in the anchor's metric
     * @param band  its P10-P90 band ({@link Bands})
     * @param error {@code ours / published - 1}
     */
    public record Row(Anchor anchor, Evaluation evaluation, double ours, Band band, double error) {
        /** True when the published figure (its whole range) lies outside Ridgeline's band. */
        public boolean outsideBand() {
            return anchor.publishedHigh() < band.low() || anchor.publishedLow() > band.high();
        }
    }

    public static Validation run(Engine engine, List<Anchor> anchors) {
        List<Row> rows = new ArrayList<>();
        for (Anchor a : anchors) {
            Evaluation e = engine.evaluate(a.scenario());
            double ours = a.metric().of(e);
            Band band = a.metric().of(Bands.of(engine.calibration(), e));
            rows.add(new Row(a, e, ours, band, ours / a.published() - 1));
        }
        return new Validation(rows);
    }

    /** Median of |error| over the rows; 0 without rows. */
    public double medianAbsError() {
        double[] e = rows.stream().mapToDouble(r -> Math.abs(r.error())).sorted().toArray();
        int n = e.length;
        return n == 0 ? 0 : n % 2 == 1 ? e[n / 2] : (e[n / 2 - 1] + e[n / 2]) / 2;
    }

    /** The largest |error|; 0 without rows. */
    public double worstAbsError() {
        return rows.stream().mapToDouble(r -> Math.abs(r.error())).max().orElse(0);
    }

    /** The distinct chips the anchors run on, by name. */
    public List<String> chips() {
        return rows.stream().map(r -> r.anchor().scenario().chip().name()).distinct().toList();
    }
}
