package dev.ridgeline.engine.model;

import static dev.ridgeline.engine.model.Checks.inRange;

/**
 * The prefill phase's input to the op graph (DESIGN 2, 4c): prompts of {@code inputTokens} tokens S, a fraction
 * {@code cacheHit} h of each found in the prefix cache, and {@code chunkTokens} C new tokens per step for each attention
 * group (each card with data-parallel attention, as DeepSeek's profile runs 16K tokens per GPU). The prompt's new
 * tokens {@code n = max(1, S·(1 − h))} attend causally to the cached prefix {@code P = S − n} and to each other. A step
 * holds {@code C / c} sequences of {@code c = min(C, n)} new tokens each: whole prompts when they fit, else one chunk
 * of a longer prompt, which then also attends to its earlier chunks.
 *
 * <p>Per step and attention group, averaged over a prompt's chunks (DESIGN 4c's per-sequence count
 * {@code n·P + n²/2} summed over the step's sequences):
 * <ul>
 *   <li>unmasked query-key pairs (prefix and earlier chunks): {@code C·(P + (n − c)/2)};</li>
 *   <li>causal pairs among the chunk's own tokens: {@code C·c/2};</li>
 *   <li>keys whose K and V are decompressed (MLA's KV up), the chunk and everything it attends to:
 *   {@code C + (C/c)·(P + (n − c)/2)}.</li>
 * </ul>
 */
public record Prefill(int inputTokens, double cacheHit, int chunkTokens) {
    public static final int MAX_TOKENS = Deployment.MAX_CONTEXT;

    public Prefill {
        String owner = "prefill";
        inRange(inputTokens, 1, MAX_TOKENS, "inputTokens", owner);
        inRange(cacheHit, 0.0, 1.0, "cacheHit", owner);
        inRange(chunkTokens, 1, MAX_TOKENS, "chunkTokens", owner);
    }

    /** New tokens of a prompt, {@code max(1, S·(1 − h))}: its last token is always computed. */
    public double newTokens() {
        return Math.max(1, inputTokens * (1 - cacheHit));
    }

    /** Cached prefix tokens, {@code S − n}. */
    public double prefixTokens() {
        return inputTokens - newTokens();
    }

    /** New tokens of one sequence in a step, {@code c = min(C, n)}. */
    public double tokensPerSequence() {
        return Math.min(chunkTokens, newTokens());
    }

    /** Sequences in a step, {@code C / c} (1 when a prompt spans several steps). */
    public double sequencesPerStep() {
        return chunkTokens / tokensPerSequence();
    }

    /** Keys a chunk attends to before its own tokens: the prefix and, on average, half the prompt's other chunks. */
    public double earlierKeys() {
        return prefixTokens() + (newTokens() - tokensPerSequence()) / 2;
    }

    /** Unmasked query-key pairs per step, {@code C·(P + (n − c)/2)}. */
    public double prefixPairs() {
        return chunkTokens * earlierKeys();
    }

    /** Causal pairs among each chunk's own tokens per step, {@code C·c/2}. */
    public double trianglePairs() {
        return chunkTokens * tokensPerSequence() / 2;
    }

    /** Keys decompressed per step (MLA's KV up): the step's tokens and the earlier keys of each of its sequences. */
    public double decompressedKeys() {
        return chunkTokens + sequencesPerStep() * earlierKeys();
    }

    /** Steps a prompt's new tokens take, {@code max(1, n / C)}: one step when it fits, else its chunks. */
    public double stepsPerPrompt() {
        return Math.max(1, newTokens() / chunkTokens);
    }

    /** The prefill of a chunk of {@code v} tokens with the same prompts. */
    public Prefill withChunkTokens(int v) {
        return new Prefill(inputTokens, cacheHit, v);
    }
}
