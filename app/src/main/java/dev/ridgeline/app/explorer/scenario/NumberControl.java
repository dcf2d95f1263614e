package dev.ridgeline.app.explorer.scenario;

import dev.ridgeline.app.Names;
import dev.ridgeline.app.Tips;
import dev.ridgeline.app.StrictNumbers;
import dev.ridgeline.engine.model.Checks;
import java.util.Locale;
import java.util.function.DoubleConsumer;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * A titled slider with an editable number field and its unit. Sliding or typing calls the commit action; a typed
 * value that does not parse, is out of range, or that the commit action refuses ({@link IllegalArgumentException})
 * is shown as a message under the field and nothing else changes.
 */
final class NumberControl extends VBox {
    private final Slider slider = new Slider();
    private final TextField field = new TextField();
    private final Label message = new Label();
    private final SliderScale scale;
    private final String title;
    private final double typedMin;
    private final double typedMax;
    private final boolean integer;
    private DoubleConsumer onCommit = v -> { };
    private boolean showing;
    private double value = Double.NaN;
    private final Label name = new Label();
    private final HBox row = new HBox(6);

    NumberControl(String id, String title, String unit, String tooltip, SliderScale scale, double typedMin,
                  double typedMax, boolean integer) {
        this.scale = scale;
        this.title = title;
        this.typedMin = typedMin;
        this.typedMax = typedMax;
        this.integer = integer;
        getStyleClass().add("number-control");
        Names.name(slider, id + "Slider");
        Names.name(field, id + "Field");
        Names.name(message, id + "Message");
        slider.setMin(scale.min());
        slider.setMax(scale.max());
        slider.setBlockIncrement(integer && scale.max() - scale.min() < 50 ? 1 : (scale.max() - scale.min()) / 50);
        field.setPrefColumnCount(7);
        field.setAlignment(Pos.CENTER_RIGHT);
        // one tooltip for the row, its slider and its field, made when the pointer first enters the row
        Tips.share(this, tooltip, slider, field);
        message.getStyleClass().add("field-message");
        message.setWrapText(true);
        message.setManaged(false);
        message.setVisible(false);

        name.setText(title);
        Names.name(name, id + "Title");
        name.getStyleClass().add("control-title");
        name.setLabelFor(field);
        Label unitLabel = new Label(unit);
        unitLabel.getStyleClass().add("unit");
        unitLabel.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox.setHgrow(slider, Priority.ALWAYS);
        slider.setMinWidth(60);
        row.getChildren().addAll(slider, field, unitLabel);
        row.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(name, row, message);
        setSpacing(2);

        slider.valueProperty().addListener((obs, old, pos) -> {
            if (!showing) {
                double v = scale.fromPosition(pos.doubleValue());
                if (v != value) {
                    commit(v);
                }
            }
        });
        field.setOnAction(e -> commitText());
        field.focusedProperty().addListener((obs, was, now) -> {
            if (!now) {
                commitText();
            }
        });
    }

    /**
     * Disables the slider and the field and says why in the title (a disabled control shows no tooltip);
     * {@code null} enables them again.
     */
    void setDisabledBecause(String reason) {
        row.setDisable(reason != null);
        name.setText(reason == null ? title : title + " (" + reason + ")");
    }

    void setOnCommit(DoubleConsumer action) {
        onCommit = action;
    }

    /** Shows the model's value without committing it back. */
    void show(double v) {
        showing = true;
        try {
            value = v;
            slider.setValue(scale.toPosition(v));
            String text = format(v);
            if (!text.equals(field.getText())) {
                // a text field replaces its content even with the same text: its skin lays out and repaints the
                // field, and the scroll pane's cached viewport draws the whole panel again, on every edit elsewhere
                field.setText(text);
            }
        } finally {
            showing = false;
        }
    }

    TextField field() {
        return field;
    }

    Label message() {
        return message;
    }

    private void commitText() {
        String text = field.getText() == null ? "" : field.getText().trim().replace("_", "");
        if (text.equals(format(value))) {
            clearMessage();
            return;
        }
        double v;
        try {
            v = integer ? StrictNumbers.integer(text) : StrictNumbers.decimal(text);
        } catch (NumberFormatException e) {
            refuse(e.getMessage() + ".");
            return;
        }
        if (!(v >= typedMin && v <= typedMax)) {
            refuse(title + " must be between " + format(typedMin) + " and " + format(typedMax) + "; " + Checks.quote(text) + " refused.");
            return;
        }
        commit(v);
    }

    private void commit(double v) {
        try {
            onCommit.accept(v);
            clearMessage();
        } catch (IllegalArgumentException e) {
            refuse(e.getMessage());
            show(value);
        }
    }

    private void refuse(String text) {
        message.setText(text);
        message.setManaged(true);
        message.setVisible(true);
        if (!field.getStyleClass().contains("refused")) {
            field.getStyleClass().add("refused");
        }
        field.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("danger"), true);
    }

    private void clearMessage() {
        message.setText("");
        message.setManaged(false);
        message.setVisible(false);
        field.getStyleClass().remove("refused");
        field.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("danger"), false);
    }

    private String format(double v) {
        if (integer) {
            return String.valueOf((long) v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
