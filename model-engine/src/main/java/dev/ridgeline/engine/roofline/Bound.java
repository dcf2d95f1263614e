package dev.ridgeline.engine.roofline;

import dev.ridgeline.engine.model.Labelled;

/** What limits an operator: tensor/vector compute, HBM bandwidth, or the network. */
public enum Bound implements Labelled {
    COMPUTE, MEMORY, NETWORK;

    /** "compute", "memory", "network". */
    @Override
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
