package dev.ridgeline.app.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ridgeline.engine.io.Catalog;
import dev.ridgeline.engine.io.Presets;
import dev.ridgeline.engine.model.Scenario;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.TabPane;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What the soak's heap would show only over minutes, counted instead: the window's scene graph after a few hundred
 * of the soak's random edits, shown in every view, holds as many nodes as before them once it is back on the same
 * scenario with every view drawn again. A view that added a node, a label or a chart per redraw and never removed it
 * would grow here by one per edit. Everything computes on the FX thread (the calling-thread runner), so both counts
 * are of finished views.
 */
@ExtendWith(ApplicationExtension.class)
class WindowBoundsTest {
    /** Edits made while each centre view is shown; fewer on the map, whose redraw is 1,681 headline searches. */
    private static final int EDITS_PER_VIEW = 10;
    private static final int MAP_EDITS = 3;

    @TempDir
    static Path home;

    private final Catalog catalog = Presets.builtIn();
    private final Scenario start = Presets.builtInScenario("default");
    private ExplorerView view;

    @Start
    void start(javafx.stage.Stage stage) {
        view = new TestWindow().scenario(start).catalog(catalog).presets(home.resolve("presets")).withoutMenus().show(stage);
    }

    @Test
    void randomEditsInEveryViewLeaveNoNodeBehind(FxRobot robot) {
        int before = countAfterDrawingEveryView(robot);
        SplittableRandom random = new SplittableRandom(20261206);
        int centre = view.centreTabs().getTabs().size();
        int side = view.sideTabs().getTabs().size();
        int edits = 0;
        for (int c = 0; c < centre; c++) {
            int shown = c;
            robot.interact(() -> {
                view.centreTabs().getSelectionModel().select(shown);
                view.sideTabs().getSelectionModel().select(shown % side);
            });
            int n = ExplorerView.CENTRE_VIEWS.get(c).equals("map") ? MAP_EDITS : EDITS_PER_VIEW;
            for (int i = 0; i < n; i++) {
                robot.interact(() -> {
                    Scenario s = view.model().getScenario();
                    try {
                        view.model().setScenario(Soak.edit(s, random, catalog));
                    } catch (IllegalArgumentException refused) {
                        // an edit the window refuses, as the soak allows
                    }
                });
                edits++;
            }
        }
        int after = countAfterDrawingEveryView(robot);
        assertEquals(before, after, "nodes before and after " + edits + " edits");
    }

    /** Back on the starting scenario, every view drawn (last tab first, as the soak does), the nodes of the scene. */
    private int countAfterDrawingEveryView(FxRobot robot) {
        robot.interact(() -> view.model().setScenario(start));
        for (TabPane pane : List.of(view.sideTabs(), view.centreTabs())) {
            for (int i = pane.getTabs().size() - 1; i >= 0; i--) {
                int tab = i;
                robot.interact(() -> pane.getSelectionModel().select(tab));
                WaitForAsyncUtils.waitForFxEvents();
            }
        }
        int[] count = new int[1];
        robot.interact(() -> count[0] = nodes(view.getScene().getRoot()));
        return count[0];
    }

    private static int nodes(Node n) {
        int count = 1;
        if (n instanceof Parent) {
            for (Node child : ((Parent) n).getChildrenUnmodifiable()) {
                count += nodes(child);
            }
        }
        return count;
    }
}
