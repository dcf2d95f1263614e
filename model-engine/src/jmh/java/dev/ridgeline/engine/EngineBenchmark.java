package dev.ridgeline.engine;

import dev.ridgeline.engine.io.CalibrationTables;
import dev.ridgeline.engine.io.Presets;
import dev.ridgeline.engine.model.Deployment;
import dev.ridgeline.engine.model.Fidelity;
import dev.ridgeline.engine.model.Numerics;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.plan.Plan;
import dev.ridgeline.engine.plan.Summary;
import dev.ridgeline.engine.search.SeedSearch;
import dev.ridgeline.engine.sweep.SpeedProbe;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Engine speed (DESIGN 8): the summary path per design point (seed and calibrated), the detailed evaluation, and the
 * seed search. Each summary invocation evaluates {@link SpeedProbe#VARIANTS} deployments of DeepSeek-V3 on H800 + CX7
 * (batch, EP, policy, dtypes and MTP varied, so nothing is constant-folded). {@code afterOther} runs the other
 * fidelity's summary path for two seconds before the measured one is warmed: the kernel then compiles for both
 * fidelities' profiles, as in a process that runs both (decision 0005, addendum 2026-12-07); {@code detailedFirst}
 * runs the detailed evaluation first, as {@code bench --kernel calibrated} does.
 * {@code ./mvnw -B -pl assets,model-engine -am -Pjmh package -DskipTests && java -jar model-engine/target/benchmarks.jar}
 * <p>The window and {@code bench} run with the compiler options of the {@code ridgeline} script (the directives file
 * above all, which keeps the detailed path's records out of line, decision 0005); JMH's forks do not unless given
 * them: {@code -jvmArgsAppend "-XX:+UnlockDiagnosticVMOptions -XX:CompilerDirectivesFile=app/src/main/jvm/c2-directives.json
 * -XX:Tier4InvocationThreshold=15000 -XX:Tier4MinInvocationThreshold=1800 -XX:Tier4CompileThreshold=45000
 * -XX:Tier4BackEdgeThreshold=120000 -XX:PerBytecodeTrapLimit=1 -XX:PerMethodTrapLimit=5 -XX:+UseParallelGC"}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EngineBenchmark {
    @Param({"SEED", "CALIBRATED"})
    public Fidelity fidelity;

    /** sweep: the batch varies fastest, as in a sweep; mixed: no two successive points alike. */
    @Param({"sweep", "mixed"})
    public String order;

    /** Run the other fidelity's summary path first (the profile a process running both gives the kernel). */
    @Param({"false"})
    public boolean afterOther;

    /**
     * Run this fidelity's detailed evaluation for half a second first, as {@code bench --kernel calibrated} and the
     * window do before the summary path: the kernel then compiles with the detailed path's profile too.
     */
    @Param({"false"})
    public boolean detailedFirst;

    private Engine engine;
    private Plan plan;
    private Deployment[] deployments;
    private Numerics[] numerics;
    private Scenario[] scenarios;
    private final Summary summary = new Summary();

    @Setup
    public void setUp() {
        engine = new Engine(CalibrationTables.builtIn());
        Scenario base = Presets.builtInScenario("default").withFidelity(fidelity);
        scenarios = order.equals("sweep") ? SpeedProbe.sweepOrder(base) : SpeedProbe.variants(base);
        plan = engine.plan(base);
        deployments = new Deployment[scenarios.length];
        numerics = new Numerics[scenarios.length];
        for (int i = 0; i < scenarios.length; i++) {
            deployments[i] = scenarios[i].deployment();
            numerics[i] = scenarios[i].numerics();
        }
        if (detailedFirst) {
            SpeedProbe.detailedPerSecond(engine, base, 0.5);
        }
        if (afterOther) {
            Fidelity other = fidelity == Fidelity.CALIBRATED ? Fidelity.reproducing() : Fidelity.CALIBRATED;
            SpeedProbe.summaryPerSecond(engine, Presets.builtInScenario("default").withFidelity(other), 2.0);
        }
    }

    @Benchmark
    @OperationsPerInvocation(SpeedProbe.VARIANTS)
    public double summaryPath() {
        double acc = 0;
        for (int i = 0; i < SpeedProbe.VARIANTS; i++) {
            plan.summarize(deployments[i], numerics[i], summary);
            acc += summary.userTokensPerSec();
        }
        return acc;
    }

    @Benchmark
    @OperationsPerInvocation(SpeedProbe.VARIANTS)
    public double detailedEvaluation() {
        double acc = 0;
        for (int i = 0; i < SpeedProbe.VARIANTS; i++) {
            acc += engine.evaluate(scenarios[i]).userTokensPerSec();
        }
        return acc;
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public int seedSearchBothTargets() {
        var c = Presets.builtIn();
        Scenario base = scenarios[0];
        List<dev.ridgeline.engine.model.Chip> chips = SeedSearch.SEED_GPUS.stream().map(c::chip).toList();
        List<dev.ridgeline.engine.model.Nic> nics = SeedSearch.SEED_NICS.stream().map(c::nic).toList();
        return SeedSearch.run(engine, base.model(), chips, nics, 20, base).size()
                + SeedSearch.run(engine, base.model(), chips, nics, 15, base).size();
    }
}
