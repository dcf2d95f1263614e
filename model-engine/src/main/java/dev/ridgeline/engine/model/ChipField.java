package dev.ridgeline.engine.model;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One editable field of a {@link Chip}, in the unit an architect types (GB, TB/s, TFLOPS, µs): what the chip editor
 * shows and edits. {@code set} returns a new chip, or throws {@link IllegalArgumentException} naming the field and
 * the value, so a refused edit leaves the last good chip in place.
 *
 * @param scale SI value = shown value x scale
 */
public record ChipField(String name, String category, String unit, String description, double scale,
                        Function<Chip, Object> get, BiFunction<Chip, Object, Chip> set) {

    static final String MEMORY = "Memory";
    static final String COMPUTE = "Compute";
    static final String ATTENTION = "Softmax & FlashAttention";
    static final String LINKS = "Scale-up link";

    /** The FP4 tensor rate: the one rate that may be 0 (no FP4 tensor cores). */
    public static final ChipField FP4_RATE = number("FP4 tensor rate", COMPUTE, "TFLOPS",
            "Dense FP4 (NVFP4 / MXFP4) tensor throughput for 4-bit routed experts; 0 = none.", 1e12,
            Chip::fp4FlopsPerSec, (c, v) -> copy(c, v, Chip.FP4));

    /** The fields of a chip, grouped by category, in display order. */
    public static final List<ChipField> ALL = List.of(
        number("HBM capacity", MEMORY, "GB", "Memory per card for weights, KV cache and runtime (1 GB = 1e9 bytes).", 1e9,
                Chip::memoryBytes, (c, v) -> copy(c, v, 0)),
        number("HBM bandwidth", MEMORY, "GB/s", "Peak memory bandwidth per card; memory-bound operators scale with it.", 1e9,
                Chip::hbmBandwidthBytesPerSec, (c, v) -> copy(c, v, 1)),
        number("FP8 tensor rate", COMPUTE, "TFLOPS", "Dense FP8 tensor throughput (INT8 on chips without FP8).", 1e12,
                Chip::fp8FlopsPerSec, (c, v) -> copy(c, v, 2)),
        number("BF16 tensor rate", COMPUTE, "TFLOPS", "Dense BF16 tensor throughput, used for BF16 weights and attention.", 1e12,
                Chip::bf16FlopsPerSec, (c, v) -> copy(c, v, 3)),
        FP4_RATE,
        number("exp2 rate", ATTENTION, "Tops", "Softmax exponentials per second (SFU rate x SMs x clock).", 1e12,
                Chip::exp2PerSec, (c, v) -> copy(c, v, 4)),
        number("FP32 add rate", ATTENTION, "Tops", "FP32 additions per second, used by the softmax reductions.", 1e12,
                Chip::fp32AddPerSec, (c, v) -> copy(c, v, 5)),
        number("Reduction latency", ATTENTION, "µs", "Seed 000's cross-SM reduction cost per sequence and chunk in FlashMLA.", 1e-6,
                Chip::threadAllReduceLatencySec, (c, v) -> copy(c, v, 6)),
        new ChipField("FA3 stage mode", ATTENTION, "", "How the attention GEMMs overlap the softmax: none, two-stage (Hopper) or three-stage.",
                1, Chip::fa3Mode, (c, v) -> c.withFa3Mode((Fa3Mode) v)),
        new ChipField("FP8 needs promotion", COMPUTE, "", "FP8 accumulation is imprecise (Hopper): DeepGEMM's promotion discount applies.",
                1, Chip::fp8LowAccPrecision, (c, v) -> c.withFp8LowAccPrecision((Boolean) v)),
        new ChipField("Scale-up domain", LINKS, "cards", "Cards joined by NVLink-class links; EP up to this size stays on them.",
                1, c -> c.scaleUpDomain(), (c, v) -> c.withScaleUpDomain(((Number) v).intValue())),
        new ChipField("Calibration", COMPUTE, "", "The measured chip whose DeepGEMM, FlashMLA and DeepEP calibration this chip uses in calibrated fidelity; none borrows H800's, marked extrapolated.",
                1, Chip::calibration, (c, v) -> c.withCalibration((CalibrationKey) v)),
        number("Scale-up bandwidth", LINKS, "GB/s", "One direction of the scale-up link per card.", 1e9,
                Chip::scaleUpBandwidthBytesPerSec, (c, v) -> copy(c, v, 7)));

    /** True for the fields that hold a number (everything with a unit). */
    public boolean numeric() {
        return !unit.isEmpty();
    }

    /**
     * The smallest and largest value a chip accepts in a numeric field, in the shown unit (the record's bounds; the FP4
     * rate also takes 0, "none", below its range).
     */
    public static double[] range(ChipField f) {
        if (f == FP4_RATE) {
            return new double[] {0, Checks.MAX_OPS_PER_SEC / f.scale()};
        }
        switch (f.unit()) {
            case "GB":
                return new double[] {Checks.MIN_MEMORY_BYTES / f.scale(), Checks.MAX_MEMORY_BYTES / f.scale()};
            case "GB/s":
                return new double[] {Checks.MIN_BYTES_PER_SEC / f.scale(), Checks.MAX_BYTES_PER_SEC / f.scale()};
            case "TFLOPS":
            case "Tops":
                return new double[] {Checks.MIN_OPS_PER_SEC / f.scale(), Checks.MAX_OPS_PER_SEC / f.scale()};
            case "µs":
                return new double[] {0, Checks.MAX_LATENCY_SEC / f.scale()};
            case "cards":
                return new double[] {1, Chip.MAX_SCALE_UP_DOMAIN};
            default:
                throw new IllegalArgumentException(f.name() + " holds no number");
        }
    }

    /** The value as shown: SI divided by the scale for numbers, the value itself otherwise. */
    public Object shown(Chip chip) {
        Object v = get.apply(chip);
        return v instanceof Double ? (Double) v / scale : v;
    }

    /** A new chip with this field set to the shown value {@code value}. */
    public Chip with(Chip chip, Object value) {
        Object si = value instanceof Number && scale != 1 ? ((Number) value).doubleValue() * scale : value;
        return set.apply(chip, si);
    }

    private static ChipField number(String name, String category, String unit, String description, double scale,
                                    Function<Chip, Double> get, BiFunction<Chip, Object, Chip> set) {
        return new ChipField(name, category, unit, description, scale, c -> get.apply(c), set);
    }

    /** Copy with the numeric component {@code index} of {@link Chip#numbers()} replaced. */
    private static Chip copy(Chip c, Object value, int index) {
        double[] v = c.numbers();
        v[index] = ((Number) value).doubleValue();
        return c.withNumbers(v);
    }
}
