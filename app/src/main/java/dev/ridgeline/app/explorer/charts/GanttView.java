package dev.ridgeline.app.explorer.charts;

import dev.ridgeline.app.Names;
import dev.ridgeline.engine.schedule.Schedule;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.jfree.fx.FXGraphics2D;

/** The pipeline Gantt on a resizable canvas; the drawing itself is {@link GanttPainter}'s. */
public final class GanttView extends CanvasPane {
    private Schedule schedule;
    private String card;
    private List<GanttPainter.Bar> bars = List.of();
    private int redraws;

    public GanttView() {
        Names.name(this, "gantt");
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
        repaint();
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
    protected void paint(FXGraphics2D g2, Rectangle2D area) {
        if (schedule == null) {
            return;
        }
        bars = GanttPainter.paint(g2, area, schedule, card);
        redraws++;
    }
}
