package dev.ridgeline.app.explorer;

import static dev.ridgeline.app.Names.named;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.app.Names;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javafx.css.CssParser;
import javafx.css.Rule;
import javafx.css.Selector;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The window's nodes carry names ({@link Names}) and no CSS id (but the few parts JavaFX's own skins give one): a
 * node with an id of its own is styled for itself alone, where its siblings of the same kind share their styles. So no stylesheet of the app may select by id (its
 * rule would match nothing), and the names find what the ids found.
 */
@ExtendWith(ApplicationExtension.class)
class NamesTest {
    private ExplorerView view;

    @Start
    void start(Stage stage) {
        view = new TestWindow().show(stage);
    }

    @Test
    void noNamedNodeOrTabOfTheWindowHasACssIdWithEveryViewAndTabShown(FxRobot robot) {
        Set<String> ids = new TreeSet<>();
        List<String> named = new ArrayList<>();
        TestWindow.eachTabShown(robot, view, root -> walk(root, ids, named));
        for (TabPane tabs : new TabPane[] {view.centreTabs(), view.sideTabs()}) {
            tabs.getTabs().forEach(t -> {
                if (t.getId() != null) {
                    ids.add(t.getId());
                }
            });
        }
        assertTrue(named.containsAll(List.of("batchField", "tpotValue", "chipTab", "frontierTarget", "mapNote",
                "sensitivityHeadline", "validationTable", "servedCost")), "the walk reached every view: " + named);
        assertEquals(Set.of(), ids, "CSS ids in the window");
    }

    @Test
    void theAppsStylesheetSelectsByClassesNotIds() throws IOException {
        List<String> byId = new ArrayList<>();
        for (Rule rule : new CssParser().parse(ExplorerView.class.getResource("/css/ridgeline.css")).getRules()) {
            for (Selector s : rule.getSelectors()) {
                if (s.toString().contains("#")) {
                    byId.add(s.toString());
                }
            }
        }
        assertEquals(List.of(), byId);
    }

    @Test
    void aNameFindsItsNodeAndATabsNameItsHeader(FxRobot robot) {
        assertInstanceOf(TextField.class, Names.find(view, "batchField"));
        assertNull(Names.find(view, "noSuchName"));
        Node header = robot.lookup(named("chipTab")).query();
        Tab chip = view.sideTabs().getTabs().get(1);
        assertEquals(chip, header.getProperties().get(Tab.class), "JavaFX's header of the chip tab");
        robot.clickOn(named("chipTab"));
        assertTrue(chip.isSelected());
    }

    /** Into {@code named} the names met, into {@code ids} the ids of named nodes (JavaFX's skins give a few parts ids). */
    private static void walk(Node node, Set<String> ids, List<String> named) {
        if (Names.of(node) != null) {
            named.add(Names.of(node));
            if (node.getId() != null) {
                ids.add(Names.of(node) + "#" + node.getId());
            }
        }
        if (node instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(n -> walk(n, ids, named));
        }
    }
}
