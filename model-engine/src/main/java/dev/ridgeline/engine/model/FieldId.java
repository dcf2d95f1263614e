package dev.ridgeline.engine.model;

/**
 * What names a number the user can set: a chip field ({@link ChipField}), the NIC's bandwidth, or a modelling
 * assumption that sensitivity moves ({@code Knob}). Code names a field by its constant; the label is for the screen,
 * the reports and {@code --chip-field NAME=VALUE}, and is read back only where a user typed it.
 */
public enum FieldId {
    HBM_CAPACITY("HBM capacity"),
    HBM_BANDWIDTH("HBM bandwidth"),
    FP8_RATE("FP8 tensor rate"),
    BF16_RATE("BF16 tensor rate"),
    FP4_RATE("FP4 tensor rate"),
    EXP2_RATE("exp2 rate"),
    FP32_ADD_RATE("FP32 add rate"),
    REDUCTION_LATENCY("Reduction latency"),
    FA3_MODE("FA3 stage mode"),
    FP8_PROMOTION("FP8 needs promotion"),
    SCALE_UP_DOMAIN("Scale-up domain"),
    CALIBRATION("Calibration"),
    SCALE_UP_BANDWIDTH("Scale-up bandwidth"),
    PRICE("Price"),
    POWER("Power"),
    PUE("PUE"),
    PURCHASE_PRICE("Purchase price"),
    AMORTISATION("Amortisation"),
    ELECTRICITY_PRICE("Electricity price"),
    PRICE_SOURCE("Price source"),
    PRICE_AS_OF("Price as of"),
    POWER_SOURCE("Power source"),
    NIC_BANDWIDTH("NIC bandwidth"),
    GEMM_EFFICIENCY("GEMM efficiency"),
    MTP_ACCEPTANCE("MTP acceptance"),
    KERNEL_GAP("Kernel gap"),
    MEMORY_RESERVE("Memory reserve"),
    HOST_OVERHEAD("Host overhead"),
    REDUNDANT_EXPERTS("Redundant experts"),
    EPLB("EPLB");

    private final String label;

    FieldId(String label) {
        this.label = label;
    }

    /** The name shown: "HBM bandwidth". */
    public String label() {
        return label;
    }
}
