package dev.ridgeline.app.explorer.tuning;

import dev.ridgeline.app.explorer.tuning.MapChart.Mark;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the map writes its contours' values and its chips' names. A contour's value goes on its line, at the
 * highest point of the line where it hides no chip's marker and no other value (else at the highest point); then
 * chips whose markers coincide share one label ("L40S, L40S (datasheet)"), and every name goes where it hides no
 * chip's marker (its own chips' included), no value and no other name, and stays inside the plot: beside its chips to
 * the right, else to the left, else one to three lines above or below. Worked out in the plot's pixels from estimated
 * text sizes (a little over the real ones), so that it needs no graphics context.
 */
final class MapLabels {
    /** Width of a label character (11 px font), px, a little over the mean; the current chip's bold label is a fifth wider. */
    static final double CHAR_PX = 6.5;
    /** Height of a label's box (11 px font on its light ground), px; the current chip's (13 px bold) a fifth more. */
    static final double LINE_PX = 15;
    /** Clearance kept around a marker's centre, px (the markers are about 7 px across). */
    static final double MARKER_PX = 4.5;
    /** Space between a label and the nearest of its chips' markers, px. */
    static final double GAP_PX = 7;

    private MapLabels() {
    }

    /**
     * A label: its text at ({@code x}, {@code y}) in data units, the text starting there ({@code rightOf}) or ending
     * there.
     */
    record Placed(String text, boolean current, double x, double y, boolean rightOf) {
    }

    /**
     * A contour's value to write: its text ({@code bold} for the target's) and the points of its line, in data units,
     * where it may go.
     */
    record Value(String text, boolean bold, List<double[]> points) {
    }

    /**
     * A contour's value hanging below ({@code x}, {@code y}) in data units: centred there ({@code align} 0), starting
     * there (-1, near the plot's left side) or ending there (+1, near its right side).
     */
    record PlacedValue(String text, boolean bold, double x, double y, int align) {
    }

    /** The contours' values and the chips' names, placed apart. */
    record Layout(List<PlacedValue> values, List<Placed> names) {
    }

    /** A label's box in the plot's pixels (y upwards). */
    private record Box(double x0, double y0, double x1, double y1) {
        boolean overlaps(Box o) {
            return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1;
        }

        boolean nearPoint(double x, double y) {
            return x > x0 - MARKER_PX && x < x1 + MARKER_PX && y > y0 - MARKER_PX && y < y1 + MARKER_PX;
        }

        boolean inside(double width, double height) {
            return x0 >= 0 && x1 <= width && y0 >= 0 && y1 <= height;
        }
    }

    /**
     * The labels of {@code marks} (all inside the plot whose log-axis ranges are {@code xe} and {@code ye}) on a plot of
     * {@code plotPx} = {width, height} pixels: the current chip's group first, then from left to right.
     */
    static List<Placed> place(List<Mark> marks, double[] xe, double[] ye, double[] plotPx) {
        return place(marks, List.of(), xe, ye, plotPx).names();
    }

    /** The contours' {@code values} (in their order: the target's first) and then the labels of {@code marks}. */
    static Layout place(List<Mark> marks, List<Value> values, double[] xe, double[] ye, double[] plotPx) {
        double width = Math.max(plotPx[0], 100);
        double height = Math.max(plotPx[1], 60);
        double[][] px = new double[marks.size()][];
        for (int i = 0; i < marks.size(); i++) {
            px[i] = new double[] {fraction(marks.get(i).x(), xe) * width, fraction(marks.get(i).y(), ye) * height};
        }
        List<Box> taken = new ArrayList<>();
        List<PlacedValue> written = new ArrayList<>();
        for (Value v : values) {
            PlacedValue p = placeValue(v, px, taken, xe, ye, width, height);
            if (p != null) {
                written.add(p);
            }
        }
        return new Layout(written, placeNames(marks, px, taken, xe, ye, width, height));
    }

    /**
     * {@code v} at the highest of its points whose box is free, else at its highest point; null for a line with no
     * point. Its box joins {@code taken}.
     */
    private static PlacedValue placeValue(Value v, double[][] px, List<Box> taken, double[] xe, double[] ye,
                                          double width, double height) {
        List<double[]> points = new ArrayList<>(v.points());
        points.sort(Comparator.comparingDouble((double[] p) -> -p[1]));
        double w = CHAR_PX * (v.bold() ? 1.2 : 1) * v.text().length();
        double h = LINE_PX * (v.bold() ? 1.2 : 1);
        Box first = null;
        PlacedValue firstPlaced = null;
        for (double[] p : points) {
            double fx = fraction(p[0], xe);
            double x = fx * width;
            double y = Math.min(fraction(p[1], ye), 1) * height;
            int align = fx < 0.1 ? -1 : fx > 0.9 ? 1 : 0;
            double x0 = align < 0 ? x : align > 0 ? x - w : x - w / 2;
            Box b = new Box(x0, y - h, x0 + w, y);
            PlacedValue placed = new PlacedValue(v.text(), v.bold(), p[0], value(y / height, ye), align);
            if (first == null) {
                first = b;
                firstPlaced = placed;
            }
            if (free(b, px, taken, width, height)) {
                taken.add(b);
                return placed;
            }
        }
        if (first != null) {
            taken.add(first);
        }
        return firstPlaced;
    }

    private static List<Placed> placeNames(List<Mark> marks, double[][] px, List<Box> taken, double[] xe, double[] ye,
                                           double width, double height) {
        List<Placed> out = new ArrayList<>();
        for (List<Integer> group : groups(marks, px)) {
            Mark head = marks.get(group.get(0));
            String text = String.join(", ", group.stream().map(i -> marks.get(i).name()).toList());
            double w = CHAR_PX * (head.current() ? 1.2 : 1) * text.length();
            double h = LINE_PX * (head.current() ? 1.2 : 1);
            double left = Double.MAX_VALUE;
            double right = -Double.MAX_VALUE;
            for (int i : group) {
                left = Math.min(left, px[i][0]);
                right = Math.max(right, px[i][0]);
            }
            double y = px[group.get(0)][1];
            Box chosen = null;
            boolean rightOf = true;
            for (double dy : new double[] {0, h, -h, 2 * h, -2 * h, 3 * h, -3 * h}) {
                Box r = new Box(right + GAP_PX, y + dy - h / 2, right + GAP_PX + w, y + dy + h / 2);
                Box l = new Box(left - GAP_PX - w, y + dy - h / 2, left - GAP_PX, y + dy + h / 2);
                if (free(r, px, taken, width, height)) {
                    chosen = r;
                    break;
                }
                if (free(l, px, taken, width, height)) {
                    chosen = l;
                    rightOf = false;
                    break;
                }
            }
            if (chosen == null) {
                // nowhere free: beside its chips on the side that fits the plot (it may hide a marker)
                rightOf = right + GAP_PX + w <= width;
                chosen = rightOf ? new Box(right + GAP_PX, y - h / 2, right + GAP_PX + w, y + h / 2)
                        : new Box(left - GAP_PX - w, y - h / 2, left - GAP_PX, y + h / 2);
            }
            taken.add(chosen);
            double anchorX = rightOf ? chosen.x0() : chosen.x1();
            out.add(new Placed(text, head.current(), value(anchorX / width, xe), value((chosen.y0() + chosen.y1()) / 2 / height, ye),
                    rightOf));
        }
        return out;
    }

    /**
     * The marks grouped by label: a mark whose marker lies on an earlier group's first marker (closer than a marker's
     * clearance, so that one cannot be told from the other) joins that group. Indices into {@code marks}, the current
     * chip's group first, then from left to right.
     */
    static List<List<Integer>> groups(List<Mark> marks, double[][] px) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < marks.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing((Integer i) -> !marks.get(i).current()).thenComparingDouble(i -> px[i][0]));
        Map<Integer, List<Integer>> heads = new LinkedHashMap<>();
        for (int i : order) {
            Integer joined = null;
            for (int h : heads.keySet()) {
                if (Math.hypot(px[i][0] - px[h][0], px[i][1] - px[h][1]) < 2 * MARKER_PX) {
                    joined = h;
                    break;
                }
            }
            if (joined == null) {
                heads.put(i, new ArrayList<>(List.of(i)));
            } else {
                heads.get(joined).add(i);
            }
        }
        return new ArrayList<>(heads.values());
    }

    private static boolean free(Box b, double[][] px, List<Box> taken, double width, double height) {
        if (!b.inside(width, height)) {
            return false;
        }
        for (double[] p : px) {
            if (b.nearPoint(p[0], p[1])) {
                return false;
            }
        }
        for (Box t : taken) {
            if (b.overlaps(t)) {
                return false;
            }
        }
        return true;
    }

    static double fraction(double v, double[] edges) {
        return Math.log(v / edges[0]) / Math.log(edges[1] / edges[0]);
    }

    private static double value(double fraction, double[] edges) {
        return edges[0] * Math.pow(edges[1] / edges[0], fraction);
    }
}
