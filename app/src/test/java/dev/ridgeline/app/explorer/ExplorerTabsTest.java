package dev.ridgeline.app.explorer;

import static dev.ridgeline.app.Names.named;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.engine.Evaluation;
import dev.ridgeline.engine.io.Catalog;
import dev.ridgeline.engine.roofline.OpResult;
import dev.ridgeline.engine.io.Presets;
import dev.ridgeline.engine.model.Fidelity;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.ops.Stage;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import org.jfree.data.xy.XYSeries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The side tabs of the real window: the chip editor and the balance follow and drive the scenario; imports. */
@ExtendWith(ApplicationExtension.class)
class ExplorerTabsTest {
    @TempDir
    static Path home;

    private final Catalog catalog = Presets.builtIn();
    private ExplorerView view;
    private ExplorerMenu menu;

    @Start
    void start(javafx.stage.Stage stage) {
        TestWindow window = new TestWindow().catalog(catalog).presets(home.resolve("presets"));
        view = window.show(stage);
        menu = window.menu();
    }

    private TextField chipField(FxRobot robot, String category, String label) {
        TitledPane pane = robot.from(view.chipEditor()).lookup((Node n) -> n instanceof TitledPane
                && category.equals(((TitledPane) n).getText())).queryAs(TitledPane.class);
        robot.interact(() -> pane.setAnimated(false));
        robot.clickOn(pane.lookup(".title"));
        WaitForAsyncUtils.waitForFxEvents();
        Label name = robot.from(view.chipEditor()).lookup((Node n) -> n instanceof Label && label.equals(((Label) n).getText()))
                .queryAs(Label.class);
        GridPane grid = (GridPane) name.getParent();
        for (Node n : grid.getChildren()) {
            if (n != name && GridPane.getRowIndex(n).equals(GridPane.getRowIndex(name))) {
                return n instanceof TextField ? (TextField) n : (TextField) n.lookup(".text-field");
            }
        }
        throw new AssertionError("no editor for " + label);
    }

    @Test
    void editingTheChipInItsTabRedrawsTilesRooflineAndGantt(FxRobot robot) {
        robot.clickOn(named("chipTab"));
        double before = view.model().getEvaluation().layerTimeSec();
        TextField hbm = chipField(robot, "Memory", "HBM bandwidth (GB/s)");
        // the field may sit below the fold of the short tab: focus it directly (ChipEditorTest types with the mouse)
        robot.interact(() -> {
            hbm.requestFocus();
            hbm.setText("9000");
        });
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(9000e9, view.model().getScenario().chip().hbmBandwidthBytesPerSec(), 1.0);
        assertEquals("H800 (edited)", view.model().getScenario().chip().name(), "an edited chip is never shown as the preset");
        assertTrue(robot.lookup(named("summaryLabel")).queryAs(Label.class).getText().contains("H800 (edited)"));
        assertTrue(view.model().getEvaluation().layerTimeSec() < before, "more HBM bandwidth must not slow the layer");
        var chip = Presets.builtInScenario("default").chip().withHbmBandwidth(9000e9);
        Evaluation e = dev.ridgeline.app.Engines.builtIn().evaluate(Presets.builtInScenario("default").withChip(chip));
        Drawn.assertTilesShow(view, e);
        Drawn.assertMarkersSitAtTheirOps(view, e);
        Drawn.assertGanttDrawsTheSchedule(view, e);
        // the HBM roof rises to the bandwidth the evaluation used (a memory-bound op's bytes over its memory time):
        // FLOP/s over FLOP/byte along the roof, and the legend says it in the unit of the reading: calibrated fidelity
        // (the default) reads the 9,000 GB/s typed as 9.00 TB/s; seed fidelity reads it as 9,000 GiB/s (issue 22:
        // never "9.66 TB/s", a figure no one typed)
        OpResult kv = e.op("KV down");
        double usedHbm = kv.hbmBytes() / kv.memorySec();
        XYSeries hbmRoof = view.roofline().roofsDataset().getSeries(0);
        boolean seed = view.model().getScenario().fidelity() == dev.ridgeline.engine.model.Fidelity.SEED;
        assertEquals(seed ? "HBM 9000 GiB/s (seed reading)" : "HBM 9.00 TB/s", hbmRoof.getKey().toString());
        assertEquals(9000 * (seed ? (double) (1L << 30) : 1e9), usedHbm, usedHbm * 1e-9);
        for (int i = 0; i < hbmRoof.getItemCount(); i++) {
            assertEquals(usedHbm, hbmRoof.getY(i).doubleValue() / hbmRoof.getX(i).doubleValue(), usedHbm * 1e-12);
        }
    }

    @Test
    void choosingAnotherChipInThePickerRefillsTheEditor(FxRobot robot) {
        robot.clickOn(named("chipTab"));
        @SuppressWarnings("unchecked")
        ComboBox<dev.ridgeline.engine.model.Chip> chips = robot.lookup(named("chipChoice")).queryAs(ComboBox.class);
        robot.interact(() -> chips.setValue(catalog.chip("A100")));
        assertEquals("A100", view.chipEditor().chipProperty().get().name());
    }

    @Test
    void savingAChipPresetWritesItAndAddsItToThePicker(FxRobot robot) {
        robot.clickOn(named("chipTab"));
        robot.clickOn("#saveChipPreset");
        WaitForAsyncUtils.waitForFxEvents();
        TextField name = robot.lookup(".dialog-pane .text-field").queryAs(TextField.class);
        robot.interact(() -> name.setText("Review chip"));
        robot.clickOn(robot.lookup(".dialog-pane .button").match((Node n) -> "OK".equals(((javafx.scene.control.Button) n).getText()))
                .queryButton());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(Files.isRegularFile(home.resolve("presets/chips/review_20chip.json")));
        @SuppressWarnings("unchecked")
        ComboBox<dev.ridgeline.engine.model.Chip> chips = robot.lookup(named("chipChoice")).queryAs(ComboBox.class);
        assertEquals("Review chip", chips.getValue().name());
        assertEquals("Review chip", view.model().getScenario().chip().name());
        assertEquals(catalog.chips().size() + 1, chips.getItems().size());
        robot.interact(() -> view.scenarioPanel().addChip(view.model().getScenario().chip())); // saved again
        assertEquals("Review chip", view.model().getScenario().chip().name());
        assertEquals("Review chip", chips.getValue().name());
        assertEquals(catalog.chips().size() + 1, chips.getItems().size());
    }

    @Test
    void importingAHuggingFaceConfigSwitchesTheModel(FxRobot robot) throws Exception {
        Path dir = Files.createDirectories(home.resolve("Tiny-MoE"));
        Path config = Files.writeString(dir.resolve("config.json"), """
                {"hidden_size": 2048, "intermediate_size": 6144, "moe_intermediate_size": 768, "num_attention_heads": 32,
                 "num_key_value_heads": 4, "head_dim": 128, "num_experts": 128, "num_experts_per_tok": 8,
                 "num_hidden_layers": 48, "vocab_size": 151936, "model_type": "qwen3_moe"}
                """);
        robot.interact(() -> menu.importModel(config));
        assertEquals("Tiny-MoE", view.model().getScenario().model().name());
        robot.interact(() -> menu.importModel(config)); // again: replaces the picker's entry, keeps the scenario on it
        assertEquals("Tiny-MoE", view.model().getScenario().model().name());
        @SuppressWarnings("unchecked")
        ComboBox<dev.ridgeline.engine.model.ModelConfig> models = robot.lookup(named("modelChoice")).queryAs(ComboBox.class);
        assertEquals("Tiny-MoE", models.getValue().name());
        assertTrue(models.getItems().stream().anyMatch(m -> m.name().equals("Tiny-MoE")));
        assertTrue(robot.lookup(named("summaryLabel")).queryAs(Label.class).getText().contains("Tiny-MoE"));
        robot.interact(() -> view.model().undo()); // the re-import added no step: one undo returns to DeepSeek-V3
        assertEquals("DeepSeek-V3", view.model().getScenario().model().name());
        assertFalse(view.model().canUndoProperty().get());
    }

    @Test
    void calibratedFidelityShowsStepOpsAndTheFidelityTile(FxRobot robot) {
        @SuppressWarnings("unchecked")
        ComboBox<Fidelity> fidelity = robot.lookup(named("fidelityChoice")).queryAs(ComboBox.class);
        robot.interact(() -> fidelity.setValue(Fidelity.CALIBRATED));
        var e = view.model().getEvaluation();
        assertTrue(view.kpis().value("fidelity").startsWith("calibrated"));
        assertEquals(e.ops().size() + e.stepOps().size(), view.opTable().getItems().size());
        assertTrue(view.opTable().shownOps().stream().anyMatch(o -> o.stage() == Stage.STEP));
        robot.interact(() -> fidelity.setValue(Fidelity.SEED));
        assertEquals("seed", view.kpis().value("fidelity"));
        assertEquals(view.model().getEvaluation().ops().size(), view.opTable().getItems().size());
    }

    @Test
    void balanceTabShowsTheRatioOfTheCurrentChip(FxRobot robot) {
        robot.clickOn(named("balanceTab"));
        // H800 at EP144 (beyond its 8-card NVLink domain) over CX7: 1979e12 FLOP/s / 40 GiB/s (42,949,672,960 B/s)
        // = 46,077.6 FLOP per byte = 46.08 TFLOPS per GB/s
        assertEquals("46.08 TFLOPS per GB/s", robot.lookup("#balanceRatio").queryAs(Label.class).getText());
        @SuppressWarnings("unchecked")
        ComboBox<dev.ridgeline.engine.model.Chip> chips = robot.lookup(named("chipChoice")).queryAs(ComboBox.class);
        robot.interact(() -> chips.setValue(catalog.chip("H20")));
        // H20: 296e12 / 42,949,672,960 = 6,891.8 FLOP per byte
        assertEquals("6.89 TFLOPS per GB/s", robot.lookup("#balanceRatio").queryAs(Label.class).getText());
    }

    @Test
    void mtpAcceptanceSaysWhyItIsDisabledUntilMtpIsOn(FxRobot robot) {
        assertEquals(0, view.model().getScenario().mtpDepth());
        assertTrue(robot.lookup(named("mtpAcceptanceField")).query().isDisabled());
        assertEquals("MTP acceptance (needs MTP depth ≥ 1)", robot.lookup(named("mtpAcceptanceTitle")).queryAs(Label.class).getText());
        robot.doubleClickOn(named("mtpDepthField")).eraseText(4).write("1").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, view.model().getScenario().mtpDepth());
        assertTrue(!robot.lookup(named("mtpAcceptanceField")).query().isDisabled());
        assertEquals("MTP acceptance", robot.lookup(named("mtpAcceptanceTitle")).queryAs(Label.class).getText());
    }

    @Test
    void pinningAComparesTheNextEditsWithIt(FxRobot robot) {
        assertTrue(robot.lookup(named("tpotDelta")).tryQuery().isEmpty(), "no line for A in the tiles before A is pinned");
        robot.clickOn(named("batchField"));
        robot.push(KeyCode.SHORTCUT, KeyCode.P); // Compare > Pin current result as A
        assertTrue(!robot.lookup(named("unpinButton")).query().isDisabled());
        robot.doubleClickOn(named("batchField")).eraseText(6).write("32").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        Label tpotDelta = robot.lookup(named("tpotDelta")).queryAs(Label.class);
        assertTrue(tpotDelta.isVisible());
        double a = dev.ridgeline.app.Engines.builtIn().evaluate(Presets.builtInScenario("default")).tpotSec();
        double b = dev.ridgeline.app.Engines.builtIn().evaluate(Presets.builtInScenario("default").withBatch(32)).tpotSec();
        assertTrue(b < a, "a smaller batch takes a shorter step");
        assertEquals(String.format(java.util.Locale.ROOT, "%+.1f %% vs A", 100 * (b / a - 1)), tpotDelta.getText());
        String compare = robot.lookup(named("compareLabel")).queryAs(Label.class).getText();
        assertTrue(compare.contains("B: batch 128 → 32"), compare);
        assertTrue(view.statusText().endsWith("vs A, B: batch 128 → 32"), view.statusText());
        assertEquals("= A", robot.lookup(named("maxBatchDelta")).queryAs(Label.class).getText());
        robot.push(KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.P); // Compare > Clear A
        assertTrue(!tpotDelta.isVisible());
        assertTrue(robot.lookup(named("unpinButton")).query().isDisabled());
    }

    @Test
    void undoAndRedoFromTheKeyboardWalkTheEdits(FxRobot robot) {
        robot.doubleClickOn(named("batchField")).eraseText(6).write("32").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(32, view.model().getScenario().batchPerCard());
        robot.push(KeyCode.SHORTCUT, KeyCode.Z); // focus is still in the field: the scenario's undo wins
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(128, view.model().getScenario().batchPerCard());
        assertEquals("128", robot.lookup(named("batchField")).queryTextInputControl().getText());
        robot.push(KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.Z);
        assertEquals(32, view.model().getScenario().batchPerCard());
    }

    @Test
    void aNoticeShowsItsFirstLineWithTheWholeTextAsTooltip(FxRobot robot) {
        robot.interact(() -> view.setNotice("2 user preset(s) skipped: a.json: bad\nb.json: worse"));
        Label notice = robot.lookup(named("noticeLabel")).queryAs(Label.class);
        assertTrue(notice.isVisible());
        assertEquals("2 user preset(s) skipped: a.json: bad", notice.getText());
        assertTrue(notice.getTooltip().getText().contains("b.json"));
    }

    /**
     * Issue 19, item 5: the scenario panel asks the plan's rules which fields a fidelity uses. Seed 000 has no
     * reserve, kernel gap or host share and models no layouts or balancer: those controls are off, saying why; in
     * calibrated fidelity, the default, they are on.
     */
    @Test
    void theFieldsAFidelityIgnoresAreOffAndSayWhy(FxRobot robot) {
        for (Fidelity f : Fidelity.choices()) {
            robot.interact(() -> view.model().setScenario(Presets.builtInScenario("default").withFidelity(f)));
            WaitForAsyncUtils.waitForFxEvents();
            boolean applies = dev.ridgeline.engine.plan.Plan.rules(f).appliesAssumptions();
            Label reserve = robot.lookup(named("reserveTitle")).queryAs(Label.class);
            Node row = robot.lookup(named("reserveField")).queryAs(Node.class).getParent();
            assertEquals(!applies, row.isDisabled(), f + ": the reserve's row");
            assertEquals(!applies, reserve.getText().contains("(seed fidelity has none (seed 000))"), f + ": " + reserve.getText());
            assertEquals(f == Fidelity.reproducing(), robot.lookup(named("eplbSwitch")).query().isDisabled(), f + ": EPLB");
            assertEquals(f == Fidelity.reproducing(), robot.lookup(named("peersSwitch")).query().isDisabled(), f + ": EP peers");
            String note = robot.lookup(named("layoutNote")).queryAs(Label.class).getText();
            assertEquals(f == Fidelity.reproducing(), note.startsWith("Off: "), f + ": " + note);
        }
    }

    /**
     * The EP link field (scenario schema 4): a schema-3 scenario opens with every peer over the NIC, as DeepEP sent
     * it before May 2025; the switch shows it, and turning it on reaches the scenario (and only that field), whose
     * line then drops "EP all over NIC".
     */
    @Test
    void theEpLinkSwitchShowsAndEditsTheScenariosField(FxRobot robot) {
        Scenario old = Presets.builtInScenario("default").withLocalPeersOverScaleUp(false);
        robot.interact(() -> view.model().setScenario(old));
        WaitForAsyncUtils.waitForFxEvents();
        org.controlsfx.control.ToggleSwitch peers = robot.lookup(named("peersSwitch")).queryAs(org.controlsfx.control.ToggleSwitch.class);
        assertFalse(peers.isSelected());
        assertTrue(view.model().getScenario().summary().contains("EP all over NIC"), view.model().getScenario().summary());
        robot.interact(() -> peers.setSelected(true));
        WaitForAsyncUtils.waitForFxEvents();
        Scenario now = view.model().getScenario();
        assertTrue(now.localPeersOverScaleUp());
        assertFalse(now.summary().contains("EP all over NIC"), now.summary());
        assertEquals(old.withLocalPeersOverScaleUp(true), now, "only the EP link changed");
    }
}
