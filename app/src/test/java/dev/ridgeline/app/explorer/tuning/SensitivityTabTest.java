package dev.ridgeline.app.explorer.tuning;

import static dev.ridgeline.app.Names.named;

import dev.ridgeline.app.explorer.TestWindow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.app.Engines;
import dev.ridgeline.app.explorer.ExplorerView;
import dev.ridgeline.engine.io.Presets;
import dev.ridgeline.engine.model.Chip;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.space.Sensitivity;
import java.awt.geom.Rectangle2D;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.entity.CategoryItemEntity;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.data.Range;
import org.jfree.data.category.CategoryDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Sensitivity side tab of the real window (headless, the tuning computed on the calling thread): the bars drawn
 * are the engine's sensitivity of the scenario on screen, computed here afresh, and a chip edit redraws them.
 */
@ExtendWith(ApplicationExtension.class)
class SensitivityTabTest {
    @TempDir
    static Path home;

    private ExplorerView view;

    @Start
    void start(Stage stage) {
        view = new TestWindow().presets(home.resolve("presets")).show(stage);
    }

    @Test
    void theTabDrawsTheEnginesSensitivityOfTheScenarioOnScreen(FxRobot robot) {
        robot.clickOn(named("sensitivityTab"));
        WaitForAsyncUtils.waitForFxEvents();
        Scenario s = Presets.builtInScenario("default");
        Sensitivity.Result expected = Sensitivity.compute(Engines.builtIn(), s, 20, 0.10);
        assertBarsAre(expected);
        assertLabelsSay(robot, expected);
        assertBarsDrawnToScale();
    }

    @Test
    void aChipEditRedrawsTheBarsForTheEditedChip(FxRobot robot) {
        robot.clickOn(named("sensitivityTab"));
        WaitForAsyncUtils.waitForFxEvents();
        Chip before = view.model().getScenario().chip();
        // as the chip editor sets a field: a new chip replaces the scenario's, named "H800 (edited)"
        Chip edited = before.withHbmBandwidth(2000e9).asEdited();
        robot.interact(() -> view.chipEditor().chipProperty().set(edited));
        WaitForAsyncUtils.waitForFxEvents();
        Scenario s = Presets.builtInScenario("default").withChip(edited);
        assertEquals(s, view.model().getScenario());
        Sensitivity.Result expected = Sensitivity.compute(Engines.builtIn(), s, 20, 0.10);
        assertBarsAre(expected);
        assertLabelsSay(robot, expected);
        // at 2000 GB/s the HBM bandwidth matters: its bar is drawn, moving between 1800 and 2200 GB/s
        assertTrue(rows(view.tuning().sensitivity().chart().getCategoryPlot().getDataset(TornadoChart.DOWN)).stream()
                .anyMatch(r -> r.startsWith("HBM bandwidth\n1,800 | 2,200 GB/s")), "HBM bandwidth row");
    }

    @Test
    void aNewStepOrTargetRecomputesTheBars(FxRobot robot) {
        robot.clickOn(named("sensitivityTab"));
        robot.doubleClickOn(named("sensitivityStep")).eraseText(4).write("25").type(javafx.scene.input.KeyCode.ENTER);
        robot.doubleClickOn(named("sensitivityTarget")).eraseText(4).write("15").type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        Sensitivity.Result expected = Sensitivity.compute(Engines.builtIn(), Presets.builtInScenario("default"), 15, 0.25);
        assertBarsAre(expected);
        robot.doubleClickOn(named("sensitivityStep")).eraseText(4).write("150").type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        Label message = robot.lookup(named("sensitivityStepMessage")).queryAs(Label.class);
        assertTrue(message.isVisible());
        assertEquals("Step ± must be in (0, 99] %, was 150", message.getText());
        assertBarsAre(expected); // the last good result stays
    }

    /** The rows are the bars that change something, largest swing first, each with the engine's four changes. */
    private void assertBarsAre(Sensitivity.Result expected) {
        CategoryPlot plot = view.tuning().sensitivity().chart().getCategoryPlot();
        CategoryDataset down = plot.getDataset(TornadoChart.DOWN);
        CategoryDataset up = plot.getDataset(TornadoChart.UP);
        List<Sensitivity.Bar> changing = new ArrayList<>();
        for (Sensitivity.Bar b : expected.bars()) {
            boolean moved = b.down().refused() == null || b.up().refused() == null;
            // a side that could not be set (outside the field's range) moves nothing
            boolean same = unmoved(b.down(), expected) && unmoved(b.up(), expected);
            if (moved && !same) {
                changing.add(b);
            }
        }
        assertFalse(changing.isEmpty());
        assertEquals(changing.size(), down.getColumnCount(), "rows: " + rows(down));
        for (int c = 0; c < changing.size(); c++) {
            Sensitivity.Bar b = changing.get(c);
            assertTrue(rows(down).get(c).startsWith(b.knob().name() + "\n"), "row " + c + ": " + rows(down).get(c));
            assertChange(b.down(), b.down().headline() - expected.headline(), down.getValue(0, c), b.knob().name());
            assertChange(b.down(), b.down().fixed() - expected.fixed(), down.getValue(1, c), b.knob().name());
            assertChange(b.up(), b.up().headline() - expected.headline(), up.getValue(0, c), b.knob().name());
            assertChange(b.up(), b.up().fixed() - expected.fixed(), up.getValue(1, c), b.knob().name());
        }
        for (int c = 1; c < changing.size(); c++) {
            assertTrue(changing.get(c - 1).swing(expected.headline()) >= changing.get(c).swing(expected.headline()));
        }
    }

    /** A refused move draws no bar (a null value); any other draws the engine's change. */
    private static void assertChange(Sensitivity.Move m, double change, Number drawn, String knob) {
        if (m.refused() != null) {
            assertEquals(null, drawn, knob + " refused: " + m.refused());
        } else {
            assertNotNull(drawn, knob);
            assertEquals(change, drawn.doubleValue(), 0.0, knob);
        }
    }

    private static boolean unmoved(Sensitivity.Move m, Sensitivity.Result r) {
        return m.refused() != null || (m.headline() == r.headline() && m.fixed() == r.fixed());
    }

    private void assertLabelsSay(FxRobot robot, Sensitivity.Result expected) {
        String headline = robot.lookup(named("sensitivityHeadline")).queryAs(Label.class).getText();
        assertTrue(headline.startsWith(String.format(Locale.ROOT, "Headline: %,.0f tokens/s per card at ≥ 20", expected.headline())),
                headline);
        String unchanged = robot.lookup(named("sensitivityUnchanged")).queryAs(Label.class).getText();
        for (Sensitivity.Bar b : expected.bars()) {
            boolean nothing = b.changesNothing(expected.headline(), expected.fixed())
                    && (b.down().refused() == null || b.up().refused() == null);
            assertEquals(nothing, unchanged.contains(b.knob().name()), b.knob().name() + " in '" + unchanged + "'");
        }
        // the GEMM efficiency is off (0) in the default scenario: ±10 % of nothing cannot be set, and the tab says so
        assertTrue(robot.lookup(named("sensitivityRefused")).queryAs(Label.class).getText()
                .startsWith("Not moved: GEMM efficiency (0 % is outside [1, 100])"));
    }

    /**
     * Each bar as drawn: from the zero line to its value on the change axis, in pixels derived here from the axis range
     * and the data area.
     */
    private void assertBarsDrawnToScale() {
        org.jfree.chart.fx.ChartViewer viewer = view.tuning().sensitivity().viewer();
        ChartRenderingInfo info = viewer.getCanvas().getRenderingInfo();
        assertNotNull(info, "the tornado has been drawn");
        Rectangle2D area = info.getPlotInfo().getDataArea();
        Range range = view.tuning().sensitivity().chart().getCategoryPlot().getRangeAxis().getRange();
        double pxPerToken = area.getWidth() / range.getLength();
        double zero = area.getX() + (0 - range.getLowerBound()) * pxPerToken;
        int bars = 0;
        for (Object o : info.getEntityCollection().getEntities()) {
            if (o instanceof CategoryItemEntity) {
                CategoryItemEntity e = (CategoryItemEntity) o;
                double v = e.getDataset().getValue(e.getRowKey(), e.getColumnKey()).doubleValue();
                Rectangle2D bar = e.getArea().getBounds2D();
                // a pixel: the renderer snaps bar ends to whole pixels
                assertEquals(Math.abs(v) * pxPerToken, bar.getWidth(), 1.0, e.getRowKey() + " " + e.getColumnKey());
                assertEquals(v >= 0 ? zero : zero - Math.abs(v) * pxPerToken, bar.getX(), 1.0, e.getRowKey() + " " + e.getColumnKey());
                bars++;
            }
        }
        assertTrue(bars >= 4, "bars drawn: " + bars);
    }

    private static List<String> rows(CategoryDataset d) {
        List<String> out = new ArrayList<>();
        for (Object k : d.getColumnKeys()) {
            out.add(k.toString());
        }
        return out;
    }
}
