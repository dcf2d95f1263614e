package dev.ridgeline.app.chipeditor;

import dev.ridgeline.engine.model.CalibrationKey;
import dev.ridgeline.engine.model.Labelled;
import java.util.List;
import java.util.function.Function;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.util.Callback;
import javafx.util.StringConverter;
import org.controlsfx.control.PropertySheet;
import org.controlsfx.property.editor.AbstractPropertyEditor;
import org.controlsfx.property.editor.DefaultPropertyEditorFactory;
import org.controlsfx.property.editor.PropertyEditor;

/**
 * The chip sheet's editors: ControlsFX's defaults, except that a {@link Labelled} choice (the FA3 stage mode) lists
 * and shows its labels ("two-stage"), where ControlsFX would show the Java constant names ("TWO_STAGE"), and the
 * calibration shows the chip it borrows by its name alone ({@link #shortName}). Every editor
 * asks for only {@value #EDITOR_PREF_WIDTH} px: the sheet's grid gives each field name its whole width first, and
 * the editors grow into the rest (a wide calibration list would otherwise squeeze the names to "FP8 tensor rat…").
 */
final class LabelledChoices {
    private LabelledChoices() {
    }

    /** What an editor asks of the sheet's width, px (ControlsFX's own minimum); it grows into what is left. */
    static final double EDITOR_PREF_WIDTH = 100;

    static Callback<PropertySheet.Item, PropertyEditor<?>> factory() {
        DefaultPropertyEditorFactory defaults = new DefaultPropertyEditorFactory();
        return item -> {
            PropertyEditor<?> editor = item.getType().isEnum() && Labelled.class.isAssignableFrom(item.getType())
                    ? choice(item, v -> ((Labelled) v).label(), v -> ((Labelled) v).label())
                    : item.getType() == CalibrationKey.class ? choice(item, v -> ((CalibrationKey) v).label(), LabelledChoices::shortName)
                    : defaults.call(item);
            if (editor != null && editor.getEditor() instanceof Region) {
                ((Region) editor.getEditor()).setPrefWidth(EDITOR_PREF_WIDTH);
            }
            return editor;
        };
    }

    /**
     * The calibration as its editor shows it once chosen: the measured chip alone ("H800"; "none"). Its full label
     * ("H800 (measured)", "none (borrows H800's, extrapolated)") is in the list and the tooltip: an editor's share of
     * the side panel (about 120 px) cut it to "H800 (measu…".
     */
    static String shortName(Object key) {
        return key == CalibrationKey.NONE ? "none" : ((CalibrationKey) key).name();
    }

    /** A choice listing each value as {@code listed} and showing the chosen one as {@code shown}. */
    private static PropertyEditor<?> choice(PropertySheet.Item item, Function<Object, String> listed,
                                            Function<Object, String> shown) {
        List<Object> values = List.of(item.getType().getEnumConstants());
        ComboBox<Object> box = new ComboBox<>(FXCollections.observableArrayList(values));
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(Object v) {
                return v == null ? "" : listed.apply(v);
            }

            @Override
            public Object fromString(String text) {
                return values.stream().filter(v -> listed.apply(v).equals(text)).findFirst().orElse(null);
            }
        });
        box.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(Object v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? "" : shown.apply(v));
                setTooltip(empty || v == null ? null : new Tooltip(listed.apply(v)));
            }
        });
        return new AbstractPropertyEditor<Object, ComboBox<Object>>(item, box) {
            @Override
            protected ObservableValue<Object> getObservableValue() {
                return getEditor().getSelectionModel().selectedItemProperty();
            }

            @Override
            public void setValue(Object value) {
                getEditor().getSelectionModel().select(value);
            }
        };
    }
}
