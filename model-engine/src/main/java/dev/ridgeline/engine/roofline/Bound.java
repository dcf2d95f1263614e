package dev.ridgeline.engine.roofline;

import dev.ridgeline.engine.model.Labelled;

/**
 * What limits an operator: tensor/vector compute, HBM bandwidth, the network, or (calibrated fidelity's step
 * overhead only) the host, whose work the GPU waits for.
 */
public enum Bound implements Labelled {
    COMPUTE, MEMORY, NETWORK, HOST;

    /** "compute", "memory", "network", "host". */
    @Override
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
