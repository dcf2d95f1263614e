package dev.ridgeline.app.explorer.charts;

import dev.ridgeline.app.Names;
import dev.ridgeline.engine.Evaluation;
import javafx.geometry.Pos;
import javafx.scene.layout.StackPane;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.data.xy.XYSeriesCollection;

/** The roofline chart in a JFreeChart-FX viewer. */
public final class RooflineView extends StackPane {
    private final JFreeChart chart;
    private final ChartViewer viewer;

    /** An empty chart; {@link #show} draws each result. */
    public RooflineView() {
        Names.name(this, "roofline");
        chart = RooflineChart.createChart(RooflineChart.emptyDataset());
        viewer = LiveViewer.of(chart);
        viewer.setMinSize(200, 150);
        getChildren().add(viewer);
        StackPane.setAlignment(viewer, Pos.CENTER);
        setMinSize(200, 150);
    }

    public void show(Evaluation e) {
        RooflineChart.show(chart, e);
    }

    public JFreeChart chart() {
        return chart;
    }

    /** The op markers on display (a fresh object per update). */
    public RooflineChart.OpPoints opsDataset() {
        return (RooflineChart.OpPoints) chart.getXYPlot().getDataset(RooflineChart.OPS);
    }

    public XYSeriesCollection roofsDataset() {
        return (XYSeriesCollection) chart.getXYPlot().getDataset(RooflineChart.ROOFS);
    }
}
