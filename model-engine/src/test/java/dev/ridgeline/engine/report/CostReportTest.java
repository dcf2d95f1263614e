package dev.ridgeline.engine.report;

import static dev.ridgeline.engine.report.ReportFixtures.QWEN;
import static dev.ridgeline.engine.report.ReportFixtures.RIVALS;
import static dev.ridgeline.engine.report.ReportFixtures.V3;
import static dev.ridgeline.engine.report.ReportFixtures.V3_H800;
import static dev.ridgeline.engine.report.ReportFixtures.text;
import static dev.ridgeline.engine.report.ReportFixtures.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.engine.Evaluation;
import dev.ridgeline.engine.Fixtures;
import dev.ridgeline.engine.model.Chip;
import dev.ridgeline.engine.space.ChipComparison;
import dev.ridgeline.engine.space.Objective;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The report's cost sections hold the engine's figures and say what price and power they rest on. */
class CostReportTest {
    @Test
    void costSectionGivesTheEnginesDollarsAndJoulesAndThePriceSource() {
        Evaluation e = Fixtures.ENGINE.evaluate(V3_H800);
        Section s = V3.section(CostWriter.COST);
        Block.Table t = s.blocks(Block.Table.class).get(0);
        List<dev.ridgeline.engine.report.Inline> now = t.rows().get(0);
        assertEquals(e.throughputPerCard(), value(now.get(1)), 0.0);
        assertEquals(e.tokenCost().dollarsPerMillionOutputTokens().getAsDouble(), value(now.get(2)), 0.0);
        assertEquals(e.tokenCost().joulesPerOutputToken().getAsDouble(), value(now.get(3)), 0.0);
        String words = s.blocks(Block.Paragraph.class).toString();
        assertTrue(words.contains("2025-02-28") && words.contains("open-infra-index"), words);
        assertTrue(words.contains("Decode only"), words);
    }

    @Test
    void chipsSectionRanksTheScenariosChipAndTheRivalsByDollars() {
        List<Chip> chips = new ArrayList<>();
        chips.add(V3_H800.chip());
        chips.addAll(RIVALS);
        ChipComparison.Result r = ChipComparison.compute(Fixtures.ENGINE, V3_H800, chips, 20, Objective.COST);
        Block.Table t = V3.section(CostWriter.CHIPS).blocks(Block.Table.class).get(0);
        List<ChipComparison.Row> ranked = r.ranked(Objective.COST);
        assertEquals(ranked.size(), t.rows().size());
        for (int i = 0; i < ranked.size(); i++) {
            assertEquals(ranked.get(i).chip().name(), text(t.rows().get(i).get(0)));
            assertEquals(ranked.get(i).answer().throughputPerCard(), value(t.rows().get(i).get(1)), 0.0);
        }
        // H20 has no price: ranked last on dollars, its cell says so
        assertEquals("H20", text(t.rows().get(2).get(0)));
        assertEquals("no price", text(t.rows().get(2).get(2)));
        // Qwen's report had no rivals and says how to give some
        assertTrue(QWEN.section(CostWriter.CHIPS).blocks(Block.Paragraph.class).get(0).toString().contains("No rival"));
    }
}
