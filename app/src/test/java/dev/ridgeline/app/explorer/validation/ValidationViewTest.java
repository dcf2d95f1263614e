package dev.ridgeline.app.explorer.validation;

import static dev.ridgeline.app.Names.named;

import dev.ridgeline.app.explorer.TestWindow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.app.Engines;
import dev.ridgeline.app.explorer.ExplorerView;
import dev.ridgeline.engine.io.Anchors;
import dev.ridgeline.engine.validation.Validation;
import java.nio.file.Path;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Validation view in the real window (headless, computed on the calling thread): the anchor table as drawn. */
@ExtendWith(ApplicationExtension.class)
class ValidationViewTest {
    @TempDir
    static Path home;

    private ExplorerView view;

    @Start
    void start(Stage stage) {
        view = new TestWindow().presets(home.resolve("presets")).show(stage);
    }

    @Test
    void theTabListsEveryAnchorWithItsBandAndMarksThoseOutsideInRed(FxRobot robot) {
        robot.clickOn(named("validationTab"));
        WaitForAsyncUtils.waitForFxEvents();
        Validation expected = Validation.run(Engines.builtIn(), Anchors.builtIn());
        Validation shown = view.validation().resultProperty().get();
        assertNotNull(shown, "computed when the tab is shown");
        assertEquals(expected.rows().size(), view.validation().table().getItems().size());
        Label summary = robot.lookup(named("validationSummary")).queryAs(Label.class);
        assertTrue(summary.getText().startsWith(String.format(Locale.ROOT,
                "Calibrated fidelity against %d published deployments on %d chips: median |error| %.1f %%",
                expected.rows().size(), expected.chips().size(), 100 * expected.medianAbsError())), summary.getText());
        // the prefill anchors (issue 20) are rows of the same table, and the summary gives each phase's median
        assertTrue(view.validation().table().getItems().stream().anyMatch(r -> r.anchor().id().equals("deepseek-h800-prefill")
                && r.prefill() != null), "the DeepSeek prefill profile's row");
        assertTrue(summary.getText().contains(String.format(Locale.ROOT, "(decode %.1f %%, prefill %.1f %%)",
                100 * expected.phase(false).medianAbsError(), 100 * expected.phase(true).medianAbsError())), summary.getText());
        // every drawn row: red exactly when the published figure lies outside Ridgeline's band (scrolled to the last
        // row, the red one today, so that it is drawn)
        robot.interact(() -> view.validation().table().scrollTo(expected.rows().size() - 1));
        WaitForAsyncUtils.waitForFxEvents();
        int red = 0;
        for (Node n : robot.from(robot.lookup(named("validationTable")).<Node>query()).lookup(".table-row-cell").queryAll()) {
            @SuppressWarnings("unchecked")
            TableRow<Validation.Row> row = (TableRow<Validation.Row>) n;
            if (row.getItem() == null) {
                continue;
            }
            // restated from the row's numbers: the published range and Ridgeline's band do not meet
            var a = row.getItem().anchor();
            boolean outside = a.publishedHigh() < row.getItem().band().low() || a.publishedLow() > row.getItem().band().high();
            assertEquals(outside, row.getStyleClass().contains("outside-band"), row.getItem().anchor().id());
            red += outside ? 1 : 0;
        }
        assertEquals(expected.rows().stream().filter(Validation.Row::outsideBand).count(), red);
    }
}
