package dev.ridgeline.engine.model;

/** SEED reproduces seed 000 as published; CALIBRATED uses measured kernel efficiencies (DESIGN 3.8). */
public enum Fidelity implements Labelled {
    SEED, CALIBRATED;

    /** "seed", "calibrated": the {@code --fidelity} values. */
    @Override
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
