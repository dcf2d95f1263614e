package dev.ridgeline.engine.model;

import static dev.ridgeline.engine.model.Checks.MAX_BYTES_PER_SEC;
import static dev.ridgeline.engine.model.Checks.MAX_LATENCY_SEC;
import static dev.ridgeline.engine.model.Checks.MAX_MEMORY_BYTES;
import static dev.ridgeline.engine.model.Checks.MAX_OPS_PER_SEC;
import static dev.ridgeline.engine.model.Checks.MIN_BYTES_PER_SEC;
import static dev.ridgeline.engine.model.Checks.MIN_MEMORY_BYTES;
import static dev.ridgeline.engine.model.Checks.MIN_OPS_PER_SEC;
import static dev.ridgeline.engine.model.Checks.inRange;
import static dev.ridgeline.engine.model.Checks.present;
import static dev.ridgeline.engine.model.Checks.text;
import static dev.ridgeline.engine.model.Checks.zeroOrInRange;

import java.util.Objects;

/**
 * An accelerator, in SI units. FLOP/s are dense tensor-core rates; on chips without FP8 (A100) the FP8 rate is
 * the INT8 rate, as seed 000 does.
 *
 * @param fp4FlopsPerSec            dense FP4 tensor rate (NVFP4 / MXFP4) the routed experts run at in a 4-bit
 *                                  {@link ExpertDtype}; 0 = the chip has no FP4 tensor cores
 * @param exp2PerSec                softmax exponentials per second (SFU rate x SMs x clock)
 * @param fp32AddPerSec             FP32 additions per second, used for the softmax reductions
 * @param threadAllReduceLatencySec seed 000's per-sequence, per-chunk cost of the cross-SM reduction in FlashMLA
 * @param fp8LowAccPrecision        FP8 accumulation needs DeepGEMM's promotion to CUDA cores (Hopper)
 * @param confidence                how sure the figures are, from the calibration table's confidence column
 * @param scaleUpDomain             cards joined by the scale-up fabric (NVLink, Infinity Fabric, ICI); 1 = none.
 *                                  EP within the domain exchanges tokens over it, larger EP over the NIC
 * @param scaleUpBandwidthBytesPerSec one direction of the scale-up link per card; 0 when there is none
 * @param calibration               the measured chip whose kernel calibration this chip uses (see
 *                                  {@link CalibrationKey}); a stable key that survives edits and renames, unlike the
 *                                  display name
 * @param cost                      what a card costs to run and what it draws ({@link CardCost#NONE} when not known);
 *                                  the decode model does not read it, the cost figures and objectives do
 */
public record Chip(String name, String source, double memoryBytes, double hbmBandwidthBytesPerSec,
                   double fp8FlopsPerSec, double bf16FlopsPerSec, double fp4FlopsPerSec, double exp2PerSec,
                   double fp32AddPerSec, double threadAllReduceLatencySec, Fa3Mode fa3Mode, boolean fp8LowAccPrecision,
                   String confidence, int scaleUpDomain, double scaleUpBandwidthBytesPerSec, CalibrationKey calibration,
                   CardCost cost) {

    /** Cards a scale-up fabric can join: up to 2^20 (TPU7x pods join 9,216). */
    public static final int MAX_SCALE_UP_DOMAIN = 1 << 20;

    /** Every figure within physically plausible bounds ({@link Checks}), so that no time the engine derives overflows. */
    public Chip {
        String owner = "chip " + Checks.quote(name);
        Checks.name(name, "chip");
        text(source, "source", owner);
        inRange(memoryBytes, MIN_MEMORY_BYTES, MAX_MEMORY_BYTES, "memoryBytes", owner);
        inRange(hbmBandwidthBytesPerSec, MIN_BYTES_PER_SEC, MAX_BYTES_PER_SEC, "hbmBandwidthBytesPerSec", owner);
        inRange(fp8FlopsPerSec, MIN_OPS_PER_SEC, MAX_OPS_PER_SEC, "fp8FlopsPerSec", owner);
        inRange(bf16FlopsPerSec, MIN_OPS_PER_SEC, MAX_OPS_PER_SEC, "bf16FlopsPerSec", owner);
        zeroOrInRange(fp4FlopsPerSec, MIN_OPS_PER_SEC, MAX_OPS_PER_SEC, "fp4FlopsPerSec", owner);
        inRange(exp2PerSec, MIN_OPS_PER_SEC, MAX_OPS_PER_SEC, "exp2PerSec", owner);
        inRange(fp32AddPerSec, MIN_OPS_PER_SEC, MAX_OPS_PER_SEC, "fp32AddPerSec", owner);
        inRange(threadAllReduceLatencySec, 0, MAX_LATENCY_SEC, "threadAllReduceLatencySec", owner);
        present(fa3Mode, "fa3Mode", owner);
        confidence = confidence == null ? "" : confidence;
        inRange(scaleUpDomain, 1, MAX_SCALE_UP_DOMAIN, "scaleUpDomain", owner);
        zeroOrInRange(scaleUpBandwidthBytesPerSec, MIN_BYTES_PER_SEC, MAX_BYTES_PER_SEC, "scaleUpBandwidthBytesPerSec", owner);
        present(calibration, "calibration", owner);
        present(cost, "cost", owner);
        if (scaleUpDomain > 1 && scaleUpBandwidthBytesPerSec <= 0) {
            throw Checks.refused("scaleUpBandwidthBytesPerSec", scaleUpBandwidthBytesPerSec, owner,
                    "must be > 0 when the scale-up domain is " + scaleUpDomain + " cards");
        }
    }

    /** A chip without FP4 tensor cores: every figure but the FP4 rate, which is 0. */
    public Chip(String name, String source, double memoryBytes, double hbmBandwidthBytesPerSec, double fp8FlopsPerSec,
                double bf16FlopsPerSec, double exp2PerSec, double fp32AddPerSec, double threadAllReduceLatencySec,
                Fa3Mode fa3Mode, boolean fp8LowAccPrecision, String confidence, int scaleUpDomain,
                double scaleUpBandwidthBytesPerSec, CalibrationKey calibration, CardCost cost) {
        this(name, source, memoryBytes, hbmBandwidthBytesPerSec, fp8FlopsPerSec, bf16FlopsPerSec, 0, exp2PerSec,
                fp32AddPerSec, threadAllReduceLatencySec, fa3Mode, fp8LowAccPrecision, confidence, scaleUpDomain,
                scaleUpBandwidthBytesPerSec, calibration, cost);
    }

    /** True when the chip has FP4 tensor cores (a 4-bit {@link ExpertDtype} can run on it). */
    public boolean hasFp4() {
        return fp4FlopsPerSec > 0;
    }

    /** True when EP of this degree stays inside the scale-up domain. */
    public boolean scaleUpCovers(int ep) {
        return ep <= scaleUpDomain && scaleUpBandwidthBytesPerSec > 0;
    }

    /** Tensor rate for GEMM inputs of the given element size: FP8 for 1-byte, BF16 otherwise. */
    public double tensorFlopsPerSec(Dtype dtype) {
        return dtype == Dtype.FP8 ? fp8FlopsPerSec : bf16FlopsPerSec;
    }

    /** The suffix an edited chip's name carries, so that an edited spec is never shown under a preset's name. */
    public static final String EDITED = " (edited)";

    /** This chip named "NAME (edited)" (shortened to fit), as the chip editor and {@code --chip-field} name it. */
    public Chip asEdited() {
        return name.endsWith(EDITED) ? this : withName(editedName(name));
    }

    /** "NAME (edited)", the name cut so that the mark fits in {@link Checks#MAX_NAME} (chips and NICs alike). */
    public static String editedName(String name) {
        String base = name;
        int room = Checks.MAX_NAME - EDITED.length();
        if (base.codePointCount(0, base.length()) > room) {
            base = base.substring(0, base.offsetByCodePoints(0, room)).strip();
        }
        return base + EDITED;
    }

    public Chip withName(String newName) {
        return copy(newName, fa3Mode, fp8LowAccPrecision, scaleUpDomain, calibration);
    }

    public Chip withCost(CardCost v) {
        return new Chip(name, source, memoryBytes, hbmBandwidthBytesPerSec, fp8FlopsPerSec, bf16FlopsPerSec,
                fp4FlopsPerSec, exp2PerSec, fp32AddPerSec, threadAllReduceLatencySec, fa3Mode, fp8LowAccPrecision,
                confidence, scaleUpDomain, scaleUpBandwidthBytesPerSec, calibration, v);
    }

    public Chip withCalibration(CalibrationKey key) {
        return copy(name, fa3Mode, fp8LowAccPrecision, scaleUpDomain, key);
    }

    public Chip withFa3Mode(Fa3Mode mode) {
        return copy(name, mode, fp8LowAccPrecision, scaleUpDomain, calibration);
    }

    public Chip withFp8LowAccPrecision(boolean v) {
        return copy(name, fa3Mode, v, scaleUpDomain, calibration);
    }

    public Chip withScaleUpDomain(int cards) {
        return copy(name, fa3Mode, fp8LowAccPrecision, cards, calibration);
    }

    /** A copy with the non-numeric fields given and the numbers kept. */
    private Chip copy(String newName, Fa3Mode mode, boolean lowAcc, int domain, CalibrationKey key) {
        return new Chip(newName, source, memoryBytes, hbmBandwidthBytesPerSec, fp8FlopsPerSec, bf16FlopsPerSec,
                fp4FlopsPerSec, exp2PerSec, fp32AddPerSec, threadAllReduceLatencySec, mode, lowAcc, confidence, domain,
                scaleUpBandwidthBytesPerSec, key, cost);
    }

    /**
     * A copy with the numeric fields replaced, in the order of {@link #numbers()} (SI units).
     */
    public Chip withNumbers(double[] v) {
        return new Chip(name, source, v[0], v[1], v[2], v[3], v[8], v[4], v[5], v[6], fa3Mode, fp8LowAccPrecision,
                confidence, scaleUpDomain, v[7], calibration, cost);
    }

    /**
     * The numeric spec fields in the order memory, HBM bandwidth, FP8 rate, BF16 rate, exp2 rate, FP32-add rate,
     * reduction latency, scale-up bandwidth, FP4 rate (SI units): for scaling them all at once.
     */
    public double[] numbers() {
        return new double[] {memoryBytes, hbmBandwidthBytesPerSec, fp8FlopsPerSec, bf16FlopsPerSec, exp2PerSec,
            fp32AddPerSec, threadAllReduceLatencySec, scaleUpBandwidthBytesPerSec, fp4FlopsPerSec};
    }

    /** A copy with the numeric spec field {@code f} set to {@code si} (SI units); checked as any chip is. */
    public Chip withNumber(FieldId f, double si) {
        double[] v = numbers();
        switch (f) {
            case HBM_CAPACITY: v[0] = si; break;
            case HBM_BANDWIDTH: v[1] = si; break;
            case FP8_RATE: v[2] = si; break;
            case BF16_RATE: v[3] = si; break;
            case EXP2_RATE: v[4] = si; break;
            case FP32_ADD_RATE: v[5] = si; break;
            case REDUCTION_LATENCY: v[6] = si; break;
            case SCALE_UP_BANDWIDTH: v[7] = si; break;
            case FP4_RATE: v[8] = si; break;
            default: throw new IllegalArgumentException(f.label() + " is not a number of the chip's spec");
        }
        return withNumbers(v);
    }

    public Chip withHbmBandwidth(double bytesPerSec) {
        return withNumber(FieldId.HBM_BANDWIDTH, bytesPerSec);
    }

    public Chip withMemory(double bytes) {
        return withNumber(FieldId.HBM_CAPACITY, bytes);
    }

    /**
     * Seed 000's reading of a chip's GB figure: memory in GB read as GiB, HBM bandwidth in GB/s read as GiB/s (the
     * post's H800 has 80 GiB and 3,350 GiB/s where the datasheet says 80 GB and 3.35 TB/s). Seed fidelity uses this
     * reading, calibrated fidelity the datasheet's SI figures. {@code bytes / 1e9 * 2^30} keeps whole GB exact. A
     * reading, not a chip: the result may lie beyond the bounds a chip's own figures are held to.
     */
    public static double seedReading(double bytes) {
        return bytes / 1e9 * (1L << 30);
    }

    /** This chip's memory as seed 000 reads it ({@link #seedReading(double)}). */
    public double seedMemoryBytes() {
        return seedReading(memoryBytes);
    }

    /** This chip's HBM bandwidth as seed 000 reads it ({@link #seedReading(double)}). */
    public double seedHbmBandwidthBytesPerSec() {
        return seedReading(hbmBandwidthBytesPerSec);
    }

    /** Scales every compute rate (tensor and vector) by {@code factor}. */
    public Chip withComputeScaled(double factor) {
        return new Chip(name, source, memoryBytes, hbmBandwidthBytesPerSec, fp8FlopsPerSec * factor,
                bf16FlopsPerSec * factor, fp4FlopsPerSec * factor, exp2PerSec * factor, fp32AddPerSec * factor,
                threadAllReduceLatencySec, fa3Mode, fp8LowAccPrecision, confidence, scaleUpDomain,
                scaleUpBandwidthBytesPerSec, calibration, cost);
    }

    /** The record's own equality, written out for the reason {@link Scenario#equals} gives. */
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Chip c && Objects.equals(name, c.name) && Objects.equals(source, c.source)
                && Double.compare(memoryBytes, c.memoryBytes) == 0
                && Double.compare(hbmBandwidthBytesPerSec, c.hbmBandwidthBytesPerSec) == 0
                && Double.compare(fp8FlopsPerSec, c.fp8FlopsPerSec) == 0
                && Double.compare(bf16FlopsPerSec, c.bf16FlopsPerSec) == 0
                && Double.compare(fp4FlopsPerSec, c.fp4FlopsPerSec) == 0
                && Double.compare(exp2PerSec, c.exp2PerSec) == 0 && Double.compare(fp32AddPerSec, c.fp32AddPerSec) == 0
                && Double.compare(threadAllReduceLatencySec, c.threadAllReduceLatencySec) == 0 && fa3Mode == c.fa3Mode
                && fp8LowAccPrecision == c.fp8LowAccPrecision && Objects.equals(confidence, c.confidence)
                && scaleUpDomain == c.scaleUpDomain
                && Double.compare(scaleUpBandwidthBytesPerSec, c.scaleUpBandwidthBytesPerSec) == 0
                && Objects.equals(calibration, c.calibration) && Objects.equals(cost, c.cost);
    }
}
