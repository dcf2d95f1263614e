package dev.ridgeline.engine.model;

import static dev.ridgeline.engine.model.Checks.present;

/** The machine a scenario runs on: the accelerator and the scale-out NIC of each card. */
public record Hardware(Chip chip, Nic nic) {
    public Hardware {
        present(chip, "chip", "scenario");
        present(nic, "nic", "scenario");
    }

    public Hardware withChip(Chip v) {
        return new Hardware(v, nic);
    }

    public Hardware withNic(Nic v) {
        return new Hardware(chip, v);
    }
}
