package dev.ridgeline.app.explorer.frontier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.app.explorer.charts.LiveViewer;
import dev.ridgeline.engine.io.Presets;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.space.Frontier;
import dev.ridgeline.engine.space.Space;
import dev.ridgeline.engine.sweep.Sweep;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.jfree.chart.fx.ChartViewer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The cloud drawn on the window's canvas as a JavaFX image sharing its pixels ({@link CloudRenderer#drawOn}) gives
 * the same pixels as the same chart drawn through FXGraphics2D's image copy, on the first frame and after the data
 * changes (a new image must replace the one the canvas was given).
 */
@ExtendWith(ApplicationExtension.class)
class CloudOnCanvasTest {
    private static final Scenario BASE = Presets.builtInScenario("default");
    private ChartViewer plain;
    private ChartViewer direct;

    @Start
    void start(Stage stage) {
        FrontierData d = data(1);
        plain = LiveViewer.of(FrontierChart.createChart(d));
        direct = LiveViewer.of(FrontierChart.createChart(d));
        FrontierChart.drawOn(direct.getChart(), direct.getCanvas().getGraphicsContext2D());
        for (ChartViewer v : new ChartViewer[] {plain, direct}) {
            v.setPrefSize(700, 420);
        }
        stage.setScene(new Scene(new HBox(plain, direct), 1400, 420));
        stage.show();
    }

    /** 3,000 scattered deployments, a frontier of three, from a seeded random draw. */
    private static FrontierData data(long seed) {
        Space space = new Space(List.of(BASE), Sweep.Batches.allThatFit());
        SplittableRandom r = new SplittableRandom(seed);
        List<Frontier.Point> points = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            points.add(new Frontier.Point(0, 1 + r.nextInt(200), 3 + r.nextDouble() * 200, r.nextDouble() * 3000));
        }
        List<Frontier.Point> frontier = List.of(new Frontier.Point(0, 64, 5, 3200), new Frontier.Point(0, 16, 50, 2500),
                new Frontier.Point(0, 1, 210, 200));
        points.addAll(frontier);
        return FrontierData.of(new Frontier.Result(space, points, frontier, 20, null, false), null, null, 20,
                ColourBy.AUTO);
    }

    private static int[] pixels(ChartViewer v) throws Exception {
        WritableImage shot = WaitForAsyncUtils.asyncFx(() -> v.getCanvas().snapshot(null, null)).get();
        int w = (int) shot.getWidth();
        int h = (int) shot.getHeight();
        int[] out = new int[w * h];
        shot.getPixelReader().getPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), out, 0, w);
        return out;
    }

    @Test
    void theCanvasImageDrawsTheSamePixelsAsFxGraphics2D(FxRobot robot) throws Exception {
        for (long seed : new long[] {1, 2}) {
            FrontierData d = data(seed);
            robot.interact(() -> {
                for (ChartViewer v : new ChartViewer[] {plain, direct}) {
                    FrontierChart.show(v.getChart(), d);
                    v.getCanvas().draw();
                }
            });
            int[] expected = pixels(plain);
            int[] actual = pixels(direct);
            int cloud = FrontierChart.CLOUD_COLOUR.getRGB();
            int dots = 0;
            for (int p : actual) {
                dots += p == cloud ? 1 : 0;
            }
            assertTrue(dots > 1000, "the cloud is drawn: " + dots + " pixels of its colour, seed " + seed);
            assertArrayEquals(expected, actual, "seed " + seed);
        }
    }
}
