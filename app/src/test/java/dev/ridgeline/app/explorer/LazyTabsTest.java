package dev.ridgeline.app.explorer;

import static dev.ridgeline.app.Names.named;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.app.Names;
import dev.ridgeline.app.Tips;
import dev.ridgeline.engine.Evaluation;
import dev.ridgeline.engine.io.Catalog;
import dev.ridgeline.engine.io.Presets;
import dev.ridgeline.engine.model.Chip;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The side tabs whose views are built when first shown (the first frame needs none of them): opened for the first
 * time after edits, they show the scenario as edited, and they open from the keyboard as the built ones do.
 */
@ExtendWith(ApplicationExtension.class)
class LazyTabsTest {
    @TempDir
    static Path home;

    private final Catalog catalog = Presets.builtIn();
    private ExplorerView view;

    @Start
    void start(javafx.stage.Stage stage) {
        view = new TestWindow().catalog(catalog).presets(home.resolve("presets")).show(stage);
    }

    private static Tab tab(TabPane pane, String id) {
        return pane.getTabs().stream().filter(t -> id.equals(Names.of(t))).findFirst().orElseThrow();
    }

    @Test
    void tabsFirstOpenedAfterAnEditShowTheEditedScenarioAndOpenFromTheKeyboard(FxRobot robot) throws Exception {
        Tab chipTab = tab(view.sideTabs(), "chipTab");
        Tab balanceTab = tab(view.sideTabs(), "balanceTab");
        assertNull(chipTab.getContent(), "the chip editor is not built before its tab is shown");
        assertNull(balanceTab.getContent(), "nor the balance");
        assertNull(chipTab.getTooltip(), "nor the tabs' tooltips before the pointer enters them");
        assertTrue(Tips.text(chipTab).startsWith("Edit every field of the chip"));

        @SuppressWarnings("unchecked")
        ComboBox<Chip> chips = robot.lookup(named("chipChoice")).queryAs(ComboBox.class);
        Chip a100 = catalog.chip("A100");
        robot.interact(() -> chips.setValue(a100));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("A100", view.model().getScenario().chip().name());

        // the keyboard: the side tabs' headers take focus, the right arrow steps to the next tab
        robot.interact(() -> view.sideTabs().requestFocus());
        robot.type(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(chipTab.isSelected(), "Results -> Chip");
        assertNotNull(chipTab.getContent(), "built when shown");
        assertEquals("A100", view.chipEditor().chipProperty().get().name(), "the chip chosen before the tab was built");

        robot.type(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(balanceTab.isSelected(), "Chip -> Balance");
        // the panel sits in a scroll pane, whose content joins the scene graph when the pane's skin is made, at the
        // next pulse's CSS pass: a loaded machine may not have run it yet when the FX events above are done
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.getScene().lookup("#balanceRatio") != null);
        // the ratio of the scenario as edited, by the engine (the panel only formats it)
        Evaluation e = dev.ridgeline.app.Engines.builtIn().evaluate(view.model().getScenario());
        assertEquals(String.format(Locale.ROOT, "%.2f TFLOPS per GB/s", e.balance().tflopsPerGBps()),
                robot.lookup("#balanceRatio").queryAs(Label.class).getText());
        assertEquals(a100, e.scenario().chip());
    }
}
