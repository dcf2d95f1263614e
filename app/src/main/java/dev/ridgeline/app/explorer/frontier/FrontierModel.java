package dev.ridgeline.app.explorer.frontier;

import dev.ridgeline.app.NewestWins;
import dev.ridgeline.app.explorer.tuning.TuningRunner;
import dev.ridgeline.engine.Engine;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.space.Frontier;
import dev.ridgeline.engine.space.Headline;
import dev.ridgeline.engine.space.Space;
import dev.ridgeline.engine.sweep.Sweep;
import java.util.Locale;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import dev.ridgeline.engine.evidence.FrontierBands;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;

/**
 * The frontier of the scenario on screen and of pinned scenario A (DESIGN 4b), computed off the FX thread. A new
 * frontier is swept only when something that moves it changes (chip, NIC, model, context, fidelity, FA3 mode,
 * readings, assumptions: everything but the settings the space itself varies), and only while the view is
 * {@link #activeProperty() active}; a new target only re-solves the answer. Newest request wins: an older sweep
 * stops between configurations and its result is dropped. Results are published through the runner's publisher.
 */
public final class FrontierModel {
    public static final double DEFAULT_TARGET = 20;
    /**
     * A sweep running longer than this shows its progress and a cancel button; a usual one (tens of ms) finishes
     * before they would be seen, and updating them would cost the FX thread more than the redraw it waits for.
     */
    static final long SLOW_NANOS = 200_000_000L;

    private final Engine engine;
    private final TuningRunner runner;
    private final ReadOnlyObjectWrapper<Frontier.Result> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyObjectWrapper<Frontier.Result> ghost = new ReadOnlyObjectWrapper<>(this, "ghost");
    private final ReadOnlyObjectWrapper<FrontierBands> bands = new ReadOnlyObjectWrapper<>(this, "bands");
    private final DoubleProperty target = new SimpleDoubleProperty(this, "target", DEFAULT_TARGET);
    private final BooleanProperty active = new SimpleBooleanProperty(this, "active");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final NewestWins sweeps;
    private final NewestWins ghosts;
    private final ReadOnlyBooleanWrapper slow = new ReadOnlyBooleanWrapper(this, "slow");
    /** When the sweep under way started (System.nanoTime), for {@link #SLOW_NANOS}. */
    private volatile long sweepStart;
    private volatile long lastSweepNanos;
    private volatile long lastBandsNanos;
    /** When the last sweep's work (the frontier and its band) ended. */
    private volatile long lastSweepEnd;
    private long lastPublishStart;
    private Scenario scenario;
    private Scenario pinned;
    /** What the newest request computes, and what the published result is. */
    private Scenario wantedKey;
    private double wantedTarget;
    private Scenario shownKey;
    private Scenario ghostKey;
    private double ghostTarget;

    /** @param runner where sweeps run and results are published (the design-space views share it) */
    public FrontierModel(Engine engine, TuningRunner runner) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.runner = Objects.requireNonNull(runner, "runner");
        this.sweeps = new NewestWins(runner.coordinator(), runner.publisher());
        this.ghosts = new NewestWins(runner.coordinator(), runner.publisher());
        target.addListener((obs, old, now) -> {
            refresh();
            refreshGhost();
        });
        active.addListener((obs, old, now) -> {
            refresh();
            refreshGhost();
        });
    }

    /** Whether the frontier on display is {@code s}'s (false while a sweep for a new chip is under way). */
    public boolean shows(Scenario s) {
        return s != null && FrontierData.key(s).equals(shownKey);
    }

    /** The scenario on screen (FX thread). */
    public void setScenario(Scenario s) {
        scenario = s;
        refresh();
    }

    /** Scenario A, whose frontier is drawn as a ghost; null for none (FX thread). */
    public void setPinned(Scenario a) {
        pinned = a;
        refreshGhost();
    }

    /** Stops the sweep under way; the last frontier stays. */
    public void cancel() {
        sweeps.cancel();
    }

    public ReadOnlyObjectProperty<Frontier.Result> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public Frontier.Result getResult() {
        return result.get();
    }

    /** The P10-P90 band along the frontier shown, and at its answer; null in seed fidelity. */
    public ReadOnlyObjectProperty<FrontierBands> bandsProperty() {
        return bands.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Frontier.Result> ghostProperty() {
        return ghost.getReadOnlyProperty();
    }

    /** Tokens/s per user the answer must reach (default {@value #DEFAULT_TARGET}). */
    public DoubleProperty targetProperty() {
        return target;
    }

    /** Sweeps run only while active (the view is on screen, or an export asks for it). */
    public BooleanProperty activeProperty() {
        return active;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Whether the sweep under way has run longer than a glance (progress and cancel are worth showing). */
    public ReadOnlyBooleanProperty slowProperty() {
        return slow.getReadOnlyProperty();
    }

    /** 0..1 of the configurations of the sweep under way, published once it is {@link #slowProperty() slow}. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** How long the last sweep took, or why there is none (the chart's text says what it covered). */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Time of the last sweep (or answer) on the coordinator, ms: the engine's share of a redraw (bench). */
    public double lastSweepMillis() {
        return lastSweepNanos / 1e6;
    }

    /** Time of the last sweep's band along the frontier ({@link FrontierBands}), after the sweep, ms (bench). */
    public double lastBandsMillis() {
        return lastBandsNanos / 1e6;
    }

    /** From the end of the last sweep and its band to its publication starting on the publisher, ms (bench). */
    public double lastHopMillis() {
        return (lastPublishStart - lastSweepEnd) / 1e6;
    }

    private void refresh() {
        if (!active.get() || scenario == null) {
            return;
        }
        Scenario k = FrontierData.key(scenario);
        double t = target.get();
        if (k.equals(wantedKey) && t == wantedTarget) {
            return; // the newest request asks for this already
        }
        wantedKey = k;
        wantedTarget = t;
        Frontier.Result shown = result.get();
        Frontier.Result reuse = k.equals(shownKey) ? shown : null;
        // a chip edit keeps the space's configurations but for the chip (Space#explorerForDrawing(Scenario, Space))
        Space previous = shown == null ? null : shown.space();
        running.set(true);
        sweeps.submit((stop, onProgress) -> {
            long start = System.nanoTime();
            sweepStart = start;
            Frontier.Result r = compute(k, t, reuse, previous, stop, p -> {
                if (System.nanoTime() - sweepStart > SLOW_NANOS) {
                    onProgress.accept(p);
                }
            });
            long swept = System.nanoTime();
            // the band along the line: a few hundred evaluations after the sweep, none per point of the cloud, on the
            // sweep's workers
            FrontierBands b = stop.getAsBoolean() ? null
                    : FrontierBands.of(engine, r, runner.sweep(), runner.threads(), stop);
            lastSweepEnd = System.nanoTime();
            lastSweepNanos = swept - start;
            lastBandsNanos = lastSweepEnd - swept;
            return new Swept(k, r, b);
        }, new NewestWins.Delivery<Swept>() {
            @Override
            public void result(Swept swept, boolean stopped, long nanos, boolean newest) {
                publish(swept, stopped, nanos, newest);
            }

            @Override
            public void failed(RuntimeException e, boolean newest) {
                FrontierModel.this.failed(e, newest);
            }

            @Override
            public void progress(double fraction) {
                slow.set(true);
                progress.set(fraction);
            }
        });
    }

    /** A frontier, the key it was swept for and its band. */
    private record Swept(Scenario key, Frontier.Result result, FrontierBands bands) {
    }

    private void refreshGhost() {
        if (!active.get()) {
            return;
        }
        if (pinned == null) {
            ghosts.dropAll();
            ghostKey = null;
            ghost.set(null);
            return;
        }
        Scenario k = FrontierData.key(pinned);
        double t = target.get();
        if (k.equals(ghostKey) && t == ghostTarget) {
            return;
        }
        ghostKey = k;
        ghostTarget = t;
        ghosts.submit((stop, onProgress) -> compute(k, t, null, null, stop, p -> { }), new NewestWins.Delivery<Frontier.Result>() {
            @Override
            public void result(Frontier.Result r, boolean stopped, long nanos, boolean newest) {
                if (newest && !stopped) {
                    ghost.set(r);
                }
            }

            @Override
            public void failed(RuntimeException e, boolean newest) {
                // A's frontier is a backdrop: without it the view still shows the current one
            }
        });
    }

    /**
     * The frontier of {@code key}'s space at {@code t}; with {@code reuse} (same key), only the answer anew; the space
     * from {@code previous} (a space drawn before, or null) when only the chip moved.
     */
    private Frontier.Result compute(Scenario key, double t, Frontier.Result reuse, Space previous, BooleanSupplier stop,
                                    DoubleConsumer onProgress) {
        if (reuse != null) {
            Headline.Answer a = Headline.best(engine, new Space(reuse.space().configurations(), Sweep.Batches.allThatFit()),
                    t, stop);
            return new Frontier.Result(reuse.space(), reuse.points(), reuse.frontier(), t, a, stop.getAsBoolean());
        }
        return FrontierData.compute(engine, key, previous, t, runner.sweep(), runner.threads(), stop, onProgress);
    }

    private void publish(Swept swept, boolean stopped, long nanos, boolean newest) {
        lastPublishStart = System.nanoTime();
        if (stopped) { // cancelled: only the newest request's stopped sweep is delivered
            wantedKey = null; // the next edit or activation sweeps again
            status.set(result.get() == null ? "Cancelled." : "Cancelled; the frontier shown is the previous one.");
            running.set(false);
            slow.set(false);
            return;
        }
        shownKey = swept.key();
        status.set(String.format(Locale.ROOT, "swept in %.0f ms", nanos / 1e6));
        bands.set(swept.bands()); // before the result: the view draws both at once
        result.set(swept.result());
        if (newest) {
            running.set(false); // after the result: a view redraws once, for the new frontier
            slow.set(false);
        }
    }

    private void failed(RuntimeException e, boolean newest) {
        if (newest) {
            running.set(false);
            slow.set(false);
            wantedKey = null;
        }
        status.set("Frontier failed: " + e.getMessage());
    }

    /** Stops any sweep under way and drops its result (the view is going away). */
    public void dispose() {
        sweeps.dispose();
        ghosts.dispose();
        active.set(false);
    }
}
