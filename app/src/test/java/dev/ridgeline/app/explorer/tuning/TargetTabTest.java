package dev.ridgeline.app.explorer.tuning;

import static dev.ridgeline.app.Names.named;

import dev.ridgeline.app.explorer.TestWindow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.app.Engines;
import dev.ridgeline.app.explorer.ExplorerView;
import dev.ridgeline.engine.Engine;
import dev.ridgeline.engine.io.Presets;
import dev.ridgeline.engine.model.Fa3Mode;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.space.Sensitivity;
import dev.ridgeline.engine.space.Solve;
import dev.ridgeline.engine.space.Space;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Target side tab: for each field alone, the value the engine's solve finds, shown so that the value on screen
 * still reaches the target (checked with the engine here), or "not reachable" with the engine's reason.
 */
@ExtendWith(ApplicationExtension.class)
class TargetTabTest {
    @TempDir
    static Path home;

    private static final Pattern SHOWN = Pattern.compile("^(.+) ([0-9,.]+)(?: (\\S+))?, ([+−]?)([0-9.]+) %$");
    private final Engine engine = Engines.builtIn();
    private ExplorerView view;

    @Start
    void start(Stage stage) {
        view = new TestWindow().presets(home.resolve("presets")).withoutMenus().show(stage);
    }

    @Test
    void theTabShowsTheEnginesAnswersForEachField(FxRobot robot) {
        robot.clickOn(named("targetTab"));
        WaitForAsyncUtils.waitForFxEvents();
        Scenario s = Presets.builtInScenario("default");
        Solve.Target target = new Solve.Target(20, 4000, false);
        assertTrue(assertShowsAnswers(s, target), "the default scenario has fields of both kinds at 4,000 per card");
        double now = Sensitivity.headline(engine, s, 20);
        String said = robot.lookup(named("targetNow")).queryAs(Label.class).getText();
        assertTrue(said.startsWith(String.format(Locale.ROOT, "Now: %,.0f tokens/s per card at ≥ 20 tokens/s per user", now)), said);
    }

    @Test
    void aTargetPerNodeAndAChipEditAskAgain(FxRobot robot) {
        robot.clickOn(named("targetTab"));
        robot.doubleClickOn(named("targetThroughput")).eraseText(8).write("30000").type(KeyCode.ENTER);
        @SuppressWarnings("unchecked")
        javafx.scene.control.ChoiceBox<String> per = robot.lookup(named("targetPer")).queryAs(javafx.scene.control.ChoiceBox.class);
        robot.interact(() -> per.setValue("node"));
        robot.interact(() -> view.chipEditor().chipProperty().set(view.model().getScenario().chip().withScaleUpDomain(16).asEdited()));
        WaitForAsyncUtils.waitForFxEvents();
        Scenario s = view.model().getScenario();
        assertEquals("H800 (edited)", s.chip().name());
        // 30,000 per node of 8 cards is 3,750 per card
        assertShowsAnswers(s, new Solve.Target(20, 30000, true));
        assertEquals(16, view.tuning().target().answers().stream().filter(a -> a.field().name().equals("Scale-up domain"))
                .findFirst().orElseThrow().current(), 0.0);
        assertTrue(robot.lookup(named("targetNow")).queryAs(Label.class).getText().contains("tokens/s per node"));
    }

    /** @return true when some fields reach the target and some do not */
    private boolean assertShowsAnswers(Scenario s, Solve.Target target) {
        List<Solve.Answer> expected = Solve.compute(engine, s, target, Solve.fields(), Runnable::run, 1, () -> false, p -> { });
        List<List<String>> rows = view.tuning().target().shownRows();
        assertEquals(expected.size(), rows.size());
        boolean someReached = false;
        boolean someNot = false;
        for (int k = 0; k < expected.size(); k++) {
            Solve.Answer a = expected.get(k);
            List<String> row = rows.get(k);
            String name = a.field().name();
            if (a.required() == null) {
                someNot = true;
                assertEquals(name + ": not reachable by this field alone", row.get(0));
                assertEquals(a.reason(), "not reachable by this field alone: " + row.get(1), name);
                continue;
            }
            someReached = true;
            if (a.field().stepped()) {
                assertTrue(row.get(0).startsWith(name + " " + Fa3Mode.values()[(int) Math.round(a.required())].label() + ", "),
                        row.get(0));
                continue;
            }
            Matcher m = SHOWN.matcher(row.get(0));
            assertTrue(m.matches(), row.get(0));
            assertEquals(name, m.group(1));
            double shown = Double.parseDouble(m.group(2).replace(",", ""));
            // four significant digits: within 1e-3 of the engine's value, rounded toward the side that reaches
            assertEquals(a.required(), shown, a.required() * 1e-3, name);
            assertTrue(a.field().higherIsBetter() ? shown >= a.required() : shown <= a.required(), name + " rounded the safe way");
            assertTrue(Solve.reaches(engine, s, a.field(), shown, target, Space::explorer), name + " " + shown + " reaches");
            // "0 %" unsigned when the field already reaches the target where it stands (TuningText.percent)
            assertTrue(!m.group(4).isEmpty() || Double.parseDouble(m.group(5)) == 0, row.get(0));
            double percent = (m.group(4).equals("−") ? -1 : 1) * Double.parseDouble(m.group(5));
            // the change is shown to 2 or 3 significant digits: within 0.5 % of a point (or of the whole number)
            assertEquals(100 * (a.required() / a.current() - 1), percent, Math.abs(percent) >= 10 ? 0.5 : 0.05, name);
        }
        return someReached && someNot;
    }
}
