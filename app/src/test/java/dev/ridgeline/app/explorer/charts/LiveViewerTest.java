package dev.ridgeline.app.explorer.charts;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.util.concurrent.ExecutionException;
import javafx.scene.Scene;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYShapeAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartCanvas;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A chart whose frame ends on its background colour (a white-outlined shape drawn last, as the frontier's
 * current-scenario diamond), drawn twice in a live viewer: outside the data area the second frame is the chart's
 * white in {@link LiveViewer}, and black in jfree-fx's bare viewer (which shows that the test reproduces the defect).
 */
@ExtendWith(ApplicationExtension.class)
class LiveViewerTest {
    private ChartViewer bare;
    private ChartViewer live;

    @Start
    void start(Stage stage) {
        bare = new ChartViewer(endsOnItsBackground());
        live = LiveViewer.of(endsOnItsBackground());
        for (ChartViewer v : new ChartViewer[] {bare, live}) {
            v.setPrefSize(320, 240);
        }
        stage.setScene(new Scene(new HBox(bare, live), 640, 240));
        stage.show();
    }

    private static JFreeChart endsOnItsBackground() {
        XYSeries s = new XYSeries("ops");
        s.add(1, 1);
        s.add(2, 3);
        XYPlot plot = new XYPlot(new XYSeriesCollection(s), new NumberAxis("x"), new NumberAxis("y"),
                new XYLineAndShapeRenderer());
        plot.setOutlineVisible(false);
        plot.setBackgroundPaint(new Color(0xEE, 0xEE, 0xEE));
        // annotations are the plot's last drawing, and the plot is the chart's last
        plot.addAnnotation(new XYShapeAnnotation(new Rectangle2D.Double(1.4, 1.4, 0.2, 0.2), new BasicStroke(1.2f),
                Color.WHITE, null));
        JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /** The pixel at the canvas's top-left corner, inside the chart's padding, after drawing the chart twice. */
    private static int cornerAfterTwoFrames(FxRobot robot, ChartViewer v) throws InterruptedException, ExecutionException {
        robot.interact(() -> {
            v.getCanvas().draw();
            v.getCanvas().draw();
        });
        return WaitForAsyncUtils.asyncFx(() -> v.getCanvas().snapshot(null, null)).get().getPixelReader().getArgb(2, 2);
    }

    @Test
    void theSecondFrameKeepsTheChartBackgroundOutsideTheDataArea(FxRobot robot) throws Exception {
        assertEquals(Color.BLACK.getRGB(), cornerAfterTwoFrames(robot, bare),
                "jfree-fx's own viewer fills the second frame's background black (the defect this class works around)");
        assertEquals(Color.WHITE.getRGB(), cornerAfterTwoFrames(robot, live), "the live viewer's second frame");
    }

    @Test
    void everyChartOnScreenIsShownThroughTheLiveViewer() {
        JavaClasses app = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.ridgeline.app");
        noClasses().that().doNotBelongToAnyOf(LiveViewer.class).should()
                .callConstructorWhere(DescribedPredicate.describe("a ChartViewer or ChartCanvas constructor",
                        (JavaConstructorCall c) -> c.getTarget().getOwner().isAssignableTo(ChartViewer.class)
                                || c.getTarget().getOwner().isAssignableTo(ChartCanvas.class)))
                .because("jfree-fx's viewer draws black outside the data area after a frame that ends on the background")
                .check(app);
    }
}
