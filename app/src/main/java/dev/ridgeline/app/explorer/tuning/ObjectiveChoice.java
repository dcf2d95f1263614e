package dev.ridgeline.app.explorer.tuning;

import dev.ridgeline.engine.space.Objective;
import javafx.beans.property.ObjectProperty;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Tooltip;
import javafx.util.StringConverter;

/** A picker of the design-space views' {@link Objective}, bound both ways to the one property they share. */
final class ObjectiveChoice {
    private ObjectiveChoice() {
    }

    static ChoiceBox<Objective> create(String id, ObjectProperty<Objective> objective) {
        ChoiceBox<Objective> box = new ChoiceBox<>();
        box.setId(id);
        box.getItems().setAll(Objective.values());
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(Objective o) {
                return o == null ? "" : label(o);
            }

            @Override
            public Objective fromString(String s) {
                for (Objective o : Objective.values()) {
                    if (label(o).equals(s)) {
                        return o;
                    }
                }
                return null;
            }
        });
        box.valueProperty().bindBidirectional(objective);
        box.setTooltip(new Tooltip("What the headline maximises: tokens/s per card, per dollar (shown as $ per million "
                + "output tokens, from the chip's price) or per watt (joules per output token, from its all-in power). "
                + "Decode only."));
        return box;
    }

    /** "per card", "per dollar", "per watt": what the box shows. */
    static String label(Objective o) {
        switch (o) {
            case COST:
                return "per dollar";
            case POWER:
                return "per watt";
            default:
                return "per card";
        }
    }
}
