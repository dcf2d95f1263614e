package dev.ridgeline.engine.model;

/**
 * CALIBRATED (the default everywhere) reads the chip physically and times each kernel at its published measured
 * efficiency; SEED reproduces seed 000's model as published, readings and all, so its tables can be checked
 * (DESIGN 3.8, 4e).
 */
public enum Fidelity implements Labelled {
    SEED, CALIBRATED;

    /** "seed", "calibrated": the {@code --fidelity} values. */
    @Override
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** What the fidelity is, for a picker: "calibrated (published kernels)", "seed 000, as published". */
    public String title() {
        return this == SEED ? "seed 000, as published" : "calibrated (published kernels)";
    }

    /** The other fidelity, for setting one reading beside the other. */
    public Fidelity other() {
        return this == SEED ? CALIBRATED : SEED;
    }

    /**
     * The fidelity that reads the chip physically: the datasheet's SI figures and every key of the context, without
     * seed 000's GiB readings and whole FlashMLA chunks (the report's EP x context table uses it whatever the report's).
     */
    public static Fidelity physical() {
        return CALIBRATED;
    }

    /** The fidelity that reproduces seed 000's tables and search as published (the seed checks and benches use it). */
    public static Fidelity reproducing() {
        return SEED;
    }

    /** The fidelity whose {@link #label()} is {@code label}, ignoring case; refused in words naming the choices. */
    public static Fidelity ofLabel(String label) {
        for (Fidelity f : values()) {
            if (f.label().equalsIgnoreCase(label)) {
                return f;
            }
        }
        throw new IllegalArgumentException("expected seed or calibrated");
    }

    /** The choices in the order a picker offers them: the default first. */
    public static java.util.List<Fidelity> choices() {
        return java.util.List.of(CALIBRATED, SEED);
    }
}
