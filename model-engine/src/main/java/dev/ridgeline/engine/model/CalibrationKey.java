package dev.ridgeline.engine.model;

/**
 * Which measured chip's kernel calibration a chip uses (calibrated fidelity): the chips DeepGEMM, FlashMLA and DeepEP
 * were measured on. A stable key carried by the chip, so that an edited or renamed chip keeps its calibration and a
 * user's own chip says which one it borrows. {@link #NONE}: no measurement of its own; calibrated figures borrow
 * H800's fractions and are all marked extrapolated.
 */
public enum CalibrationKey {
    NONE("none (borrows H800's, extrapolated)"), H800("H800 (measured)"), H20("H20 (FlashMLA measured)");

    private final String label;

    CalibrationKey(String label) {
        this.label = label;
    }

    /** What the chip editor and reports show. */
    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
