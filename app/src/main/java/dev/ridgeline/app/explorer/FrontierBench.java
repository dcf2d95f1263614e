package dev.ridgeline.app.explorer;

import dev.ridgeline.engine.io.Presets;
import dev.ridgeline.engine.model.FieldId;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.space.Frontier;
import java.util.List;
import java.util.Locale;

/**
 * Time from a chip edit to the frontier redrawn, headless, in the window at 1366x768 with the Frontier tab shown:
 * the edit on the FX thread (the new scenario handed to the engine thread and the frontier's model), the sweep of
 * every deployment on the background threads (one per core) while the engine thread evaluates the scenario and the FX
 * thread draws its tiles and charts, as in the window ({@link BenchWindow}), the hop back to the FX thread, the
 * frontier's dataset swap and canvas draw, and the CSS and layout passes of the pulse that follows (as {@code RedrawBench} counts them;
 * the wait for the pulse timer and the rasterisation to pixels are not counted). Each edit scales one chip rate of
 * the default scenario's chip (HBM bandwidth, FP8 or BF16 tensor rate, exp2 rate) by a random factor, so every
 * edit moves the frontier and sweeps the same number of deployments; the next edit starts once it is drawn.
 */
public final class FrontierBench extends EditBench<FrontierBench.Result> {
    /**
     * Latency percentiles (ms), their parts at the median, the smallest sweep measured, and the process's CPU time
     * per edit (all threads, the rasteriser's included: what the cores must do, whatever else runs on them).
     *
     * @param tail      the mean of each part over the slowest tenth of the edits (at or above the p90), ms
     * @param cpuByRole the mean CPU time per edit of each role of {@link ThreadCpu#ROLES}, ms
     * @param jitMillis the JIT compilers' time per edit (mean), ms
     */
    public record Result(double p50Millis, double p95Millis, int edits, int minDeployments, double editP50Millis,
                         double sweepP50Millis, double hopP50Millis, double drawP50Millis, double pulseP50Millis,
                         double cpuP50Millis, double bandsP50Millis, Parts tail, double[] cpuByRole,
                         int editsWithGc, double jitMillis) {
        /** One line: the median's parts, the tail's, the CPU by thread and the collector's pauses. */
        public String describe() {
            StringBuilder cpu = new StringBuilder();
            for (int r = 0; r < ThreadCpu.ROLES.size(); r++) {
                cpu.append(r == 0 ? "" : ", ").append(ThreadCpu.ROLES.get(r))
                        .append(String.format(Locale.ROOT, " %.1f", cpuByRole[r]));
            }
            return String.format(Locale.ROOT, "medians: edit %.2f, sweep %.2f, band %.2f, hop to the FX thread %.2f, "
                            + "draw %.2f, pulse %.2f ms; slowest tenth (mean): total %.1f = edit %.1f + sweep %.1f + band "
                            + "%.1f + hop %.1f + draw %.1f + pulse %.1f ms, collector pauses %.1f ms; %d of %d edits "
                            + "saw a pause; CPU time per edit (mean, ms): %s; all threads (median) %.1f ms; JIT compilers busy %.1f ms "
                            + "an edit (mean, elapsed, over every compiler thread)",
                    editP50Millis, sweepP50Millis, bandsP50Millis, hopP50Millis, drawP50Millis, pulseP50Millis,
                    tail.total(), tail.edit(), tail.sweep(), tail.bands(), tail.hop(), tail.draw(), tail.pulse(),
                    tail.gc(), editsWithGc, edits, cpu, cpuP50Millis, jitMillis);
        }
    }

    /** An edit's time split into its parts, ms (the collector's pauses fall inside the others). */
    public record Parts(double total, double edit, double sweep, double bands, double hop, double draw, double pulse,
                        double gc) {
    }

    private static final String NAME = "bench-sweep";
    static final List<FieldId> FIELDS = List.of(FieldId.HBM_BANDWIDTH, FieldId.FP8_RATE, FieldId.BF16_RATE, FieldId.EXP2_RATE);

    private final double[] edit;
    private final double[] sweep;
    private final double[] bands;
    private final double[] hop;
    private final double[] draw;
    private final double[] pulse;
    private int minDeployments = Integer.MAX_VALUE;

    private FrontierBench(ExplorerView view, Scenario base, int warmup, int edits, long seed) {
        super(view, base, FIELDS, warmup, edits, seed, NAME);
        edit = new double[edits];
        sweep = new double[edits];
        bands = new double[edits];
        hop = new double[edits];
        draw = new double[edits];
        pulse = new double[edits];
    }

    public static Result run(int warmup, int edits, long seed) throws Exception {
        Scenario base = Presets.builtInScenario("default");
        return BenchWindow.run(NAME, base, view -> new FrontierBench(view, base, warmup, edits, seed)
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
        bands[i] = view.frontier().model().lastBandsMillis();
        hop[i] = view.frontier().model().lastHopMillis();
        draw[i] = drawnMillis - editMillis - sweep[i] - bands[i] - hop[i];
        pulse[i] = pulseMillis;
    }

    /** The quantile above which an edit counts as slow ({@link Result#tail}). */
    static final double TAIL = 0.90;

    @Override
    protected Result result() {
        double[] byRole = new double[ThreadCpu.ROLES.size()];
        for (int r = 0; r < byRole.length; r++) {
            byRole[r] = meanCpu(r);
        }
        int withGc = 0;
        for (double g : gcMillis) {
            withGc += g > 0 ? 1 : 0;
        }
        Parts tail = new Parts(tailMean(total, TAIL), tailMean(edit, TAIL), tailMean(sweep, TAIL), tailMean(bands, TAIL),
                tailMean(hop, TAIL), tailMean(draw, TAIL), tailMean(pulse, TAIL), tailMean(gcMillis, TAIL));
        return new Result(percentile(total, 0.50), percentile(total, 0.95), total.length, minDeployments,
                percentile(edit, 0.5), percentile(sweep, 0.5), percentile(hop, 0.5), percentile(draw, 0.5),
                percentile(pulse, 0.5), percentile(cpu, 0.5), percentile(bands, 0.5), tail, byRole, withGc,
                mean(jitMillis));
    }
}
