package dev.ridgeline.app.explorer;

import dev.ridgeline.app.NewestWins;
import dev.ridgeline.app.Units;
import dev.ridgeline.engine.Engine;
import dev.ridgeline.engine.Evaluation;
import dev.ridgeline.engine.memory.Fit;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.evidence.Bands;
import dev.ridgeline.engine.space.FidelityContrast;
import java.util.Objects;
import java.util.concurrent.Executor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The explorer's one-way data flow: every edit replaces {@link #scenarioProperty()}; the engine runs on the injected
 * {@code worker} executor and its result is handed to the {@code publisher} executor (the FX thread in the app, the
 * calling thread in tests). Newest request wins: a result older than the one on display is dropped.
 *
 * <p>{@link #evaluationProperty()} is the newest result and feeds the tiles and the memory bar.
 * {@link #drawnProperty()} is the newest result whose batch fits; charts and the op table draw it, and
 * {@link #staleReasonProperty()} says why they lag when the newest batch does not fit.
 */
public final class ExplorerModel {
    private final ObjectProperty<Scenario> scenario = new SimpleObjectProperty<>(this, "scenario");
    private final ReadOnlyObjectWrapper<Evaluation> evaluation = new ReadOnlyObjectWrapper<>(this, "evaluation");
    private final ReadOnlyObjectWrapper<Evaluation> drawn = new ReadOnlyObjectWrapper<>(this, "drawn");
    private final ReadOnlyObjectWrapper<Evaluation> pinned = new ReadOnlyObjectWrapper<>(this, "pinned");
    private final ReadOnlyStringWrapper staleReason = new ReadOnlyStringWrapper(this, "staleReason", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper contrast = new ReadOnlyStringWrapper(this, "contrast", "");
    private final ReadOnlyObjectWrapper<Bands> bands = new ReadOnlyObjectWrapper<>(this, "bands");
    private final javafx.beans.property.BooleanProperty served =
            new javafx.beans.property.SimpleBooleanProperty(this, "served");
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
    private final EditHistory history;
    private boolean restoring;
    private final NewestWins runs;
    /** Null until {@link #start}: edits meanwhile only replace the scenario, which the engine then evaluates. */
    private Engine engine;

    public ExplorerModel(Engine engine, Scenario initial, Executor worker, Executor publisher) {
        this(engine, initial, worker, publisher, windowHistory());
    }

    /** The window's undo history: edits within 0.6 s of each other merge into one step. */
    private static EditHistory windowHistory() {
        return new EditHistory(System::nanoTime, 600_000_000L);
    }

    ExplorerModel(Engine engine, Scenario initial, Executor worker, Executor publisher, EditHistory history) {
        this(initial, worker, publisher, history);
        start(Objects.requireNonNull(engine, "engine"), null);
    }

    private ExplorerModel(Scenario initial, Executor worker, Executor publisher, EditHistory history) {
        this.runs = new NewestWins(worker, publisher);
        this.history = history;
        scenario.addListener((obs, old, now) -> {
            if (old != null && !restoring) {
                history.edited(old);
                updateHistory();
            }
            if (engine != null) {
                request(now);
            }
        });
        scenario.set(Objects.requireNonNull(initial, "initial"));
    }

    /**
     * A model on {@code initial} whose engine is still being made (the window's start): a view can be built over it
     * and styled meanwhile; it shows no result until {@link #start}.
     */
    static ExplorerModel awaitingEngine(Scenario initial, Executor worker, Executor publisher) {
        return new ExplorerModel(initial, worker, publisher, windowHistory());
    }

    /**
     * Hands a model made by {@link #awaitingEngine} its engine, once, on the publisher's thread. {@code first}, the
     * result of the initial scenario computed beforehand ({@link Evaluated#of}), is published at once, so the next
     * layout shows it; null, or the scenario edited meanwhile: the engine evaluates the scenario as for any edit.
     */
    void start(Engine engine, Evaluated first) {
        if (this.engine != null) {
            throw new IllegalStateException("the model has its engine already");
        }
        boolean current = first != null && first.evaluation().scenario().equals(scenario.get());
        if (first != null && !current && !history.canUndo() && !history.canRedo()) {
            throw new IllegalArgumentException("the first result is not the initial scenario's");
        }
        this.engine = Objects.requireNonNull(engine, "engine");
        if (current) {
            publish(first.evaluation(), first.disagreement(), first.bands());
        } else {
            request(scenario.get());
        }
    }

    /** A model whose engine and publication both run on the calling thread (tests, export, bench). */
    public static ExplorerModel sameThread(Scenario initial) {
        return new ExplorerModel(dev.ridgeline.app.Engines.builtIn(), initial, Runnable::run, Runnable::run);
    }

    public ObjectProperty<Scenario> scenarioProperty() {
        return scenario;
    }

    public Scenario getScenario() {
        return scenario.get();
    }

    public void setScenario(Scenario s) {
        scenario.set(Objects.requireNonNull(s, "scenario"));
    }

    public ReadOnlyObjectProperty<Evaluation> evaluationProperty() {
        return evaluation.getReadOnlyProperty();
    }

    public Evaluation getEvaluation() {
        return evaluation.get();
    }

    public ReadOnlyObjectProperty<Evaluation> drawnProperty() {
        return drawn.getReadOnlyProperty();
    }

    public Evaluation getDrawn() {
        return drawn.get();
    }

    /** Returns to the scenario before the last edit (a slider drag counts as one edit). */
    public void undo() {
        history.undo(scenario.get()).ifPresent(this::restore);
    }

    /** Re-applies the edit the last undo took back. */
    public void redo() {
        history.redo(scenario.get()).ifPresent(this::restore);
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    private void restore(Scenario s) {
        restoring = true;
        try {
            scenario.set(s);
        } finally {
            restoring = false;
        }
        updateHistory();
    }

    private void updateHistory() {
        canUndo.set(history.canUndo());
        canRedo.set(history.canRedo());
    }

    /**
     * The served switch (issue 20), session state like A: on, the headline tiles and the frontier show the Served
     * view's workload's output tokens/s per card over its prefill and decode cards instead of decode throughput.
     */
    public javafx.beans.property.BooleanProperty servedProperty() {
        return served;
    }

    /** Scenario A of a comparison: the result pinned by {@link #pin()}, or null. */
    public ReadOnlyObjectProperty<Evaluation> pinnedProperty() {
        return pinned.getReadOnlyProperty();
    }

    /** Pins the newest result as A; later edits are compared with it. */
    public void pin() {
        pinned.set(evaluation.get());
    }

    public void unpin() {
        pinned.set(null);
    }

    public ReadOnlyStringProperty staleReasonProperty() {
        return staleReason.getReadOnlyProperty();
    }

    /**
     * One sentence when seed and calibrated fidelity disagree on the newest scenario's dominant bound or best chip
     * lever ({@link FidelityContrast}), else empty.
     */
    public ReadOnlyStringProperty contrastProperty() {
        return contrast.getReadOnlyProperty();
    }

    /** P10-P90 bands of the newest evaluation's headline figures; null in seed fidelity. */
    public ReadOnlyObjectProperty<Bands> bandsProperty() {
        return bands.getReadOnlyProperty();
    }

    public Bands getBands() {
        return bands.get();
    }

    /** The message of an engine failure for the newest scenario, or empty. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    private void request(Scenario s) {
        Engine current = engine; // set on this thread before any request
        runs.submit((stop, progress) -> Evaluated.of(current, s), new NewestWins.Delivery<Evaluated>() {
            @Override
            public void result(Evaluated e, boolean stopped, long nanos, boolean newest) {
                publish(e.evaluation(), e.disagreement(), e.bands());
            }

            @Override
            public void failed(RuntimeException e, boolean newest) {
                error.set("Engine failed on " + s.summary() + ": " + e.getMessage());
            }
        });
    }

    /** What the worker computes for a scenario. */
    record Evaluated(Evaluation evaluation, String disagreement, Bands bands) {
        /** Computes it, on any thread. */
        static Evaluated of(Engine engine, Scenario s) {
            Evaluation result = engine.evaluate(s);
            return new Evaluated(result, FidelityContrast.sentence(engine, s), Bands.of(engine.calibration(), result));
        }
    }

    /** Runs on the publisher; the runner drops results arriving after a newer one. */
    private void publish(Evaluation result, String disagreement, Bands band) {
        error.set("");
        contrast.set(disagreement);
        bands.set(band); // before the evaluation: its listeners read the bands of the same result
        if (result.fit() instanceof Fit.OutOfMemory) {
            Fit.OutOfMemory oom = (Fit.OutOfMemory) result.fit();
            staleReason.set(drawn.get() == null ? String.format(java.util.Locale.ROOT,
                    "Batch %d does not fit (%s missing, max batch %d); the charts show it as there is no earlier result.",
                    result.scenario().batchPerCard(), Units.bytes(oom.missingBytes()), oom.maxBatch())
                    : String.format(java.util.Locale.ROOT,
                    "Charts show the last batch that fits (B%d): batch %d needs %s more HBM (max batch %d).",
                    drawn.get().scenario().batchPerCard(), result.scenario().batchPerCard(),
                    Units.bytes(oom.missingBytes()), oom.maxBatch()));
            if (drawn.get() == null) {
                drawn.set(result);
            }
        } else {
            staleReason.set("");
            drawn.set(result);
        }
        evaluation.set(result);
    }
}
