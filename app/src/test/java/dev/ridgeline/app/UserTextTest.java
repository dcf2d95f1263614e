package dev.ridgeline.app;

import dev.ridgeline.app.explorer.TestWindow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.app.cli.RidgelineCommand;
import dev.ridgeline.app.explorer.ExplorerView;
import dev.ridgeline.engine.io.Catalog;
import dev.ridgeline.engine.io.Presets;
import dev.ridgeline.engine.model.Chip;
import dev.ridgeline.engine.model.Dtype;
import dev.ridgeline.engine.model.ExpertLoad;
import dev.ridgeline.engine.model.Fa3Mode;
import dev.ridgeline.engine.model.Fa3Setting;
import dev.ridgeline.engine.model.Fidelity;
import dev.ridgeline.engine.model.Labelled;
import dev.ridgeline.engine.model.Policy;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.model.ThroughputReading;
import dev.ridgeline.engine.roofline.Bound;
import dev.ridgeline.engine.schedule.Lane;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * No Java constant name ("TWO_STAGE", "CALIBRATED") in anything a user reads: summaries (status line, footers), the
 * command line's tables, and every text, tooltip, choice and table cell of the window on each side tab.
 */
@ExtendWith(ApplicationExtension.class)
class UserTextTest {
    /** Anything shaped like a multi-word constant. */
    private static final Pattern CONSTANT = Pattern.compile("\\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\\b");
    /**
     * Enums whose one-word constants differ from their labels ("NONE" vs "none"). Stage is not here: the Gantt writes
     * stage labels in capitals on purpose ("MOE(1)", seed 000's notation); Dtype's labels are its names ("FP8").
     */
    private static final List<Class<? extends Enum<?>>> ONE_WORD = List.of(Fa3Mode.class, Fa3Setting.class, Policy.class,
            Fidelity.class, ThroughputReading.class, ExpertLoad.class, Bound.class, Lane.class);

    @TempDir
    static Path home;
    private ExplorerView view;

    @Start
    void start(Stage stage) {
        view = new TestWindow().presets(home.resolve("presets")).withoutMenus().show(stage);
    }

    /** The constant names in {@code text}, each once. */
    static List<String> constantNames(String text) {
        // the evaluate table's out-of-memory line shouts on purpose; its MEMORY is not Bound.MEMORY
        String t = text.replace("OUT OF MEMORY", "");
        Set<String> found = new TreeSet<>();
        Matcher m = CONSTANT.matcher(t);
        while (m.find()) {
            found.add(m.group());
        }
        for (Class<? extends Enum<?>> type : ONE_WORD) {
            for (Enum<?> c : type.getEnumConstants()) {
                if (!c.name().equals(((Labelled) c).label()) && Pattern.compile("\\b" + c.name() + "\\b").matcher(t).find()) {
                    found.add(c.name());
                }
            }
        }
        return List.copyOf(found);
    }

    @Test
    void theScannerCatchesTheOldStatusLine() {
        // issue 10's status line, before labels, and what presets list printed for an A100
        assertEquals(List.of("TWO_STAGE"), constantNames(
                "DeepSeek-V3 / H800 / CX7 / EP144 / B128 / L5120 / KV FP8 / W FP8 / dual-mbatch / MTP0 / FA3 TWO_STAGE / seed"));
        assertEquals(List.of("CALIBRATED", "NONE"), constantNames("FA3 NONE / CALIBRATED"));
        assertEquals(List.of(), constantNames("KV FP8 / W BF16 / MOE(1) / ATTN-0(0) / OUT OF MEMORY: 2 GiB"));
    }

    @Test
    void noSummaryOfAnyCombinationOfChoicesNamesAConstant() {
        Catalog catalog = Presets.builtIn();
        Scenario base = Presets.builtInScenario("default");
        int checked = 0;
        for (Chip chip : List.of(base.chip(), catalog.chip("A100"), catalog.chip("Ideal-3stage"))) {
            for (Fa3Setting fa3 : Fa3Setting.values()) {
                for (Fidelity f : Fidelity.values()) {
                    for (Dtype kv : Dtype.values()) {
                        for (Policy p : Policy.values()) {
                            for (ExpertLoad load : ExpertLoad.values()) {
                                Scenario s = base.withChip(chip).withFa3(fa3).withFidelity(f).withKvDtype(kv)
                                        .withWeightDtype(kv == Dtype.FP8 ? Dtype.BF16 : Dtype.FP8).withPolicy(p)
                                        .withExpertLoad(load);
                                assertEquals(List.of(), constantNames(s.summary()), s.summary());
                                checked++;
                            }
                        }
                    }
                }
            }
        }
        assertEquals(3 * 4 * 2 * 2 * 2 * 2, checked);
    }

    @Test
    void noCommandLineTableNamesAConstant() {
        List<String[]> runs = new ArrayList<>();
        for (String fa3 : List.of("auto", "none", "two-stage", "three-stage")) {
            for (String fidelity : List.of("seed", "calibrated")) {
                for (String policy : List.of("naive", "dual-mbatch")) {
                    runs.add(new String[] {"evaluate", "--fa3", fa3, "--fidelity", fidelity, "--policy", policy});
                }
            }
        }
        runs.add(new String[] {"evaluate", "--chip", "A100", "--expert-load", "split", "--throughput-reading", "accepted",
            "--mtp", "1", "--kv-bytes", "2"});
        runs.add(new String[] {"presets", "list"});
        runs.add(new String[] {"search", "--target-tps", "20"});
        runs.add(new String[] {"presets", "fields"});
        runs.add(new String[] {"sensitivity", "--fa3", "three-stage"});
        runs.add(new String[] {"solve", "--target-tps", "20", "--min-throughput", "4000"});
        for (String[] args : runs) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            assertEquals(0, RidgelineCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args), err.toString());
            assertEquals(List.of(), constantNames(out.toString()), String.join(" ", args) + ":\n" + out);
        }
    }

    @Test
    void noTextOfTheWindowNamesAConstant(FxRobot robot) {
        Scenario b = Presets.builtInScenario("default").withFa3(Fa3Setting.THREE_STAGE).withFidelity(Fidelity.CALIBRATED)
                .withPolicy(Policy.NAIVE).withExpertLoad(ExpertLoad.SPLIT);
        robot.interact(() -> {
            view.model().pin();
            view.model().setScenario(b); // the status line now also lists how B differs from A
        });
        WaitForAsyncUtils.waitForFxEvents();
        for (int tab = 0; tab < ExplorerView.SIDE_TABS.size(); tab++) {
            int index = tab;
            robot.interact(() -> view.sideTabs().getSelectionModel().select(index));
            WaitForAsyncUtils.waitForFxEvents();
            List<String> texts = new ArrayList<>();
            robot.interact(() -> collect(view, texts));
            String all = String.join("\n", texts);
            assertTrue(all.contains("FA3 three-stage"), "the status line is among the texts: " + view.statusText());
            assertEquals(List.of(), constantNames(all), ExplorerView.SIDE_TABS.get(tab) + " tab");
        }
    }

    @Test
    void theChipSheetShowsTheFa3ModeAsWords(FxRobot robot) {
        robot.interact(() -> view.sideTabs().getSelectionModel().select(ExplorerView.SIDE_TABS.indexOf("chip")));
        WaitForAsyncUtils.waitForFxEvents();
        List<ComboBox<?>> fa3 = new ArrayList<>();
        robot.interact(() -> find(view.chipEditor(), fa3));
        assertEquals(1, fa3.size(), "one FA3 stage mode editor in the chip sheet");
        @SuppressWarnings("unchecked")
        ComboBox<Object> box = (ComboBox<Object>) fa3.get(0);
        // the default scenario's chip is the seed's H800, a two-stage (Hopper) chip
        assertEquals(Fa3Mode.TWO_STAGE, box.getValue());
        assertEquals("two-stage", box.getConverter().toString(box.getValue()));
        List<String> shown = new ArrayList<>();
        for (Object item : box.getItems()) {
            shown.add(box.getConverter().toString(item));
        }
        assertEquals(List.of("none", "two-stage", "three-stage"), shown);
    }

    private static void find(Node n, List<ComboBox<?>> out) {
        if (n instanceof ComboBox && ((ComboBox<?>) n).getValue() instanceof Fa3Mode) {
            out.add((ComboBox<?>) n);
        }
        if (n instanceof Parent) {
            for (Node child : ((Parent) n).getChildrenUnmodifiable()) {
                find(child, out);
            }
        }
    }

    /** Every string the node and its descendants show: texts, tooltips, the entries of choices, table cells. */
    @SuppressWarnings("unchecked")
    private static void collect(Node n, List<String> out) {
        if (n instanceof Labeled) {
            out.add(((Labeled) n).getText());
        }
        if (n instanceof Text) {
            out.add(((Text) n).getText());
        }
        if (n instanceof TextInputControl) {
            out.add(((TextInputControl) n).getText());
        }
        if (dev.ridgeline.app.Tips.text(n) != null) { // a tooltip, made or still to be made on the first hover
            out.add(dev.ridgeline.app.Tips.text(n));
        }
        if (n instanceof ComboBox) {
            ComboBox<Object> box = (ComboBox<Object>) n;
            for (Object item : box.getItems()) {
                out.add(box.getConverter().toString(item));
            }
        }
        if (n instanceof TableView) {
            TableView<Object> table = (TableView<Object>) n;
            for (TableColumn<Object, ?> column : table.getVisibleLeafColumns()) {
                out.add(column.getText());
                for (int row = 0; row < table.getItems().size(); row++) {
                    out.add(String.valueOf(column.getCellData(row)));
                }
            }
        }
        if (n instanceof Parent) {
            for (Node child : ((Parent) n).getChildrenUnmodifiable()) {
                collect(child, out);
            }
        }
    }
}
