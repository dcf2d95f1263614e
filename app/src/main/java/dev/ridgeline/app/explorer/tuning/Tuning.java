package dev.ridgeline.app.explorer.tuning;

import dev.ridgeline.engine.Engine;
import dev.ridgeline.engine.io.Catalog;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.space.FieldMap;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.util.Subscription;

/**
 * Chip tuning in the window (DESIGN 4b, 7): the Sensitivity and Target side tabs and the Map view, following the
 * scenario on screen, each computing only while shown. The explorer hooks them in with {@link #follow}.
 */
public final class Tuning {
    private final TuningInputs inputs = new TuningInputs();
    private final SensitivityModel sensitivityModel;
    private final TargetModel targetModel;
    private final MapModel mapModel;
    private final SensitivityPane sensitivity;
    private final TargetPane target;
    private final MapView map;
    private final CompareModel compareModel;
    private final CompareView compare;
    private final List<Subscription> subscriptions = new ArrayList<>();

    public Tuning(Engine engine, ObjectProperty<Scenario> scenario, Catalog catalog, TuningRunner runner) {
        this(engine, scenario, catalog, runner, FieldMap.DEFAULT_CELLS);
    }

    /** @param cells cells per map axis (odd) */
    public Tuning(Engine engine, ObjectProperty<Scenario> scenario, Catalog catalog, TuningRunner runner, int cells) {
        sensitivityModel = new SensitivityModel(engine, runner, inputs);
        targetModel = new TargetModel(engine, runner, inputs);
        mapModel = new MapModel(engine, runner, inputs, cells);
        sensitivity = new SensitivityPane(sensitivityModel, inputs);
        target = new TargetPane(targetModel, inputs);
        map = new MapView(mapModel, inputs, catalog::chips);
        compareModel = new CompareModel(engine, runner, inputs, catalog.defaultRivals());
        compare = new CompareView(compareModel, inputs, catalog::chips);
        subscriptions.add(scenario.subscribe(s -> {
            sensitivityModel.setScenario(s);
            targetModel.setScenario(s);
            mapModel.setScenario(s);
            compareModel.setScenario(s);
        }));
    }

    /** Each part computes while its tab (or view) is shown. */
    public void follow(ObservableBooleanValue sensitivityShown, ObservableBooleanValue targetShown,
                       ObservableBooleanValue mapShown) {
        subscriptions.add(sensitivityShown.subscribe(v -> sensitivityModel.activeProperty().set(v)));
        subscriptions.add(targetShown.subscribe(v -> targetModel.activeProperty().set(v)));
        subscriptions.add(mapShown.subscribe(v -> mapModel.activeProperty().set(v)));
    }

    /** The Chips view computes while it is shown. */
    public void followCompare(ObservableBooleanValue shown) {
        subscriptions.add(shown.subscribe(v -> compareModel.activeProperty().set(v)));
    }

    public CompareView compare() {
        return compare;
    }

    /** Computes the comparison now if it has not (an export or the report asks for it). */
    public void activateCompare() {
        compareModel.activeProperty().set(true);
    }

    public SensitivityPane sensitivity() {
        return sensitivity;
    }

    public TargetPane target() {
        return target;
    }

    public MapView map() {
        return map;
    }

    /** Target tokens/s per user, step and throughput target shared by the three views. */
    public TuningInputs inputs() {
        return inputs;
    }

    /** Computes the map now if it has not (an export asks for it whether or not the view is shown). */
    public void activateMap() {
        mapModel.activeProperty().set(true);
    }

    /** Computes the sensitivity now if it has not (an export asks for it). */
    public void activateSensitivity() {
        sensitivityModel.activeProperty().set(true);
    }

    /** Stops all work and releases the scenario (the window is closing). */
    public void dispose() {
        subscriptions.forEach(Subscription::unsubscribe);
        subscriptions.clear();
        sensitivityModel.dispose();
        targetModel.dispose();
        mapModel.dispose();
        compareModel.dispose();
    }
}
