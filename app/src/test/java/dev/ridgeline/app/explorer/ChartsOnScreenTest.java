package dev.ridgeline.app.explorer;

import static dev.ridgeline.app.Names.named;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.app.Names;
import dev.ridgeline.app.explorer.charts.Palette;
import dev.ridgeline.app.explorer.tuning.TuningRunner;
import dev.ridgeline.engine.io.Catalog;
import dev.ridgeline.engine.io.Presets;
import java.awt.geom.Rectangle2D;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Tab;
import javafx.scene.image.PixelReader;
import javafx.stage.Stage;
import org.jfree.chart.entity.ChartEntity;
import org.jfree.chart.entity.LegendItemEntity;
import org.jfree.chart.fx.ChartViewer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every chart of the window as the live viewer draws it, redrawn once more as an edit would: white outside the plot
 * (the chart's padding), and each legend item's text ending inside its own box. The legend is laid out with the font
 * metrics of the font it asks for; when the canvas drew with another font (jfree-fx's viewer restored the canvas's
 * default font after a frame, and the next frame's equal font was skipped) the wider text ran into the next item.
 */
@ExtendWith(ApplicationExtension.class)
class ChartsOnScreenTest {
    @TempDir
    static Path home;

    private static final ExecutorService POOL = TestWindow.pool("charts-test");
    private final Catalog catalog = Presets.builtIn();
    private ExplorerView view;

    @Start
    void start(Stage stage) {
        view = new TestWindow().catalog(catalog).presets(home.resolve("presets")).tuning(new TuningRunner(Runnable::run, POOL, 2, Runnable::run)).withoutMenus().size(1600, 1000).show(stage);
    }

    @AfterAll
    static void stopPool() {
        POOL.shutdownNow();
    }

    @Test
    void everyChartDrawsItsLegendAndMarginsAsLaidOut(FxRobot robot) throws Exception {
        List<String> checked = new ArrayList<>();
        for (String tab : List.of("rooflineTab", "frontierTab", "mapTab", "sensitivityTab")) {
            robot.clickOn(named(tab));
            WaitForAsyncUtils.waitForFxEvents();
            Tab t = tab.equals("sensitivityTab") ? view.sideTabs().getTabs().get(3)
                    : view.centreTabs().getTabs().stream().filter(x -> tab.equals(Names.of(x))).findFirst().orElseThrow();
            for (ChartViewer v : viewers(t.getContent())) {
                robot.interact(() -> v.getCanvas().draw()); // a second frame, as any edit draws
                PixelReader pixels = WaitForAsyncUtils.asyncFx(() -> v.getCanvas().snapshot(null, null)).get().getPixelReader();
                assertMarginsWhite(pixels, v, tab);
                checked.add(tab + ": " + assertLegendItemsEndInTheirBoxes(pixels, v, tab) + " legend items");
            }
        }
        assertEquals(4, checked.size(), "one chart per view: " + checked);
    }

    private static List<ChartViewer> viewers(Node n) {
        List<ChartViewer> out = new ArrayList<>();
        if (n instanceof ChartViewer) {
            out.add((ChartViewer) n);
        } else if (n instanceof Parent) {
            for (Node c : ((Parent) n).getChildrenUnmodifiable()) {
                out.addAll(viewers(c));
            }
        }
        return out;
    }

    /** The chart's padding is at least 4 px on every side of every chart: only the white background is drawn there. */
    private static void assertMarginsWhite(PixelReader pixels, ChartViewer v, String what) {
        int w = (int) v.getCanvas().getWidth();
        int h = (int) v.getCanvas().getHeight();
        for (int[] at : new int[][] {{1, 1}, {w - 2, 1}, {1, h - 2}, {w - 2, h - 2}}) {
            assertEquals(0xFFFFFFFF, pixels.getArgb(at[0], at[1]), what + ": outside the plot at " + at[0] + "," + at[1]);
        }
    }

    /**
     * Each legend item's box ends in {@link Palette#LEGEND_ITEM_GAP} px of padding after its text: the last 8 px of
     * it (2 px inside the box's edge) hold no ink, in every row the item's text spans.
     */
    private static int assertLegendItemsEndInTheirBoxes(PixelReader pixels, ChartViewer v, String what) {
        List<Rectangle2D> items = new ArrayList<>();
        for (Object o : v.getCanvas().getRenderingInfo().getEntityCollection().getEntities()) {
            if (o instanceof LegendItemEntity) {
                items.add(((ChartEntity) o).getArea().getBounds2D());
            }
        }
        assertFalse(items.isEmpty(), what + ": a legend is drawn");
        items.sort(Comparator.comparingDouble(Rectangle2D::getY).thenComparingDouble(Rectangle2D::getX));
        for (Rectangle2D box : items) {
            int right = (int) Math.floor(box.getMaxX()) - 2;
            for (int x = right - (int) Palette.LEGEND_ITEM_GAP + 3; x <= right; x++) {
                for (int y = (int) Math.ceil(box.getY() + 2); y < box.getMaxY() - 2; y++) {
                    assertEquals(0xFFFFFFFF, pixels.getArgb(x, y), what + ": ink at " + x + "," + y
                            + " in the space after a legend item's text " + box);
                }
            }
        }
        return items.size();
    }
}
