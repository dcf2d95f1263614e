package dev.ridgeline.app.explorer;

import static dev.ridgeline.app.Names.named;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.app.Engines;
import dev.ridgeline.app.Units;
import dev.ridgeline.app.explorer.frontier.FrontierView;
import dev.ridgeline.engine.Evaluation;
import dev.ridgeline.engine.io.Catalog;
import dev.ridgeline.engine.io.Presets;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.serve.ServedObjective;
import dev.ridgeline.engine.serve.Workload;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The served switch (issue 20) in the real window, headless, engine and sweeps on the calling thread: flipping it turns
 * the headline tiles and the frontier from decode throughput per card to the Served view's workload's output per card
 * over its prefill and decode cards, and back. The expected served figure is the served objective's own reading of the
 * scenario ({@code ServedObjective.rate(...).fixed}: the decode pool at the scenario's deployment, the prefill pool
 * searched beside it), not the window's arithmetic.
 */
@ExtendWith(ApplicationExtension.class)
class ServedSwitchTest {
    private static final Scenario DEFAULT = Presets.builtInScenario("default");
    private final Catalog catalog = Presets.builtIn();
    private ExplorerView view;

    @Start
    void start(Stage stage) {
        view = new TestWindow().scenario(DEFAULT).catalog(catalog).show(stage);
    }

    @Test
    void flippingTheSwitchRedrawsTheTilesAndTheFrontierInServedOutputPerCard(FxRobot robot) {
        robot.clickOn(named("frontierTab"));
        WaitForAsyncUtils.waitForFxEvents();
        FrontierView f = view.frontier();
        Evaluation e = view.model().getEvaluation();
        double decode = e.throughputPerCard();
        double served = ServedObjective.rate(Engines.builtIn(), Workload.DEFAULT).fixed(e.scenario());
        // prefill cards take part of every served card's time: less per card than decode alone, and something
        assertTrue(served > 0 && served < decode, served + " vs " + decode);
        assertEquals(Units.tokens(decode), view.kpis().value("perCard"));
        assertEquals(decode, currentMark(f), 1e-9 * decode);

        // on from the keyboard: the Compare menu's accelerator
        robot.press(KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.W).release(KeyCode.W, KeyCode.SHIFT, KeyCode.SHORTCUT);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.model().servedProperty().get(), "Shortcut+Shift+W turns it on");
        assertTrue(robot.lookup(named("frontierServed")).queryAs(CheckBox.class).isSelected(), "the frontier's switch follows");
        assertTrue(robot.lookup(named("servedSwitch")).queryAs(CheckBox.class).isSelected(), "the tiles' switch follows");
        assertEquals("Served tokens/s per card", robot.lookup(named("perCardTitle")).queryAs(Label.class).getText());
        assertEquals(Units.tokens(served), view.kpis().value("perCard"));
        assertEquals(Units.tokens(served * Evaluation.CARDS_PER_NODE), view.kpis().value("perNode"));
        assertTrue(view.kpis().band("perCard").startsWith("(D:P "), view.kpis().band("perCard"));
        // the chart: the current scenario's mark at the served figure, every frontier point lower than its decode
        // figure, the axis saying what it shows
        assertEquals(served, currentMark(f), 1e-6 * served);
        XYPlot plot = f.chart().getXYPlot();
        assertTrue(plot.getRangeAxis().getLabel().startsWith("Served tokens/s per card"), plot.getRangeAxis().getLabel());
        var frontier = f.model().getResult().frontier();
        double[] heights = frontierHeights(plot);
        assertEquals(frontier.size(), heights.length);
        for (int i = 0; i < heights.length; i++) {
            assertTrue(heights[i] < frontier.get(i).throughputPerCard(), i + ": " + heights[i]);
        }

        // a workload no prefill pool serves (TTFT within 1 ms): the tiles say so and which limit binds, no figure
        robot.interact(() -> view.served().model().workloadProperty().set(Workload.DEFAULT.withTtftLimit(1e-3)));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("not served", view.kpis().value("perCard"));
        assertTrue(view.kpis().band("perCard").contains("TTFT limit"), view.kpis().band("perCard"));
        assertTrue(Double.isNaN(currentMark(f)), "no served height for the current scenario");
        robot.interact(() -> view.served().model().workloadProperty().set(Workload.DEFAULT));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Units.tokens(served), view.kpis().value("perCard"));

        // off with a click on the frontier's own switch: decode again, in the tiles and the chart
        robot.clickOn(named("frontierServed"));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(view.model().servedProperty().get());
        assertEquals("Tokens/s per card", robot.lookup(named("perCardTitle")).queryAs(Label.class).getText());
        assertEquals(Units.tokens(decode), view.kpis().value("perCard"));
        assertEquals(decode, currentMark(f), 1e-9 * decode);
        assertEquals("Tokens/s per card (throughput)", plot.getRangeAxis().getLabel());
    }

    /** The y of the chart's "current" mark. */
    private static double currentMark(FrontierView f) {
        XYPlot plot = f.chart().getXYPlot();
        for (int d = 0; d < plot.getDatasetCount(); d++) {
            XYDataset ds = plot.getDataset(d);
            for (int s = 0; ds != null && s < ds.getSeriesCount(); s++) {
                if ("current".equals(ds.getSeriesKey(s))) {
                    return ds.getYValue(s, 0);
                }
            }
        }
        throw new AssertionError("no current mark");
    }

    /** The heights of the frontier's runs in order (each run repeats the next run's first point: skipped). */
    private static double[] frontierHeights(XYPlot plot) {
        for (int d = 0; d < plot.getDatasetCount(); d++) {
            XYDataset ds = plot.getDataset(d);
            if (ds != null && ds.getSeriesCount() > 0 && String.valueOf(ds.getSeriesKey(0)).startsWith("run ")) {
                java.util.List<Double> out = new java.util.ArrayList<>();
                for (int s = 0; s < ds.getSeriesCount(); s++) {
                    int n = ds.getItemCount(s) - (s < ds.getSeriesCount() - 1 ? 1 : 0);
                    for (int i = 0; i < n; i++) {
                        out.add(ds.getYValue(s, i));
                    }
                }
                return out.stream().mapToDouble(Double::doubleValue).toArray();
            }
        }
        throw new AssertionError("no frontier runs");
    }
}
