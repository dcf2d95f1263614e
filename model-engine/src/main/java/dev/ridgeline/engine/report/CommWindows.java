package dev.ridgeline.engine.report;

import dev.ridgeline.engine.Evaluation;
import dev.ridgeline.engine.schedule.Interval;
import dev.ridgeline.engine.schedule.Lane;
import java.util.ArrayList;
import java.util.List;

/**
 * Seed 003's communication envelope on the engine's own schedule: each dispatch and combine interval of one layer,
 * the compute intervals that run beside it (the windows that hide it), and how much of it no compute covers. The
 * overlap is read off the intervals the engine timed; nothing about the pipeline is recomputed.
 */
public final class CommWindows {
    private CommWindows() {
    }

    /**
     * One communication interval.
     *
     * @param windows     labels of the compute intervals that overlap it ("SHARED(1)", "ATTN-0(1)")
     * @param windowSec   how long those compute intervals run beside it
     * @param exposedSec  the part of the interval no compute interval covers
     */
    public record Window(Interval comm, List<String> windows, double windowSec, double exposedSec) {
        public double hiddenFraction() {
            return comm.durationSec() > 0 ? 1 - exposedSec / comm.durationSec() : 1;
        }
    }

    public static List<Window> of(Evaluation e) {
        List<Interval> compute = new ArrayList<>();
        for (Interval i : e.schedule().intervals()) {
            if (i.lane() == Lane.COMPUTE) {
                compute.add(i);
            }
        }
        List<Window> out = new ArrayList<>();
        for (Interval c : e.schedule().intervals()) {
            if (c.lane() != Lane.COMM || c.durationSec() <= 0) {
                continue;
            }
            List<String> labels = new ArrayList<>();
            double covered = 0;
            for (Interval k : compute) {
                double overlap = Math.min(c.endSec(), k.endSec()) - Math.max(c.startSec(), k.startSec());
                if (overlap > 0) {
                    labels.add(k.label());
                    covered += overlap; // compute intervals never overlap one another on their one lane
                }
            }
            out.add(new Window(c, labels, covered, Math.max(0, c.durationSec() - covered)));
        }
        return out;
    }

    /** Communication time per layer, and the part of it that no compute hides. */
    public static double[] totalAndExposed(List<Window> windows) {
        double total = 0;
        double exposed = 0;
        for (Window w : windows) {
            total += w.comm().durationSec();
            exposed += w.exposedSec();
        }
        return new double[] {total, exposed};
    }
}
