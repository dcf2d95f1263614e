package dev.ridgeline.app.explorer.frontier;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CrosshairState;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRendererState;
import org.jfree.data.general.DatasetUtils;
import org.jfree.data.xy.XYDataset;

/**
 * The frontier's plot: a dataset drawn by a {@link CloudRenderer} is drawn with one call per series, not one per point.
 * The renderer draws a whole series at the first item it is given and returns at once for the others, so the
 * plot's own loop made one call per deployment per redraw (20,572 for DeepSeek-V3 on the H800), and as many look-ups
 * of each point's x to find the visible ones, that drew nothing. The same pixels: the plot's loop always hands a
 * non-empty series' first drawn item to the renderer, which then draws every point (CloudPlotTest).
 */
final class CloudPlot extends XYPlot {
    private static final long serialVersionUID = 1L;

    CloudPlot(XYDataset cloud, ValueAxis x, ValueAxis y, CloudRenderer renderer) {
        super(cloud, x, y, renderer);
    }

    @Override
    public boolean render(Graphics2D g2, Rectangle2D dataArea, int index, PlotRenderingInfo info,
                          CrosshairState crosshairState) {
        XYDataset dataset = getDataset(index);
        ValueAxis x = getDomainAxisForDataset(index);
        ValueAxis y = getRangeAxisForDataset(index);
        if (!(getRenderer(index) instanceof CloudRenderer) || DatasetUtils.isEmptyOrNull(dataset) || x == null
                || y == null) {
            return super.render(g2, dataArea, index, info, crosshairState);
        }
        CloudRenderer renderer = (CloudRenderer) getRenderer(index);
        XYItemRendererState state = renderer.initialise(g2, dataArea, this, dataset, info);
        for (int pass = 0; pass < renderer.getPassCount(); pass++) {
            for (int series = dataset.getSeriesCount() - 1; series >= 0; series--) { // the plot's default order
                if (dataset.getItemCount(series) > 0) {
                    renderer.drawItem(g2, state, dataArea, info, this, x, y, dataset, series, 0, crosshairState, pass);
                }
            }
        }
        return true;
    }
}
