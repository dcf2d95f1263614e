package dev.ridgeline.engine.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.engine.Fixtures;
import dev.ridgeline.engine.model.Dtype;
import org.junit.jupiter.api.Test;

/** The workload's checks and the TTFT parts' arithmetic. */
class WorkloadTest {
    @Test
    void badWorkloadsAreRefusedNamingTheFieldAndValue() {
        String osl = assertThrows(IllegalArgumentException.class, () -> Workload.of(4096, 0)).getMessage();
        assertTrue(osl.contains("outputTokens") && osl.contains("was 0"), osl);
        String hit = assertThrows(IllegalArgumentException.class, () -> Workload.of(4096, 1024).withCacheHit(1.5))
                .getMessage();
        assertTrue(hit.contains("cacheHit") && hit.contains("1.5"), hit);
        assertThrows(IllegalArgumentException.class, () -> Workload.of(4096, 1024).withCacheHit(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Workload.of(0, 1024));
        assertThrows(IllegalArgumentException.class, () -> Workload.of(4096, 1024).withTtftLimit(-1));
        assertThrows(IllegalArgumentException.class, () -> Workload.of(4096, 1024).withTtftLimit(Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> Workload.of(4096, 1024).withPrefillLoad(1.0));
        assertThrows(IllegalArgumentException.class, () -> Workload.of(4096, 1024).withTpotLimit(0));
        assertThrows(IllegalArgumentException.class, () -> Workload.of(4096, 1024).withChunkTokens(0));
    }

    @Test
    void theLastPromptTokenIsAlwaysComputed() {
        assertEquals(4096 * 0.4375, Workload.of(4096, 1).withCacheHit(0.5625).uncachedTokens(), 1e-9);
        assertEquals(1, Workload.of(4096, 1).withCacheHit(1).uncachedTokens());
        assertEquals(4095, Workload.of(4096, 1).withCacheHit(1).cachedTokens());
    }

    @Test
    void aTpotLimitIsAUserSpeed() {
        assertEquals(20, Workload.of(1, 1).withTpotLimit(0.05).userTokensPerSec(), 1e-12);
        assertEquals(0.05, Workload.of(1, 1).withTpotLimit(0.05).tpotLimitSec(), 1e-12);
    }

    @Test
    void md1WaitAndKvTransferByHand() {
        // M/D/1: W = rho T / (2 (1 - rho)); rho 0.5, T 2 s: 0.5 x 2 / 1 = 1 s.
        assertEquals(1.0, Ttft.mD1Wait(0.5, 2), 1e-12);
        // DeepSeek-V3, BF16 KV, 4,096 prompt tokens: 4,096 x 576 x 61 x 2 = 287,834,112 bytes; over 50 GB/s 5.757 ms.
        double bytes = Ttft.kvBytes(Fixtures.CATALOG.model("DeepSeek-V3"), Dtype.BF16, 4096);
        assertEquals(287_834_112.0, bytes, 0.5);
        assertEquals(5.7567e-3, Ttft.transferSec(bytes, 50e9), 1e-7);
    }

    @Test
    void colocatedStepsByHand() {
        // 64 sequences, 1 token per step, decode step 50 ms; ISL 2,000, OSL 500: each step ends 64 / 500 requests and
        // prefills c = 64 x 2,000 / 500 = 256 tokens. A prefill costing 0.1 ms per token adds 25.6 ms: T = 75.6 ms,
        // 64 / 0.0756 = 846.6 output tokens/s per card, 13.23 per user; the prompt takes ceil(2,000 / 256) = 8 steps
        // (604.8 ms) after half a step (37.8 ms).
        Colocated c = Colocated.of(64, 1, 0.050, t -> 1e-4 * t, Workload.of(2000, 500));
        assertEquals(256, c.chunkTokens(), 1e-9);
        assertEquals(0.0756, c.stepSec(), 1e-12);
        assertEquals(64 / 0.0756, c.outputPerCard(), 1e-9);
        assertEquals(1 / 0.0756, c.userTokensPerSec(), 1e-9);
        assertEquals(8 * 0.0756, c.ttft().prefillSec(), 1e-12);
        assertEquals(0.0378, c.ttft().queueSec(), 1e-12);
        assertEquals(0, c.ttft().transferSec());
    }
}
