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
 * A base-10 log axis with one tick per decade labelled in SI prefixes ("100 T", "1 P", "10 k"). The labels are
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
        for (Object o : super.refreshTicks(g2, state, dataArea, edge)) {
            ValueTick t = (ValueTick) o;
            plain.add(new NumberTick(t.getTickType(), t.getValue(), label(t.getValue()), t.getTextAnchor(),
                    t.getRotationAnchor(), t.getAngle()));
        }
        return plain;
    }

    /** "1", "10", "100", "1 k", …, "1 E"; below 1: "0.1", "0.01". */
    static String label(double value) {
        int e = (int) Math.round(Math.log10(value));
        if (e < 0) {
            return java.math.BigDecimal.ONE.movePointLeft(-e).toPlainString();
        }
        int group = Math.min(e / 3, PREFIXES.length - 1);
        return java.math.BigDecimal.ONE.movePointRight(e - 3 * group).toPlainString() + PREFIXES[group];
    }
}
