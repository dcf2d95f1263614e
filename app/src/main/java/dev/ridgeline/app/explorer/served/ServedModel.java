package dev.ridgeline.app.explorer.served;

import dev.ridgeline.app.explorer.frontier.FrontierData;
import dev.ridgeline.app.explorer.tuning.Job;
import dev.ridgeline.app.explorer.tuning.TuningRunner;
import dev.ridgeline.engine.Engine;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.serve.Served;
import dev.ridgeline.engine.serve.Serving;
import dev.ridgeline.engine.serve.Workload;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The served workload of the scenario on screen (DESIGN 4c), sized off the FX thread on the design-space views'
 * runner while the Served view is {@link #activeProperty() active}: again on every edit of what it depends on (the
 * model, chip, NIC, fidelity, readings, assumptions and layout; the pools re-optimise EP, batch, dtypes and MTP
 * themselves) and of the workload. Newest request wins ({@link Job}).
 */
public final class ServedModel {
    private final Job<Served> job;
    private final ObjectProperty<Workload> workload = new SimpleObjectProperty<>(this, "workload", Workload.DEFAULT);
    private final BooleanProperty active = new SimpleBooleanProperty(this, "active");
    private final WorkloadJob<Served> sizing;

    public ServedModel(Engine engine, TuningRunner runner) {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(runner, "runner");
        this.job = new Job<>(runner, r -> r instanceof Served.Sized ? "pools sized" : "not served");
        this.sizing = new WorkloadJob<>(job, workload, active, (s, w) -> List.of(FrontierData.key(s), w),
                (s, w, key) -> (stop, progress) -> Serving.size(engine, s, w, runner.sweep(), runner.threads(), stop));
    }

    /** The scenario on screen (FX thread). */
    public void setScenario(Scenario s) {
        sizing.setScenario(s);
    }

    /** The sizing work, its result, progress and status. */
    public Job<Served> job() {
        return job;
    }

    public ObjectProperty<Workload> workloadProperty() {
        return workload;
    }

    /** Sizes only while active (the view is shown, or an export asks). */
    public BooleanProperty activeProperty() {
        return active;
    }

    /** Stops for good (the window is closing). */
    public void dispose() {
        sizing.dispose();
    }
}
