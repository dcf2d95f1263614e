package dev.ridgeline.app.explorer.tuning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.engine.io.Presets;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.space.FieldMap;
import dev.ridgeline.engine.space.Knob;
import java.awt.Color;
import java.awt.Image;
import java.awt.Rectangle;
import java.awt.Shape;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.ImageObserver;
import java.util.List;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.stage.Stage;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.fx.FXGraphics2D;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The map on the window's canvas (issue 17): JavaFX replays each primitive a {@code ChartCanvas} frame sends on its
 * render thread, and on the software pipeline a hatched cell's clip alone blends a mask the size of the canvas; the
 * 41 × 41 grid's cells (a fill and an outline each) and their hatching froze the real window for 8 s and more per
 * redraw. Counted here on the canvas's own graphics class: the heat map's share of one frame is a single image, the
 * same for an 11 × 11 and a 41 × 41 grid, and that image shows each cell in its colour where the cell lies.
 */
@ExtendWith(ApplicationExtension.class) // the canvas and its images need the toolkit
class MapOnCanvasTest {
    private static final int WIDTH = 900;
    private static final int HEIGHT = 420;

    @Start
    void start(Stage stage) {
        // nothing shown: the frames are drawn straight onto a canvas's graphics context
    }

    @Test
    void theHeatMapIsOneImagePerFrameWhateverTheGridsSize() {
        int small = heatPrimitives(11);
        int large = heatPrimitives(FieldMap.DEFAULT_CELLS);
        assertEquals(small, large, "primitives of the heat map in one frame, 11 × 11 against 41 × 41 cells");
        assertTrue(large <= 1, "primitives of the heat map in one frame: " + large + " (one image)");
    }

    /** On a HiDPI screen (2 device pixels a chart pixel) the image has the screen's pixels: no blurred cell edges. */
    @ParameterizedTest
    @ValueSource(doubles = {1, 2})
    void theImageShowsEachCellInItsColourWhereTheCellLies(double scale) {
        FieldMap.Result r = result(FieldMap.DEFAULT_CELLS);
        JFreeChart chart = chart(r, false);
        MapChart.pixelScale(chart, scale);
        Counting g2 = new Counting(new Canvas(WIDTH, HEIGHT).getGraphicsContext2D());
        ChartRenderingInfo info = new ChartRenderingInfo();
        chart.draw(g2, new Rectangle(WIDTH, HEIGHT), info);
        assertEquals(1, g2.images, "images drawn in the frame");
        BufferedImage image = (BufferedImage) g2.image;
        assertNotNull(image);
        Rectangle2D area = info.getPlotInfo().getDataArea();
        assertEquals(Math.floor(area.getMinX()), g2.imageAt[0], "the image's left edge, px");
        assertEquals(Math.floor(area.getMinY()), g2.imageAt[1], "the image's top edge, px");
        assertEquals(Math.ceil((Math.ceil(area.getMaxX()) - g2.imageAt[0]) * scale), image.getWidth(), "device pixels");
        XYPlot plot = chart.getXYPlot();
        GridBlockRenderer heat = (GridBlockRenderer) plot.getRenderer(MapChart.HEAT);
        MapData data = (MapData) plot.getDataset(MapChart.HEAT);
        int checked = 0;
        for (int item = 0; item < data.getItemCount(0); item++) {
            double[] xe = data.xEdges(item);
            double[] ye = data.yEdges(item);
            // the centre of the cell in ln, where no neighbour's colour can reach
            double cx = plot.getDomainAxis().valueToJava2D(Math.sqrt(xe[0] * xe[1]), area, plot.getDomainAxisEdge());
            double cy = plot.getRangeAxis().valueToJava2D(Math.sqrt(ye[0] * ye[1]), area, plot.getRangeAxisEdge());
            int px = (int) ((cx - g2.imageAt[0]) * scale);
            int py = (int) ((cy - g2.imageAt[1]) * scale);
            if (px < 0 || py < 0 || px >= image.getWidth() || py >= image.getHeight()) {
                continue; // a cell partly outside the data area: its centre may lie beyond the image
            }
            Color expected = (Color) heat.getPaintScale().getPaint(data.getZValue(0, item));
            assertEquals(expected.getRGB(), image.getRGB(px, py), "cell " + item + " at " + px + "," + py);
            checked++;
        }
        assertEquals(data.getItemCount(0), checked, "cells checked");
    }

    @Test
    void hatchingMarksTheWideCellsInTheImage() {
        FieldMap.Result r = result(FieldMap.DEFAULT_CELLS);
        Counting plain = new Counting(new Canvas(WIDTH, HEIGHT).getGraphicsContext2D());
        chart(r, false).draw(plain, new Rectangle(WIDTH, HEIGHT));
        Counting hatched = new Counting(new Canvas(WIDTH, HEIGHT).getGraphicsContext2D());
        chart(r, true).draw(hatched, new Rectangle(WIDTH, HEIGHT));
        BufferedImage a = (BufferedImage) plain.image;
        BufferedImage b = (BufferedImage) hatched.image;
        int darker = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if (luma(b.getRGB(x, y)) < luma(a.getRGB(x, y)) - 3) {
                    darker++;
                }
            }
        }
        // 6 px pitch, 0.8 px lines: about 0.8 · √2 / 6 ≈ 19 % of the pixels touched by a line across every cell
        double share = darker / (double) (a.getWidth() * a.getHeight());
        assertTrue(share > 0.08 && share < 0.5, "share of the pixels the hatching darkens: " + share);
    }

    private static double luma(int rgb) {
        return 0.299 * (rgb >> 16 & 0xFF) + 0.587 * (rgb >> 8 & 0xFF) + 0.114 * (rgb & 0xFF);
    }

    /**
     * The primitives the heat map adds to one frame on the canvas: the frame of the whole map, every cell hatched,
     * less the same frame without the heat map's cells.
     */
    private static int heatPrimitives(int cells) {
        FieldMap.Result r = result(cells);
        JFreeChart withCells = chart(r, true);
        JFreeChart without = chart(r, true);
        without.getXYPlot().setDataset(MapChart.HEAT, MapData.empty());
        Counting a = new Counting(new Canvas(WIDTH, HEIGHT).getGraphicsContext2D());
        withCells.draw(a, new Rectangle(WIDTH, HEIGHT));
        Counting b = new Counting(new Canvas(WIDTH, HEIGHT).getGraphicsContext2D());
        without.draw(b, new Rectangle(WIDTH, HEIGHT));
        return a.primitives() - b.primitives();
    }

    /** The map as the view draws it; {@code hatched}: every cell's band wider than a contour step. */
    private static JFreeChart chart(FieldMap.Result r, boolean hatched) {
        JFreeChart chart = MapChart.createChart();
        double[][] widths = null;
        if (hatched) {
            widths = new double[r.ys().length][r.xs().length];
            for (double[] row : widths) {
                java.util.Arrays.fill(row, 10); // a band ten times the figure: wider than any contour step
            }
        }
        MapChart.show(chart, r, List.of(new MapChart.Mark("H800", r.x().of(r.scenario()), r.y().of(r.scenario()), true)),
                4000, TuningFigures.plotPx(WIDTH, HEIGHT), widths);
        return chart;
    }

    /** A made-up headline over a {@code cells}² grid: a smooth rise towards more of both fields. */
    private static FieldMap.Result result(int cells) {
        Scenario s = Presets.builtInScenario("default");
        Knob x = Knob.field("HBM bandwidth");
        Knob y = Knob.field("FP8 tensor rate");
        double[] xs = FieldMap.axis(x, x.of(s), FieldMap.DEFAULT_FACTOR, cells);
        double[] ys = FieldMap.axis(y, y.of(s), FieldMap.DEFAULT_FACTOR, cells);
        double[][] headline = new double[ys.length][xs.length];
        for (int j = 0; j < ys.length; j++) {
            for (int i = 0; i < xs.length; i++) {
                headline[j][i] = 4000 * Math.pow(xs[i] / x.of(s), 0.4) * Math.pow(ys[j] / y.of(s), 0.2);
            }
        }
        return new FieldMap.Result(s, x, y, xs, ys, headline, 20, false);
    }

    /** The window canvas's graphics, counting what a frame sends it. */
    private static final class Counting extends FXGraphics2D {
        int fills;
        int draws;
        int clips;
        int images;
        Image image;
        final int[] imageAt = new int[2];

        Counting(GraphicsContext gc) {
            super(gc);
        }

        int primitives() {
            return fills + draws + clips + images;
        }

        @Override
        public void fill(Shape s) {
            fills++;
            super.fill(s);
        }

        @Override
        public void draw(Shape s) {
            draws++;
            super.draw(s);
        }

        @Override
        public void clip(Shape s) {
            clips++;
            super.clip(s);
        }

        @Override
        public void setClip(Shape s) {
            clips++;
            super.setClip(s);
        }

        @Override
        public boolean drawImage(Image img, int x, int y, int w, int h, ImageObserver observer) {
            images++;
            image = img;
            imageAt[0] = x;
            imageAt[1] = y;
            return super.drawImage(img, x, y, w, h, observer);
        }
    }
}
