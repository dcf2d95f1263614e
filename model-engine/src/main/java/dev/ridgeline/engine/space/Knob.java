package dev.ridgeline.engine.space;

import dev.ridgeline.engine.model.Assumptions;
import dev.ridgeline.engine.model.ChipField;
import dev.ridgeline.engine.model.Fa3Mode;
import dev.ridgeline.engine.model.FieldId;
import dev.ridgeline.engine.model.Nic;
import dev.ridgeline.engine.model.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.ToDoubleFunction;

/**
 * One number of a scenario that chip tuning moves: a chip field (as the chip editor shows it), the NIC's bandwidth,
 * or a modelling assumption. Values are in the unit shown ({@code unit}, SI = shown × scale); setting a chip field
 * names the chip "NAME (edited)", exactly as the editor does.
 *
 * @param higherIsBetter more of it never makes a deployment slower (bandwidths, rates, capacity); false for costs
 *                       (latencies, gaps, reserve)
 * @param integer        the field takes whole numbers (cards)
 * @param min            the smallest value the field accepts, shown unit
 * @param max            the largest, shown unit
 */
public record Knob(FieldId id, Kind kind, String unit, boolean higherIsBetter, boolean integer, double min,
                   double max, ToDoubleFunction<Scenario> get, BiFunction<Scenario, Double, Scenario> set,
                   boolean stepped, boolean zeroIsNone) {

    public Knob(FieldId id, Kind kind, String unit, boolean higherIsBetter, boolean integer, double min, double max,
                ToDoubleFunction<Scenario> get, BiFunction<Scenario, Double, Scenario> set) {
        this(id, kind, unit, higherIsBetter, integer, min, max, get, set, false, false);
    }

    /**
     * FA3 stage mode as a knob that moves a whole step: 0 none, 1 two-stage, 2 three-stage (the chip's own mode; a
     * scenario's what-if override is left as it is).
     */
    public static final Knob FA3 = new Knob(FieldId.FA3_MODE, Kind.CHIP, "", true, true, 0, 2,
            s -> s.chip().fa3Mode().ordinal(),
            (s, v) -> s.withChip(s.chip().withFa3Mode(Fa3Mode.values()[(int) Math.round(v)]).asEdited()), true, false);

    /** A stepped knob's value as shown: the FA3 mode's name ("two-stage"), or "on" / "off" for EPLB. */
    public String stepLabel(double v) {
        int i = (int) Math.round(v);
        if (id == FieldId.EPLB) {
            return i == 1 ? "on" : "off";
        }
        return Fa3Mode.values()[Math.max(0, Math.min(Fa3Mode.values().length - 1, i))].label();
    }

    /** The value one step below {@code v}: a whole mode for a stepped knob, else {@code v·(1 − step)}. */
    public double down(double v, double step) {
        return stepped ? v - 1 : integer ? Math.min(v - 1, Math.rint(v * (1 - step))) : v * (1 - step);
    }

    /** The value one step above {@code v}. */
    public double up(double v, double step) {
        return stepped ? v + 1 : integer ? Math.max(v + 1, Math.rint(v * (1 + step))) : v * (1 + step);
    }

    /**
     * True when the scenario's chip lacks the feature this field rates: a chip field at 0 whose range starts at 0 (the
     * FP4 tensor rate of a chip without FP4 tensor cores). Moving it by a fraction moves nothing, and no fraction of
     * none can be stated, so sensitivity and the target solve leave it out for that chip.
     */
    public boolean absentIn(Scenario s) {
        return kind == Kind.CHIP && !stepped && min == 0 && of(s) == 0;
    }

    /** True when {@code v} lies in the field's accepted range, or is 0 for a price or power (none). */
    public boolean accepts(double v) {
        return (v >= min && v <= max) || (v == 0 && zeroIsNone);
    }

    /**
     * What the knob belongs to: the chip's spec, the NIC, a modelling assumption, or the chip's price, the TCO form's
     * other inputs, its power (which the decode model does not read: only the cost and power objectives move with
     * them).
     */
    public enum Kind { CHIP, NIC, ASSUMPTION, PRICE, TCO, POWER }

    /** The value in {@code s}, shown unit. */
    public double of(Scenario s) {
        return get.applyAsDouble(s);
    }

    /** {@code s} with the value set (shown unit); throws {@link IllegalArgumentException} naming the field when refused. */
    public Scenario with(Scenario s, double value) {
        return set.apply(s, integer ? Math.rint(value) : value);
    }

    /** The name shown: "HBM bandwidth". */
    public String name() {
        return id.label();
    }

    /** "HBM bandwidth (GB/s)". */
    public String label() {
        return unit.isEmpty() ? name() : name() + " (" + unit + ")";
    }

    /**
     * The chip fields with a number (the chip editor's, in its order: spec, then price and power), the NIC's bandwidth,
     * and nothing else. The same instances on every call.
     */
    public static List<Knob> fields() {
        return FIELDS;
    }

    private static final List<Knob> FIELDS = buildFields();

    private static List<Knob> buildFields() {
        List<Knob> out = new ArrayList<>();
        for (ChipField f : ChipField.ALL) {
            if (!f.numeric()) {
                continue;
            }
            boolean cards = f.id() == FieldId.SCALE_UP_DOMAIN; // the one chip field in whole numbers
            Kind kind = f.role() == ChipField.Role.PRICE ? Kind.PRICE : f.role() == ChipField.Role.TCO ? Kind.TCO
                    : f.role() == ChipField.Role.POWER ? Kind.POWER : Kind.CHIP;
            out.add(new Knob(f.id(), kind, f.unit(), f.higherIsBetter(), cards, f.min(), f.max(),
                    s -> ((Number) f.shown(s.chip())).doubleValue(),
                    (s, v) -> s.withChip(f.with(s.chip(), cards ? (Object) (int) Math.round(v) : (Object) v).asEdited()),
                    false, f.zeroIsNone()));
        }
        out.add(new Knob(FieldId.NIC_BANDWIDTH, Kind.NIC, "GB/s", true, false, 0.01, 1e6,
                s -> s.nic().bandwidthBytesPerSec() / 1e9,
                (s, v) -> s.withNic(s.nic().withBandwidth(v * 1e9))));
        return List.copyOf(out);
    }

    /** True for the chip's price, TCO form and power, which change no deployment's speed. */
    public boolean costOnly() {
        return kind == Kind.PRICE || kind == Kind.TCO || kind == Kind.POWER;
    }

    /**
     * EPLB as a knob that moves a whole step: 0 off, 1 on (calibrated fidelity; seed fidelity ignores it). Off places
     * the experts by id, so the hottest card carries the hot experts.
     */
    public static final Knob EPLB = new Knob(FieldId.EPLB, Kind.ASSUMPTION, "", true, true, 0, 1,
            s -> s.eplb() ? 1 : 0, (s, v) -> s.withEplb(Math.round(v) == 1), true, false);

    /**
     * The modelling assumptions sensitivity moves: GEMM efficiency, MTP acceptance, kernel gap, memory reserve, host
     * overhead, and the balancer's redundant experts and EPLB itself (DeepSeek's defaults: on, 32 copies).
     */
    public static List<Knob> assumptions() {
        return List.of(
            new Knob(FieldId.GEMM_EFFICIENCY, Kind.ASSUMPTION, "%", true, false, Scenario.MIN_GEMM_EFFICIENCY * 100, 100,
                    s -> s.gemmEfficiency() * 100, (s, v) -> s.withGemmEfficiency(v / 100)),
            new Knob(FieldId.MTP_ACCEPTANCE, Kind.ASSUMPTION, "%", true, false, 0, 100,
                    s -> s.mtpAcceptance() * 100, (s, v) -> s.withMtp(s.mtpDepth(), v / 100)),
            new Knob(FieldId.KERNEL_GAP, Kind.ASSUMPTION, "µs", false, false, 0, Assumptions.MAX_KERNEL_GAP_SEC * 1e6,
                    s -> s.assumptions().kernelGapSec() * 1e6, (s, v) -> s.withAssumptions(a -> a.withKernelGap(v * 1e-6))),
            new Knob(FieldId.MEMORY_RESERVE, Kind.ASSUMPTION, "GB", false, false, 0, Assumptions.MAX_RESERVE_BYTES / 1e9,
                    s -> s.assumptions().memoryReserveBytes() / 1e9,
                    (s, v) -> s.withAssumptions(a -> a.withMemoryReserve(v * 1e9))),
            new Knob(FieldId.HOST_OVERHEAD, Kind.ASSUMPTION, "%", false, false, 0, Assumptions.MAX_HOST_OVERHEAD * 100,
                    s -> s.assumptions().hostOverheadFraction() * 100,
                    (s, v) -> s.withAssumptions(a -> a.withHostOverhead(v / 100))),
            new Knob(FieldId.REDUNDANT_EXPERTS, Kind.ASSUMPTION, "experts", true, true, 0,
                    dev.ridgeline.engine.model.Deployment.MAX_REDUNDANT_EXPERTS,
                    s -> s.redundantExperts(), (s, v) -> s.withRedundantExperts((int) Math.round(v))),
            EPLB);
    }

    /**
     * The field of that name (case-insensitive) among the chip and NIC fields, price and power included, and the FA3
     * stage mode (what {@code --chip-field} sets and {@code solve} answers), or an exception listing the names.
     */
    public static Knob field(String name) {
        for (Knob k : settable()) {
            if (k.name().equalsIgnoreCase(name.strip())) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown field '" + dev.ridgeline.engine.model.Checks.shorten(name)
                + "' (fields: " + String.join(", ", settable().stream().map(Knob::name).toList()) + ")");
    }

    /** The knob {@code id} names: a chip or NIC field, the FA3 stage mode, or an assumption. */
    public static Knob of(FieldId id) {
        for (Knob k : settable()) {
            if (k.id == id) {
                return k;
            }
        }
        for (Knob k : assumptions()) {
            if (k.id == id) {
                return k;
            }
        }
        throw new IllegalArgumentException(id.label() + " is not a knob (a chip field without a number)");
    }

    /** Every field {@link #field} knows: {@link #fields()} and the FA3 stage mode. */
    public static List<Knob> settable() {
        List<Knob> out = new ArrayList<>(FIELDS);
        out.add(FA3);
        return out;
    }

    /** The NIC's bandwidth as {@link #fields()} shows it. */
    static double nicGBps(Nic nic) {
        return nic.bandwidthBytesPerSec() / 1e9;
    }
}
