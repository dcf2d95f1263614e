package dev.ridgeline.app.explorer.tuning;

import dev.ridgeline.engine.Engine;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.space.Sensitivity;
import dev.ridgeline.engine.space.Solve;
import java.util.List;

/**
 * The Target panel's answers (DESIGN 4b): for each chip and NIC field alone, the value that just reaches the target,
 * with the headline as it is now. A deployment edit does not move them (the deployment is re-optimised).
 */
final class TargetModel extends Follower<TargetModel.Answers> {
    /** The headline now (the objective's score at the target tokens/s per user; 0 when none) and the answers. */
    record Answers(Scenario scenario, Solve.Target target, double headline, List<Solve.Answer> answers) {
    }

    private final Engine engine;
    private final TuningRunner runner;
    private final TuningInputs inputs;

    TargetModel(Engine engine, TuningRunner runner, TuningInputs inputs) {
        super(new Job<>(runner, a -> a.answers().size() + " fields"), inputs.targetTpsProperty(),
                inputs.minThroughputProperty(), inputs.perNodeProperty(), inputs.objectiveProperty(),
                inputs.maxCostProperty(), inputs.maxEnergyProperty(), inputs.workloadProperty());
        this.engine = engine;
        this.runner = runner;
        this.inputs = inputs;
    }

    @Override
    Object key(Scenario s) {
        // the chip's price and power are in the space key's chip: a price edit asks again
        return List.of(spaceKey(s), inputs.target(engine));
    }

    @Override
    Job.Work<Answers> work(Scenario s) {
        Solve.Target target = inputs.target(engine);
        return (stop, progress) -> {
            double now = Sensitivity.headline(engine, s, target.minUserTps(), target.objective(), target.served());
            List<Solve.Answer> answers = Solve.compute(engine, s, target, Solve.fields(target.objective(), s.chip()), runner.sweep(),
                    runner.threads(), stop, progress);
            return new Answers(s, target, now, answers);
        };
    }
}
