package dev.ridgeline.app.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.ridgeline.app.Names;
import dev.ridgeline.engine.model.ChipField;
import dev.ridgeline.engine.model.FieldId;
import dev.ridgeline.engine.model.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What a chip edit repaints (issue 18, "Still fast"): JavaFX's software renderer repaints every node under a changed
 * area, so nodes that did not change must not be marked changed, and nodes under every changed area must not paint
 * what cannot be seen.
 */
@ExtendWith(ApplicationExtension.class)
class RepaintPerEditTest {
    private ExplorerView view;

    @Start
    void start(Stage stage) {
        view = new TestWindow().show(stage);
    }

    @Test
    void aChipEditLeavesTheScenarioPanelsNumberFieldsAlone(FxRobot robot) {
        // a text field given the text it shows replaces its content all the same: the field is laid out and repainted,
        // and the scenario panel's scroll pane draws its whole cached viewport again
        List<String> fields = List.of("batchField", "epField", "contextField", "mtpDepthField", "mtpAcceptanceField");
        List<TextField> shown = new ArrayList<>();
        AtomicInteger changes = new AtomicInteger();
        robot.interact(() -> {
            for (String f : fields) {
                TextField t = (TextField) Names.find(view, f);
                shown.add(t);
                t.textProperty().addListener(obs -> changes.incrementAndGet());
            }
        });
        List<String> before = shown.stream().map(TextField::getText).toList();
        double tilesBefore = view.model().getEvaluation().throughputPerCard();
        robot.interact(() -> {
            Scenario s = view.model().getScenario();
            ChipField hbm = ChipField.of(FieldId.HBM_BANDWIDTH);
            view.model().setScenario(s.withChip(hbm.with(s.chip(), ((Number) hbm.shown(s.chip())).doubleValue() * 1.3)));
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertNotEquals(tilesBefore, view.model().getEvaluation().throughputPerCard(), "the edit moved the result");
        assertEquals(before, shown.stream().map(TextField::getText).toList());
        assertEquals(0, changes.get(), "text fields given the text they show");
    }

    @Test
    void splitPanesPaintNoBackground() {
        // each split pane is covered by its items and dividers; the theme's transparent fill was painted all the same,
        // blended over every pixel of each repainted area, three panes deep
        List<SplitPane> panes = new ArrayList<>();
        collect(view, panes);
        assertFalse(panes.isEmpty());
        for (SplitPane p : panes) {
            assertNull(p.getBackground(), "a split pane's background");
        }
    }

    @Test
    void theScrollPanesKeepNoImageOfTheirViewport(FxRobot robot) {
        // JavaFX's scroll pane caches its viewport: a new tile text drew the whole Results tab into the cache again
        robot.interact(() -> {
            TabPane side = (TabPane) Names.find(view, "sideTabs");
            List<ScrollPane> panes = List.of((ScrollPane) Names.find(view, "scenarioScroll"),
                    (ScrollPane) side.getTabs().get(0).getContent());
            for (ScrollPane p : panes) {
                Node viewport = p.lookup(".viewport");
                assertNotNull(viewport, "a scroll pane's viewport");
                assertFalse(viewport.isCache(), "a scroll pane's viewport cached");
            }
        });
    }

    private static void collect(Node n, List<SplitPane> out) {
        if (n instanceof SplitPane) {
            out.add((SplitPane) n);
        }
        if (n instanceof Parent) {
            for (Node c : ((Parent) n).getChildrenUnmodifiable()) {
                collect(c, out);
            }
        }
    }
}
