package dev.ridgeline.app.explorer.tuning;

import dev.ridgeline.engine.space.FieldMap;
import org.jfree.data.xy.AbstractXYZDataset;

/**
 * The map's grid as one series of (x, y, headline) items, item {@code j * nx + i} at (xs[i], ys[j]), with each cell's
 * edges halfway (in ln) between its value and its neighbours', so the blocks tile the log axes exactly.
 */
final class MapData extends AbstractXYZDataset {
    private static final long serialVersionUID = 1L;
    private final double[] xs;
    private final double[] ys;
    private final double[][] z;
    /** Cells whose P10-P90 band is wider than a contour step (drawn hatched); null: none. */
    private boolean[][] hatched;

    MapData(FieldMap.Result r) {
        this(r.xs(), r.ys(), r.headline());
    }

    MapData(double[] xs, double[] ys, double[][] z) {
        this.xs = xs.clone();
        this.ys = ys.clone();
        this.z = z;
    }

    static MapData empty() {
        return new MapData(new double[0], new double[0], new double[0][0]);
    }

    @Override
    public int getSeriesCount() {
        return xs.length == 0 ? 0 : 1;
    }

    @Override
    public Comparable<String> getSeriesKey(int series) {
        return "headline";
    }

    @Override
    public int getItemCount(int series) {
        return xs.length * ys.length;
    }

    @Override
    public Number getX(int series, int item) {
        return xs[item % xs.length];
    }

    @Override
    public Number getY(int series, int item) {
        return ys[item / xs.length];
    }

    @Override
    public Number getZ(int series, int item) {
        return z[item / xs.length][item % xs.length];
    }

    /** Lower and upper edge of column {@code i} (or row, with {@code ys}). */
    static double[] edges(double[] axis, int i) {
        if (axis.length == 1) {
            return new double[] {axis[0] / 2, axis[0] * 2};
        }
        double lo = i > 0 ? Math.sqrt(axis[i - 1] * axis[i]) : axis[i] * axis[i] / Math.sqrt(axis[i] * axis[i + 1]);
        double hi = i + 1 < axis.length ? Math.sqrt(axis[i] * axis[i + 1]) : axis[i] * axis[i] / Math.sqrt(axis[i - 1] * axis[i]);
        return new double[] {lo, hi};
    }

    double[] xEdges(int item) {
        return edges(xs, item % xs.length);
    }

    double[] yEdges(int item) {
        return edges(ys, item / xs.length);
    }

    /** Marks the cells whose band is wider than {@code step}: {@code widths[j][i] · z[j][i] > step}. */
    void hatch(double[][] widths, double step) {
        if (widths == null || widths.length != ys.length) {
            hatched = null;
            return;
        }
        hatched = new boolean[ys.length][xs.length];
        for (int j = 0; j < ys.length; j++) {
            for (int i = 0; i < xs.length; i++) {
                hatched[j][i] = z[j][i] > 0 && widths[j][i] * z[j][i] > step;
            }
        }
    }

    boolean anyHatched() {
        if (hatched != null) {
            for (boolean[] row : hatched) {
                for (boolean h : row) {
                    if (h) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    boolean hatched(int item) {
        return hatched != null && hatched[item / xs.length][item % xs.length];
    }

    double[] xs() {
        return xs;
    }

    double[] ys() {
        return ys;
    }
}
