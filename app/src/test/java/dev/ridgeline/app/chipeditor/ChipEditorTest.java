package dev.ridgeline.app.chipeditor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.app.balance.BalancePanel;
import dev.ridgeline.engine.Engine;
import dev.ridgeline.engine.Evaluation;
import dev.ridgeline.engine.io.Presets;
import dev.ridgeline.engine.model.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Drives the chip editor headless: an edit replaces the scenario's chip and the evaluation follows. */
@ExtendWith(ApplicationExtension.class)
class ChipEditorTest {
    private static final dev.ridgeline.engine.Engine ENGINE = dev.ridgeline.app.Engines.builtIn();

    @TempDir
    static Path userDir;

    private final ObjectProperty<Scenario> scenario = new SimpleObjectProperty<>(Presets.builtInScenario("default"));
    private final ObjectProperty<Evaluation> evaluation = new SimpleObjectProperty<>(ENGINE.evaluate(scenario.get()));
    private ChipEditor editor;
    private String answer = "My H800";
    private String suggested;

    @Start
    void start(Stage stage) {
        scenario.addListener((o, a, now) -> evaluation.set(ENGINE.evaluate(now)));
        editor = new ChipEditor(scenario, userDir, suggestion -> {
            suggested = suggestion;
            return Optional.of(answer);
        });
        VBox root = new VBox(editor, new BalancePanel(evaluation));
        // the window's stylesheet, as in the explorer (it maps the colour names ControlsFX's CSS looks up)
        root.getStylesheets().add(ChipEditorTest.class.getResource("/css/ridgeline.css").toExternalForm());
        root.getStyleClass().add("explorer");
        stage.setScene(new Scene(root, 520, 760));
        stage.show();
    }

    private TextField editorFor(FxRobot robot, String label) {
        Label name = robot.from(editor).lookup((Node n) -> n instanceof Label && label.equals(((Label) n).getText())).queryAs(Label.class);
        GridPane grid = (GridPane) name.getParent();
        Integer row = GridPane.getRowIndex(name);
        for (Node n : grid.getChildren()) {
            if (GridPane.getRowIndex(n) != null && GridPane.getRowIndex(n).equals(row) && n != name) {
                return n instanceof TextField ? (TextField) n : (TextField) n.lookup(".text-field");
            }
        }
        throw new AssertionError("no editor for " + label);
    }

    /**
     * The field is reached without the mouse: a robot click under load used to miss it (the pointer, moved in steps
     * across the sheet, rests on field names long enough for their tooltips to open over the field, and opening
     * Memory slides the panes while the click is aimed). Focus selects the whole field, as a click does; the edit is
     * typed and committed with Enter as a user does.
     */
    @Test
    void editingHbmBandwidthReEvaluatesTheScenario(FxRobot robot) {
        double before = evaluation.get().layerTimeSec();
        // categories are an accordion; Compute is open first
        javafx.scene.control.TitledPane memory = robot.from(editor).lookup((Node n) -> n instanceof javafx.scene.control.TitledPane
                && "Memory".equals(((javafx.scene.control.TitledPane) n).getText())).queryAs(javafx.scene.control.TitledPane.class);
        robot.interact(() -> memory.setExpanded(true));
        TextField hbm = editorFor(robot, "HBM bandwidth (GB/s)");
        robot.interact(hbm::requestFocus);
        WaitForAsyncUtils.waitForFxEvents(); // ControlsFX selects the text once focused, in a later pulse
        assertTrue(hbm.isFocused() && hbm.getSelectedText().equals(hbm.getText()), "focused, its text selected: " + hbm.getSelectedText());
        robot.write("8000").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(8000e9, scenario.get().chip().hbmBandwidthBytesPerSec(), 1.0);
        assertTrue(evaluation.get().layerTimeSec() < before, "more bandwidth must not slow the layer");
        assertEquals("", robot.from(editor).lookup("#chipEditorMessage").queryAs(Label.class).getText());
    }

    @Test
    void aRefusedValueIsNamedAndTheLastGoodChipStays(FxRobot robot) {
        var good = scenario.get().chip();
        TextField fp8 = editorFor(robot, "FP8 tensor rate (TFLOPS)");
        robot.clickOn(fp8).write("0").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(good, scenario.get().chip());
        String message = robot.from(editor).lookup("#chipEditorMessage").queryAs(Label.class).getText();
        // the bound in the field's own unit: 1e9 to 1e18 FLOP/s are 0.001 to 1,000,000 TFLOPS (Checks)
        assertEquals("FP8 tensor rate: 0.0 refused (FP8 tensor rate must be in [0.001, 1000000], was 0 TFLOPS)", message);
    }

    @Test
    void saveAsPresetWritesTheUserFolder(FxRobot robot) throws Exception {
        robot.clickOn("#saveChipPreset");
        WaitForAsyncUtils.waitForFxEvents();
        Path file = userDir.resolve("chips/my_20h800.json"); // lower case, the space as its UTF-8 byte _20
        assertTrue(Files.exists(file), robot.from(editor).lookup("#chipEditorMessage").queryAs(Label.class).getText());
        assertEquals("My H800", Presets.withUserPresets(userDir).catalog().chip("My H800").name());
        // the saved chip is still H800's figures: 1979e12 FLOP/s over CX7's 40 GiB/s = 46.08 TFLOPS per GB/s
        assertEquals("46.08 TFLOPS per GB/s", robot.lookup("#balanceRatio").queryAs(Label.class).getText());
    }

    @Test
    void aPresetNameEndingInEditedIsRefused(FxRobot robot) {
        answer = "H800 (edited)";
        robot.clickOn("#saveChipPreset");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("H800 custom", suggested);
        String message = robot.from(editor).lookup("#chipEditorMessage").queryAs(Label.class).getText();
        assertTrue(message.startsWith("Not saved: name: 'H800 (edited)' may not end in '(edited)'"), message);
        assertTrue(Files.notExists(userDir.resolve("chips")), "nothing was written");
        assertEquals("H800", scenario.get().chip().name());
    }
}
