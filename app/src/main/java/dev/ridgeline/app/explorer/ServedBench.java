package dev.ridgeline.app.explorer;

import dev.ridgeline.engine.io.Presets;
import dev.ridgeline.engine.model.FieldId;
import dev.ridgeline.engine.model.Fidelity;
import dev.ridgeline.engine.model.Scenario;
import java.util.List;

/**
 * Time from a chip edit to the Served view redrawn (DESIGN 8: 100 ms p95 on 2 cores), headless, in the window at
 * 1366x768 with the Served tab shown and the default workload, calibrated fidelity: the edit on the FX thread, the
 * sizing on the background threads (one per core), the hop back, the pools drawn, and the CSS and layout pass of the
 * pulse that follows (as the frontier's bench counts them). Each edit scales one chip rate by 0.6-1.6, so every edit
 * re-sizes both pools; the next starts once the last is drawn.
 */
public final class ServedBench extends EditBench<ServedBench.Result> {
    /**
     * Latency percentiles (ms) and the process's CPU time per edit at the median, every thread (ms; on a machine
     * others load, it moves less than the latency does).
     */
    public record Result(double p50Millis, double p95Millis, int edits, double cpuP50Millis) {
    }

    private static final String NAME = "bench-served";
    static final List<FieldId> FIELDS = List.of(FieldId.HBM_BANDWIDTH, FieldId.FP8_RATE, FieldId.BF16_RATE, FieldId.HBM_CAPACITY);

    private ServedBench(ExplorerView view, Scenario base, int warmup, int edits, long seed) {
        super(view, base, FIELDS, warmup, edits, seed, NAME);
    }

    public static Result run(int warmup, int edits, long seed) throws Exception {
        Scenario base = Presets.builtInScenario("default").withFidelity(Fidelity.physical());
        return BenchWindow.run(NAME, base, view -> new ServedBench(view, base, warmup, edits, seed)
                .start("served", view.served().model().job().resultProperty()));
    }

    @Override
    protected Result result() {
        return new Result(percentile(total, 0.50), percentile(total, 0.95), total.length, percentile(cpu, 0.50));
    }
}
