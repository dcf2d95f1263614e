package dev.ridgeline.engine.schedule;

import java.util.List;

/** The timed intervals of one layer of one decode step, and the layer time they add up to. */
public record Schedule(List<Interval> intervals, double layerTimeSec, int microBatches) {

    public Schedule {
        intervals = List.copyOf(intervals);
    }

    /** The intervals on the critical path, in time order. */
    public List<Interval> criticalPath() {
        return intervals.stream().filter(Interval::critical)
                .sorted(java.util.Comparator.comparingDouble(Interval::startSec)).toList();
    }
}
