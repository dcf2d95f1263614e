package dev.ridgeline.app.explorer.tuning;

import dev.ridgeline.engine.space.Sensitivity;
import dev.ridgeline.engine.space.Solve;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;

/**
 * What the tuning views share: the target tokens/s per user of the headline, the sensitivity step, and the throughput
 * the Target panel and the map's target contour aim at (per card, or per node of 8 cards).
 */
public final class TuningInputs {
    public static final double DEFAULT_TARGET_TPS = 20;
    /** The example target: just above H800's headline on the default scenario. */
    public static final double DEFAULT_MIN_THROUGHPUT = 4000;

    private final DoubleProperty targetTps = new SimpleDoubleProperty(this, "targetTps", DEFAULT_TARGET_TPS);
    private final DoubleProperty step = new SimpleDoubleProperty(this, "step", Sensitivity.DEFAULT_STEP);
    private final DoubleProperty minThroughput = new SimpleDoubleProperty(this, "minThroughput", DEFAULT_MIN_THROUGHPUT);
    private final BooleanProperty perNode = new SimpleBooleanProperty(this, "perNode");

    /** Tokens/s per user every headline must reach. */
    public DoubleProperty targetTpsProperty() {
        return targetTps;
    }

    /** Relative step of the sensitivity, (0, 1). */
    public DoubleProperty stepProperty() {
        return step;
    }

    /** Throughput to reach, tokens/s per card or per node. */
    public DoubleProperty minThroughputProperty() {
        return minThroughput;
    }

    public BooleanProperty perNodeProperty() {
        return perNode;
    }

    public Solve.Target target() {
        return new Solve.Target(targetTps.get(), minThroughput.get(), perNode.get());
    }
}
