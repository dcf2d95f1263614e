package dev.ridgeline.app.explorer.tuning;

import java.util.ArrayList;
import java.util.List;

/**
 * Marching squares (STYLE 19): the line segments where a grid of values crosses a level. Values z[j][i] sit at
 * (xs[i], ys[j]); a crossing is placed along the cell edge by linear interpolation of z in ln(x) and ln(y) (the map's
 * axes are even in ln), so segments are straight on log axes. A saddle cell is resolved by the mean of its corners.
 * Cells with a NaN corner draw nothing.
 */
final class Contours {
    /** One segment, in data units. */
    record Segment(double x0, double y0, double x1, double y1) {
    }

    private Contours() {
    }

    static List<Segment> of(double[] xs, double[] ys, double[][] z, double level) {
        List<Segment> out = new ArrayList<>();
        for (int j = 0; j + 1 < ys.length; j++) {
            for (int i = 0; i + 1 < xs.length; i++) {
                cell(xs, ys, z, i, j, level, out);
            }
        }
        return out;
    }

    private static void cell(double[] xs, double[] ys, double[][] z, int i, int j, double level, List<Segment> out) {
        double a = z[j][i];           // bottom left
        double b = z[j][i + 1];       // bottom right
        double c = z[j + 1][i + 1];   // top right
        double d = z[j + 1][i];       // top left
        if (Double.isNaN(a) || Double.isNaN(b) || Double.isNaN(c) || Double.isNaN(d)) {
            return;
        }
        double lx0 = Math.log(xs[i]);
        double lx1 = Math.log(xs[i + 1]);
        double ly0 = Math.log(ys[j]);
        double ly1 = Math.log(ys[j + 1]);
        // crossings on the edges bottom, right, top, left; null where the edge does not cross
        double[] bottom = cross(a, b, level) ? new double[] {lerp(lx0, lx1, a, b, level), ly0} : null;
        double[] right = cross(b, c, level) ? new double[] {lx1, lerp(ly0, ly1, b, c, level)} : null;
        double[] top = cross(d, c, level) ? new double[] {lerp(lx0, lx1, d, c, level), ly1} : null;
        double[] left = cross(a, d, level) ? new double[] {lx0, lerp(ly0, ly1, a, d, level)} : null;
        List<double[]> points = new ArrayList<>(4);
        for (double[] p : new double[][] {bottom, right, top, left}) {
            if (p != null) {
                points.add(p);
            }
        }
        if (points.size() == 2) {
            add(out, points.get(0), points.get(1));
        } else if (points.size() == 4) {
            // saddle: when the centre is on a's side, the corners b and d are cut off; otherwise a and c
            boolean centre = (a + b + c + d) / 4 >= level;
            if ((a >= level) == centre) {
                add(out, bottom, right);
                add(out, top, left);
            } else {
                add(out, left, bottom);
                add(out, right, top);
            }
        }
    }

    private static boolean cross(double z0, double z1, double level) {
        return (z0 >= level) != (z1 >= level);
    }

    private static double lerp(double p0, double p1, double z0, double z1, double level) {
        return p0 + (p1 - p0) * (level - z0) / (z1 - z0);
    }

    private static void add(List<Segment> out, double[] p, double[] q) {
        out.add(new Segment(Math.exp(p[0]), Math.exp(p[1]), Math.exp(q[0]), Math.exp(q[1])));
    }

    /**
     * About {@code count} round levels (1, 2 or 5 times a power of ten apart) strictly inside (0, max]: the contours
     * drawn besides the target's.
     */
    static double[] levels(double max, int count) {
        if (!(max > 0) || count < 1) {
            return new double[0];
        }
        double raw = max / (count + 1);
        double pow = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = raw / pow < 1.5 ? pow : raw / pow < 3.5 ? 2 * pow : raw / pow < 7.5 ? 5 * pow : 10 * pow;
        List<Double> out = new ArrayList<>();
        for (double v = step; v < max; v += step) {
            out.add(v);
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
