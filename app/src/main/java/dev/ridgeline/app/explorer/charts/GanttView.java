package dev.ridgeline.app.explorer.charts;

import dev.ridgeline.engine.schedule.Schedule;
import java.awt.geom.Rectangle2D;
import java.util.List;
import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Region;
import org.jfree.fx.FXGraphics2D;

/** The pipeline Gantt on a resizable canvas; the drawing itself is {@link GanttPainter}'s. */
public final class GanttView extends Region {
    private final Canvas canvas = new Canvas();
    private final FXGraphics2D g2 = new FXGraphics2D(canvas.getGraphicsContext2D());
    private Schedule schedule;
    private String card;
    private List<GanttPainter.Bar> bars = List.of();
    private int redraws;

    public GanttView() {
        setId("gantt");
        getChildren().add(canvas);
        setMinSize(200, 110);
        setPrefSize(600, 170);
    }

    public void show(Schedule s) {
        show(s, null);
    }

    /** Shows a schedule and which card it is of ({@link GanttPainter#card}). */
    public void show(Schedule s, String cardNote) {
        schedule = s;
        card = cardNote;
        draw();
    }

    public Schedule schedule() {
        return schedule;
    }

    /** The bars as last drawn. */
    public List<GanttPainter.Bar> bars() {
        return bars;
    }

    /** How often the canvas was painted (tests check one paint per update). */
    public int redraws() {
        return redraws;
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        if (w != canvas.getWidth() || h != canvas.getHeight()) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            draw();
        }
    }

    private void draw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        canvas.getGraphicsContext2D().clearRect(0, 0, w, h);
        if (schedule == null || w < 1 || h < 1) {
            return;
        }
        bars = GanttPainter.paint(g2, new Rectangle2D.Double(0, 0, w, h), schedule, card);
        redraws++;
    }
}
