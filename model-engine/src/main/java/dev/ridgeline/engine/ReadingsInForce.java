package dev.ridgeline.engine;

import dev.ridgeline.engine.model.ExpertLoad;
import dev.ridgeline.engine.model.Fidelity;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.model.ThroughputReading;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The readings a scenario's figures are computed under, in words, for the window and reports: seed fidelity reads
 * the post as it was written (divide-by-q throughput, every expert over all pairs, GB read as GiB); calibrated
 * fidelity is physical and adds its assumptions (docs/validation.md, "Validation of calibrated fidelity").
 */
public final class ReadingsInForce {
    private ReadingsInForce() {
    }

    /** One line per reading; the throughput reading only when MTP is on, where the readings differ. */
    public static List<String> of(Scenario s) {
        List<String> out = new ArrayList<>();
        boolean seed = s.fidelity() == Fidelity.SEED;
        if (s.mtpDepth() > 0) {
            out.add(seed && s.throughputReading() == ThroughputReading.SEED_DIVIDES_BY_Q
                    ? "Throughput: B × user tokens/s ÷ q (seed 000's reading)"
                    : "Throughput: B × user tokens/s" + (seed ? " (accepted tokens)" : " (physical)"));
        }
        out.add(seed && s.expertLoad() == ExpertLoad.FULL
                ? "Experts: each local expert over all pairs (seed 000's reading)"
                : "Experts: each over its own tokens" + (seed ? " (split)" : " (physical)"));
        if (seed) {
            out.add("Memory and HBM: datasheet GB read as GiB (seed 000); no reserve");
        } else {
            out.add(String.format(Locale.ROOT, "Memory and HBM: datasheet (SI); reserve %.1f GB; kernel gap %.1f µs; "
                            + "host %.0f %% of the GPU step (assumed)", s.assumptions().memoryReserveBytes() / 1e9,
                    s.assumptions().kernelGapSec() * 1e6, s.assumptions().hostOverheadFraction() * 100));
        }
        out.add(seed ? "Balance: every card at the mean load (seed 000); EPLB and redundant experts have no effect"
                : "Balance: the hottest card sets each layer (expert popularity fitted to TensorRT-LLM's EPLB "
                + "measurement); " + (s.eplb() ? "EPLB with " + s.redundantExperts() + " redundant experts"
                : "no EPLB: experts placed by id"));
        if (!s.deployment().dataParallel()) {
            out.add("Layout: attention TP" + s.attentionTp() + " (batch = sequences per group of " + s.attentionTp()
                    + " cards" + (s.model().attention() == dev.ridgeline.engine.model.AttentionKind.MLA
                    ? "; MLA's latent cache on every one" : "; KV split by head") + "), experts TP" + s.moeTp()
                    + " x EP" + s.ep());
        }
        return out;
    }
}
