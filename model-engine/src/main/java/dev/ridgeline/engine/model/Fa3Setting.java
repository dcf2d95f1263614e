package dev.ridgeline.engine.model;

/** A scenario's FA3 choice: the chip's own mode, or a what-if override. */
public enum Fa3Setting implements Labelled {
    CHIP_DEFAULT(null), NONE(Fa3Mode.NONE), TWO_STAGE(Fa3Mode.TWO_STAGE), THREE_STAGE(Fa3Mode.THREE_STAGE);

    private final Fa3Mode mode;

    Fa3Setting(Fa3Mode mode) {
        this.mode = mode;
    }

    /** "chip default" (the command line's {@code --fa3 auto}), else the mode's label. */
    @Override
    public String label() {
        return mode == null ? "chip default" : mode.label();
    }

    public Fa3Mode resolve(Chip chip) {
        return mode == null ? chip.fa3Mode() : mode;
    }
}
