package dev.ridgeline.engine.serve;

import static dev.ridgeline.engine.model.Checks.inRange;

import dev.ridgeline.engine.model.Checks;
import dev.ridgeline.engine.model.Deployment;

/**
 * The traffic a service is sized for and its latency contract (DESIGN 4c): what requests look like and what users
 * are promised. Immutable; every field checked in one line that names it and its value.
 *
 * @param inputTokens       prompt length S (ISL), tokens, prefix-cache hits included
 * @param outputTokens      tokens generated per request (OSL); at least 1 (a request yields a first token)
 * @param cacheHit          fraction h of the prompt found in the prefix (KV) cache, 0-1: those tokens cost no
 *                          prefill compute but take part in attention. The prompt's last token is always computed
 *                          (it yields the first output token), so h = 1 still prefills one token
 * @param ttftLimitSec      the time-to-first-token a user is promised, queueing included; 0 = no limit
 * @param userTokensPerSec  decode speed a user is promised, tokens/s (a TPOT limit T is {@code 1 / T}, see
 *                          {@link #withTpotLimit})
 * @param chunkTokens       prefill tokens per card per step, the largest the prefill pool runs (DeepSeek's profile
 *                          runs 16K per GPU: https://github.com/deepseek-ai/profile-data, README "Prefilling"); a
 *                          prompt longer than the chunk is prefilled over several steps
 * @param prefillLoad       utilisation ρ of the prefill pool (0-1, exclusive of 1): the pool is sized to run at this
 *                          fraction of its capacity, and a request waits ρ·T / (2(1−ρ)) for a step of T seconds
 *                          (M/D/1). Default {@value #DEFAULT_PREFILL_LOAD}: DeepSeek's prefill nodes delivered 32.2k
 *                          uncached tokens/s each over a day (day-6 overview, 73.7k × (1 − 0.5625)) against 62.7k in
 *                          their saturated profile (SGLang's reading, https://lmsys.org/blog/2025-05-05-large-scale-ep/),
 *                          a load of 0.51; AIConfigurator multiplies TTFT by 1.8 for prefill queueing
 *                          (ai-dynamo/aiconfigurator, sdk/picking.py), which M/D/1 reaches at ρ = 0.615
 */
public record Workload(int inputTokens, int outputTokens, double cacheHit, double ttftLimitSec,
                       double userTokensPerSec, int chunkTokens, double prefillLoad) {
    public static final int MAX_TOKENS = Deployment.MAX_CONTEXT;
    /** Longest TTFT limit: an hour (a longer one is a typo for "none", which is 0). */
    public static final double MAX_TTFT_LIMIT_SEC = 3600;
    /** Fastest user speed accepted: 10,000 tokens/s (today's fastest services give a few hundred). */
    public static final double MAX_USER_TOKENS_PER_SEC = 10_000;
    public static final int DEFAULT_CHUNK = 16 * 1024;
    public static final double DEFAULT_PREFILL_LOAD = 0.6;
    /** The largest load a queue is stable at and a pool sized for: beyond it the wait grows without bound. */
    public static final double MAX_PREFILL_LOAD = 0.99;
    /** The design's default decode target (DESIGN 4b): 20 tokens/s per user. */
    public static final double DEFAULT_USER_TOKENS_PER_SEC = 20;

    public Workload {
        String owner = "workload";
        inRange(inputTokens, 1, MAX_TOKENS, "inputTokens", owner);
        if (outputTokens < 1) {
            throw Checks.refused("outputTokens", outputTokens, owner, "must be >= 1: a request with no output needs "
                    + "no decode, and the first token is its first output");
        }
        inRange(outputTokens, 1, MAX_TOKENS, "outputTokens", owner);
        inRange(cacheHit, 0.0, 1.0, "cacheHit", owner);
        if (ttftLimitSec != 0) {
            inRange(ttftLimitSec, 1e-3, MAX_TTFT_LIMIT_SEC, "ttftLimitSec", owner);
        }
        inRange(userTokensPerSec, 1e-3, MAX_USER_TOKENS_PER_SEC, "userTokensPerSec", owner);
        inRange(chunkTokens, 1, MAX_TOKENS, "chunkTokens", owner);
        inRange(prefillLoad, 0.01, MAX_PREFILL_LOAD, "prefillLoad", owner);
    }

    /** The workload the Served view, the report and {@code export --view served} size unless told otherwise: 4K prompts, 1K outputs. */
    public static final Workload DEFAULT = of(4096, 1024);

    /** A workload of {@code isl} in and {@code osl} out with the other fields at their defaults. */
    public static Workload of(int isl, int osl) {
        return new Workload(isl, osl, 0, 0, DEFAULT_USER_TOKENS_PER_SEC, DEFAULT_CHUNK, DEFAULT_PREFILL_LOAD);
    }

    /** Prompt tokens the prefill computes, {@code max(1, S·(1 − h))}: the last token always is. */
    public double uncachedTokens() {
        return Math.max(1, inputTokens * (1 - cacheHit));
    }

    /** Prompt tokens found in the prefix cache, {@code S − uncached}. */
    public double cachedTokens() {
        return inputTokens - uncachedTokens();
    }

    /** True when a TTFT limit is set. */
    public boolean ttftLimited() {
        return ttftLimitSec > 0;
    }

    /** The decode promise as a time per output token, {@code 1 / userTokensPerSec}. */
    public double tpotLimitSec() {
        return 1 / userTokensPerSec;
    }

    public Workload withInputTokens(int v) {
        return new Workload(v, outputTokens, cacheHit, ttftLimitSec, userTokensPerSec, chunkTokens, prefillLoad);
    }

    public Workload withOutputTokens(int v) {
        return new Workload(inputTokens, v, cacheHit, ttftLimitSec, userTokensPerSec, chunkTokens, prefillLoad);
    }

    public Workload withCacheHit(double v) {
        return new Workload(inputTokens, outputTokens, v, ttftLimitSec, userTokensPerSec, chunkTokens, prefillLoad);
    }

    public Workload withTtftLimit(double sec) {
        return new Workload(inputTokens, outputTokens, cacheHit, sec, userTokensPerSec, chunkTokens, prefillLoad);
    }

    public Workload withUserTokensPerSec(double v) {
        return new Workload(inputTokens, outputTokens, cacheHit, ttftLimitSec, v, chunkTokens, prefillLoad);
    }

    /** The decode promise given as a time per output token: user tokens/s = 1 / TPOT. */
    public Workload withTpotLimit(double sec) {
        if (!(sec > 0) || Double.isInfinite(sec)) {
            throw Checks.refused("tpotLimitSec", sec, "workload", "must be > 0");
        }
        return withUserTokensPerSec(1 / sec);
    }

    public Workload withChunkTokens(int v) {
        return new Workload(inputTokens, outputTokens, cacheHit, ttftLimitSec, userTokensPerSec, v, prefillLoad);
    }

    public Workload withPrefillLoad(double v) {
        return new Workload(inputTokens, outputTokens, cacheHit, ttftLimitSec, userTokensPerSec, chunkTokens, v);
    }

    /** One line: "ISL 4096 (56 % cached) / OSL 1024 / TTFT <= 2 s / 20 tokens/s per user / chunk 16384". */
    public String summary() {
        return "ISL " + inputTokens + (cacheHit > 0 ? " (" + Math.round(cacheHit * 100) + " % cached)" : "")
                + " / OSL " + outputTokens + (ttftLimited() ? " / TTFT <= " + Checks.number(ttftLimitSec) + " s" : "")
                + " / " + Checks.number(userTokensPerSec) + " tokens/s per user / chunk " + chunkTokens
                + " / prefill load " + Checks.number(prefillLoad);
    }
}
