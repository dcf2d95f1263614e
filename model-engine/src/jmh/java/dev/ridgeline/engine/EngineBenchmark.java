package dev.ridgeline.engine;

import dev.ridgeline.engine.io.Presets;
import dev.ridgeline.engine.model.Policy;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.search.SeedSearch;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Engine speed (DESIGN 8: about a million evaluations per second per core).
 * {@code ./mvnw -B -pl assets,model-engine -Pjmh package -DskipTests && java -jar model-engine/target/benchmarks.jar}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EngineBenchmark {
    @Param({"DUAL_MICRO_BATCH", "NAIVE"})
    public Policy policy;

    private Scenario scenario;
    private Scenario base;

    @Setup
    public void setUp() {
        scenario = Presets.builtInScenario("default").withPolicy(policy);
        base = scenario;
    }

    @Benchmark
    public Evaluation evaluateDeepSeekV3() {
        return Fixtures.ENGINE.evaluate(scenario);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public int seedSearchBothTargets() {
        var c = Presets.builtIn();
        List<dev.ridgeline.engine.model.Chip> chips = SeedSearch.SEED_GPUS.stream().map(c::chip).toList();
        List<dev.ridgeline.engine.model.Nic> nics = SeedSearch.SEED_NICS.stream().map(c::nic).toList();
        return SeedSearch.run(Fixtures.ENGINE, base.model(), chips, nics, 20, base).size()
                + SeedSearch.run(Fixtures.ENGINE, base.model(), chips, nics, 15, base).size();
    }
}
