package dev.ridgeline.app.explorer.tuning;

import dev.ridgeline.app.Names;
import dev.ridgeline.app.StrictNumbers;
import dev.ridgeline.engine.model.Checks;
import java.util.function.DoubleUnaryOperator;
import javafx.beans.property.DoubleProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * A labelled number field bound to a property, in a shown unit ({@code toShown}/{@code fromShown}: % of a fraction).
 * Enter or leaving the field commits; a value that does not parse or is outside (min, max] is named in a message under
 * the field and the property keeps its last good value.
 */
final class NumberField extends VBox {
    private final TextField field = new TextField();
    private final Label message = new Label();

    NumberField(String id, String title, String unit, String tip, DoubleProperty property, double min, double max,
                DoubleUnaryOperator toShown, DoubleUnaryOperator fromShown) {
        super(2);
        Names.name(field, id);
        field.setPrefColumnCount(4);
        field.setAlignment(Pos.CENTER_RIGHT);
        field.setTooltip(new Tooltip(tip));
        Names.name(message, id + "Message");
        message.getStyleClass().add("field-message");
        message.setWrapText(true);
        message.setMaxWidth(Double.MAX_VALUE);
        message.managedProperty().bind(message.visibleProperty());
        message.setVisible(false);
        Label name = new Label(title);
        name.setLabelFor(field);
        Label unitLabel = new Label(unit);
        unitLabel.getStyleClass().add("muted-text");
        unitLabel.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        name.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox row = new HBox(6, name, field, unitLabel);
        row.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(row, message);
        Runnable show = () -> field.setText(Checks.number(toShown.applyAsDouble(property.get())));
        property.addListener((obs, old, now) -> show.run());
        show.run();
        Runnable commit = () -> {
            String text = field.getText().strip();
            try {
                double shown = StrictNumbers.decimal(text);
                double v = fromShown.applyAsDouble(shown);
                if (!(v > min && v <= max)) {
                    throw new NumberFormatException(title + " must be in (" + Checks.number(toShown.applyAsDouble(min))
                            + ", " + Checks.number(toShown.applyAsDouble(max)) + "]" + (unit.isEmpty() ? "" : " " + unit)
                            + ", was " + Checks.number(shown));
                }
                message.setVisible(false);
                property.set(v);
                show.run();
            } catch (NumberFormatException e) {
                message.setText(e.getMessage());
                message.setVisible(true);
                show.run();
            }
        };
        field.setOnAction(e -> commit.run());
        field.focusedProperty().addListener((obs, was, now) -> {
            if (!now) {
                commit.run();
            }
        });
    }

    TextField field() {
        return field;
    }
}
