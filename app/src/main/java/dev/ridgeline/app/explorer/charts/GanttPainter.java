package dev.ridgeline.app.explorer.charts;

import dev.ridgeline.app.Units;
import dev.ridgeline.engine.schedule.Interval;
import dev.ridgeline.engine.schedule.Lane;
import dev.ridgeline.engine.schedule.Schedule;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Paints the engine's {@link Schedule} of one layer as a Gantt on any {@link Graphics2D} (screen through FXGraphics2D,
 * PNG, SVG, PDF). It places the intervals exactly where the schedule says and computes nothing about the pipeline.
 */
public final class GanttPainter {
    /** One drawn bar: the interval and where it landed, in the painter's coordinates. */
    public record Bar(Interval interval, Rectangle2D rect, String text) {
    }

    private static final int LANE_LABEL_WIDTH = 86;
    private static final int TOP = 26;
    private static final int AXIS = 30;
    private static final int RIGHT = 14;

    private GanttPainter() {
    }

    /** Paints into {@code area} and returns the bars as drawn. */
    public static List<Bar> paint(Graphics2D g, Rectangle2D area, Schedule schedule) {
        return paint(g, area, schedule, null);
    }

    /**
     * The card a layer's schedule is of, in words: the hottest card of the EP group (the step waits for it), with its
     * load over the mean card's and the experts it reads; "every card at the mean" when the load is even.
     */
    public static String card(dev.ridgeline.engine.Evaluation e) {
        var h = e.hottestCard();
        if (!(h.loadOverMean() > 1 + 1e-9)) {
            return "every card at the mean load";
        }
        return String.format(Locale.ROOT, "hottest card drawn: %.2fx the mean's tokens, %.1f of %d experts read",
                h.loadOverMean(), h.expertsRead(), h.expertSlots());
    }

    /**
     * Paints into {@code area}, saying in the header which card is drawn ({@link #card}; null leaves it out), and
     * returns the bars as drawn.
     */
    public static List<Bar> paint(Graphics2D g, Rectangle2D area, Schedule schedule, String card) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fill(area);
        double x0 = area.getX() + LANE_LABEL_WIDTH;
        double width = Math.max(10, area.getWidth() - LANE_LABEL_WIDTH - RIGHT);
        double top = area.getY() + TOP;
        double plotHeight = Math.max(20, area.getHeight() - TOP - AXIS);
        Lane[] lanes = Lane.values();
        double rowHeight = plotHeight / lanes.length;
        double span = span(schedule);
        if (!drawable(span, schedule) || !Double.isFinite(width / span)) {
            // the engine never returns such a schedule (Evaluation refuses it); never loop over it either
            g.setFont(Palette.LABEL);
            g.setColor(Palette.MUTED);
            g.drawString("Nothing to draw: the step time is not a finite positive number.", (float) x0, (float) top + 14);
            return List.of();
        }
        double scale = width / span;

        header(g, area, schedule, card);
        g.setFont(Palette.LABEL);
        for (int r = 0; r < lanes.length; r++) {
            double y = top + r * rowHeight;
            g.setColor(r % 2 == 0 ? new Color(0xF6, 0xF8, 0xFA) : Color.WHITE);
            g.fill(new Rectangle2D.Double(x0, y, width, rowHeight));
            g.setColor(Palette.INK);
            g.drawString(lanes[r].label(), (float) (area.getX() + 8), (float) (y + rowHeight / 2 + 4));
        }
        axis(g, x0, width, top + plotHeight, span);

        List<Bar> bars = new ArrayList<>();
        g.setFont(Palette.SMALL);
        FontMetrics fm = g.getFontMetrics();
        for (Interval i : schedule.intervals()) {
            int row = i.lane().ordinal();
            double pad = Math.min(6, rowHeight * 0.15);
            Rectangle2D rect = new Rectangle2D.Double(x0 + i.startSec() * scale, top + row * rowHeight + pad,
                    Math.max(1, i.durationSec() * scale), rowHeight - 2 * pad);
            g.setColor(i.microBatch() == 0 ? Palette.MICRO_BATCH_0 : Palette.MICRO_BATCH_1);
            g.fill(rect);
            g.setColor(Color.WHITE);
            g.setStroke(new BasicStroke(1f));
            g.draw(rect);
            if (i.critical()) {
                g.setColor(Palette.CRITICAL);
                g.fill(new Rectangle2D.Double(rect.getX(), rect.getMaxY() - 4, rect.getWidth(), 4));
            }
            String text = fit(fm, rect.getWidth() - 6, i.label(), i.stage().label().toUpperCase(Locale.ROOT),
                    i.stage().label().substring(0, 1).toUpperCase(Locale.ROOT));
            if (text != null) {
                g.setColor(Color.WHITE);
                g.drawString(text, (float) (rect.getCenterX() - fm.stringWidth(text) / 2.0),
                        (float) (rect.getCenterY() + fm.getAscent() / 2.0 - 2));
            }
            bars.add(new Bar(i, rect, text));
        }
        return bars;
    }

    private static String fit(FontMetrics fm, double room, String... candidates) {
        for (String c : candidates) {
            if (fm.stringWidth(c) <= room) {
                return c;
            }
        }
        return null;
    }

    private static void header(Graphics2D g, Rectangle2D area, Schedule schedule, String card) {
        g.setFont(Palette.TITLE);
        g.setColor(Palette.INK);
        String title = String.format(Locale.ROOT, "One layer, one decode step: %s, %d micro-batch%s",
                Units.time(schedule.layerTimeSec()), schedule.microBatches(), schedule.microBatches() == 1 ? "" : "es");
        float y = (float) area.getY() + 17;
        g.drawString(title, (float) area.getX() + 8, y);
        double titleEnd = area.getX() + 8 + g.getFontMetrics().stringWidth(title);
        g.setFont(Palette.SMALL);
        FontMetrics fm = g.getFontMetrics();
        if (card != null) {
            // the card beside the title when it fits before the key (about 330 px), else its short form, else nothing
            double room = area.getMaxX() - RIGHT - 330 - titleEnd - 16;
            String shortForm = card.replaceFirst(":.*", "");
            String shown = fm.stringWidth(card) <= room ? card : fm.stringWidth(shortForm) <= room ? shortForm : null;
            if (shown != null) {
                g.setColor(Palette.MUTED);
                g.drawString(shown, (float) (titleEnd + 16), y);
            }
        }
        String[] keys = {"micro-batch 0", "micro-batch 1", "critical path"};
        Color[] colors = {Palette.MICRO_BATCH_0, Palette.MICRO_BATCH_1, Palette.CRITICAL};
        int shown = schedule.microBatches() > 1 ? 3 : 2;
        double x = area.getMaxX() - RIGHT;
        for (int k = shown - 1; k >= 0; k--) {
            int idx = shown == 2 && k == 1 ? 2 : k;
            x -= fm.stringWidth(keys[idx]);
            g.setColor(Palette.MUTED);
            g.drawString(keys[idx], (float) x, y);
            x -= 16;
            g.setColor(colors[idx]);
            g.fill(new Rectangle2D.Double(x, y - 9, 12, idx == 2 ? 4 : 10));
            x -= 14;
        }
    }

    /** The time the Gantt spans: the layer time, or the last interval's end when that is later. */
    static double span(Schedule schedule) {
        double span = schedule.layerTimeSec();
        for (Interval i : schedule.intervals()) {
            span = Math.max(span, i.endSec());
        }
        return span;
    }

    /** A span and intervals that can be drawn: finite, positive span; finite interval ends. */
    static boolean drawable(double span, Schedule schedule) {
        if (!(span > 0) || !Double.isFinite(span * 1e6)) {
            return false;
        }
        for (Interval i : schedule.intervals()) {
            if (!Double.isFinite(i.startSec()) || !Double.isFinite(i.endSec())) {
                return false;
            }
        }
        return true;
    }

    /** Most ticks an axis draws, whatever the span: a nice step gives at most about width / 70 of them. */
    static final int MAX_TICKS = 200;

    private static void axis(Graphics2D g, double x0, double width, double y, double spanSec) {
        g.setColor(Palette.MUTED);
        g.setStroke(new BasicStroke(1f));
        g.draw(new java.awt.geom.Line2D.Double(x0, y, x0 + width, y));
        double spanUs = spanSec * 1e6;
        double step = niceStep(spanUs / Math.max(2, width / 70));
        g.setFont(Palette.SMALL);
        FontMetrics fm = g.getFontMetrics();
        // ticks counted, not accumulated: t += step never ends when step is lost in t's rounding
        long ticks = Math.min(MAX_TICKS, (long) Math.floor(spanUs / step + 1e-9));
        for (long k = 0; k <= ticks; k++) {
            double t = k * step;
            double x = x0 + t / spanUs * width;
            g.draw(new java.awt.geom.Line2D.Double(x, y, x, y + 4));
            String label = Units.fixed(t, step < 1 ? 1 : 0);
            g.drawString(label, (float) (x - fm.stringWidth(label) / 2.0), (float) (y + 16));
        }
        String unit = "µs";
        g.drawString(unit, (float) (x0 - fm.stringWidth(unit) - 8), (float) (y + 16));
    }

    /** 1, 2 or 5 times a power of ten, at least {@code raw}. */
    static double niceStep(double raw) {
        double p = Math.pow(10, Math.floor(Math.log10(Math.max(raw, 1e-9))));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * p >= raw) {
                return m * p;
            }
        }
        return 10 * p;
    }
}
