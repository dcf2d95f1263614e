package dev.ridgeline.app.explorer.frontier;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.jfree.chart.block.RectangleConstraint;
import org.jfree.chart.title.Title;
import org.jfree.chart.ui.Size2D;

/**
 * Lines of text in a column beside the plot, headings starting blocks. Unlike JFreeChart's block containers it never
 * wraps into a second column when it runs out of height (which would squeeze the plot): the lines that do not fit are
 * left out, and the list puts the least important last.
 */
final class TextColumn extends Title {
    private static final long serialVersionUID = 1L;
    /** Space above a heading that is not the first line, px. */
    static final double GAP = 7;

    private final Font plain;
    private final Font heading;
    private final Paint plainPaint;
    private final Paint headingPaint;
    private transient List<AnswerText.Line> lines = List.of();

    TextColumn(Font plain, Font heading, Paint plainPaint, Paint headingPaint) {
        this.plain = plain;
        this.heading = heading;
        this.plainPaint = plainPaint;
        this.headingPaint = headingPaint;
    }

    /** The lines to show; the chart redraws when its notification is on. */
    void setLines(List<AnswerText.Line> text) {
        lines = List.copyOf(text);
        notifyListeners(new org.jfree.chart.event.TitleChangeEvent(this));
    }

    @Override
    public Size2D arrange(Graphics2D g2, RectangleConstraint constraint) {
        double width = 0;
        for (AnswerText.Line line : lines) {
            width = Math.max(width, g2.getFontMetrics(font(line)).stringWidth(line.text()));
        }
        double height = constraint.getHeight() > 0 ? constraint.getHeight() : 0;
        return new Size2D(calculateTotalWidth(width), height);
    }

    @Override
    public void draw(Graphics2D g2, Rectangle2D area) {
        Rectangle2D inner = trimPadding(trimBorder(trimMargin((Rectangle2D) area.clone())));
        double y = inner.getY();
        boolean first = true;
        for (AnswerText.Line line : lines) {
            FontMetrics fm = g2.getFontMetrics(font(line));
            double top = y + (line.heading() && !first ? GAP : 0);
            if (top + fm.getHeight() > inner.getMaxY()) {
                break; // out of room: the rest is left out rather than drawn over the legend
            }
            g2.setFont(font(line));
            g2.setPaint(line.heading() ? headingPaint : plainPaint);
            g2.drawString(line.text(), (float) inner.getX(), (float) (top + fm.getAscent()));
            y = top + fm.getHeight();
            first = false;
        }
    }

    @Override
    public Object draw(Graphics2D g2, Rectangle2D area, Object params) {
        draw(g2, area);
        return null;
    }

    private Font font(AnswerText.Line line) {
        return line.heading() ? heading : plain;
    }
}
