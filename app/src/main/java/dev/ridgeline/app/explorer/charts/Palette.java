package dev.ridgeline.app.explorer.charts;

import dev.ridgeline.engine.roofline.Bound;
import java.awt.Color;
import java.awt.Font;

/** Colours and fonts shared by the charts (on screen and in exported files). */
public final class Palette {
    private Palette() {
    }

    public static final Color COMPUTE = new Color(0xD9, 0x6C, 0x06);
    public static final Color MEMORY = new Color(0x1F, 0x6F, 0xD1);
    public static final Color NETWORK = new Color(0x1A, 0x93, 0x5A);
    /** A kernel held at its measured time floor: neither compute nor memory sets its time. */
    public static final Color LATENCY = new Color(0x8E, 0x44, 0xAD);
    public static final Color MICRO_BATCH_0 = new Color(0x3B, 0x7D, 0xD8);
    public static final Color MICRO_BATCH_1 = new Color(0xE0, 0x8E, 0x2B);
    public static final Color CRITICAL = new Color(0xC6, 0x28, 0x28);
    public static final Color INK = new Color(0x24, 0x29, 0x2F);
    public static final Color MUTED = new Color(0x57, 0x60, 0x6A);
    public static final Color GRID = new Color(0xD0, 0xD7, 0xDE);
    public static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    public static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    public static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 13);

    /** Space after each legend item's text, px: the items of a row stand apart (tests look for ink in it). */
    public static final double LEGEND_ITEM_GAP = 10;

    /** Every chart's legend: below the plot, in small type, unframed on white, its items {@link #LEGEND_ITEM_GAP} apart. */
    public static void legendBelow(org.jfree.chart.title.LegendTitle legend) {
        legend.setPosition(org.jfree.chart.ui.RectangleEdge.BOTTOM);
        legend.setItemFont(SMALL);
        legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
        legend.setBackgroundPaint(Color.WHITE);
        legend.setItemLabelPadding(new org.jfree.chart.ui.RectangleInsets(2, 2, 2, LEGEND_ITEM_GAP));
    }

    public static Color of(Bound b) {
        switch (b) {
            case COMPUTE:
                return COMPUTE;
            case NETWORK:
                return NETWORK;
            case LATENCY:
                return LATENCY;
            case HOST:
                return MUTED;
            default:
                return MEMORY;
        }
    }

    /** The same colour for JavaFX nodes (setting a paint directly costs no CSS pass, unlike a style string). */
    public static javafx.scene.paint.Color fx(Color c) {
        return javafx.scene.paint.Color.rgb(c.getRed(), c.getGreen(), c.getBlue());
    }
}
