package dev.ridgeline.app.explorer.served;

import dev.ridgeline.app.explorer.tuning.Job;
import dev.ridgeline.app.explorer.tuning.TuningRunner;
import dev.ridgeline.engine.Engine;
import dev.ridgeline.engine.model.Dtype;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.serve.ServedObjective;
import dev.ridgeline.engine.serve.Workload;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * The {@link ServedLens} of the scenario on screen, sized off the FX thread on the design-space views' runner while
 * the served switch is on: again when what the prefill pools depend on changes (the model, chip, NIC, fidelity,
 * readings, assumptions: {@code FrontierData.key}) or the workload; a batch, EP, dtype or MTP edit needs no new pools
 * (the lens turns the new decode figure into the served one by arithmetic). Newest request wins ({@link Job}).
 */
public final class ServedLensModel {
    private final ObjectProperty<Workload> workload;
    private final Job<ServedLens> job;
    private final BooleanProperty active = new SimpleBooleanProperty(this, "active");
    private final WorkloadJob<ServedLens> sizing;

    public ServedLensModel(Engine engine, TuningRunner runner, ObjectProperty<Workload> workload) {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(runner, "runner");
        this.workload = Objects.requireNonNull(workload, "workload");
        this.job = new Job<>(runner, r -> "prefill pools sized");
        this.sizing = new WorkloadJob<>(job, workload, active, ServedLens::key, (s, w, key) -> (stop, progress) -> {
            Map<Dtype, ServedObjective.Pool> pools = new EnumMap<>(Dtype.class);
            for (Dtype kv : Dtype.values()) {
                ServedObjective.Pool p = ServedObjective.prefillPool(engine, s, kv, w, runner.sweep(), runner.threads(), stop);
                if (p == null) {
                    return null;
                }
                pools.put(kv, p);
            }
            return new ServedLens(key, w, pools);
        });
    }

    /** The scenario on screen (FX thread). */
    public void setScenario(Scenario s) {
        sizing.setScenario(s);
    }

    /** The lens of the newest scenario and workload sized (null before the first). */
    public ReadOnlyObjectProperty<ServedLens> resultProperty() {
        return job.resultProperty();
    }

    /** The lens when it was sized for {@code s} and the current workload, else null (the pools are being sized). */
    public ServedLens lensFor(Scenario s) {
        ServedLens l = job.getResult();
        return l != null && s != null && l.sizedFor(s, workload.get()) ? l : null;
    }

    /** Sizes only while the served switch is on. */
    public BooleanProperty activeProperty() {
        return active;
    }

    public Job<ServedLens> job() {
        return job;
    }

    /** Stops for good (the window is closing). */
    public void dispose() {
        sizing.dispose();
    }
}
