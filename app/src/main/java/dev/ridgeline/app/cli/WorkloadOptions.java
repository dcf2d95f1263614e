package dev.ridgeline.app.cli;

import dev.ridgeline.engine.model.FieldException;
import dev.ridgeline.engine.serve.Workload;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The served workload's flags (DESIGN 4c): the prompt and output lengths, the prefix-cache hit, the TTFT limit, the
 * user's speed (or a TPOT limit), the prefill chunk and load. A refusal names the flag and the value.
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

    @Option(names = "--target-tps", description = "Decode speed a user is promised, tokens/s (default 20).")
    Double targetTps;

    @Option(names = "--tpot-limit", paramLabel = "S", description = "The decode promise as a time per output token, seconds (instead of --target-tps).")
    Double tpotLimit;

    @Option(names = "--chunk", description = "Prefill tokens per card per step, the largest the prefill pool runs (default 16384).")
    Integer chunk;

    @Option(names = "--prefill-load", description = "Utilisation the prefill pool is sized for, 0.01..0.99 (default 0.6; sets the M/D/1 wait).")
    Double prefillLoad;

    /** The flag of each workload field, for refusals in the flag's own words. */
    static final Map<String, String> FLAGS = Map.of("inputTokens", "--isl", "outputTokens", "--osl", "cacheHit",
            "--cache-hit", "ttftLimitSec", "--ttft-limit", "userTokensPerSec", "--target-tps", "tpotLimitSec",
            "--tpot-limit", "chunkTokens", "--chunk", "prefillLoad", "--prefill-load");

    /**
     * The workload the flags give over {@code defaults}; {@code --isl} and {@code --osl} required when
     * {@code required}. Throws naming the flag and value.
     */
    Workload workload(Workload defaults, boolean required) {
        if (required && (isl == null || osl == null)) {
            throw new IllegalArgumentException((isl == null ? "--isl" : "--osl") + " is required (the prompt and "
                    + "output lengths of the workload)");
        }
        if (targetTps != null && tpotLimit != null) {
            throw new IllegalArgumentException("--target-tps and --tpot-limit: give one of them (a TPOT limit T is a "
                    + "speed of 1/T tokens/s)");
        }
        try {
            Workload w = new Workload(isl != null ? isl : defaults.inputTokens(),
                    osl != null ? osl : defaults.outputTokens(), cacheHit != null ? cacheHit : defaults.cacheHit(),
                    ttftLimit != null ? ttftLimit : defaults.ttftLimitSec(),
                    targetTps != null ? targetTps : defaults.userTokensPerSec(),
                    chunk != null ? chunk : defaults.chunkTokens(),
                    prefillLoad != null ? prefillLoad : defaults.prefillLoad());
            return tpotLimit != null ? w.withTpotLimit(tpotLimit) : w;
        } catch (FieldException e) {
            throw new IllegalArgumentException(e.restate(FLAGS.getOrDefault(e.field(), e.field()), 1), e);
        }
    }
}
