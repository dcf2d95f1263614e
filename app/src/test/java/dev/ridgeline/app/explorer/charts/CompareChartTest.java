package dev.ridgeline.app.explorer.charts;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainCategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.DefaultCategoryDataset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The chip comparison's three panels side by side: the last tick label of one panel and the first of the next kept
 * apart (the report showed "15,000$0.000" with a few pixels between them), and the last panel's on the figure. Drawn
 * at the report's width (760 px) and wider, with the figures of the default report's four chips.
 */
class CompareChartTest {
    /**
     * The least room between two labels that reads as two numbers on a printed page, px: about two digits of the small
     * tick font (the report's figure is printed at about 0.8 of its pixel size).
     */
    private static final double SPACE = 14;

    @ParameterizedTest(name = "{0} px wide")
    @ValueSource(ints = {760, 1000})
    void tickLabelsOfNeighbouringPanelsStayApart(int width) {
        DefaultCategoryDataset[] data = {new DefaultCategoryDataset(), new DefaultCategoryDataset(), new DefaultCategoryDataset()};
        String[] chips = {"H800", "B200", "H100 SXM5", "MI300X"};
        double[][] values = {{2584, 11906, 2584, 4888}, {0.215, 0.201, 0.662, 0.085}, {0.641, 0.195, 0.641, 0.359}};
        for (int k = 0; k < 3; k++) {
            for (int c = 0; c < chips.length; c++) {
                data[k].addValue(values[k][c], "s" + k, chips[c]);
            }
        }
        JFreeChart chart = CompareChart.createChart(data);
        BufferedImage image = new BufferedImage(width, 430, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        ChartRenderingInfo info = new ChartRenderingInfo();
        chart.draw(g, new Rectangle2D.Double(0, 0, width, 430), info);
        List<CategoryPlot> panels = ((CombinedDomainCategoryPlot) chart.getPlot()).getSubplots();
        double previousRight = Double.NEGATIVE_INFINITY;
        String previous = null;
        for (int k = 0; k < panels.size(); k++) {
            CategoryPlot panel = panels.get(k);
            NumberAxis axis = (NumberAxis) panel.getRangeAxis();
            Rectangle2D area = info.getPlotInfo().getSubplotInfo(k).getDataArea();
            RectangleEdge edge = Plot.resolveRangeAxisLocation(panel.getRangeAxisLocation(), panel.getOrientation());
            @SuppressWarnings("unchecked")
            List<NumberTick> ticks = ((List<NumberTick>) axis.refreshTicks(g, new AxisState(), area, edge)).stream()
                    .filter(t -> !t.getText().isEmpty()).collect(java.util.stream.Collectors.toList()); // labelled ones
            java.awt.FontMetrics metrics = g.getFontMetrics(axis.getTickLabelFont());
            NumberTick first = ticks.get(0);
            NumberTick last = ticks.get(ticks.size() - 1);
            double firstLeft = axis.valueToJava2D(first.getValue(), area, edge) - metrics.stringWidth(first.getText()) / 2.0;
            assertTrue(firstLeft - previousRight >= SPACE, width + " px: \"" + previous + "\" ends at " + previousRight
                    + ", \"" + first.getText() + "\" starts at " + firstLeft);
            previousRight = axis.valueToJava2D(last.getValue(), area, edge) + metrics.stringWidth(last.getText()) / 2.0;
            previous = last.getText();
        }
        assertTrue(previousRight <= width, width + " px: the last label \"" + previous + "\" ends at " + previousRight);
        g.dispose();
    }
}
