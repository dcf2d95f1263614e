package dev.ridgeline.app.explorer.served;

import dev.ridgeline.app.explorer.tuning.Job;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.serve.Workload;
import java.util.Objects;
import java.util.function.BiFunction;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;

/**
 * Work on the scenario on screen and a workload, done off the FX thread while {@code active}: again when the key of
 * what its result depends on changes, on a new scenario or workload or on becoming active; newest request wins
 * ({@link Job}). What {@link ServedModel} and {@link ServedLensModel} share.
 *
 * @param <R> the result
 */
final class WorkloadJob<R> {
    /** The work for scenario {@code s}, workload {@code w} and their {@code key}. */
    interface Work<R> {
        Job.Work<R> of(Scenario s, Workload w, Object key);
    }

    private final Job<R> job;
    private final ObjectProperty<Workload> workload;
    private final BooleanProperty active;
    private final BiFunction<Scenario, Workload, Object> key;
    private final Work<R> work;
    private Scenario scenario;
    private Object wanted;

    WorkloadJob(Job<R> job, ObjectProperty<Workload> workload, BooleanProperty active,
                BiFunction<Scenario, Workload, Object> key, Work<R> work) {
        this.job = Objects.requireNonNull(job, "job");
        this.workload = Objects.requireNonNull(workload, "workload");
        this.active = active;
        this.key = key;
        this.work = work;
        workload.addListener((obs, old, now) -> refresh());
        active.addListener((obs, old, now) -> refresh());
    }

    /** The scenario on screen (FX thread). */
    void setScenario(Scenario s) {
        scenario = s;
        refresh();
    }

    private void refresh() {
        Workload w = workload.get();
        if (!active.get() || scenario == null || w == null) {
            return;
        }
        Object k = key.apply(scenario, w);
        if (k.equals(wanted)) {
            return;
        }
        wanted = k;
        job.submit(work.of(scenario, w, k));
    }

    /** Stops for good (the window is closing). */
    void dispose() {
        active.set(false);
        job.dispose();
    }
}
