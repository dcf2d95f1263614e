package dev.ridgeline.engine.report;

/**
 * What a number in a report measures. The engine's values stay SI (bytes, seconds, FLOP, FLOP/s, bytes/s); the
 * renderer chooses the prefix and the digits, so a test reads back exactly the engine's figure.
 */
public enum Unit {
    /** Bytes (decimal prefixes: 1 GB = 1e9 B). */
    BYTES,
    /** Floating-point operations. */
    FLOP,
    /** FLOP per second. */
    FLOP_PER_SEC,
    /** Bytes per second. */
    BYTES_PER_SEC,
    /** FLOP per byte (arithmetic intensity, ridge points, C/B). */
    FLOP_PER_BYTE,
    /** Seconds. */
    SECONDS,
    /** Tokens per second. */
    TOKENS_PER_SEC,
    /** A fraction, shown as a percentage (0.25 shows as 25.0 %). */
    FRACTION,
    /** A whole count (batch, EP, layers, experts). */
    COUNT,
    /** A parameter count (shown with B/M prefixes). */
    PARAMS,
    /** A plain ratio or factor without unit. */
    RATIO,
    /** TFLOPS per GB/s, the unit seed 002 quotes C/B in; the value is FLOP per byte / 1000. */
    TFLOPS_PER_GBPS,
    /** US dollars. */
    DOLLARS,
    /** Joules. */
    JOULES
}
