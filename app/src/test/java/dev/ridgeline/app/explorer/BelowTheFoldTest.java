package dev.ridgeline.app.explorer;

import static dev.ridgeline.app.Names.named;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.app.Names;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The scenario panel's last two sections (layout and balance, calibrated assumptions), below the fold of a laptop's
 * window, join the scene only after a frame has shown the first result: the window's first frame neither styles nor
 * lays them out. Then they are there as before: in their place, showing the scenario, reached by the Tab key, and
 * editing the scenario; a headless view (export, bench) has them from the start.
 */
@ExtendWith(ApplicationExtension.class)
class BelowTheFoldTest {
    /** Controls of the two sections, one per kind (picker, switch, number field). */
    private static final String[] LATER = {"attnTpChoice", "moeTpChoice", "expertChoice", "eplbSwitch",
        "redundantExpertsField", "peersSwitch", "reserveField", "kernelGapField", "hostOverheadField"};

    @TempDir
    static Path home;

    private ExplorerView view;
    private Scene scene;
    /** Which of {@link #LATER} were in the scene when the window was shown, before any frame. */
    private final List<String> beforeTheFirstFrame = new ArrayList<>();

    @Start
    void start(javafx.stage.Stage stage) {
        view = new TestWindow().presets(home.resolve("presets")).show(stage);
        scene = stage.getScene();
        for (String id : LATER) {
            if (Names.find(scene.getRoot(), id) != null) {
                beforeTheFirstFrame.add(id);
            }
        }
    }

    private void awaitSections() throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Names.find(scene.getRoot(), "hostOverheadField") != null);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theSectionsBelowTheFoldJoinAfterTheFirstFrameInTheirPlace(FxRobot robot) throws Exception {
        assertEquals(List.of(), beforeTheFirstFrame, "no control below the fold is in the scene before the first frame");
        assertNotNull(view.model().getDrawn(), "the first result is there to draw");
        awaitSections();
        for (String id : LATER) {
            assertNotNull(Names.find(scene.getRoot(), id), id + " is in the scene after the first frame");
        }
        // in their place: after the numerics section's last control, in the order they were always in
        List<Node> children = view.scenarioPanel().getChildren();
        int promotion = children.indexOf(Names.find(scene.getRoot(), "promotionSwitch"));
        int layoutNote = children.indexOf(Names.find(scene.getRoot(), "layoutNote"));
        int eplb = children.indexOf(Names.find(scene.getRoot(), "eplbSwitch"));
        assertTrue(promotion >= 0 && promotion < layoutNote && layoutNote < eplb, promotion + " " + layoutNote + " " + eplb);
        assertEquals("Calibrated assumptions", children.stream().filter(n -> n.getStyleClass().contains("section-title"))
                .map(n -> ((javafx.scene.control.Label) n).getText()).reduce((a, b) -> b).orElseThrow());
        // showing the scenario: its memory reserve, in GB
        double reserveGb = view.model().getScenario().assumptions().memoryReserveBytes() / 1e9;
        assertEquals(reserveGb, Double.parseDouble(robot.lookup(named("reserveField")).queryAs(TextField.class).getText()), 0.01);
        assertEquals(children.size(), children.stream().distinct().count(), "each node once");
    }

    @Test
    void theKeyboardReachesThemAndTheyEditTheScenario(FxRobot robot) throws Exception {
        awaitSections();
        robot.interact(() -> Names.find(scene.getRoot(), "fidelityChoice").requestFocus());
        boolean reached = false;
        for (int i = 0; i < 30 && !reached; i++) {
            robot.type(KeyCode.TAB);
            WaitForAsyncUtils.waitForFxEvents();
            reached = scene.getFocusOwner() != null && "reserveField".equals(Names.of(scene.getFocusOwner()));
        }
        assertTrue(reached, "Tab from the fidelity picker reaches the memory reserve's field; focus ended on "
                + scene.getFocusOwner());
        robot.interact(() -> robot.lookup(named("reserveField")).queryAs(TextField.class).selectAll());
        robot.write("6").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(6e9, view.model().getScenario().assumptions().memoryReserveBytes(), 1, "typed 6 GB");
    }

    @Test
    void aHeadlessViewHasEverySectionFromTheStart() throws Exception {
        // as the window's export snapshots it: a scene, styled and laid out, and no frame
        Node[] found = WaitForAsyncUtils.asyncFx(() -> {
            ExplorerView headless = Explorer.headlessView(view.model().getScenario());
            try {
                Scene own = new Scene(headless, 1366, 768);
                headless.applyCss();
                headless.layout();
                return new Node[] {Names.find(own.getRoot(), "attnTpChoice"), Names.find(own.getRoot(), "hostOverheadField")};
            } finally {
                headless.dispose();
            }
        }).get();
        assertNotNull(found[0], "the first control below the fold is there");
        assertNotNull(found[1], "and the last");
    }
}
