package dev.ridgeline.engine.model;

/**
 * A choice with the name a user reads: the window, the command line's tables, summaries, footers and exports show
 * {@link #label()}, never the Java constant name (preset and scenario files keep the constant names, for
 * compatibility).
 */
public interface Labelled {
    /** Lower-case words or the usual acronym, e.g. "two-stage", "FP8", "calibrated". */
    String label();
}
