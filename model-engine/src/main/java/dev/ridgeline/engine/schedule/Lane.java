package dev.ridgeline.engine.schedule;

import dev.ridgeline.engine.model.Labelled;

/** The two streams of a card: tensor/vector compute and the NIC. */
public enum Lane implements Labelled {
    COMPUTE, COMM;

    /** "compute", "comm": the Gantt's row names. */
    @Override
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
