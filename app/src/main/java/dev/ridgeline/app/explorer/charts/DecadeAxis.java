package dev.ridgeline.app.explorer.charts;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.ui.RectangleEdge;

/**
 * A base-10 log axis with one tick per decade labelled in SI prefixes ("100 T", "1 P", "10 k"), and ticks at 2 and 5
 * times each decade too when the range shows fewer than three decade ticks (a frontier from 300 to 5,000 tokens/s
 * had two ticks on its axis, "1 k" and nothing else to read a point against). The labels are
 * plain strings: {@link LogAxis}'s superscript labels go through {@code TextLayout}, which was a third of each
 * roofline redraw.
 */
public final class DecadeAxis extends LogAxis {
    private static final long serialVersionUID = 1L;
    private static final String[] PREFIXES = {"", " k", " M", " G", " T", " P", " E"};

    public DecadeAxis(String label) {
        super(label);
        setBase(10);
        setTickUnit(new NumberTickUnit(1.0), false, true);
        setMinorTickMarksVisible(false);
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
        List<ValueTick> plain = new ArrayList<>();
        List<?> decades = super.refreshTicks(g2, state, dataArea, edge);
        for (Object o : decades) {
            ValueTick t = (ValueTick) o;
            plain.add(new NumberTick(t.getTickType(), t.getValue(), label(t.getValue()), t.getTextAnchor(),
                    t.getRotationAnchor(), t.getAngle()));
        }
        if (plain.size() >= 3 || plain.isEmpty() || !(getLowerBound() > 0) || !(getUpperBound() > getLowerBound())) {
            return plain;
        }
        ValueTick anchor = plain.get(0);
        List<ValueTick> dense = new ArrayList<>();
        for (java.math.BigDecimal tick : LogTicks.values(getLowerBound(), getUpperBound())) {
            double v = tick.doubleValue();
            dense.add(new NumberTick(anchor.getTickType(), v, label(v), anchor.getTextAnchor(),
                    anchor.getRotationAnchor(), anchor.getAngle()));
        }
        return dense;
    }

    /** "1", "10", "100", "1 k", …, "1 E", "2 k", "500 T"; below 1: "0.1", "0.02". One significant digit. */
    static String label(double value) {
        int e = (int) Math.floor(Math.log10(value) + 1e-9);
        long m = Math.round(value / Math.pow(10, e));
        if (m >= 10) {
            m /= 10;
            e++;
        }
        java.math.BigDecimal mantissa = java.math.BigDecimal.valueOf(m);
        if (e < 0) {
            return mantissa.movePointLeft(-e).toPlainString();
        }
        int group = Math.min(e / 3, PREFIXES.length - 1);
        return mantissa.movePointRight(e - 3 * group).toPlainString() + PREFIXES[group];
    }
}
