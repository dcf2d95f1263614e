package dev.ridgeline.app.cli;

import dev.ridgeline.engine.model.Checks;
import dev.ridgeline.app.Engines;
import dev.ridgeline.engine.serve.ServedObjective;
import dev.ridgeline.engine.serve.Workload;
import dev.ridgeline.engine.space.Objective;
import dev.ridgeline.engine.space.ServedRate;
import picocli.CommandLine.Option;

/** {@code --objective throughput|cost|power}: what a design-space command maximises (DESIGN 4d). */
final class ObjectiveOption {
    static final String FLAG = "--objective";

    @Option(names = FLAG, defaultValue = "throughput", paramLabel = "throughput|cost|power|served",
            description = "What the headline maximises: tokens/s per card (throughput), per dollar (cost: shown as $ per million output tokens, from the chip's price) or per watt (power: joules per output token, from its all-in power), all three of decode; or a served workload's output tokens/s per card over its prefill and decode cards (served: the workload of --isl, --osl, --cache-hit, --ttft-limit, --chunk, --prefill-load, by default 4096 in and 1024 out, at --target-tps per user) (default: ${DEFAULT-VALUE}).")
    String objective;

    /**
     * What {@link Objective#SERVED} counts: the workload of the flags at user speed {@code targetTps}; null for the
     * other objectives (the workload flags are then unused).
     */
    static ServedRate served(Objective o, WorkloadOptions w, double targetTps) {
        return o == Objective.SERVED ? ServedObjective.rate(Engines.builtIn(), w.workload(Workload.DEFAULT, false,
                targetTps)) : null;
    }

    /** The objective; a word that is none of the four is refused naming the flag. */
    Objective objective() {
        try {
            return Objective.ofLabel(objective);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(FLAG + ": bad value " + Checks.quote(objective)
                    + " (expected throughput, cost, power or served)", e);
        }
    }
}
