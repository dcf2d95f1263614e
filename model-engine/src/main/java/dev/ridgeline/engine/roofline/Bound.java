package dev.ridgeline.engine.roofline;

/** What limits an operator: tensor/vector compute, HBM bandwidth, or the network. */
public enum Bound {
    COMPUTE, MEMORY, NETWORK
}
