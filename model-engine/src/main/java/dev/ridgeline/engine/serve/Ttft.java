package dev.ridgeline.engine.serve;

import dev.ridgeline.engine.model.Dtype;
import dev.ridgeline.engine.model.ModelConfig;

/**
 * Time to first token of one request, in its parts (DESIGN 4c): the prefill steps that compute its prompt, the KV
 * cache moved to the decode card, and the wait for a step, which depends on load and is shown apart with its
 * assumption.
 *
 * @param prefillSec  the request's own prefill: {@code ceil(uncached / chunk per request)} steps of the prefill step
 * @param transferSec its KV cache sent from the prefill card to the decode card over the NIC (0 when co-located)
 * @param queueSec    the mean wait for a step ({@link #mD1Wait} in a disaggregated pool; half a step co-located)
 */
public record Ttft(double prefillSec, double transferSec, double queueSec) {
    public Ttft {
        check(prefillSec, "prefillSec");
        check(transferSec, "transferSec");
        check(queueSec, "queueSec");
    }

    private static void check(double v, String field) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException("TTFT " + field + " must be finite and >= 0, was " + v);
        }
    }

    /** What a user waits for the first token: the three parts together. */
    public double totalSec() {
        return prefillSec + transferSec + queueSec;
    }

    /** One request on an idle pool: prefill and transfer, no wait. */
    public double unloadedSec() {
        return prefillSec + transferSec;
    }

    /**
     * Mean wait in an M/D/1 queue whose server is the prefill unit and whose service is one step of {@code stepSec}:
     * {@code W = ρ·T / (2(1 − ρ))} (Pollaczek-Khinchine with deterministic service). Requests arrive at random
     * (Poisson, as Vidur and MLPerf's server scenario generate them) and wait for the steps ahead of them.
     */
    public static double mD1Wait(double load, double stepSec) {
        return load * stepSec / (2 * (1 - load));
    }

    /**
     * Bytes of KV cache a request carries to the decode card: every prompt token's cache, prefix hits included
     * (the decode card attends to all of them), {@code S · C_kv · layers · A_kv}: 576 elements per token and layer for
     * DeepSeek-V3's MLA (512 latent + 64 RoPE, DeepSeek-V2 paper section 2.1), 61 layers.
     */
    public static double kvBytes(ModelConfig model, Dtype kv, int promptTokens) {
        return (double) promptTokens * model.kvEntryWidth() * model.numLayers() * kv.bytes();
    }

    /** Seconds to send {@code bytes} over a link of {@code bytesPerSec} (one NIC per card; not overlapped). */
    public static double transferSec(double bytes, double bytesPerSec) {
        return bytes / bytesPerSec;
    }
}
