package dev.ridgeline.engine.roofline;

/**
 * What limits an operator: tensor/vector compute, HBM bandwidth, the network, or (calibrated fidelity's step
 * overhead only) the host, whose work the GPU waits for.
 */
public enum Bound {
    COMPUTE, MEMORY, NETWORK, HOST
}
