package dev.ridgeline.app.explorer.tuning;

import dev.ridgeline.app.Names;
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
        return create(id, objective, java.util.List.of(Objective.values()));
    }

    /** A picker of {@code choices} only (the Chips view ranks chips by the decode objectives). */
    static ChoiceBox<Objective> create(String id, ObjectProperty<Objective> objective, java.util.List<Objective> choices) {
        ChoiceBox<Objective> box = new ChoiceBox<>();
        Names.name(box, id);
        box.getItems().setAll(choices);
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
                + "Those three are of decode; served is a served workload's output tokens/s per card over its prefill "
                + "and decode cards, the workload of the Served view at the target's tokens/s per user."));
        return box;
    }

    /** "per card", "per dollar", "per watt": what the box shows. */
    static String label(Objective o) {
        switch (o) {
            case COST:
                return "per dollar";
            case POWER:
                return "per watt";
            case SERVED:
                return "served";
            default:
                return "per card";
        }
    }
}
