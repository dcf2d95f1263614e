package dev.ridgeline.app.explorer.tuning;

import dev.ridgeline.engine.Engine;
import dev.ridgeline.engine.evidence.Band;
import dev.ridgeline.engine.evidence.FrontierBands;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.space.Objective;
import dev.ridgeline.engine.space.Sensitivity;
import java.util.List;

/**
 * The sensitivity of the scenario on screen (DESIGN 4b), recomputed on every edit while the Sensitivity tab is shown:
 * it depends on the whole scenario (the fixed deployment's bars), the target and the step.
 */
final class SensitivityModel extends Follower<Sensitivity.Result> {
    private final Engine engine;
    private final TuningRunner runner;
    private final TuningInputs inputs;
    /** The headline's P10-P90 of the newest result, set by its job before the result is published; null: none. */
    private volatile Band headlineBand;

    SensitivityModel(Engine engine, TuningRunner runner, TuningInputs inputs) {
        super(new Job<>(runner, r -> r.bars().size() + " knobs"), inputs.targetTpsProperty(), inputs.stepProperty(),
                inputs.objectiveProperty(), inputs.workloadProperty());
        this.engine = engine;
        this.runner = runner;
        this.inputs = inputs;
    }

    @Override
    Object key(Scenario s) {
        return List.of(s, inputs.targetTpsProperty().get(), inputs.stepProperty().get(), inputs.objectiveProperty().get(),
                String.valueOf(inputs.served(engine)));
    }

    @Override
    Job.Work<Sensitivity.Result> work(Scenario s) {
        double target = inputs.targetTpsProperty().get();
        double step = inputs.stepProperty().get();
        Objective objective = inputs.objectiveProperty().get();
        dev.ridgeline.engine.space.ServedRate served = inputs.served(engine);
        return (stop, progress) -> {
            Sensitivity.Result r = Sensitivity.compute(engine, s, target, step, objective, served, runner.sweep(),
                    runner.threads(), stop, progress);
            headlineBand = stop.getAsBoolean() ? null : FrontierBands.headline(engine, r);
            return r;
        };
    }

    /** The P10-P90 of the headline of the result on display (calibrated fidelity), or null. */
    Band headlineBand() {
        return headlineBand;
    }
}
