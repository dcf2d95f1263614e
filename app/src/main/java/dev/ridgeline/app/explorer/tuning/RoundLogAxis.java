package dev.ridgeline.app.explorer.tuning;

import dev.ridgeline.app.explorer.charts.Palette;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

/**
 * A log axis over a range of a decade or two (a map's quarter to four times a value), ticked at round values: 1, 2
 * and 5 times powers of ten, fewer when the axis is short, labelled as a field's values are shown ("2,000", "0.5").
 */
final class RoundLogAxis extends LogAxis {
    private static final long serialVersionUID = 1L;

    RoundLogAxis(String label) {
        super(label);
        setBase(10);
        setMinorTickMarksVisible(false);
        setLabelFont(Palette.LABEL);
        setTickLabelFont(Palette.SMALL);
        setLabelPaint(Palette.INK);
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
        boolean vertical = RectangleEdge.isLeftOrRight(edge);
        double length = vertical ? dataArea.getHeight() : dataArea.getWidth();
        List ticks = new ArrayList<>();
        for (double v : values(getLowerBound(), getUpperBound(), length < 300 ? 4 : 7)) {
            TextAnchor anchor = vertical ? TextAnchor.CENTER_RIGHT : TextAnchor.TOP_CENTER;
            ticks.add(new NumberTick(TickType.MAJOR, v, label(v), anchor, TextAnchor.CENTER, 0));
        }
        return ticks;
    }

    /** Round values in [lo, hi]: 1-2-5 per decade, thinned to about {@code most}. */
    static List<Double> values(double lo, double hi, int most) {
        int[][] sets = {{1, 2, 5}, {1, 3}, {1}};
        List<Double> out = new ArrayList<>();
        for (int[] mantissas : sets) {
            out.clear();
            for (int e = (int) Math.floor(Math.log10(lo)); e <= (int) Math.ceil(Math.log10(hi)); e++) {
                for (int m : mantissas) {
                    double v = m * Math.pow(10, e);
                    if (v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9)) {
                        out.add(v);
                    }
                }
            }
            if (out.size() <= most) {
                break;
            }
        }
        return out;
    }

    static String label(double v) {
        java.math.BigDecimal d = new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros();
        return Math.abs(v) >= 1000 ? String.format(java.util.Locale.ROOT, "%,d", d.longValue()) : d.toPlainString();
    }
}
