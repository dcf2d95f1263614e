package dev.ridgeline.engine.model;

/** SEED reproduces seed 000 as published; CALIBRATED uses measured kernel efficiencies (DESIGN 3.8). */
public enum Fidelity {
    SEED, CALIBRATED
}
