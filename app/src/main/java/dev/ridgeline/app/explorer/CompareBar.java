package dev.ridgeline.app.explorer;

import dev.ridgeline.app.Names;
import dev.ridgeline.app.Tips;
import dev.ridgeline.app.Comparison;
import dev.ridgeline.engine.model.Scenario;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** Pin the current result as A, clear it, the served switch, and what differs from A. */
final class CompareBar extends VBox {
    private final Label compare = new Label();

    CompareBar(ExplorerModel model) {
        super(4);
        Button pin = new Button("Pin as A");
        Names.name(pin, "pinButton");
        Tips.set(pin, ("Keep the current result as A: the tiles then say how each later edit moves them (Shortcut+P)."));
        pin.setOnAction(e -> model.pin());
        Button clear = new Button("Clear A");
        Names.name(clear, "unpinButton");
        Tips.set(clear, ("Stop comparing (Shortcut+Shift+P)."));
        clear.setOnAction(e -> model.unpin());
        clear.disableProperty().bind(model.pinnedProperty().isNull());
        Names.name(compare, "compareLabel");
        compare.setWrapText(true);
        compare.getStyleClass().add("compare-text");
        CheckBox served = new CheckBox("Served");
        Names.name(served, "servedSwitch");
        served.setMnemonicParsing(false);
        Tips.set(served, ("Headline tiles and frontier in served output tokens/s per card: the Served view's "
                + "workload over its prefill and decode cards, TTFT limit included (Shortcut+Shift+W)."));
        served.selectedProperty().bindBidirectional(model.servedProperty());
        HBox row = new HBox(6, pin, clear, served);
        row.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(row, compare);
    }

    /**
     * Shows what differs between {@code b} and the pinned {@code a} (null: nothing pinned); returns the status line's
     * text, b's summary and, with A pinned, what differs from A.
     */
    String show(Scenario b, Scenario a) {
        if (a == null) {
            compare.setText("Pin a result as A to compare the next edits with it.");
            return b.summary();
        }
        List<String> diff = Comparison.differences(a, b);
        String vsA = diff.isEmpty() ? "B = A" : "B: " + String.join("; ", diff);
        compare.setText("A: " + a.summary() + "\n" + vsA);
        return b.summary() + "  ·  vs A, " + vsA;
    }
}
