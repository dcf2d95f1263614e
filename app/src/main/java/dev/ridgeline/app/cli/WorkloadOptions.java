package dev.ridgeline.app.cli;

import dev.ridgeline.engine.model.FieldException;
import dev.ridgeline.engine.serve.Workload;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The served workload's flags (DESIGN 4c): the prompt and output lengths, the prefix-cache hit, the TTFT limit, the
 * prefill chunk and load (the user's speed is each command's {@code --target-tps}). A refusal names the flag and the
 * value.
 */
public final class WorkloadOptions {
    @Option(names = "--isl", description = "Input (prompt) length, tokens.")
    Integer isl;

    @Option(names = "--osl", description = "Output length, tokens (at least 1).")
    Integer osl;

    @Option(names = "--cache-hit", description = "Fraction of the prompt found in the prefix cache, 0..1 (default 0).")
    Double cacheHit;

    @Option(names = "--ttft-limit", paramLabel = "S", description = "Time to first token a user is promised, seconds, queueing included (default: none).")
    Double ttftLimit;

    @Option(names = "--chunk", description = "Prefill tokens per card per step, the largest the prefill pool runs (default 16384).")
    Integer chunk;

    @Option(names = "--prefill-load", description = "Utilisation the prefill pool is sized for, 0.01..0.99 (default 0.6; sets the M/D/1 wait).")
    Double prefillLoad;

    /** The flag of each workload field, for refusals in the flag's own words. */
    static final Map<String, String> FLAGS = Map.of("inputTokens", "--isl", "outputTokens", "--osl", "cacheHit",
            "--cache-hit", "ttftLimitSec", "--ttft-limit", "userTokensPerSec", "--target-tps", "tpotLimitSec",
            "--tpot-limit", "chunkTokens", "--chunk", "prefillLoad", "--prefill-load");

    /**
     * The workload the flags give over {@code defaults}, at {@code userTokensPerSec} (the command's own
     * {@code --target-tps}); {@code --isl} and {@code --osl} required when {@code required}. Throws naming the flag and
     * value.
     */
    Workload workload(Workload defaults, boolean required, double userTokensPerSec) {
        if (required && (isl == null || osl == null)) {
            throw new IllegalArgumentException((isl == null ? "--isl" : "--osl") + " is required (the prompt and "
                    + "output lengths of the workload)");
        }
        try {
            Workload w = new Workload(isl != null ? isl : defaults.inputTokens(),
                    osl != null ? osl : defaults.outputTokens(), cacheHit != null ? cacheHit : defaults.cacheHit(),
                    ttftLimit != null ? ttftLimit : defaults.ttftLimitSec(),
                    userTokensPerSec,
                    chunk != null ? chunk : defaults.chunkTokens(),
                    prefillLoad != null ? prefillLoad : defaults.prefillLoad());
            return w;
        } catch (FieldException e) {
            throw new IllegalArgumentException(e.restate(FLAGS.getOrDefault(e.field(), e.field()), 1), e);
        }
    }
}
