package dev.ridgeline.engine.validation;

import dev.ridgeline.engine.Engine;
import dev.ridgeline.engine.Evaluation;
import dev.ridgeline.engine.PrefillEvaluation;
import dev.ridgeline.engine.calibration.ExpertPopularity;
import dev.ridgeline.engine.evidence.Band;
import dev.ridgeline.engine.evidence.Bands;
import dev.ridgeline.engine.evidence.PrefillBands;
import java.util.ArrayList;
import java.util.List;

/**
 * Ridgeline against every published anchor (issue 19): each anchor's scenario evaluated by the engine and its figure
 * set beside the published one; a prefill anchor's (issue 20) as a prefill step of its prompts, with its band from
 * {@link PrefillBands}. The same table feeds {@code ridgeline validate}, the window's Validation view and the
 * review report's appendix.
 */
public record Validation(List<Row> rows) {
    public Validation {
        rows = List.copyOf(rows);
    }

    /**
     * One anchor checked.
     *
     * @param evaluation the decode step (null for a prefill anchor)
     * @param ours  Ridgeline's figure, in the anchor's metric
     * @param band  its P10-P90 band ({@link Bands}, {@link PrefillBands})
     * @param error {@code ours / published - 1}
     * @param prefill the prefill step (null for a decode anchor)
     */
    public record Row(Anchor anchor, Evaluation evaluation, double ours, Band band, double error,
                      PrefillEvaluation prefill) {
        /** True when the published figure (its whole range) lies outside Ridgeline's band. */
        public boolean outsideBand() {
            return anchor.publishedHigh() < band.low() || anchor.publishedLow() > band.high();
        }
    }

    public static Validation run(Engine engine, List<Anchor> anchors) {
        List<Row> rows = new ArrayList<>();
        Engine balanced = null;
        for (Anchor a : anchors) {
            if (a.prefill() != null) {
                if (a.balancedRouting() && balanced == null) {
                    balanced = new Engine(engine.calibration().withExpertPopularity(ExpertPopularity.UNIFORM));
                }
                Engine on = a.balancedRouting() ? balanced : engine;
                PrefillEvaluation p = on.evaluatePrefill(a.scenario(), a.prefill());
                double ours = p.tokensPerSecPerCard();
                rows.add(new Row(a, null, ours, PrefillBands.tokensPerSecPerCard(on.calibration(), p),
                        ours / a.published() - 1, p));
                continue;
            }
            Evaluation e = engine.evaluate(a.scenario());
            double ours = a.metric().of(e);
            Band band = a.metric().of(Bands.of(engine.calibration(), e));
            rows.add(new Row(a, e, ours, band, ours / a.published() - 1, null));
        }
        return new Validation(rows);
    }

    /** The rows of one phase: prefill anchors ({@code true}) or decode anchors. */
    public Validation phase(boolean prefill) {
        return new Validation(rows.stream().filter(r -> (r.anchor().prefill() != null) == prefill).toList());
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
