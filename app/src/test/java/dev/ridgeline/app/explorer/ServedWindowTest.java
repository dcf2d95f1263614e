package dev.ridgeline.app.explorer;

import static dev.ridgeline.app.Names.named;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.app.Engines;
import dev.ridgeline.engine.io.Catalog;
import dev.ridgeline.engine.io.Presets;
import dev.ridgeline.engine.model.Fidelity;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.serve.Served;
import dev.ridgeline.engine.serve.Serving;
import dev.ridgeline.engine.serve.Workload;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Served view in the real window, headless, sizing on the calling thread. */
@ExtendWith(ApplicationExtension.class)
class ServedWindowTest {
    private static final Scenario DEFAULT = Presets.builtInScenario("default").withFidelity(Fidelity.CALIBRATED);
    private final Catalog catalog = Presets.builtIn();
    private ExplorerView view;

    @Start
    void start(Stage stage) {
        view = new TestWindow().scenario(DEFAULT).catalog(catalog).show(stage);
    }

    @Test
    void theServedViewSizesTheWorkloadAndFollowsEdits(FxRobot robot) {
        robot.clickOn(named("servedTab"));
        WaitForAsyncUtils.waitForFxEvents();
        Served shown = view.served().model().job().getResult();
        Served expected = Serving.size(Engines.builtIn(), DEFAULT, view.served().model().workloadProperty().get());
        assertEquals(((Served.Sized) expected).outputPerCard(), ((Served.Sized) shown).outputPerCard(), 1e-9);
        assertNotNull(view.served().drawn().prefill(), "the pools are drawn");
        // what a token costs, with the price's date (DeepSeek's $2 per H800 GPU-hour, 2025-02-28)
        String cost = robot.lookup(named("servedCost")).queryAs(Label.class).getText();
        assertEquals(dev.ridgeline.app.explorer.served.ServedView.costLine(expected), cost);
        assertTrue(cost.contains("per M input tokens") && cost.contains("at $2.00 per card-hour as of 2025-02-28"), cost);
        // a chip edit re-sizes in the background (here: on the calling thread)
        robot.interact(() -> view.model().setScenario(DEFAULT.withChip(catalog.chip("H20"))));
        WaitForAsyncUtils.waitForFxEvents();
        Served h20 = view.served().model().job().getResult();
        assertTrue(((Served.Sized) h20).decode().deployment().chip().name().startsWith("H20"));
        assertTrue(robot.lookup(named("servedCost")).queryAs(Label.class).getText().startsWith("no price"),
                "H20 has no public price: none is invented");
    }

    @Test
    void aBadWorkloadValueIsNamedUnderTheFieldAndTheLastGoodOneStays(FxRobot robot) {
        robot.clickOn(named("servedTab"));
        WaitForAsyncUtils.waitForFxEvents();
        Workload before = view.served().model().workloadProperty().get();
        TextField osl = robot.lookup(named("oslField")).queryAs(TextField.class);
        robot.interact(() -> osl.setText("0"));
        robot.clickOn(osl).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        Label message = robot.lookup(named("workloadMessage")).queryAs(Label.class);
        assertTrue(message.isVisible() && message.getText().contains("outputTokens") && message.getText().contains("0"),
                message.getText());
        assertEquals(before, view.served().model().workloadProperty().get());
        // a cache hit above 100 %: refused the same way, naming the field and the value
        TextField hit = robot.lookup(named("cacheHitField")).queryAs(TextField.class);
        robot.interact(() -> hit.setText("150"));
        robot.clickOn(hit).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(message.isVisible() && message.getText().contains("cacheHit") && message.getText().contains("1.5"),
                message.getText());
        assertEquals(before, view.served().model().workloadProperty().get());
        // a TTFT limit no deployment meets: a one-line answer, not an empty view
        TextField ttft = robot.lookup(named("ttftField")).queryAs(TextField.class);
        robot.interact(() -> ttft.setText("0.01"));
        robot.clickOn(ttft).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        Served r = view.served().model().job().getResult();
        assertTrue(assertInstanceOf(Served.Unmet.class, r).reason().contains("TTFT limit"), r.toString());
        assertEquals(null, view.served().drawn().prefill(), "the reason drawn in place of the pools");
    }
}
