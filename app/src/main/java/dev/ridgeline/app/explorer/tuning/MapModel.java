package dev.ridgeline.app.explorer.tuning;

import dev.ridgeline.engine.Engine;
import dev.ridgeline.engine.model.FieldId;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.space.FieldMap;
import dev.ridgeline.engine.space.Knob;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The map between two fields (DESIGN 4b): the headline over a {@value FieldMap#DEFAULT_CELLS}² grid of the two fields
 * from a quarter to four times their current values, recomputed when the chip (or anything the headline depends on)
 * changes while the Map view is shown.
 */
final class MapModel extends Follower<FieldMap.Result> {
    /** Set by the job that computes a result, before the result is published. */
    private volatile double[][] bandWidths;
    static final Knob DEFAULT_X = Knob.of(FieldId.HBM_BANDWIDTH);
    static final Knob DEFAULT_Y = Knob.of(FieldId.FP8_RATE);

    private final Engine engine;
    private final TuningRunner runner;
    private final TuningInputs inputs;
    private final ObjectProperty<Knob> x;
    private final ObjectProperty<Knob> y;
    private final int cells;

    MapModel(Engine engine, TuningRunner runner, TuningInputs inputs, int cells) {
        this(engine, runner, inputs, cells, new SimpleObjectProperty<>(DEFAULT_X), new SimpleObjectProperty<>(DEFAULT_Y));
    }

    private MapModel(Engine engine, TuningRunner runner, TuningInputs inputs, int cells, ObjectProperty<Knob> x,
                     ObjectProperty<Knob> y) {
        super(new Job<>(runner, m -> m.xs().length + " × " + m.ys().length + " cells"), inputs.targetTpsProperty(), x, y,
                inputs.objectiveProperty(), inputs.workloadProperty());
        this.engine = engine;
        this.runner = runner;
        this.inputs = inputs;
        this.cells = cells;
        this.x = x;
        this.y = y;
    }

    /** The field along x (a chip or NIC field of {@link Knob#fields()}). */
    ObjectProperty<Knob> xProperty() {
        return x;
    }

    ObjectProperty<Knob> yProperty() {
        return y;
    }

    /** Two different fields; a swap passes through x = y, which asks for nothing. */
    @Override
    boolean ready() {
        return x.get().id() != y.get().id();
    }

    @Override
    Object key(Scenario s) {
        // knobs by id: each Knob.assumptions() call makes new (unequal) lambdas
        return List.of(spaceKey(s), x.get().id(), y.get().id(), inputs.targetTpsProperty().get(), x.get().of(s),
                y.get().of(s), inputs.objectiveProperty().get(), String.valueOf(inputs.served(engine)));
    }

    @Override
    Job.Work<FieldMap.Result> work(Scenario s) {
        Knob kx = x.get();
        Knob ky = y.get();
        double target = inputs.targetTpsProperty().get();
        dev.ridgeline.engine.space.Objective objective = inputs.objectiveProperty().get();
        dev.ridgeline.engine.space.ServedRate served = inputs.served(engine);
        // a served cell sizes both pools (tens of ms): a coarser grid keeps the map to seconds
        int n = served == null ? cells : Math.min(cells, TuningFigures.SERVED_MAP_CELLS);
        return (stop, progress) -> {
            FieldMap.Result r = TuningFigures.map(engine, s, kx, ky, n, target, objective, served, runner.sweep(),
                    runner.threads(), stop, progress);
            bandWidths = stop.getAsBoolean() ? null : TuningFigures.mapBands(engine, r);
            return r;
        };
    }

    /** The relative P10-P90 width of each cell of the result on display (calibrated fidelity), or null. */
    double[][] bandWidths() {
        return bandWidths;
    }
}
