package dev.ridgeline.app.explorer.tuning;

import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.space.Space;
import java.util.Objects;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * Design-space work that follows the scenario on screen while its view is {@link #activeProperty() active}: a new
 * request only when something its result depends on ({@link #key}) has changed; otherwise the result shown stands.
 *
 * @param <R> the result
 */
abstract class Follower<R> {
    private final Job<R> job;
    private final BooleanProperty active = new SimpleBooleanProperty(this, "active");
    private Scenario scenario;
    private Object wanted;

    Follower(Job<R> job, Observable... inputs) {
        this.job = Objects.requireNonNull(job, "job");
        active.addListener((obs, was, now) -> refresh());
        for (Observable o : inputs) {
            o.addListener(x -> refresh());
        }
    }

    /** Everything the result depends on: equal keys, equal results. */
    abstract Object key(Scenario s);

    /** The work for {@code s} with the inputs as they are now (read on the FX thread, not by the work). */
    abstract Job.Work<R> work(Scenario s);

    /** False while the inputs are between two consistent states (nothing is asked then). */
    boolean ready() {
        return true;
    }

    /** The scenario on screen (FX thread). */
    final void setScenario(Scenario s) {
        scenario = s;
        refresh();
    }

    final void refresh() {
        if (!active.get() || scenario == null || !ready()) {
            return;
        }
        Object k = key(scenario);
        if (k.equals(wanted)) {
            return; // the newest request (or the result shown) is for this already
        }
        wanted = k;
        job.submit(work(scenario));
    }

    /** Stops the work under way; the next edit or activation asks again. */
    final void cancel() {
        wanted = null;
        job.cancel();
    }

    final Job<R> job() {
        return job;
    }

    /** Computes only while active (its view is on screen, or an export asks for it). */
    final BooleanProperty activeProperty() {
        return active;
    }

    final void dispose() {
        active.set(false);
        job.dispose();
    }

    /** The space's key ({@link Space#explorerKey}): two scenarios with the same key have the same headline at any target. */
    static Scenario spaceKey(Scenario s) {
        return Space.explorerKey(s);
    }
}
