package dev.ridgeline.engine.model;

import static dev.ridgeline.engine.model.Checks.nonNegative;
import static dev.ridgeline.engine.model.Checks.positive;
import static dev.ridgeline.engine.model.Checks.text;

/**
 * A scale-out NIC with its effective (achieved) bandwidth per card. Seed 000 sets CX7 to 40 GiB/s and E810 to
 * 10 GiB/s from DeepEP's measurements.
 *
 * @param latencySec fixed per-message latency; zero in seed fidelity
 */
public record Nic(String name, String source, double bandwidthBytesPerSec, double latencySec) {

    public Nic {
        String owner = "nic '" + name + "'";
        text(name, "name", "nic");
        text(source, "source", owner);
        positive(bandwidthBytesPerSec, "bandwidthBytesPerSec", owner);
        nonNegative(latencySec, "latencySec", owner);
    }

    public Nic withBandwidth(double bytesPerSec) {
        return new Nic(name, source, bytesPerSec, latencySec);
    }
}
