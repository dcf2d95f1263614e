package dev.ridgeline.app.explorer.tuning;

import dev.ridgeline.engine.Engine;
import dev.ridgeline.engine.serve.ServedObjective;
import dev.ridgeline.engine.serve.Workload;
import dev.ridgeline.engine.space.Objective;
import dev.ridgeline.engine.space.ServedRate;
import dev.ridgeline.engine.space.Sensitivity;
import dev.ridgeline.engine.space.Solve;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;

/**
 * What the tuning views share: the objective (throughput per card, per dollar or per watt), the target tokens/s per
 * user of the headline, the sensitivity step, and the goal the Target panel and the map's target contour aim at: a
 * throughput (per card, or per node of 8 cards), dollars per million output tokens, or joules per output token.
 */
public final class TuningInputs {
    public static final double DEFAULT_TARGET_TPS = 20;
    /** The example target: just above H800's headline on the default scenario. */
    public static final double DEFAULT_MIN_THROUGHPUT = 4000;
    /** Issue 21's example goal: $0.10 per million output tokens. */
    public static final double DEFAULT_MAX_COST = 0.10;
    /** A goal of half a joule per output token (H800 at DeepSeek's decode rate draws about 0.9). */
    public static final double DEFAULT_MAX_ENERGY = 0.5;

    private final ObjectProperty<Objective> objective = new SimpleObjectProperty<>(this, "objective", Objective.THROUGHPUT);
    private final DoubleProperty maxCost = new SimpleDoubleProperty(this, "maxCost", DEFAULT_MAX_COST);
    private final DoubleProperty maxEnergy = new SimpleDoubleProperty(this, "maxEnergy", DEFAULT_MAX_ENERGY);

    private final DoubleProperty targetTps = new SimpleDoubleProperty(this, "targetTps", DEFAULT_TARGET_TPS);
    private final DoubleProperty step = new SimpleDoubleProperty(this, "step", Sensitivity.DEFAULT_STEP);
    private final DoubleProperty minThroughput = new SimpleDoubleProperty(this, "minThroughput", DEFAULT_MIN_THROUGHPUT);
    private final BooleanProperty perNode = new SimpleBooleanProperty(this, "perNode");
    private final ObjectProperty<Workload> workload = new SimpleObjectProperty<>(this, "workload", Workload.DEFAULT);

    /** The served workload the served objective sizes (the Served view's, shared with it); its user speed is the target's. */
    public ObjectProperty<Workload> workloadProperty() {
        return workload;
    }

    /** What {@link Objective#SERVED} counts, or null for the other objectives. */
    public ServedRate served(Engine engine) {
        return objective.get() == Objective.SERVED ? ServedObjective.rate(engine, workload.get()) : null;
    }

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

    /** What the design-space views maximise. */
    public ObjectProperty<Objective> objectiveProperty() {
        return objective;
    }

    /** Dollars per million output tokens to reach (the cost objective's goal). */
    public DoubleProperty maxCostProperty() {
        return maxCost;
    }

    /** Joules per output token to reach (the power objective's goal). */
    public DoubleProperty maxEnergyProperty() {
        return maxEnergy;
    }

    /** The goal of the current objective, in its figure's unit (per card or per node for throughput). */
    public double goal() {
        Objective o = objective.get();
        return o == Objective.COST ? maxCost.get() : o == Objective.POWER ? maxEnergy.get() : minThroughput.get();
    }

    /** The goal of the current objective as a figure per card (the map's target contour). */
    public double goalPerCard() {
        return goalPerCard(objective.get());
    }

    /** The goal of {@code o} as a figure per card: throughput per card, $ per million output tokens, J per token. */
    public double goalPerCard(Objective o) {
        return o == Objective.COST ? maxCost.get() : o == Objective.POWER ? maxEnergy.get()
                : new Solve.Target(targetTps.get(), minThroughput.get(), perNode.get()).perCard();
    }


    public Solve.Target target(Engine engine) {
        return new Solve.Target(targetTps.get(), objective.get(), goal(), perNode.get(), served(engine));
    }
}
