package dev.ridgeline.engine.roofline;

import dev.ridgeline.engine.model.Labelled;

/**
 * What limits an operator: tensor/vector compute, HBM bandwidth, the network, (calibrated fidelity only) a small
 * kernel's measured time floor (launch and one wave: neither its FLOPs nor its bytes set its time), or (calibrated
 * fidelity's step overhead only) the host, whose work the GPU waits for.
 */
public enum Bound implements Labelled {
    COMPUTE, MEMORY, NETWORK, LATENCY, HOST;

    /** "compute", "memory", "network", "latency", "host". */
    @Override
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
