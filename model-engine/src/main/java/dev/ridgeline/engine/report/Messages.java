package dev.ridgeline.engine.report;

import dev.ridgeline.engine.Balance;
import dev.ridgeline.engine.Engine;
import dev.ridgeline.engine.Evaluation;
import dev.ridgeline.engine.model.Scenario;

/**
 * The EP messages as the scenario's op table counts them (bytes per hidden element of dispatch and of combine), so
 * that the report names one combine dtype everywhere: in the op table, in seed 002's balance threshold and in
 * prefill's traffic (issue 22: the op table's FP8 combine stood beside a BF16 threshold and 3 bytes a pair).
 */
record Messages(double dispatchBytes, double combineBytes) {

    static Messages of(Engine engine, Scenario s) {
        double[] b = engine.plan(s).messageBytesPerElement(s.numerics());
        return new Messages(b[0], b[1]);
    }

    /** "FP8 dispatch, BF16 combine" (with "with its scales" when dispatch carries them). */
    String label() {
        return dtype(dispatchBytes) + " dispatch" + (dispatchBytes > 1 && dispatchBytes < 2 ? " with its scales" : "")
                + ", " + dtype(combineBytes) + " combine";
    }

    /** Bytes of a token-expert pair's round trip per hidden element. */
    double perPair() {
        return dispatchBytes + combineBytes;
    }

    private static String dtype(double bytes) {
        return bytes >= 2 ? "BF16" : bytes >= 1 ? "FP8" : "FP4";
    }

    /** Seed 002's balance over the scenario's EP link with these message bytes. */
    Balance balance(Evaluation e) {
        Scenario s = e.scenario();
        return Balance.of(s.chip().fp8FlopsPerSec(), e.balance().linkBytesPerSec(), s.model().moeIntermediateSize(),
                dispatchBytes, combineBytes);
    }
}
