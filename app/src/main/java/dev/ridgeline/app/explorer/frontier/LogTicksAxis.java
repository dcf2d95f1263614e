package dev.ridgeline.app.explorer.frontier;

import dev.ridgeline.app.explorer.charts.LogTicks;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

/**
 * A base-10 log axis with ticks at 1, 2 and 5 of each decade ("5", "10", "20", "50", "100"), in plain numbers: a
 * span of one or two decades (tokens/s per user, 10 to 700) needs more than a tick per decade to be read. Over more
 * than {@link LogTicks#MAX_TICKS} such ticks only the decades are kept.
 */
final class LogTicksAxis extends LogAxis {
    private static final long serialVersionUID = 1L;

    LogTicksAxis(String label) {
        super(label);
        setBase(10);
        // no automatic tick unit: LogAxis's own search is slow, and the ticks come from refreshTicks below
        setTickUnit(new NumberTickUnit(1.0), false, true);
        setMinorTickMarksVisible(false);
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
        List<NumberTick> ticks = new ArrayList<>();
        boolean horizontal = RectangleEdge.isTopOrBottom(edge);
        TextAnchor anchor = horizontal ? (edge == RectangleEdge.TOP ? TextAnchor.BOTTOM_CENTER : TextAnchor.TOP_CENTER)
                : (edge == RectangleEdge.LEFT ? TextAnchor.CENTER_RIGHT : TextAnchor.CENTER_LEFT);
        for (BigDecimal v : LogTicks.values(getLowerBound(), getUpperBound())) {
            ticks.add(new NumberTick(TickType.MAJOR, v.doubleValue(), v.toPlainString(), anchor, TextAnchor.CENTER, 0.0));
        }
        return ticks;
    }
}
