package dev.ridgeline.app.cli;

import dev.ridgeline.engine.model.Checks;
import dev.ridgeline.engine.space.Objective;
import picocli.CommandLine.Option;

/** {@code --objective throughput|cost|power}: what a design-space command maximises (DESIGN 4d). */
final class ObjectiveOption {
    static final String FLAG = "--objective";

    @Option(names = FLAG, defaultValue = "throughput", paramLabel = "throughput|cost|power",
            description = "What the headline maximises: tokens/s per card (throughput), per dollar (cost: shown as $ per million output tokens, from the chip's price) or per watt (power: joules per output token, from its all-in power); decode only (default: ${DEFAULT-VALUE}).")
    String objective;

    /** The objective; a word that is none of the three is refused naming the flag. */
    Objective objective() {
        try {
            return Objective.ofLabel(objective);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(FLAG + ": bad value " + Checks.quote(objective)
                    + " (expected throughput, cost or power)", e);
        }
    }
}
