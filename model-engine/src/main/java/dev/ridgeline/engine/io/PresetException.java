package dev.ridgeline.engine.io;

/** A preset or scenario file that cannot be used; the message names the file and the key. */
public class PresetException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PresetException(String message) {
        super(message);
    }

    public PresetException(String message, Throwable cause) {
        super(message, cause);
    }
}
