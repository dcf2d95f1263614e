package dev.ridgeline.app.explorer;

import dev.ridgeline.engine.io.Presets;
import dev.ridgeline.engine.model.FieldId;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.space.Frontier;
import java.util.List;

/**
 * Time from a chip edit to the frontier redrawn, headless, in the window at 1366x768 with the Frontier tab shown:
 * the edit on the FX thread (the engine, tiles and charts of the new scenario, the frontier's marker), the sweep of
 * every deployment on the background threads (one per core), the hop back to the FX thread, the frontier's dataset
 * swap and canvas draw, and the CSS and layout passes of the pulse that follows (as {@code RedrawBench} counts them;
 * the wait for the pulse timer and the rasterisation to pixels are not counted). Each edit scales one chip rate of
 * the default scenario's chip (HBM bandwidth, FP8 or BF16 tensor rate, exp2 rate) by a random factor, so every
 * edit moves the frontier and sweeps the same number of deployments; the next edit starts once it is drawn.
 */
public final class FrontierBench extends EditBench<FrontierBench.Result> {
    /**
     * Latency percentiles (ms), their parts at the median, the smallest sweep measured, and the process's CPU time
     * per edit (all threads, the rasteriser's included: what the cores must do, whatever else runs on them).
     */
    public record Result(double p50Millis, double p95Millis, int edits, int minDeployments, double editP50Millis,
                         double sweepP50Millis, double hopP50Millis, double drawP50Millis, double pulseP50Millis,
                         double cpuP50Millis) {
    }

    static final List<FieldId> FIELDS = List.of(FieldId.HBM_BANDWIDTH, FieldId.FP8_RATE, FieldId.BF16_RATE, FieldId.EXP2_RATE);

    private final double[] edit;
    private final double[] sweep;
    private final double[] hop;
    private final double[] draw;
    private final double[] pulse;
    private int minDeployments = Integer.MAX_VALUE;

    private FrontierBench(ExplorerView view, Scenario base, int warmup, int edits, long seed) {
        super(view, base, FIELDS, warmup, edits, seed);
        edit = new double[edits];
        sweep = new double[edits];
        hop = new double[edits];
        draw = new double[edits];
        pulse = new double[edits];
    }

    public static Result run(int warmup, int edits, long seed) throws Exception {
        Scenario base = Presets.builtInScenario("default");
        return BenchWindow.run("bench-sweep", base, view -> new FrontierBench(view, base, warmup, edits, seed)
                .start("frontier", view.frontier().model().resultProperty()));
    }

    @Override
    protected void drawnCounted(Object result) {
        minDeployments = Math.min(minDeployments, ((Frontier.Result) result).points().size());
    }

    @Override
    protected void counted(int i, double pulseMillis) {
        edit[i] = editMillis;
        sweep[i] = view.frontier().model().lastSweepMillis();
        hop[i] = view.frontier().model().lastHopMillis();
        draw[i] = drawnMillis - editMillis - sweep[i] - hop[i];
        pulse[i] = pulseMillis;
    }

    @Override
    protected Result result() {
        return new Result(percentile(total, 0.50), percentile(total, 0.95), total.length, minDeployments,
                percentile(edit, 0.5), percentile(sweep, 0.5), percentile(hop, 0.5), percentile(draw, 0.5),
                percentile(pulse, 0.5), percentile(cpu, 0.5));
    }
}
