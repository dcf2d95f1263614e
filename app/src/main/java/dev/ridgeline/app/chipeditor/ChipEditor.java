package dev.ridgeline.app.chipeditor;

import dev.ridgeline.engine.io.PresetException;
import dev.ridgeline.engine.io.Presets;
import dev.ridgeline.engine.model.Chip;
import dev.ridgeline.engine.model.ChipField;
import dev.ridgeline.engine.model.Scenario;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.control.PropertySheet;

/**
 * The chip-spec editor: every field of the scenario's chip in a grouped {@link PropertySheet}. Each accepted edit
 * replaces the scenario's chip (so every view redraws); a refused value is named in the message line and the field
 * returns to the last good value. "Save as preset" writes the chip into the user's preset folder.
 */
public final class ChipEditor extends VBox {
    private final ObjectProperty<Scenario> scenario;
    private final ObjectProperty<Chip> chip = new SimpleObjectProperty<>(this, "chip");
    private final Label message = new Label();
    private final Path userPresets;
    private final Function<String, Optional<String>> askName;
    private Consumer<Chip> onSaved = c -> { };
    private boolean syncing;

    /**
     * @param askName asks the user for the new preset's name (a dialog in the app; a fixed answer in tests)
     */
    public ChipEditor(ObjectProperty<Scenario> scenario, Path userPresets, Function<String, Optional<String>> askName) {
        this.scenario = scenario;
        this.userPresets = userPresets;
        this.askName = askName;
        setId("chipEditor");
        setSpacing(6);
        setPadding(new Insets(6));
        chip.set(scenario.get().chip());
        scenario.addListener((obs, old, now) -> {
            if (now != null && now.chip() != chip.get()) {
                syncing = true;
                chip.set(now.chip());
                syncing = false;
            }
        });
        chip.addListener((obs, old, now) -> {
            if (!syncing && now != null && now != scenario.get().chip()) {
                scenario.set(scenario.get().withChip(now));
            }
        });
        PropertySheet sheet = new PropertySheet(FXCollections.observableArrayList(
                ChipField.ALL.stream().map(f -> (PropertySheet.Item) new ChipItem(f, chip, message::setText)).toList()));
        sheet.setId("chipSheet");
        sheet.setMode(PropertySheet.Mode.CATEGORY);
        sheet.setModeSwitcherVisible(false);
        sheet.setSearchBoxVisible(false);
        sheet.setPropertyEditorFactory(LabelledChoices.factory());
        VBox.setVgrow(sheet, Priority.ALWAYS);
        // ControlsFX's numeric editors commit when they lose focus; Enter commits too by moving focus to the sheet.
        sheet.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && e.getTarget() instanceof TextField) {
                sheet.requestFocus();
            }
        });
        message.setId("chipEditorMessage");
        message.setWrapText(true);
        message.getStyleClass().add("field-message");
        Button save = new Button("Save as preset…");
        save.setId("saveChipPreset");
        save.setTooltip(new Tooltip("Write this chip into " + userPresets.resolve("chips") + " under a new name; it joins the chip picker."));
        save.setOnAction(e -> save());
        getChildren().addAll(sheet, message, new HBox(8, save));
    }

    /** Suffix of an edited chip's name, so that summaries, footers and screenshots never pass it off as the preset. */
    static final String EDITED = Chip.EDITED;

    /** The chip marked as edited; a name near the length limit is cut so that the mark still fits. */
    static Chip edited(Chip c) {
        return c.asEdited();
    }

    /** The chip being edited (the scenario's chip). */
    public ObjectProperty<Chip> chipProperty() {
        return chip;
    }

    /** Called with the saved chip after "Save as preset" wrote it (the window adds it to the chip picker). */
    public void setOnSaved(Consumer<Chip> action) {
        onSaved = action;
    }

    void save() {
        Chip current = chip.get();
        String base = current.name().endsWith(EDITED)
                ? current.name().substring(0, current.name().length() - EDITED.length()) : current.name();
        Optional<String> name = askName.apply(base + " custom");
        if (name.isEmpty() || name.get().isBlank()) {
            return;
        }
        if (name.get().strip().endsWith(EDITED.strip())) {
            // an edit of it would keep the same name: the "(edited)" mark must stay for unsaved edits
            message.setText("Not saved: name: '" + name.get().strip() + "' may not end in '" + EDITED.strip() + "'");
            return;
        }
        try {
            Chip saved = current.withName(name.get().strip());
            Path file = Presets.saveUserChip(userPresets, saved);
            message.setText("Saved " + file + ".");
            chip.set(saved);
            onSaved.accept(saved);
        } catch (PresetException | IllegalArgumentException e) {
            message.setText("Not saved: " + e.getMessage());
        } catch (IOException e) {
            message.setText("Not saved: " + userPresets + " cannot be written (" + e.getMessage() + ")");
        }
    }

    /** A dialog asking for the preset's name. */
    public static Optional<String> dialog(String suggestion) {
        TextInputDialog d = new TextInputDialog(suggestion);
        d.setTitle("Save chip as preset");
        d.setHeaderText("Name of the new chip preset");
        return d.showAndWait();
    }
}
