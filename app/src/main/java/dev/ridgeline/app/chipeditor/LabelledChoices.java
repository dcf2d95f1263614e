package dev.ridgeline.app.chipeditor;

import dev.ridgeline.engine.model.Labelled;
import java.util.List;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.scene.control.ComboBox;
import javafx.util.Callback;
import javafx.util.StringConverter;
import org.controlsfx.control.PropertySheet;
import org.controlsfx.property.editor.AbstractPropertyEditor;
import org.controlsfx.property.editor.DefaultPropertyEditorFactory;
import org.controlsfx.property.editor.PropertyEditor;

/**
 * The chip sheet's editors: ControlsFX's defaults, except that a {@link Labelled} choice (the FA3 stage mode) lists
 * and shows its labels ("two-stage"), where ControlsFX would show the Java constant names ("TWO_STAGE").
 */
final class LabelledChoices {
    private LabelledChoices() {
    }

    static Callback<PropertySheet.Item, PropertyEditor<?>> factory() {
        DefaultPropertyEditorFactory defaults = new DefaultPropertyEditorFactory();
        return item -> item.getType().isEnum() && Labelled.class.isAssignableFrom(item.getType())
                ? choice(item) : defaults.call(item);
    }

    private static PropertyEditor<?> choice(PropertySheet.Item item) {
        List<Object> values = List.of(item.getType().getEnumConstants());
        ComboBox<Object> box = new ComboBox<>(FXCollections.observableArrayList(values));
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(Object v) {
                return v == null ? "" : ((Labelled) v).label();
            }

            @Override
            public Object fromString(String text) {
                return values.stream().filter(v -> ((Labelled) v).label().equals(text)).findFirst().orElse(null);
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
