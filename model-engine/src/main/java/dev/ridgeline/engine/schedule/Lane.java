package dev.ridgeline.engine.schedule;

/** The two streams of a card: tensor/vector compute and the NIC. */
public enum Lane {
    COMPUTE, COMM
}
