package dev.ridgeline.engine.model;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One editable field of a {@link Chip}, in the unit an architect types (GB, TB/s, TFLOPS, µs, $/card-hour): what the
 * chip editor shows and edits. {@code set} returns a new chip, or throws {@link IllegalArgumentException} naming the
 * field and the value, so a refused edit leaves the last good chip in place. The fields are the constants of
 * {@link #ALL}: code names a field by its {@link FieldId} ({@link #of}); its name is for the screen and for
 * {@code --chip-field}.
 *
 * @param scale          SI value = shown value x scale
 * @param min            the smallest value a chip accepts, shown unit (numeric fields; 0 for the others); a price,
 *                       power or purchase price also takes 0, meaning none
 * @param max            the largest, shown unit
 * @param higherIsBetter more of it never makes a deployment slower or dearer (rates, bandwidths, capacity, years of
 *                       amortisation); false for latencies, prices and power
 * @param role           what the field is about: the spec the engine times, the price, the power, or the source note
 * @param zeroIsNone     0 is accepted below {@code min} and means "none" (a price, a power, a purchase price)
 */
public record ChipField(FieldId id, String category, String unit, String description, double scale, double min,
                        double max, boolean higherIsBetter, Role role, boolean zeroIsNone, Function<Chip, Object> get,
                        BiFunction<Chip, Object, Chip> set) {

    /**
     * What a field is about (DESIGN 4d): the spec the engine times; the price (a rental price or the TCO form's
     * purchase price); the TCO form's other inputs, which only matter with a purchase price; the power and PUE; or the
     * text that says where the figures come from.
     */
    public enum Role { SPEC, PRICE, TCO, POWER, SOURCE }

    static final String MEMORY = "Memory";
    static final String COMPUTE = "Compute";
    static final String ATTENTION = "Softmax & FlashAttention";
    static final String LINKS = "Scale-up link";
    static final String COST = "Price & power";

    private static final double MIN_GB = Checks.MIN_MEMORY_BYTES / 1e9;
    private static final double MAX_GB = Checks.MAX_MEMORY_BYTES / 1e9;
    private static final double MIN_GBPS = Checks.MIN_BYTES_PER_SEC / 1e9;
    private static final double MAX_GBPS = Checks.MAX_BYTES_PER_SEC / 1e9;
    private static final double MIN_T = Checks.MIN_OPS_PER_SEC / 1e12;
    private static final double MAX_T = Checks.MAX_OPS_PER_SEC / 1e12;

    /** The FP4 tensor rate: the one rate that may be 0 (no FP4 tensor cores). */
    public static final ChipField FP4_RATE = spec(FieldId.FP4_RATE, COMPUTE, "TFLOPS",
            "Dense FP4 (NVFP4 / MXFP4) tensor throughput for 4-bit routed experts; 0 = none.", 1e12,
            0, MAX_T, true, Chip::fp4FlopsPerSec, (c, v) -> c.withNumber(FieldId.FP4_RATE, ((Number) v).doubleValue()));

    /** The fields of a chip, grouped by category, in display order. */
    public static final List<ChipField> ALL = List.of(
        spec(FieldId.HBM_CAPACITY, MEMORY, "GB", "Memory per card for weights, KV cache and runtime (1 GB = 1e9 bytes).", 1e9,
                MIN_GB, MAX_GB, true, Chip::memoryBytes, (c, v) -> c.withNumber(FieldId.HBM_CAPACITY, ((Number) v).doubleValue())),
        spec(FieldId.HBM_BANDWIDTH, MEMORY, "GB/s", "Peak memory bandwidth per card; memory-bound operators scale with it.", 1e9,
                MIN_GBPS, MAX_GBPS, true, Chip::hbmBandwidthBytesPerSec, (c, v) -> c.withNumber(FieldId.HBM_BANDWIDTH, ((Number) v).doubleValue())),
        spec(FieldId.FP8_RATE, COMPUTE, "TFLOPS", "Dense FP8 tensor throughput (INT8 on chips without FP8).", 1e12,
                MIN_T, MAX_T, true, Chip::fp8FlopsPerSec, (c, v) -> c.withNumber(FieldId.FP8_RATE, ((Number) v).doubleValue())),
        spec(FieldId.BF16_RATE, COMPUTE, "TFLOPS", "Dense BF16 tensor throughput, used for BF16 weights and attention.", 1e12,
                MIN_T, MAX_T, true, Chip::bf16FlopsPerSec, (c, v) -> c.withNumber(FieldId.BF16_RATE, ((Number) v).doubleValue())),
        FP4_RATE,
        spec(FieldId.EXP2_RATE, ATTENTION, "Tops", "Softmax exponentials per second (SFU rate x SMs x clock).", 1e12,
                MIN_T, MAX_T, true, Chip::exp2PerSec, (c, v) -> c.withNumber(FieldId.EXP2_RATE, ((Number) v).doubleValue())),
        spec(FieldId.FP32_ADD_RATE, ATTENTION, "Tops", "FP32 additions per second, used by the softmax reductions.", 1e12,
                MIN_T, MAX_T, true, Chip::fp32AddPerSec, (c, v) -> c.withNumber(FieldId.FP32_ADD_RATE, ((Number) v).doubleValue())),
        spec(FieldId.REDUCTION_LATENCY, ATTENTION, "µs", "Seed 000's cross-SM reduction cost per sequence and chunk in FlashMLA.", 1e-6,
                0, Checks.MAX_LATENCY_SEC / 1e-6, false, Chip::threadAllReduceLatencySec, (c, v) -> c.withNumber(FieldId.REDUCTION_LATENCY, ((Number) v).doubleValue())),
        choice(FieldId.FA3_MODE, ATTENTION, "How the attention GEMMs overlap the softmax: none, two-stage (Hopper) or three-stage.",
                Chip::fa3Mode, (c, v) -> c.withFa3Mode((Fa3Mode) v)),
        choice(FieldId.FP8_PROMOTION, COMPUTE, "FP8 accumulation is imprecise (Hopper): DeepGEMM's promotion discount applies.",
                Chip::fp8LowAccPrecision, (c, v) -> c.withFp8LowAccPrecision((Boolean) v)),
        new ChipField(FieldId.SCALE_UP_DOMAIN, LINKS, "cards", "Cards joined by NVLink-class links; EP up to this size stays on them.",
                1, 1, Chip.MAX_SCALE_UP_DOMAIN, true, Role.SPEC, false, c -> c.scaleUpDomain(),
                (c, v) -> c.withScaleUpDomain(((Number) v).intValue())),
        choice(FieldId.CALIBRATION, COMPUTE, "The measured chip whose DeepGEMM, FlashMLA and DeepEP calibration this chip uses in calibrated fidelity; none borrows H800's, marked extrapolated.",
                Chip::calibration, (c, v) -> c.withCalibration((CalibrationKey) v)),
        spec(FieldId.SCALE_UP_BANDWIDTH, LINKS, "GB/s", "One direction of the scale-up link per card.", 1e9,
                MIN_GBPS, MAX_GBPS, true, Chip::scaleUpBandwidthBytesPerSec, (c, v) -> c.withNumber(FieldId.SCALE_UP_BANDWIDTH, ((Number) v).doubleValue())),
        cost(FieldId.PRICE, "$/card-hour", "All-in price of a card-hour (the card with its share of host, network and facility, as a rental quotes it); 0 = no price. With a purchase price it is the TCO form's result; typing one here replaces the form.",
                CardCost.MIN_DOLLARS_PER_HOUR, CardCost.MAX_DOLLARS_PER_HOUR, false, Role.PRICE, true, k -> k.dollarsPerHour(), (k, v) -> k.withRental(v)),
        cost(FieldId.POWER, "kW", "The card with its share of host and network (a system's rated power over its cards); 0 = not known.",
                CardCost.MIN_POWER_KW, CardCost.MAX_POWER_KW, false, Role.POWER, true, CardCost::powerKw, CardCost::withPower),
        cost(FieldId.PUE, "x", "Facility power over IT power (cooling, power distribution): all-in power = power x PUE.",
                1, CardCost.MAX_PUE, false, Role.POWER, false, CardCost::pue, CardCost::withPue),
        cost(FieldId.PURCHASE_PRICE, "$", "TCO form: the card's purchase price with its share of server and network; 0 = the form is not used (the price is the rental price).",
                CardCost.Tco.MIN_PURCHASE, CardCost.Tco.MAX_PURCHASE, false, Role.PRICE, true, k -> k.tco().purchaseDollars(),
                (k, v) -> k.withTco(k.tco().withPurchase(v))),
        cost(FieldId.AMORTISATION, "years", "TCO form: years the purchase price is spread over.",
                CardCost.Tco.MIN_YEARS, CardCost.Tco.MAX_YEARS, true, Role.TCO, false, k -> k.tco().years(),
                (k, v) -> k.withTco(k.tco().withYears(v))),
        cost(FieldId.ELECTRICITY_PRICE, "$/kWh", "TCO form: what a kWh of all-in power costs.",
                CardCost.Tco.MIN_DOLLARS_PER_KWH, CardCost.Tco.MAX_DOLLARS_PER_KWH, false, Role.TCO, false,
                k -> k.tco().dollarsPerKwh(), (k, v) -> k.withTco(k.tco().withDollarsPerKwh(v))),
        note(FieldId.PRICE_SOURCE, "Where the price comes from. Typing a price sets it to '" + CardCost.EDITED + "'; give your own source after.",
                c -> c.cost().priceSource(), (c, v) -> c.withCost(c.cost().withPriceSource((String) v))),
        note(FieldId.PRICE_AS_OF, "When the price was read (e.g. 2026-02).",
                c -> c.cost().asOf(), (c, v) -> c.withCost(c.cost().withAsOf((String) v))),
        note(FieldId.POWER_SOURCE, "Where the power and PUE come from. Typing either sets it to '" + CardCost.EDITED + "'.",
                c -> c.cost().powerSource(), (c, v) -> c.withCost(c.cost().withPowerSource((String) v))));

    /** The name shown: "HBM bandwidth". */
    public String name() {
        return id.label();
    }

    /** The field {@code id} names; every chip field has one ({@link FieldId}'s NIC and assumptions are not chip fields). */
    public static ChipField of(FieldId id) {
        for (ChipField f : ALL) {
            if (f.id == id) {
                return f;
            }
        }
        throw new IllegalArgumentException(id.label() + " is not a field of a chip");
    }

    /** True for the fields that hold a number (everything with a unit). */
    public boolean numeric() {
        return !unit.isEmpty();
    }

    /**
     * The smallest and largest value a chip accepts in a numeric field, in the shown unit (the record's bounds; the FP4
     * rate also takes 0, "none", below its range).
     */
    public static double[] range(ChipField f) {
        if (!f.numeric()) {
            throw new IllegalArgumentException(f.name() + " holds no number");
        }
        return new double[] {f.min(), f.max()};
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

    private static ChipField spec(FieldId name, String category, String unit, String description, double scale,
                                  double min, double max, boolean higherIsBetter, Function<Chip, Double> get,
                                  BiFunction<Chip, Object, Chip> set) {
        return new ChipField(name, category, unit, description, scale, min, max, higherIsBetter, Role.SPEC, false,
                c -> get.apply(c), set);
    }

    private static ChipField choice(FieldId name, String category, String description, Function<Chip, Object> get,
                                    BiFunction<Chip, Object, Chip> set) {
        return new ChipField(name, category, "", description, 1, 0, 0, true, Role.SPEC, false, get, set);
    }

    /**
     * A number of the chip's {@link CardCost}; setting it marks the price (or the power) as the user's
     * ({@link CardCost#priceEdited()}, {@link CardCost#powerEdited()}).
     */
    private static ChipField cost(FieldId name, String unit, String description, double min, double max,
                                  boolean higherIsBetter, Role role, boolean zeroIsNone, Function<CardCost, Double> get,
                                  BiFunction<CardCost, Double, CardCost> set) {
        return new ChipField(name, COST, unit, description, 1, min, max, higherIsBetter, role, zeroIsNone,
                c -> get.apply(c.cost()), (c, v) -> {
                    CardCost moved = set.apply(c.cost(), ((Number) v).doubleValue());
                    return c.withCost(role == Role.POWER ? moved.powerEdited() : moved.priceEdited());
                });
    }

    private static ChipField note(FieldId name, String description, Function<Chip, Object> get,
                                  BiFunction<Chip, Object, Chip> set) {
        return new ChipField(name, COST, "", description, 1, 0, 0, true, Role.SOURCE, false, get, set);
    }
}
