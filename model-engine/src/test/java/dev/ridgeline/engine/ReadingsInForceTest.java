package dev.ridgeline.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.engine.model.Fidelity;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.model.ThroughputReading;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadingsInForceTest {
    static final Scenario SEED = Fixtures.seed("H800", "CX7");

    @Test
    void throughputReadingIsNamedOnlyWhenMtpIsOn() {
        assertTrue(ReadingsInForce.of(SEED).stream().noneMatch(r -> r.startsWith("Throughput")));
        List<String> seed = ReadingsInForce.of(SEED.withMtp(1, 0.85));
        assertTrue(seed.contains("Throughput: B × user tokens/s ÷ q (seed 000's reading)"), seed.toString());
        List<String> accepted = ReadingsInForce.of(SEED.withMtp(1, 0.85)
                .withThroughputReading(ThroughputReading.ACCEPTED_TOKENS));
        assertTrue(accepted.contains("Throughput: B × user tokens/s (accepted tokens)"), accepted.toString());
    }

    @Test
    void calibratedIsPhysicalWhateverTheSeedReadingsSay() {
        List<String> cal = ReadingsInForce.of(SEED.withMtp(1, 0.85).withFidelity(Fidelity.CALIBRATED));
        assertEquals("Throughput: B × user tokens/s (physical)", cal.get(0));
        assertEquals("Experts: each over its own tokens (physical)", cal.get(1));
        assertTrue(cal.get(2).startsWith("Memory and HBM: datasheet (SI); reserve 4.3 GB; kernel gap 2.0 µs; host 10 %"),
                cal.get(2));
        assertTrue(ReadingsInForce.of(SEED).get(0).contains("all pairs"));
        assertTrue(ReadingsInForce.of(SEED).get(1).contains("GB read as GiB"));
    }

    @Test
    void theEpLinkIsNamedBeyondTheScaleUpDomain() {
        Scenario cal = SEED.withFidelity(Fidelity.CALIBRATED);
        assertTrue(ReadingsInForce.of(cal).contains(
                "EP link: a node's peers over the scale-up link, the rest over the NIC (DeepEP since 2025-05-23)"));
        assertTrue(ReadingsInForce.of(cal.withLocalPeersOverScaleUp(false)).contains(
                "EP link: every peer but the card itself over the NIC (DeepEP's pure RDMA, before 2025-05-23)"));
        // EP8 on an 8-card NVLink node: no NIC at all, nothing to say
        assertTrue(ReadingsInForce.of(cal.withEp(8)).stream().noneMatch(r -> r.startsWith("EP link")));
    }
}
