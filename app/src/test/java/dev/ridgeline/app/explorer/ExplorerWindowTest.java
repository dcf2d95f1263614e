package dev.ridgeline.app.explorer;

import static dev.ridgeline.app.Names.named;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.app.explorer.charts.GanttPainter;
import dev.ridgeline.engine.Evaluation;
import dev.ridgeline.engine.io.Catalog;
import dev.ridgeline.engine.io.Presets;
import dev.ridgeline.engine.model.Chip;
import dev.ridgeline.engine.model.Dtype;
import dev.ridgeline.engine.model.Fa3Setting;
import dev.ridgeline.engine.model.Policy;
import dev.ridgeline.engine.roofline.Bound;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Drives the real window headless (Monocle) with a same-thread engine. */
@ExtendWith(ApplicationExtension.class)
class ExplorerWindowTest {
    private final Catalog catalog = Presets.builtIn();
    private ExplorerView view;

    @Start
    void start(Stage stage) {
        view = new TestWindow().catalog(catalog).show(stage);
    }

    private void typeInto(FxRobot robot, String id, String text) {
        robot.doubleClickOn(named(id)).eraseText(12).write(text).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private <T> void choose(FxRobot robot, String id, T value) {
        ComboBox<T> box = robot.lookup(named(id)).queryAs(ComboBox.class);
        robot.interact(() -> box.setValue(value));
    }

    private GanttPainter.Bar bar(dev.ridgeline.engine.ops.Stage stage, int microBatch) {
        return view.gantt().bars().stream()
                .filter(b -> b.interval().stage() == stage && b.interval().microBatch() == microBatch)
                .findFirst().orElseThrow();
    }

    /** The window's scenario evaluated afresh by the test, not the evaluation the window holds. */
    private Evaluation expected() {
        return dev.ridgeline.app.Engines.builtIn().evaluate(view.model().getScenario());
    }

    @Test
    void theOpeningWindowDrawsTheDefaultScenario() {
        Evaluation e = dev.ridgeline.app.Engines.builtIn().evaluate(Presets.builtInScenario("default"));
        Drawn.assertTilesShow(view, e);
        Drawn.assertMarkersSitAtTheirOps(view, e);
        Drawn.assertGanttDrawsTheSchedule(view, e);
    }

    @Test
    void theOpeningTilesCarryCalibratedBandsAndTheStatusSaysWhereTheSeedDisagrees(FxRobot robot) {
        // a new user's first window: calibrated, each headline tile with its P10-P90 under the figure
        var engine = dev.ridgeline.app.Engines.builtIn();
        Evaluation e = engine.evaluate(Presets.builtInScenario("default"));
        var b = dev.ridgeline.engine.evidence.Bands.of(engine.calibration(), e);
        assertEquals(String.format(java.util.Locale.ROOT, "(%,.0f–%,.0f)", b.throughputPerCard().low(),
                b.throughputPerCard().high()), view.kpis().band("perCard"));
        assertEquals(String.format(java.util.Locale.ROOT, "(%.1f–%.1f)", b.userTokensPerSec().low(),
                b.userTokensPerSec().high()), view.kpis().band("userTokens"));
        assertEquals(String.format(java.util.Locale.ROOT, "(%.1f–%.1f ms)", b.tpotSec().low() * 1e3,
                b.tpotSec().high() * 1e3), view.kpis().band("tpot"));
        Label contrast = robot.lookup(named("contrastLabel")).queryAs(Label.class);
        assertEquals(dev.ridgeline.engine.space.FidelityContrast.sentence(engine, e.scenario()), contrast.getText());
        assertTrue(contrast.getText().startsWith("The fidelities disagree: calibrated finds it network-bound"));
        // seed fidelity, one switch away, has no bands
        choose(robot, "fidelityChoice", dev.ridgeline.engine.model.Fidelity.SEED);
        assertEquals("", view.kpis().band("perCard"));
    }

    @Test
    void typingABatchDrawsTilesMarkersAndGanttOfThatBatch(FxRobot robot) {
        typeInto(robot, "batchField", "32");
        assertEquals(32, view.model().getScenario().batchPerCard());
        Evaluation e = dev.ridgeline.app.Engines.builtIn().evaluate(Presets.builtInScenario("default").withBatch(32));
        Drawn.assertTilesShow(view, e);
        Drawn.assertMarkersSitAtTheirOps(view, e);
        Drawn.assertGanttDrawsTheSchedule(view, e);
    }

    @Test
    void movingTheBatchSliderWithTheKeyboardChangesTheBatch(FxRobot robot) {
        // the click lands mid-slider (about 270) and three steps go beyond; at 4K context every such batch fits in
        // calibrated fidelity (372 at most: 80 GB less the 4 GiB reserve), so the charts follow each one
        typeInto(robot, "contextField", "4096");
        robot.clickOn(named("batchSlider"));
        int batch = view.model().getScenario().batchPerCard();
        robot.type(KeyCode.RIGHT, 3);
        assertTrue(view.model().getScenario().batchPerCard() > batch);
        assertEquals(String.valueOf(view.model().getScenario().batchPerCard()),
                robot.lookup(named("batchField")).queryTextInputControl().getText());
        Drawn.assertTilesShow(view, expected());
        Drawn.assertGanttDrawsTheSchedule(view, expected());
    }

    @Test
    void theBoundTileTakesItsBoundsColourAsAPaintThatCssKeeps(FxRobot robot) {
        Label bound = robot.lookup(named("boundValue")).queryAs(Label.class);
        for (dev.ridgeline.engine.model.Fidelity f : dev.ridgeline.engine.model.Fidelity.values()) {
            choose(robot, "fidelityChoice", f);
            robot.interact(() -> bound.getScene().getRoot().applyCss()); // a CSS pass after the edit
            Bound b = view.model().getEvaluation().dominantBound();
            assertEquals(b.label(), bound.getText());
            assertEquals(dev.ridgeline.app.explorer.charts.Palette.fx(dev.ridgeline.app.explorer.charts.Palette.of(b)),
                    bound.getTextFill(), f + ": the bound's colour, not the theme's text colour");
            assertEquals("", bound.getStyle(), "a paint, not an inline style re-parsed and re-styled at each edit");
        }
        // the other figures keep the theme's text colour: Primer Light's -color-fg-default, #24292f
        // (atlantafx-base 2.0.1, primer-light.css, .root)
        assertEquals(javafx.scene.paint.Color.web("24292f"), robot.lookup(named("tpotValue")).queryAs(Label.class).getTextFill());
    }

    @Test
    void fa3ModeChangesTheFlashMlaBarOfAComputeBoundScenario(FxRobot robot) {
        assertEquals(Bound.COMPUTE, view.model().getEvaluation().op("FlashMLA").bound());
        choose(robot, "fa3Choice", Fa3Setting.THREE_STAGE);
        GanttPainter.Bar threeStage = bar(dev.ridgeline.engine.ops.Stage.ATTN_1, 0);
        choose(robot, "fa3Choice", Fa3Setting.NONE);
        GanttPainter.Bar none = bar(dev.ridgeline.engine.ops.Stage.ATTN_1, 0);
        Drawn.assertGanttDrawsTheSchedule(view, expected());
        Drawn.assertMarkersSitAtTheirOps(view, expected());
        // without FA3 pipelining the softmax adds to the GEMMs: a longer ATTN-1 interval, drawn wider
        assertTrue(none.interval().durationSec() > threeStage.interval().durationSec());
        assertTrue(none.rect().getWidth() > threeStage.rect().getWidth() + 2,
                "ATTN-1 bar: none " + none.rect().getWidth() + " px vs 3-stage " + threeStage.rect().getWidth() + " px");
    }

    @Test
    void policyChangesTheGanttFromOneMicroBatchToTwo(FxRobot robot) {
        choose(robot, "policyChoice", Policy.NAIVE);
        assertEquals(1, microBatchesDrawn());
        assertTrue(view.gantt().bars().stream().anyMatch(b -> b.interval().critical()));
        Drawn.assertGanttDrawsTheSchedule(view, expected());
        choose(robot, "policyChoice", Policy.DUAL_MICRO_BATCH);
        assertEquals(2, microBatchesDrawn());
        Drawn.assertGanttDrawsTheSchedule(view, expected());
    }

    private long microBatchesDrawn() {
        return view.gantt().bars().stream().map(GanttPainter.Bar::interval).mapToInt(i -> i.microBatch()).distinct().count();
    }

    @Test
    void outOfMemoryBatchTurnsTheMemoryBarRedWithTheBytesMissing(FxRobot robot) {
        Chip l20 = catalog.chip("L20");
        choose(robot, "chipChoice", l20);
        choose(robot, "kvChoice", Dtype.BF16);
        typeInto(robot, "batchField", "8");
        assertFalse(view.memoryBar().isOutOfMemory());
        Object drawn = view.roofline().opsDataset();
        typeInto(robot, "batchField", "1000");
        assertTrue(view.memoryBar().isOutOfMemory());
        Label message = robot.lookup(named("memoryMessage")).queryAs(Label.class);
        assertTrue(message.isVisible());
        assertTrue(message.getText().startsWith("Out of memory: batch 1000 needs"), message.getText());
        Node stale = robot.lookup(named("staleLabel")).query();
        assertTrue(stale.isVisible());
        assertTrue(drawn == view.roofline().opsDataset(), "charts keep the last result that fits");
        // the tiles show batch 1000 (its max batch among them); markers and Gantt still show batch 8
        Drawn.assertTilesShow(view, expected());
        Evaluation fitting = dev.ridgeline.app.Engines.builtIn().evaluate(view.model().getScenario().withBatch(8));
        Drawn.assertMarkersSitAtTheirOps(view, fitting);
        Drawn.assertGanttDrawsTheSchedule(view, fitting);
    }

    @Test
    void badNumbersAreRefusedWithAMessageAndTheLastGoodStateStays(FxRobot robot) {
        typeInto(robot, "batchField", "12x");
        Label message = robot.lookup(named("batchMessage")).queryAs(Label.class);
        assertTrue(message.isVisible());
        assertTrue(message.getText().contains("12x"), message.getText());
        assertEquals(128, view.model().getScenario().batchPerCard());
        typeInto(robot, "batchField", "99999");
        assertTrue(message.getText().contains("between 1 and 4096"), message.getText());
        assertEquals(128, view.model().getScenario().batchPerCard());
        typeInto(robot, "mtpDepthField", "9");
        assertTrue(robot.lookup(named("mtpDepthMessage")).queryAs(Label.class).isVisible());
        typeInto(robot, "batchField", "64");
        assertFalse(message.isVisible());
        assertEquals(64, view.model().getScenario().batchPerCard());
    }

    @Test
    void opTableListsEveryOpAndKeepsItsSortAcrossEdits(FxRobot robot) {
        // calibrated fidelity (the opening scenario's): the MoE layer's ops and the step's ops outside the layers
        var table = view.opTable();
        Evaluation opening = view.model().getEvaluation();
        assertEquals(opening.ops().size() + opening.stepOps().size(), table.getItems().size());
        var time = table.getColumns().stream().filter(c -> c.getText().equals("Time")).findFirst().orElseThrow();
        robot.interact(() -> {
            time.setSortType(javafx.scene.control.TableColumn.SortType.DESCENDING);
            table.getSortOrder().setAll(time);
        });
        // the host's share of the step (10 % of ~48 ms) outlasts any one kernel
        assertEquals(dev.ridgeline.engine.ops.OpKind.HOST, table.shownOps().get(0).kind());
        typeInto(robot, "batchField", "16");
        var shown = table.shownOps();
        Evaluation e16 = view.model().getEvaluation();
        assertEquals(e16.ops().size() + e16.stepOps().size(), shown.size());
        for (int i = 1; i < shown.size(); i++) {
            assertTrue(shown.get(i - 1).timeSec() >= shown.get(i).timeSec(), "sorted by time after the edit");
        }
        assertEquals(16, view.model().getEvaluation().scenario().batchPerCard());
        assertTrue(shown.stream().allMatch(o -> e16.ops().contains(o) || e16.stepOps().contains(o)), "rows show the new result");
    }

    @Test
    void promotionSwitchTogglesTheScenario(FxRobot robot) {
        boolean before = view.model().getScenario().promotion();
        javafx.scene.control.ScrollPane scroll = robot.lookup(named("scenarioScroll")).queryAs(javafx.scene.control.ScrollPane.class);
        robot.interact(() -> scroll.setVvalue(1.0));
        robot.clickOn(robot.from(robot.lookup(named("promotionSwitch")).<Node>query()).lookup(".thumb-area").<Node>query());
        assertEquals(!before, view.model().getScenario().promotion());
    }

    /**
     * A model with fewer experts than the EP in force (V2-Lite's 64 at EP144) is taken, with EP lowered to one card
     * per expert and a note saying so; MTP on a model without an MTP module is refused at the field and the picker
     * keeps its model. Typed look-alike digits are refused too.
     */
    @Test
    void aModelThatCannotTakeTheEpOrMtpInForceIsFittedOrRefusedWithAMessage(FxRobot robot) {
        choose(robot, "modelChoice", catalog.model("DeepSeek-V2-Lite"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("DeepSeek-V2-Lite", view.model().getScenario().model().name());
        assertEquals(64, view.model().getScenario().ep());
        Label note = robot.lookup(named("scenarioNote")).queryAs(Label.class);
        assertTrue(note.isVisible());
        assertEquals("DeepSeek-V2-Lite: EP lowered from 144 to 64 (one card per routed expert).", note.getText());
        typeInto(robot, "mtpDepthField", "1");
        assertEquals(0, view.model().getScenario().mtpDepth(), "V2-Lite has no MTP module");
        Label mtpMessage = robot.lookup(named("mtpDepthMessage")).queryAs(Label.class);
        assertTrue(mtpMessage.getText().contains("has no MTP module"), mtpMessage.getText());
        @SuppressWarnings("unchecked")
        ComboBox<dev.ridgeline.engine.model.ModelConfig> models = robot.lookup(named("modelChoice")).queryAs(ComboBox.class);
        assertEquals("DeepSeek-V2-Lite", models.getValue().name());
        typeInto(robot, "batchField", "64");
        assertFalse(note.isVisible(), "the next edit replaces the note");
        typeInto(robot, "batchField", "١٢٨");
        assertEquals(64, view.model().getScenario().batchPerCard(), "Arabic-Indic digits are not read as 128");
        assertTrue(robot.lookup(named("batchMessage")).queryAs(Label.class).getText().contains("is not a whole number"));
    }

    @Test
    void everyScenarioControlHasATooltip(FxRobot robot) {
        for (String id : new String[] {"chipChoice", "nicChoice", "modelChoice", "kvChoice", "weightChoice",
                "fa3Choice", "policyChoice", "fidelityChoice", "batchField", "epField", "contextField",
                "mtpDepthField", "mtpAcceptanceField", "batchSlider", "promotionSwitch"}) {
            javafx.scene.control.Control c = robot.lookup(named(id)).queryAs(javafx.scene.control.Control.class);
            String tip = dev.ridgeline.app.Tips.text(c); // made when the pointer first enters the control
            assertTrue(tip != null && tip.endsWith("."), id);
        }
    }
}
