package dev.ridgeline.engine.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.engine.Fixtures;
import dev.ridgeline.engine.io.Presets;
import dev.ridgeline.engine.model.Fidelity;
import dev.ridgeline.engine.model.Scenario;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The formulas are preformatted lines: one longer than its box wraps in the printed report, and a wrapped formula
 * reads as two (the routed experts' and the TPOT lines did). The box's width, by hand from the report's style
 * (app/report/Styles.java): A4 is 210 mm, less 13 mm margins each side = 184 mm = 521.6 pt; the box's padding is
 * 0.7 em of 8.6 pt each side (12.0 pt) and its border 1 px each side (1.5 pt), leaving 508.1 pt; DejaVu Sans Mono
 * advances 0.602 em, 5.18 pt at 8.6 pt, so 98 characters fit. Every line of every model's formulas, in both
 * fidelities and with EPLB's copies named, stays within them.
 */
class FormulaWidthTest {
    private static final int FITS = 98;

    @ParameterizedTest(name = "{0}, {1}")
    @CsvSource({"DeepSeek-V3, CALIBRATED", "DeepSeek-V3, SEED", "Kimi-K2, CALIBRATED", "Qwen3-235B-A22B, CALIBRATED",
        "Qwen3-30B-A3B, SEED", "DeepSeek-V2-Lite, CALIBRATED"})
    void everyFormulaLineFitsItsBox(String model, Fidelity fidelity) {
        Scenario base = Presets.builtInScenario("default").withFidelity(fidelity).withEp(64); // an EP every model takes
        Scenario s = base.withModel(Fixtures.CATALOG.model(model));
        DocBuilder d = new DocBuilder();
        Formulas.forModel(d, Fixtures.ENGINE.evaluate(s));
        Report r = d.build("t", "s");
        for (Section section : r.sections()) {
            for (Block.Formulas f : section.blocks(Block.Formulas.class)) {
                for (String line : f.lines()) {
                    assertTrue(line.length() <= FITS, line.length() + " characters: " + line);
                }
            }
        }
    }
}
