package dev.ridgeline.app.explorer.charts;

import java.awt.geom.Rectangle2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Region;
import org.jfree.fx.FXGraphics2D;

/**
 * A region filled by a canvas that Java2D paints through jfree fx's {@link FXGraphics2D}: repainted when its size
 * changes and when the subclass calls {@link #repaint()} (the Gantt, the Served view's pools).
 */
public abstract class CanvasPane extends Region {
    private final Canvas canvas = new Canvas();
    private final FXGraphics2D g2 = new FXGraphics2D(canvas.getGraphicsContext2D());

    protected CanvasPane() {
        getChildren().add(canvas);
    }

    @Override
    protected final void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        if (w != canvas.getWidth() || h != canvas.getHeight()) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            repaint();
        }
    }

    /** Clears the canvas and, when it has an area, paints it. */
    protected final void repaint() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        canvas.getGraphicsContext2D().clearRect(0, 0, w, h);
        if (w < 1 || h < 1) {
            return;
        }
        paint(g2, new Rectangle2D.Double(0, 0, w, h));
    }

    /** Paints the cleared canvas, {@code area} (at least 1 x 1 pixels). */
    protected abstract void paint(FXGraphics2D g2, Rectangle2D area);
}
