package dev.ridgeline.engine.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.engine.Evaluation;
import dev.ridgeline.engine.Fixtures;
import dev.ridgeline.engine.io.Presets;
import dev.ridgeline.engine.model.Fidelity;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.plan.Plan;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 19, item 5: DeepSeek's EP128 deployment holds the same number of experts per card in the report's text, its
 * memory table and the evaluation, in both fidelities. The counts are derived by hand, not read from the engine:
 * seed 000 places {@code ceil(256 / 128) = 2} experts a card; calibrated fidelity places EPLB's 32 redundant copies
 * too (DeepSeek's deployment, https://github.com/deepseek-ai/EPLB), {@code ceil((256 + 32) / 128) = 3} slots.
 */
class ExpertsPerCardTest {

    @ParameterizedTest(name = "{0}: {1} experts per card")
    @CsvSource({"CALIBRATED, 3", "SEED, 2"})
    void reportTextMemoryTableAndEvaluationAgree(Fidelity fidelity, int slots) {
        Scenario s = Presets.builtInScenario("default").withFidelity(fidelity).withEp(128).withMtp(0, 0.85);
        Evaluation e = Fixtures.ENGINE.evaluate(s);
        assertEquals(slots, e.hottestCard().expertSlots(), "the evaluation");
        assertEquals(slots, Plan.rules(s).expertSlots(s.model(), s.deployment()), "the plan's rules");
        assertEquals(slots, Fixtures.ENGINE.plan(s).expertSlots(s.deployment()), "the prepared plan");

        // the memory table: 58 MoE layers of 3·7168·2048 FP8 parameters (1 byte) per slot
        double perSlot = 58 * 3.0 * 7168 * 2048;
        assertEquals(slots * perSlot, e.memory().localExpertBytes(), 1.0);
        DocBuilder d = new DocBuilder();
        ModelWriter.fingerprint(d, e);
        Formulas.forModel(d, e);
        Report r = d.build("t", "s");
        Block.Table memory = r.section(ModelWriter.FINGERPRINT).blocks(Block.Table.class).get(1);
        int row = rowOf(memory, "Local routed experts");
        assertEquals(slots * perSlot, ReportFixtures.value(memory.rows().get(row).get(1)), 1.0);

        // the text: the memory paragraph and the routed experts' formula
        String fingerprint = text(r.section(ModelWriter.FINGERPRINT).blocks(Block.Paragraph.class));
        assertTrue(fingerprint.contains("at EP128 (" + slots + " routed-expert slots per card"
                + (fidelity == Fidelity.CALIBRATED ? ", redundant copies included)" : ")")), fingerprint);
        String formulas = String.join("\n", r.section("Formulas for this model").blocks(Block.Formulas.class).get(1).lines());
        assertTrue(formulas.contains(fidelity == Fidelity.CALIBRATED ? "e = ceil((256 + 32)/EP) = 3 slots"
                : "e = ceil(256/EP) = 2 experts"), formulas);
    }

    private static int rowOf(Block.Table t, String prefix) {
        for (int i = 0; i < t.rows().size(); i++) {
            if (ReportFixtures.text(t.rows().get(i).get(0)).startsWith(prefix)) {
                return i;
            }
        }
        throw new AssertionError("no row " + prefix);
    }

    private static String text(List<Block.Paragraph> ps) {
        return ps.stream().map(p -> p.parts().stream().map(ExpertsPerCardTest::text).collect(Collectors.joining()))
                .collect(Collectors.joining("\n"));
    }

    /** A part as a reader sees it: whole numbers without a decimal point. */
    private static String text(Inline part) {
        if (part instanceof Inline.Num && ((Inline.Num) part).value() == Math.rint(((Inline.Num) part).value())) {
            return String.valueOf((long) ((Inline.Num) part).value());
        }
        return ReportFixtures.text(part);
    }
}
