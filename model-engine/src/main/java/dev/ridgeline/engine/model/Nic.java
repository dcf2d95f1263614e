package dev.ridgeline.engine.model;

import static dev.ridgeline.engine.model.Checks.inRange;
import static dev.ridgeline.engine.model.Checks.text;

import java.util.Objects;

/**
 * A scale-out NIC with its effective (achieved) bandwidth per card. Seed 000 sets CX7 to 40 GiB/s and E810 to
 * 10 GiB/s from DeepEP's measurements.
 *
 * @param latencySec fixed per-message latency; zero in seed fidelity
 */
public record Nic(String name, String source, double bandwidthBytesPerSec, double latencySec) {

    /** Figures within physically plausible bounds ({@link Checks}). */
    public Nic {
        String owner = "nic " + Checks.quote(name);
        Checks.name(name, "nic");
        text(source, "source", owner);
        inRange(bandwidthBytesPerSec, Checks.MIN_BYTES_PER_SEC, Checks.MAX_BYTES_PER_SEC, "bandwidthBytesPerSec", owner);
        inRange(latencySec, 0, Checks.MAX_LATENCY_SEC, "latencySec", owner);
    }

    public Nic withBandwidth(double bytesPerSec) {
        return new Nic(name, source, bytesPerSec, latencySec);
    }

    /** This NIC named "NAME (edited)", as {@code --chip-field 'NIC bandwidth=...'} names it (see {@link Chip#asEdited}). */
    public Nic asEdited() {
        return name.endsWith(Chip.EDITED) ? this : new Nic(Chip.editedName(name), source, bandwidthBytesPerSec, latencySec);
    }

    /** The record's own equality, written out for the reason {@link Scenario#equals} gives. */
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Nic n && Objects.equals(name, n.name) && Objects.equals(source, n.source)
                && Double.compare(bandwidthBytesPerSec, n.bandwidthBytesPerSec) == 0
                && Double.compare(latencySec, n.latencySec) == 0;
    }
}
