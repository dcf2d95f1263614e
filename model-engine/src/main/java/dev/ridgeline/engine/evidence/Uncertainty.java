package dev.ridgeline.engine.evidence;

import dev.ridgeline.engine.calibration.Calibration;
import dev.ridgeline.engine.calibration.FlashMlaFit;
import dev.ridgeline.engine.calibration.GqaDecodeFit;
import dev.ridgeline.engine.calibration.HeldOut;
import dev.ridgeline.engine.model.CalibrationKey;
import dev.ridgeline.engine.model.Chip;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.ops.OpKind;
import dev.ridgeline.engine.roofline.OpResult;
import java.util.ArrayList;
import java.util.List;

/**
 * How far a calibrated op time can be trusted, from the calibration's own held-out residuals (issue 19): per kernel
 * family the P10-P90 of {@code ln(measured / predicted)} over the rows held out one at a time ({@link HeldOut}),
 * widened with the distance of the extrapolation.
 * <ul>
 *   <li><b>DeepGEMM</b>: the 24 rows of the dense and masked-grouped tables; a GEMM whose M or shape lies outside what
 *   was measured takes the spread of the rows that were themselves extrapolated when held out (an M at the end of its
 *   shape's range), which is wider.</li>
 *   <li><b>FlashMLA</b> (every attention core): H20's 22 community runs, each predicted by the mean of the others.
 *   H800 has one headline figure and no runs to hold out: its kernel is taken to repeat as H20's does.</li>
 *   <li><b>GQA decode</b>: FlashInfer's bandwidth-bound decode runs on H20, each predicted by the line through the
 *   others ({@link HeldOut#gqaDecode}); another chip is widened by its distance from H20.</li>
 *   <li><b>DeepEP</b>: each measured EP size predicted from the others.</li>
 *   <li><b>Host</b>: the assumed host share (10 % of the GPU step, from SGLang's 1.1x) against what DeepSeek's
 *   published decode leaves for it, {@link #HOST_LOW}..{@link #HOST_HIGH} of the assumption. Norms and sampling, timed
 *   on the roofline without a measurement, take DeepGEMM's extrapolated spread.</li>
 * </ul>
 * Widening: the only calibration measured on two chips is FlashMLA's, and H800's scale predicts H20's runs to within
 * a median |ln| error {@code t}; H20 lies {@code d_H20} from H800 in {@link #distance} (the log ratios of FP8 rate and
 * HBM bandwidth added). So a figure used on a chip at distance {@code d} from where it was measured is widened by
 * {@code d · t / d_H20} on either side; a NIC by the log ratio of its bandwidth to CX7's at the same rate; a figure
 * flagged extrapolated on its own chip (another dtype, a token count DeepEP did not run, an attention kind without a
 * measurement) by one unit of distance at that rate.
 *
 * <p>Prefill ({@link #prefillSpread}) runs other kernels, each with its own held-out rows: the GEMMs take the DeepGEMM
 * tables prefill reads (dense and contiguous grouped, each row held out as decode's are); the attention core the rows
 * of FlashAttention-3's table its fit was not built on; dispatch and combine DeepEP's normal kernels, each EP size
 * predicted from the others. The widening is decode's.
 */
public final class Uncertainty {
    /** The kernel families an op's time is calibrated from. */
    public enum Family { DEEPGEMM, FLASH_MLA, GQA_DECODE, DEEPEP, HOST }

    /** The kernel families a prefill op's time is calibrated from. */
    public enum PrefillFamily { DEEPGEMM, ATTENTION, DEEPEP_NORMAL }

    /**
     * The host share's P10 and P90 relative to the assumed 10 %: at DeepSeek's profiled deployment the kernels (the
     * hottest card setting each layer) take 89.7 ms per step, where its published 20-22 tokens/s per user (at 0.85 MTP
     * acceptance) implies 84.1-92.5 ms, so between nothing and 2.8 ms, 0-3.1 % of the GPU step, is left for the host:
     * 0-0.31 of the assumption (docs/validation.md; {@code UncertaintyTest} recomputes it from the engine).
     */
    public static final double HOST_LOW = 0;
    public static final double HOST_HIGH = 0.31;

    private final Spread gemmInside;
    private final Spread gemmEnds;
    private final Spread flashMla;
    private final Spread gqaDecode;
    private final Spread deepEp;
    private final Spread prefillGemmInside;
    private final Spread prefillGemmEnds;
    private final Spread prefillAttention;
    private final Spread deepEpNormal;
    /** Widening per unit of distance, log units. */
    private final double perUnit;
    private final double refFp8;
    private final double refHbm;
    private final double refNic;
    /** FP8 rate and HBM bandwidth of the chip FlashInfer's GQA decode was measured on (H20). */
    private final double[] gqaChip;

    /** The calibration this is the uncertainty of. */
    private final Calibration calibration;

    private Uncertainty(Calibration cal) {
        this.calibration = cal;
        List<HeldOut.Row> gemm = new ArrayList<>(HeldOut.gemm(cal.denseGemm()));
        gemm.addAll(HeldOut.gemm(cal.groupedGemm()));
        this.gemmInside = Spread.of(gemm.stream().filter(r -> !r.extrapolated()).toList());
        this.gemmEnds = Spread.of(gemm.stream().filter(HeldOut.Row::extrapolated).toList());
        this.flashMla = Spread.of(HeldOut.flashMla(cal.flashMla(), CalibrationKey.H20));
        this.gqaDecode = Spread.of(HeldOut.gqaDecode(cal.gqaDecode()));
        this.deepEp = Spread.of(HeldOut.deepEp(cal.deepEp()));
        List<HeldOut.Row> prefillGemm = new ArrayList<>(HeldOut.gemm(cal.denseGemm()));
        prefillGemm.addAll(HeldOut.gemm(cal.prefill().contiguousGemm()));
        this.prefillGemmInside = Spread.of(prefillGemm.stream().filter(r -> !r.extrapolated()).toList());
        this.prefillGemmEnds = Spread.of(prefillGemm.stream().filter(HeldOut.Row::extrapolated).toList());
        this.prefillAttention = Spread.of(cal.prefill().attentionHeldOut());
        this.deepEpNormal = Spread.of(HeldOut.normalEp(cal.prefill().normalEp()));
        double[] h800 = cal.flashMla().measuredOn().get(FlashMlaFit.REFERENCE);
        double[] h20 = cal.flashMla().measuredOn().get(CalibrationKey.H20);
        this.refFp8 = h800[0];
        this.refHbm = h800[1];
        this.refNic = cal.cx7BytesPerSec();
        this.gqaChip = h20;
        double dH20 = distance(h20[0], h20[1]);
        double[] transfer = HeldOut.flashMlaTransfer(cal.flashMla(), CalibrationKey.H20).stream()
                .mapToDouble(HeldOut.Row::logResidual).toArray();
        this.perUnit = dH20 > 0 ? Spread.medianAbs(transfer) / dH20 : 0;
    }

    private static volatile Uncertainty last;

    /**
     * The uncertainty of a calibration, computed once per calibration (a few hundred lookups, about 15 ms of CPU in a
     * fresh JVM): a thread asking while another computes it waits for that one (a command's start-up has it made on
     * the presets thread while the command evaluates) instead of computing it again.
     */
    public static Uncertainty of(Calibration cal) {
        Uncertainty u = last;
        if (u != null && u.calibration == cal) {
            return u;
        }
        synchronized (Uncertainty.class) {
            u = last;
            if (u == null || u.calibration != cal) {
                u = new Uncertainty(cal);
                last = u;
            }
            return u;
        }
    }

    /** {@code |ln(fp8 / fp8_H800)| + |ln(hbm / hbm_H800)|}: 0 on the measured chip. */
    double distance(double fp8, double hbm) {
        return Math.abs(Math.log(fp8 / refFp8)) + Math.abs(Math.log(hbm / refHbm));
    }

    public double distance(Chip chip) {
        return distance(chip.fp8FlopsPerSec(), chip.hbmBandwidthBytesPerSec());
    }

    /** Widening per unit of distance (log units). */
    public double perUnit() {
        return perUnit;
    }

    public static Family family(OpKind kind) {
        switch (kind) {
            case FLASH_MLA: return Family.FLASH_MLA;
            case GQA_ATTENTION: return Family.GQA_DECODE;
            case DISPATCH: case COMBINE: return Family.DEEPEP;
            case HOST: return Family.HOST;
            default: return Family.DEEPGEMM;
        }
    }

    /**
     * The factors that take one op's time to the P10 and P90 of what it may be in the scenario: the held-out spread of
     * its family, widened for what it extrapolates ({@code [low, high]}).
     */
    public double[] factors(OpResult op, Scenario s) {
        if (family(op.kind()) == Family.HOST) {
            return new double[] {HOST_LOW, HOST_HIGH};
        }
        Spread spread = spread(op, s);
        return new double[] {Math.exp(spread.p10()), Math.exp(spread.p90())};
    }

    /** The spread of one kernel's time in the scenario, widened for what it extrapolates (not the host's). */
    Spread spread(OpResult op, Scenario s) {
        Chip chip = s.chip();
        switch (family(op.kind())) {
            case FLASH_MLA:
                // a chip with FlashMLA runs of its own is measured for attention; any other borrows H800's scale
                double fromChip = chip.calibration() == CalibrationKey.H20 ? 0 : distance(chip);
                boolean ownChip = chip.calibration() != CalibrationKey.NONE;
                return flashMla.widened(perUnit * (fromChip + (op.extrapolated() && ownChip ? 1 : 0)));
            case GQA_DECODE:
                // measured on H20: another chip lies its distance from H20 away
                double fromH20 = chip.calibration() == GqaDecodeFit.MEASURED ? 0
                        : Math.abs(Math.log(chip.fp8FlopsPerSec() / gqaChip[0]))
                        + Math.abs(Math.log(chip.hbmBandwidthBytesPerSec() / gqaChip[1]));
                return gqaDecode.widened(perUnit * (fromH20 + (op.extrapolated() && fromH20 == 0 ? 1 : 0)));
            case DEEPEP:
                double nic = chip.scaleUpCovers(s.ep()) ? 0 : Math.abs(Math.log(s.nic().bandwidthBytesPerSec() / refNic));
                return deepEp.widened(perUnit * (distance(chip) + nic + (op.extrapolated() ? 1 : 0)));
            default:
                return (op.extrapolated() ? gemmEnds : gemmInside).widened(perUnit * distance(chip));
        }
    }

    public static PrefillFamily prefillFamily(OpKind kind) {
        switch (kind) {
            case PREFILL_ATTENTION: return PrefillFamily.ATTENTION;
            case DISPATCH: case COMBINE: return PrefillFamily.DEEPEP_NORMAL;
            default: return PrefillFamily.DEEPGEMM;
        }
    }

    /**
     * The spread of one prefill kernel's time in the scenario, widened as decode's: the attention core by the chip's
     * distance from H800 (0 on H20, which has a row of its own) plus one unit on a measured chip when flagged
     * extrapolated (DeepSeek's 192/128 head widths); dispatch and combine by the chip's distance, the NIC's and one unit
     * when extrapolated; GEMMs and the ops timed on the roofline by the chip's distance.
     */
    public Spread prefillSpread(OpResult op, Scenario s) {
        Chip chip = s.chip();
        switch (prefillFamily(op.kind())) {
            case ATTENTION:
                double fromChip = chip.calibration() == CalibrationKey.H20 ? 0 : distance(chip);
                boolean ownChip = chip.calibration() != CalibrationKey.NONE;
                return prefillAttention.widened(perUnit * (fromChip + (op.extrapolated() && ownChip ? 1 : 0)));
            case DEEPEP_NORMAL:
                double nic = chip.scaleUpCovers(s.ep()) ? 0 : Math.abs(Math.log(s.nic().bandwidthBytesPerSec() / refNic));
                return deepEpNormal.widened(perUnit * (distance(chip) + nic + (op.extrapolated() ? 1 : 0)));
            default:
                return (op.extrapolated() ? prefillGemmEnds : prefillGemmInside).widened(perUnit * distance(chip));
        }
    }

    public Spread prefillAttention() {
        return prefillAttention;
    }

    public Spread deepEpNormal() {
        return deepEpNormal;
    }

    public Spread gemmInside() {
        return gemmInside;
    }

    public Spread gemmEnds() {
        return gemmEnds;
    }

    public Spread flashMla() {
        return flashMla;
    }

    public Spread gqaDecode() {
        return gqaDecode;
    }

    public Spread deepEp() {
        return deepEp;
    }
}
