package dev.ridgeline.engine.schedule;

import dev.ridgeline.engine.ops.Stage;

/**
 * One stage of one micro-batch on a lane, in seconds from the start of the layer.
 *
 * @param microBatch 0 or 1 under dual micro-batch; 0 under the naive pipeline
 * @param critical   on the critical path of the layer
 */
public record Interval(Stage stage, int microBatch, Lane lane, double startSec, double endSec, boolean critical) {

    public double durationSec() {
        return endSec - startSec;
    }

    /** "MOE(1)"-style label used by the Gantt and the docs. */
    public String label() {
        return stage.label().toUpperCase(java.util.Locale.ROOT) + "(" + microBatch + ")";
    }
}
