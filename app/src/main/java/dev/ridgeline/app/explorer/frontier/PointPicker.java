package dev.ridgeline.app.explorer.frontier;

import dev.ridgeline.engine.space.Frontier;
import java.awt.geom.Rectangle2D;
import java.util.Optional;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;

/**
 * Finds the deployment drawn nearest to the pointer. The cloud has no chart entities (tens of thousands would cost
 * more than the drawing), so the points' pixel positions are computed here from the axes, once per drawing, and
 * searched on each hover.
 */
final class PointPicker {
    private Frontier.Result result;
    private Rectangle2D area;
    private double[] px;
    private double[] py;

    void clear() {
        result = null;
    }

    Optional<Frontier.Point> nearest(ChartRenderingInfo info, XYPlot plot, Frontier.Result r, double x, double y,
                                     double radius) {
        Rectangle2D dataArea = info.getPlotInfo().getDataArea();
        if (dataArea == null || dataArea.isEmpty() || !dataArea.contains(x, y)) {
            return Optional.empty();
        }
        if (r != result || !dataArea.equals(area)) {
            place(plot, r, dataArea);
        }
        int best = -1;
        double bestDistance = radius * radius;
        for (int i = 0; i < px.length; i++) {
            double dx = px[i] - x;
            double dy = py[i] - y;
            double d = dx * dx + dy * dy;
            if (d < bestDistance) { // of deployments drawn at one place, the first swept: the one the frontier keeps
                best = i;
                bestDistance = d;
            }
        }
        return best < 0 ? Optional.empty() : Optional.of(r.points().get(best));
    }

    private void place(XYPlot plot, Frontier.Result r, Rectangle2D dataArea) {
        ValueAxis xAxis = plot.getDomainAxis();
        ValueAxis yAxis = plot.getRangeAxis();
        int n = r.points().size();
        px = new double[n];
        py = new double[n];
        for (int i = 0; i < n; i++) {
            Frontier.Point p = r.points().get(i);
            px[i] = xAxis.valueToJava2D(p.userTokensPerSec(), dataArea, plot.getDomainAxisEdge());
            py[i] = yAxis.valueToJava2D(p.throughputPerCard(), dataArea, plot.getRangeAxisEdge());
        }
        result = r;
        area = (Rectangle2D) dataArea.clone();
    }
}
