package dev.ridgeline.app.explorer.tuning;

import dev.ridgeline.engine.Engine;
import dev.ridgeline.engine.model.Chip;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.space.ChipComparison;
import dev.ridgeline.engine.space.Objective;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * Chip against chip in the window (DESIGN 4d): the scenario's own chip (as edited, price included) and the rivals
 * picked, each at its best deployment at the target tokens/s per user; recomputed when the chip, the rivals, the
 * target or the objective change while the Chips view is shown.
 */
final class CompareModel extends Follower<ChipComparison.Result> {
    private final Engine engine;
    private final TuningRunner runner;
    private final TuningInputs inputs;
    private final ObjectProperty<List<Chip>> rivals;

    CompareModel(Engine engine, TuningRunner runner, TuningInputs inputs, List<Chip> initialRivals) {
        this(engine, runner, inputs, new SimpleObjectProperty<>(List.copyOf(initialRivals)));
    }

    private CompareModel(Engine engine, TuningRunner runner, TuningInputs inputs, ObjectProperty<List<Chip>> rivals) {
        super(new Job<>(runner, r -> r.rows().size() + " chips"), inputs.targetTpsProperty(), inputs.objectiveProperty(),
                rivals);
        this.engine = engine;
        this.runner = runner;
        this.inputs = inputs;
        this.rivals = rivals;
    }

    /** The chips compared with the scenario's (presets of the catalogue). */
    ObjectProperty<List<Chip>> rivalsProperty() {
        return rivals;
    }

    /** The scenario's chip first, then each rival whose name differs from it. */
    static List<Chip> chips(Scenario s, List<Chip> rivals) {
        List<Chip> out = new ArrayList<>();
        out.add(s.chip());
        for (Chip c : rivals) {
            if (!c.name().equals(s.chip().name())) {
                out.add(c);
            }
        }
        return out;
    }

    @Override
    Object key(Scenario s) {
        return List.of(spaceKey(s), rivals.get(), inputs.targetTpsProperty().get(), inputs.objectiveProperty().get());
    }

    @Override
    Job.Work<ChipComparison.Result> work(Scenario s) {
        List<Chip> chips = chips(s, rivals.get());
        double target = inputs.targetTpsProperty().get();
        // chips are ranked on decode: under the served objective, on decode tokens/s per card
        Objective chosen = inputs.objectiveProperty().get();
        Objective objective = Objective.DECODE.contains(chosen) ? chosen : Objective.THROUGHPUT;
        return (stop, progress) -> ChipComparison.compute(engine, s, chips, target, objective, runner.sweep(),
                runner.threads(), stop, progress);
    }
}
