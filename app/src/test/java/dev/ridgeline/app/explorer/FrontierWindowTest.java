package dev.ridgeline.app.explorer;

import static dev.ridgeline.app.Names.named;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.app.Engines;
import dev.ridgeline.app.explorer.frontier.AnswerText;
import dev.ridgeline.app.explorer.frontier.FrontierChart;
import dev.ridgeline.app.explorer.frontier.FrontierView;
import dev.ridgeline.engine.Engine;
import dev.ridgeline.engine.Evaluation;
import dev.ridgeline.engine.io.Catalog;
import dev.ridgeline.engine.io.Presets;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.space.Frontier;
import dev.ridgeline.engine.space.Headline;
import dev.ridgeline.engine.space.Space;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.image.PixelReader;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.Range;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Frontier view in the real window, headless, with a same-thread engine and sweep. Expected figures come from the
 * engine run by the test (an evaluation of the deployment, the headline over every batch); pixel positions from the
 * axis ranges and the plot area, not from the chart's transforms; texts formatted here with String.format.
 */
@ExtendWith(ApplicationExtension.class)
class FrontierWindowTest {
    /**
     * The opening scenario in seed fidelity: the figures these tests lean on (HBM bandwidth lifting the headline by
     * more than 5 %) are seed 000's reading; calibrated fidelity finds this deployment network-bound.
     */
    private static final Scenario DEFAULT = Presets.builtInScenario("default")
            .withFidelity(dev.ridgeline.engine.model.Fidelity.SEED);
    private final Engine engine = Engines.builtIn();
    private final Catalog catalog = Presets.builtIn();
    private ExplorerView view;

    @Start
    void start(Stage stage) {
        view = new TestWindow().scenario(DEFAULT).catalog(catalog).show(stage);
    }

    private FrontierView openFrontier(FxRobot robot) {
        robot.clickOn(named("frontierTab"));
        WaitForAsyncUtils.waitForFxEvents();
        assertNotNull(view.frontier().model().getResult(), "the frontier is swept when its tab is shown");
        return view.frontier();
    }

    /** Where the chart puts a value pair: log x and linear y over the plot area, in the canvas's coordinates. */
    private static Point2D pixel(FrontierView f, double userTps, double perCard) {
        Rectangle2D area = f.viewer().getCanvas().getRenderingInfo().getPlotInfo().getDataArea();
        XYPlot plot = f.chart().getXYPlot();
        Range x = plot.getDomainAxis().getRange();
        Range y = plot.getRangeAxis().getRange();
        double fx = (Math.log10(userTps) - Math.log10(x.getLowerBound()))
                / (Math.log10(x.getUpperBound()) - Math.log10(x.getLowerBound()));
        double fy = (perCard - y.getLowerBound()) / (y.getUpperBound() - y.getLowerBound());
        return new Point2D(area.getX() + fx * area.getWidth(), area.getMaxY() - fy * area.getHeight());
    }

    private static Point2D onScreen(FrontierView f, Point2D canvas) {
        return f.viewer().getCanvas().localToScreen(canvas);
    }

    /**
     * The frontier point farthest (on screen) from every swept point drawn elsewhere: a click on it can only mean it
     * (or a deployment with the very same figures, such as EP 320 beside EP 256 when both hold one expert per card,
     * which the frontier and the click both resolve to the first swept).
     */
    private static Frontier.Point loneFrontierPoint(FrontierView f, Frontier.Result r) {
        Frontier.Point best = null;
        double bestGap = -1;
        for (Frontier.Point p : r.frontier()) {
            Point2D at = pixel(f, p.userTokensPerSec(), p.throughputPerCard());
            double gap = Double.MAX_VALUE;
            for (Frontier.Point o : r.points()) {
                if (o.userTokensPerSec() != p.userTokensPerSec() || o.throughputPerCard() != p.throughputPerCard()) {
                    gap = Math.min(gap, at.distance(pixel(f, o.userTokensPerSec(), o.throughputPerCard())));
                }
            }
            if (gap > bestGap) {
                best = p;
                bestGap = gap;
            }
        }
        assertTrue(bestGap > 2, "some frontier point stands 2 px clear of the others: " + bestGap);
        return best;
    }

    @Test
    void clickingAFrontierPointMakesItTheScenarioInOneUndoStep(FxRobot robot) {
        FrontierView f = openFrontier(robot);
        Frontier.Result r = f.model().getResult();
        Frontier.Point p = loneFrontierPoint(f, r);
        robot.clickOn(onScreen(f, pixel(f, p.userTokensPerSec(), p.throughputPerCard())));
        WaitForAsyncUtils.waitForFxEvents();

        Scenario s = view.model().getScenario();
        assertEquals(r.deployment(p), s);
        Evaluation e = engine.evaluate(s);
        // the evaluation of the scenario the click made is the point clicked (summary and detailed paths agree)
        assertEquals(p.userTokensPerSec(), e.userTokensPerSec(), 1e-9 * p.userTokensPerSec());
        assertEquals(p.throughputPerCard(), e.throughputPerCard(), 1e-9 * p.throughputPerCard());
        Drawn.assertTilesShow(view, e);
        assertSame(r, f.model().getResult(), "a deployment of the same chip moves the marker, it sweeps nothing");
        XYDataset marks = f.chart().getXYPlot().getDataset(3);
        assertEquals(e.userTokensPerSec(), marks.getXValue(1, 0), 0.0, "the current-scenario marker is on the point");
        assertEquals(e.throughputPerCard(), marks.getYValue(1, 0), 0.0);

        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(DEFAULT, view.model().getScenario(), "one undo returns to the scenario before the click");
    }

    @Test
    void everyDeploymentIsADotWhereTheAxesPutIt(FxRobot robot) throws Exception {
        FrontierView f = openFrontier(robot);
        Frontier.Result r = f.model().getResult();
        Rectangle2D area = f.viewer().getCanvas().getRenderingInfo().getPlotInfo().getDataArea();
        PixelReader pixels = WaitForAsyncUtils.asyncFx(() -> f.viewer().getCanvas().snapshot(null, null)).get()
                .getPixelReader();
        List<Point2D> line = r.frontier().stream().map(p -> pixel(f, p.userTokensPerSec(), p.throughputPerCard())).toList();
        Point2D ring = pixel(f, r.answer().userTokensPerSec(), r.answer().throughputPerCard());
        Point2D diamond = pixel(f, view.model().getDrawn().userTokensPerSec(), view.model().getDrawn().throughputPerCard());
        double targetX = pixel(f, 20, 1).getX();
        int checked = 0;
        for (Frontier.Point p : r.points()) {
            Point2D at = pixel(f, p.userTokensPerSec(), p.throughputPerCard());
            // clear of everything drawn over the dots: the frontier line, the marks, the target line, the plot's edge
            boolean clear = at.getX() > area.getX() + 3 && at.getX() < area.getMaxX() - 3 && at.getY() > area.getY() + 3
                    && at.getY() < area.getMaxY() - 3 && Math.abs(at.getX() - targetX) > 4 && at.distance(ring) > 12
                    && at.distance(diamond) > 12;
            for (int k = 1; clear && k < line.size(); k++) {
                clear = distanceToSegment(at, line.get(k - 1), line.get(k)) > 5;
            }
            if (clear && checked++ % 50 == 0) {
                assertColour(FrontierChart.CLOUD_COLOUR, pixels.getArgb((int) at.getX(), (int) at.getY()), p.toString());
            }
        }
        assertTrue(checked > 1000, "dots checked: " + checked);
        // above the frontier nothing reaches: the plot's white
        assertColour(java.awt.Color.WHITE, pixels.getArgb((int) area.getMaxX() - 4, (int) area.getY() + 4), "top right");
    }

    /**
     * The frame before the sweep's draws only the current-scenario diamond, whose white outline is its last paint; the
     * sweep's frame must still fill its background white. On jfree-fx's own viewer everything outside the data area
     * (axes, ticks, legend, the text column) was black, on screen only (exports draw elsewhere).
     */
    @Test
    void theChartStaysWhiteOutsideItsPlotAfterTheSweepIsDrawn(FxRobot robot) throws Exception {
        FrontierView f = openFrontier(robot);
        javafx.scene.canvas.Canvas canvas = f.viewer().getCanvas();
        PixelReader pixels = WaitForAsyncUtils.asyncFx(() -> canvas.snapshot(null, null)).get().getPixelReader();
        int w = (int) canvas.getWidth();
        int h = (int) canvas.getHeight();
        // the chart's padding (6, 6, 4, 10 px): nothing but its background is drawn there
        for (int[] at : new int[][] {{2, 2}, {w - 3, 2}, {2, h - 3}, {w - 3, h - 3}}) {
            assertColour(java.awt.Color.WHITE, pixels.getArgb(at[0], at[1]), "outside the plot at " + at[0] + "," + at[1]);
        }
    }

    private static double distanceToSegment(Point2D p, Point2D a, Point2D b) {
        double dx = b.getX() - a.getX();
        double dy = b.getY() - a.getY();
        double t = dx == 0 && dy == 0 ? 0 : Math.max(0, Math.min(1,
                ((p.getX() - a.getX()) * dx + (p.getY() - a.getY()) * dy) / (dx * dx + dy * dy)));
        return p.distance(a.getX() + t * dx, a.getY() + t * dy);
    }

    private static void assertColour(java.awt.Color expected, int argb, String what) {
        java.awt.Color actual = new java.awt.Color(argb, true);
        // 2 levels a channel: the software rasteriser may blend the last bit
        boolean close = Math.abs(expected.getRed() - actual.getRed()) <= 2
                && Math.abs(expected.getGreen() - actual.getGreen()) <= 2 && Math.abs(expected.getBlue() - actual.getBlue()) <= 2;
        assertTrue(close, what + ": expected " + expected + ", drawn " + actual);
    }

    @Test
    void hoveringAPointNamesItsDeployment(FxRobot robot) {
        FrontierView f = openFrontier(robot);
        Frontier.Result r = f.model().getResult();
        Frontier.Point p = loneFrontierPoint(f, r);
        robot.moveTo(onScreen(f, pixel(f, p.userTokensPerSec(), p.throughputPerCard())));
        WaitForAsyncUtils.waitForFxEvents();
        Scenario d = r.configuration(p);
        String tip = f.tooltipText();
        assertNotNull(tip, "a tooltip is shown");
        assertTrue(tip.contains(String.format(Locale.ROOT, "EP %d · B%d · %s · MTP %d", d.ep(), p.batch(),
                d.policy().label(), d.mtpDepth())), tip);
        assertTrue(tip.contains(Drawn.tokens(p.userTokensPerSec()) + " tokens/s per user"), tip);
        assertTrue(tip.contains("on the frontier"), tip);
    }

    @Test
    void theBestDeploymentAtTheTargetIsRingedAndNamedBesideTheChart(FxRobot robot) {
        FrontierView f = openFrontier(robot);
        // over every batch that fits, not only the drawn ones
        Headline.Answer a = Headline.best(engine, Space.explorer(DEFAULT), 20);
        Headline.Answer shown = f.model().getResult().answer();
        assertEquals(a.throughputPerCard(), shown.throughputPerCard(), 0.0);
        assertEquals(a.deployment(), shown.deployment());
        XYDataset marks = f.chart().getXYPlot().getDataset(3);
        assertEquals(a.userTokensPerSec(), marks.getXValue(0, 0), 0.0);
        assertEquals(a.throughputPerCard(), marks.getYValue(0, 0), 0.0);
        List<String> text = f.data().text().stream().map(AnswerText.Line::text).toList();
        assertTrue(text.contains("Best at ≥ 20 tokens/s per user"), text.toString());
        assertTrue(text.contains(Drawn.tokens(a.throughputPerCard()) + " tokens/s per card"), text.toString());
        assertTrue(text.contains(Drawn.tokens(8 * a.throughputPerCard()) + " per node, at " + Drawn.tokens(a.userTokensPerSec())
                + " per user"), text.toString());
        assertTrue(text.contains(String.format(Locale.ROOT, "EP %d · B%d · %s · MTP %d", a.deployment().ep(),
                a.deployment().batchPerCard(), a.deployment().policy().label(), a.deployment().mtpDepth())), text.toString());
        // no drawn point that meets the target does better than the answer
        for (Frontier.Point p : f.model().getResult().points()) {
            assertTrue(p.userTokensPerSec() < 20 || p.throughputPerCard() <= a.throughputPerCard(), p.toString());
        }
    }

    @Test
    void aNewTargetResolvesTheAnswerWithoutSweepingAgain(FxRobot robot) {
        FrontierView f = openFrontier(robot);
        Frontier.Result before = f.model().getResult();
        TextField target = robot.lookup(named("frontierTarget")).queryAs(TextField.class);
        robot.interact(() -> target.setText("15"));
        robot.clickOn(target).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        Frontier.Result after = f.model().getResult();
        assertEquals(15, after.targetTps(), 0.0);
        assertSame(before.points(), after.points(), "the same sweep");
        Headline.Answer a = Headline.best(engine, Space.explorer(DEFAULT), 15);
        assertEquals(a.deployment(), after.answer().deployment());
        assertTrue(after.answer().throughputPerCard() >= before.answer().throughputPerCard(),
                "a lower target can only allow more throughput");

        robot.interact(() -> target.setText("0"));
        robot.clickOn(target).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        Label message = robot.lookup(named("frontierTargetMessage")).queryAs(Label.class);
        assertTrue(message.isVisible() && message.getText().startsWith("Target must be above 0"), message.getText());
        assertEquals(15, f.model().targetProperty().get(), 0.0, "a refused target leaves the last good one");
    }

    @Test
    void editingTheChipMovesTheFrontierAndPinnedAKeepsItsOwn(FxRobot robot) {
        FrontierView f = openFrontier(robot);
        Frontier.Result h800 = f.model().getResult();
        robot.interact(() -> view.model().pin());
        WaitForAsyncUtils.waitForFxEvents();

        TextField hbm = chipField(robot, "Memory", "HBM bandwidth (GB/s)");
        robot.interact(() -> {
            hbm.requestFocus();
            hbm.setText("6700");
        });
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        Frontier.Result faster = f.model().getResult();
        assertEquals(6700e9, faster.space().configurations().get(0).chip().hbmBandwidthBytesPerSec(), 1.0);
        Scenario edited = DEFAULT.withChip(DEFAULT.chip().withHbmBandwidth(6700e9));
        Headline.Answer a = Headline.best(engine, Space.explorer(edited), 20);
        assertEquals(a.throughputPerCard(), faster.answer().throughputPerCard(), 0.0);
        // decode at 20 tokens/s per user leans on HBM: twice the bandwidth lifts the best deployment's throughput
        assertTrue(faster.answer().throughputPerCard() > h800.answer().throughputPerCard() * 1.05,
                faster.answer().throughputPerCard() + " vs " + h800.answer().throughputPerCard());

        // the drawn frontier line is the new chip's frontier, its runs joined end to start
        List<Frontier.Point> expected = Frontier.compute(engine, Space.explorerForDrawing(edited), 20).frontier();
        XYDataset runs = f.chart().getXYPlot().getDataset(2);
        int k = 0;
        for (int s = 0; s < runs.getSeriesCount(); s++) {
            for (int i = s == 0 ? 0 : 1; i < runs.getItemCount(s); i++, k++) {
                assertEquals(expected.get(k).userTokensPerSec(), runs.getXValue(s, i), 0.0, "frontier point " + k);
                assertEquals(expected.get(k).throughputPerCard(), runs.getYValue(s, i), 0.0, "frontier point " + k);
            }
        }
        assertEquals(expected.size(), k);
        // A's frontier stays drawn as the ghost: the H800's
        XYDataset ghost = f.chart().getXYPlot().getDataset(1);
        assertEquals(h800.frontier().size(), ghost.getItemCount(0));
        for (int i = 0; i < ghost.getItemCount(0); i++) {
            assertEquals(h800.frontier().get(i).throughputPerCard(), ghost.getYValue(0, i), 0.0);
        }
        Drawn.assertTilesShow(view, engine.evaluate(edited));
    }

    @Test
    void aBatchEditMovesOnlyTheMarker(FxRobot robot) {
        FrontierView f = openFrontier(robot);
        Frontier.Result r = f.model().getResult();
        robot.doubleClickOn(named("batchField")).eraseText(12).write("48").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertSame(r, f.model().getResult(), "no new sweep for a batch edit");
        Evaluation e = engine.evaluate(DEFAULT.withBatch(48));
        XYDataset marks = f.chart().getXYPlot().getDataset(3);
        assertEquals(e.userTokensPerSec(), marks.getXValue(1, 0), 0.0);
        assertEquals(e.throughputPerCard(), marks.getYValue(1, 0), 0.0);
        assertFalse(f.model().runningProperty().get());
    }

    private TextField chipField(FxRobot robot, String category, String label) {
        robot.clickOn(named("chipTab"));
        TitledPane pane = robot.from(view.chipEditor()).lookup((Node n) -> n instanceof TitledPane
                && category.equals(((TitledPane) n).getText())).queryAs(TitledPane.class);
        // every pane still: opening one closes another, and a sliding pane moves the field under the robot's click
        robot.interact(() -> robot.from(view.chipEditor()).lookup(".titled-pane").queryAllAs(TitledPane.class)
                .forEach(p -> p.setAnimated(false)));
        if (!pane.isExpanded()) {
            robot.clickOn(pane.lookup(".title"));
        }
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
}
