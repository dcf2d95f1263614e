package dev.ridgeline.app.explorer.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Stroke;
import org.jfree.chart.ChartPanel;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.event.OverlayChangeListener;
import org.jfree.chart.fx.ChartCanvas;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.fx.overlay.OverlayFX;

/**
 * The window's chart viewer: a JFreeChart-FX {@link ChartViewer} whose every frame draws in the colours, lines and
 * fonts it asks for. Every chart on screen goes through {@link #of} (an architecture test keeps it so).
 * <p>
 * Why: jfree-fx's {@code ChartCanvas.draw()} paints each frame between {@code gc.save()} and {@code gc.restore()}
 * through one long-lived {@code FXGraphics2D}, which skips a paint, stroke or font equal to the one it set last. The
 * restore puts the canvas back to the state saved before the frame, but the graphics object still believes its last
 * paint is set. A frame that ends on the chart's background colour (the frontier's current-scenario marker has a
 * white outline; a map label a white box) makes the next frame's background fill a no-op on a context whose fill is
 * back to black: everything outside the plot's data area turns black. The headless exports draw into an image and
 * never show it. After each frame (and once before the first) {@link StateSync} sets the graphics object's own
 * paint, stroke and font on the canvas again, so the canvas state and the graphics object agree when the next frame
 * starts.
 */
public final class LiveViewer {
    private LiveViewer() {
    }

    /** A viewer of {@code chart} whose frames start from the state the graphics object holds. */
    public static ChartViewer of(JFreeChart chart) {
        ChartViewer viewer = new ChartViewer(chart);
        ChartCanvas canvas = viewer.getCanvas();
        canvas.addOverlay(new StateSync());
        canvas.draw(); // zero-sized until laid out: draws no chart, only runs the overlay, so the first frame agrees too
        return viewer;
    }

    /**
     * An overlay that paints nothing: it re-applies the graphics object's paint, colour, stroke, font, composite and
     * transform to the canvas. It runs after {@code gc.restore()}, outside the saved frame, so the state it sets is
     * the one the next frame's restore returns to.
     */
    static final class StateSync implements OverlayFX {
        /** Values no chart uses: setting one first makes the graphics object apply the real value after it. */
        private static final Color NO_COLOUR = new Color(1, 2, 3, 4);
        private static final BasicStroke NO_STROKE = new BasicStroke(0.123f);
        private static final Font NO_FONT = new Font(Font.MONOSPACED, Font.PLAIN, 3);

        @Override
        public void paintOverlay(Graphics2D g2, ChartCanvas canvas) {
            resync(g2);
        }

        @Override
        public void paintOverlay(Graphics2D g2, ChartPanel panel) {
            resync(g2);
        }

        @Override
        public void addChangeListener(OverlayChangeListener listener) {
            // never changes: nothing to tell
        }

        @Override
        public void removeChangeListener(OverlayChangeListener listener) {
        }

        static void resync(Graphics2D g2) {
            Color colour = g2.getColor();
            Paint paint = g2.getPaint();
            g2.setColor(NO_COLOUR);
            g2.setColor(colour);
            g2.setPaint(paint); // a gradient is applied here; a colour equal to the one just set is skipped, as it may be
            Stroke stroke = g2.getStroke();
            if (stroke instanceof BasicStroke) { // FXGraphics2D applies only basic strokes
                g2.setStroke(NO_STROKE);
                g2.setStroke(stroke);
            }
            Font font = g2.getFont();
            g2.setFont(NO_FONT);
            g2.setFont(font);
            g2.setComposite(g2.getComposite());
            g2.setTransform(g2.getTransform());
        }
    }
}
