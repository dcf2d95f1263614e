package dev.ridgeline.app.explorer.tuning;

import static dev.ridgeline.app.Names.named;

import dev.ridgeline.app.explorer.TestWindow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.app.Engines;
import dev.ridgeline.app.explorer.ExplorerView;
import dev.ridgeline.app.explorer.KpiPanel;
import dev.ridgeline.engine.io.Presets;
import dev.ridgeline.engine.model.Chip;
import dev.ridgeline.engine.model.ChipField;
import dev.ridgeline.engine.model.FieldId;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.space.ChipComparison;
import dev.ridgeline.engine.space.Objective;
import dev.ridgeline.engine.space.Sensitivity;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The cost tiles, a price edit redrawing them, the Chips view and the cost objective in the window. */
@ExtendWith(ApplicationExtension.class)
class CostViewsTest {
    @TempDir
    static Path home;

    private ExplorerView view;

    @Start
    void start(Stage stage) {
        view = new TestWindow().presets(home.resolve("presets")).withoutMenus().show(stage);
    }

    private KpiPanel kpis(FxRobot robot) {
        return robot.lookup(named("kpis")).queryAs(KpiPanel.class);
    }

    @Test
    void theDollarTileShowsThePriceItRestsOnAndAPriceEditRedrawsIt(FxRobot robot) {
        Scenario s = view.model().getScenario();
        double perCard = Engines.builtIn().evaluate(s).throughputPerCard();
        // $2 per card-hour (DeepSeek) over tokens/s x 3600 / 1e6
        assertEquals(ObjectiveText.number(Objective.COST, 2.0 / (perCard * 3600 / 1e6)), kpis(robot).value("dollarsPerMtok"));
        String note = robot.lookup(named("priceNote")).queryAs(Label.class).getText();
        assertTrue(note.startsWith("at $2.00/card-h as of 2025-02-28: DeepSeek"), note);
        ChipField price = ChipField.of(FieldId.PRICE);
        robot.interact(() -> view.chipEditor().chipProperty().set(price.with(s.chip(), 4.0).asEdited()));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(ObjectiveText.number(Objective.COST, 4.0 / (perCard * 3600 / 1e6)), kpis(robot).value("dollarsPerMtok"));
        assertTrue(robot.lookup(named("priceNote")).queryAs(Label.class).getText().contains("edited by the user"));
        // a chip without a price says so instead of a figure
        robot.interact(() -> view.model().setScenario(s.withChip(Presets.builtIn().chip("H20"))));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("no price", kpis(robot).value("dollarsPerMtok"));
    }

    @Test
    void theChipsViewRanksEachChipAtItsBestDeploymentAndTheObjectiveReranksIt(FxRobot robot) {
        robot.clickOn(named("chipsTab"));
        WaitForAsyncUtils.waitForFxEvents();
        CompareView v = view.tuning().compare();
        ChipComparison.Result r = v.result();
        assertNotNull(r, "computed while shown");
        Scenario s = view.model().getScenario();
        List<Chip> chips = CompareModel.chips(s, Presets.builtIn().defaultRivals());
        assertEquals(4, chips.size(), "the scenario's chip and the three default rivals");
        ChipComparison.Result expected = ChipComparison.compute(Engines.builtIn(), s, chips, 20, Objective.THROUGHPUT);
        assertEquals(CompareText.rows(expected), v.rows());
        assertEquals(expected.winner(Objective.THROUGHPUT).chip().name(), v.rows().get(0).get(1));
        robot.interact(() -> view.tuning().inputs().objectiveProperty().set(Objective.COST));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(expected.winner(Objective.COST).chip().name(), v.rows().get(0).get(1));
        assertTrue(v.findingsText().contains("breaks even with " + expected.winner(Objective.COST).chip().name()),
                v.findingsText());
        // a price edit redraws the view like any chip edit: the scenario's H800 at $0.50 instead of DeepSeek's $2
        // costs a quarter as much per token, below every rival at its catalogue price
        ChipField price = ChipField.of(FieldId.PRICE);
        Chip cheap = price.with(s.chip(), 0.5).asEdited();
        robot.interact(() -> view.chipEditor().chipProperty().set(cheap));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(cheap.name(), v.rows().get(0).get(1), v.rows().toString());
        assertTrue(v.rows().get(0).get(7).startsWith("$0.50"), v.rows().get(0).toString());
        ChipComparison.Row before = expected.rows().stream().filter(x -> x.chip().equals(s.chip())).findFirst().orElseThrow();
        assertEquals(ObjectiveText.number(Objective.COST, Objective.COST.figure(before.score(Objective.COST)) / 4),
                v.rows().get(0).get(3));
    }

    @Test
    void theSensitivityOnCostSaysThePriceAndMovesIt(FxRobot robot) {
        robot.interact(() -> view.tuning().inputs().objectiveProperty().set(Objective.COST));
        robot.clickOn(named("sensitivityTab"));
        WaitForAsyncUtils.waitForFxEvents();
        Sensitivity.Result r = view.tuning().sensitivity().result();
        assertEquals(Objective.COST, r.objective());
        String caption = view.tuning().sensitivity().captionText();
        assertTrue(caption.startsWith("Headline: $"), caption);
        assertTrue(caption.contains("per million output tokens") && caption.contains("as of 2025-02-28"), caption);
        assertTrue(r.bars().stream().anyMatch(b -> b.knob().name().equals("Price")));
    }
}
