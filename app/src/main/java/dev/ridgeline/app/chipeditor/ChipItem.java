package dev.ridgeline.app.chipeditor;

import dev.ridgeline.engine.model.Checks;
import dev.ridgeline.engine.model.Chip;
import dev.ridgeline.engine.model.ChipField;
import dev.ridgeline.engine.model.FieldException;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import org.controlsfx.control.PropertySheet;

/**
 * Adapts one {@link ChipField} to a ControlsFX {@link PropertySheet.Item}: the editor shows the field of the current
 * chip; a typed value becomes a new chip, or is refused with a message and the editor returns to the last good value.
 */
final class ChipItem implements PropertySheet.Item {
    private final ChipField field;
    private final ObjectProperty<Chip> chip;
    private final Consumer<String> refuse;
    private final ObjectProperty<Object> value = new SimpleObjectProperty<>();

    ChipItem(ChipField field, ObjectProperty<Chip> chip, Consumer<String> refuse) {
        this.field = field;
        this.chip = chip;
        this.refuse = refuse;
        value.set(field.shown(chip.get()));
        chip.addListener((obs, old, now) -> value.set(field.shown(now)));
    }

    @Override
    public Class<?> getType() {
        Object v = field.shown(chip.get());
        return v instanceof Integer ? Integer.class : v.getClass();
    }

    @Override
    public String getCategory() {
        return field.category();
    }

    @Override
    public String getName() {
        return field.unit().isEmpty() ? field.name() : field.name() + " (" + field.unit() + ")";
    }

    @Override
    public String getDescription() {
        return field.description();
    }

    @Override
    public Object getValue() {
        return value.getValue();
    }

    @Override
    public void setValue(Object v) {
        if (v == null || v.equals(getValue())) {
            return;
        }
        try {
            Object typed = getType() == Integer.class && v instanceof Number ? (Object) ((Number) v).intValue() : v;
            chip.set(ChipEditor.edited(field.with(chip.get(), typed)));
            refuse.accept("");
        } catch (IllegalArgumentException | ClassCastException e) {
            // a bound restated in the field's own unit: "HBM bandwidth must be in [0.01, 1000000] GB/s"
            boolean thisField = e instanceof FieldException && v instanceof Number
                    && ((FieldException) e).value() == ((Number) v).doubleValue() * field.scale();
            String why = thisField ? ((FieldException) e).restate(field.name(), field.scale())
                    + (field.unit().isEmpty() ? "" : " " + field.unit()) : e.getMessage();
            refuse.accept(field.name() + ": " + Checks.shorten(String.valueOf(v)) + " refused (" + why + ")");
            // show the refused value, then the last good one, so the editor returns to it
            value.set(v);
            value.set(field.shown(chip.get()));
        }
    }

    @Override
    public Optional<ObservableValue<? extends Object>> getObservableValue() {
        return Optional.of(value);
    }
}
