package dev.ridgeline.engine.model;

/** Element types of weights, KV cache and messages, with their size in bytes. */
public enum Dtype implements Labelled {
    FP8(1), BF16(2);

    private final int bytes;

    Dtype(int bytes) {
        this.bytes = bytes;
    }

    public int bytes() {
        return bytes;
    }

    /** "FP8", "BF16": the usual acronyms, which are also the constant names. */
    @Override
    public String label() {
        return name();
    }

    /** The dtype of the given element size; the seed's knobs are sizes (1 or 2 bytes). */
    public static Dtype ofBytes(int bytes) {
        for (Dtype d : values()) {
            if (d.bytes == bytes) {
                return d;
            }
        }
        throw new IllegalArgumentException("element size must be 1 (FP8) or 2 (BF16) bytes, was " + bytes);
    }
}
