package dev.ridgeline.engine.calibration;

import dev.ridgeline.engine.model.CalibrationKey;
import java.util.ArrayList;
import java.util.List;

/**
 * Every measured row of a calibration table predicted by the table or fit built without it (leave-one-out). A table
 * reproduces its own rows by construction, so only held-out rows say how far a calibrated figure can be trusted: their
 * residuals are what {@link Uncertainty} turns into bands, and what docs/validation.md lists ({@code LeaveOneOutTest}).
 */
public final class HeldOut {
    private HeldOut() {
    }

    /**
     * One held-out row.
     *
     * @param extrapolated the lookup without the row had to extrapolate to reach it (an M outside the others of its
     *                     shape): such rows measure what an extrapolated figure is worth
     * @param group        rows the model cannot tell apart share a group (FlashMLA work size); 0 otherwise
     */
    public record Row(String what, double measuredSec, double predictedSec, boolean extrapolated, double group) {
        /** {@code predicted / measured - 1}. */
        public double error() {
            return predictedSec / measuredSec - 1;
        }

        /** {@code ln(measured / predicted)}: what multiplies a prediction to give the measurement. */
        public double logResidual() {
            return Math.log(measuredSec / predictedSec);
        }
    }

    /** Each row of a DeepGEMM table predicted by the nearest-shape, ln M rule over the other rows. */
    public static List<Row> gemm(GemmTable table) {
        List<Row> out = new ArrayList<>();
        for (GemmPoint p : table.points()) {
            Basis b = table.without(p).lookup(p.m(), p.n(), p.k());
            out.add(new Row(name(p), p.measuredSec(), table.rooflineSec(p) / b.fraction(), b.extrapolated(), 0));
        }
        return out;
    }

    public static String name(GemmPoint p) {
        return String.format(java.util.Locale.ROOT, "%s %dx M=%d N=%d K=%d", p.kernel(), p.groups(), p.m(), p.n(), p.k());
    }

    /**
     * Each DeepEP low-latency latency predicted by the fit without its EP size (interpolated in ln EP between the
     * neighbours, held at the nearest end for the first and last).
     */
    public static List<Row> deepEp(DeepEpFit fit) {
        List<Row> out = new ArrayList<>();
        for (DeepEpFit.Kind kind : DeepEpFit.Kind.values()) {
            for (DeepEpFit.Point p : fit.points(kind)) {
                DeepEpFit without = new DeepEpFit(
                        kind == DeepEpFit.Kind.DISPATCH ? drop(fit.dispatch(), p) : fit.dispatch(),
                        kind == DeepEpFit.Kind.COMBINE ? drop(fit.combine(), p) : fit.combine(),
                        fit.dispatchFixedSec(), fit.combineFixedSec(), fit.measuredDispatchBytes(),
                        fit.measuredCombineBytes(), fit.citation(), fit.fixedCitation());
                out.add(new Row("DeepEP LL " + kind.name().toLowerCase(java.util.Locale.ROOT) + " EP" + p.ep()
                        + " (held out)", p.latencySec(), without.seconds(kind, p.ep(), fit.measuredBytes(kind), 1),
                        p.ep() == fit.points(kind).get(0).ep()
                                || p.ep() == fit.points(kind).get(fit.points(kind).size() - 1).ep(), 0));
            }
        }
        return out;
    }

    /**
     * Each EP size of DeepEP's normal (prefill) kernels predicted by the table without it: the seconds per logical byte
     * interpolated in ln EP between the neighbours, held at the nearest end for the first and last (extrapolated).
     */
    public static List<Row> normalEp(NormalEpFit fit) {
        List<Row> out = new ArrayList<>();
        for (DeepEpFit.Kind kind : DeepEpFit.Kind.values()) {
            List<DeepEpFit.Point> pts = fit.points(kind);
            for (DeepEpFit.Point p : pts) {
                if (pts.size() < 2) {
                    break;
                }
                out.add(new Row("DeepEP normal " + kind.name().toLowerCase(java.util.Locale.ROOT) + " EP" + p.ep()
                        + " (held out)", 1 / p.bytesPerSec(), DeepEpFit.inverseBandwidth(drop(pts, p), p.ep()),
                        p == pts.get(0) || p == pts.get(pts.size() - 1), 0));
            }
        }
        return out;
    }

    private static List<DeepEpFit.Point> drop(List<DeepEpFit.Point> points, DeepEpFit.Point p) {
        return points.stream().filter(o -> o.ep() != p.ep()).toList();
    }

    /**
     * Each run behind a chip's FlashMLA compute scale predicted by the mean of the others (the fit's rule): the
     * residual is the run's ratio over that mean. Times are relative (the model's time is 1), so the rows say only how
     * far a run lies from the scale.
     */
    public static List<Row> flashMla(FlashMlaFit fit, CalibrationKey chip) {
        List<Double> ratios = fit.runRatios().getOrDefault(chip, List.of());
        double sum = ratios.stream().mapToDouble(Double::doubleValue).sum();
        List<Row> out = new ArrayList<>();
        for (int i = 0; i < ratios.size(); i++) {
            double without = (sum - ratios.get(i)) / (ratios.size() - 1);
            out.add(new Row("FlashMLA " + chip + " run " + (i + 1), ratios.get(i), without, false, 0));
        }
        return out;
    }

    /**
     * The same runs predicted with the reference chip's scale, as a chip without runs of its own would be: how far a
     * calibration carries to another chip.
     */
    public static List<Row> flashMlaTransfer(FlashMlaFit fit, CalibrationKey chip) {
        double borrowed = fit.computeScale().get(FlashMlaFit.REFERENCE);
        List<Row> out = new ArrayList<>();
        int i = 0;
        for (double r : fit.runRatios().getOrDefault(chip, List.of())) {
            out.add(new Row("FlashMLA " + chip + " run " + (++i) + " with " + FlashMlaFit.REFERENCE + "'s scale", r,
                    borrowed, true, 0));
        }
        return out;
    }

    /** Each bandwidth-bound FlashInfer decode run predicted by the line through the others ({@link GqaDecodeFit#line}). */
    public static List<Row> gqaDecode(GqaDecodeFit fit) {
        List<Row> out = new ArrayList<>();
        for (GqaDecodeFit.Run r : fit.runs()) {
            double[] line = GqaDecodeFit.line(fit.runs().stream().filter(o -> o != r).toList());
            out.add(new Row(r.what() + " (held out)", r.sec(), line[0] + line[1] * r.bytes(), false, 0));
        }
        return out;
    }

    /**
     * The routed block's runs the fixed part was not fitted on ({@link MoeBlockFit}): each BF16 run predicted by the
     * NVFP4 line's fixed part plus the BF16 slope through the other BF16 runs (a BF16 expert streams at its own
     * fraction, so only the fixed part is carried over), and each later NVFP4 run with every local expert hit predicted
     * by the NVFP4 line.
     */
    public static List<Row> moeBlock(MoeBlockFit fit) {
        List<Row> out = new ArrayList<>();
        for (GqaDecodeFit.Run r : fit.bf16()) {
            double slope = fit.slopeThroughFixed(fit.bf16().stream().filter(o -> o != r).toList());
            out.add(new Row(r.what() + " (held out)", r.sec(), fit.fixedSec() + slope * r.bytes(), false, 0));
        }
        for (GqaDecodeFit.Run r : fit.saturated()) {
            out.add(new Row(r.what() + " (held out)", r.sec(), fit.fixedSec() + fit.secondsPerByte() * r.bytes(), false, 0));
        }
        return out;
    }

    /**
     * The small-GEMM floor's rows it was not fitted on ({@link GemmFloorFit}): each floor-bound library row of another
     * chip (B300, and Hopper's H20-3e) predicted by the floor, and each B200 library row above the floor predicted by
     * calibrated fidelity's whole rule, {@code max(floor, roofline / f)} with f DeepGEMM's fraction at the nearest
     * measured shape ({@code dense}, held at its end value below M = 64).
     */
    public static List<Row> gemmFloor(GemmFloorFit fit, GemmTable dense) {
        List<Row> out = new ArrayList<>();
        for (GemmFloorFit.Run r : fit.runs()) {
            if (!r.library() || r.fitted()) {
                continue;
            }
            if (r.floorBound()) {
                out.add(new Row(r.what() + " (held out)", r.sec(), fit.floorSec(), false, 0));
            } else if (r.gpu().equals(GemmFloorFit.FITTED_GPU)) {
                double kernel = r.rooflineSec() / dense.lookup(r.m(), r.n(), r.k()).fraction();
                out.add(new Row(r.what() + " (held out)", r.sec(), Math.max(fit.floorSec(), kernel), false, 0));
            }
        }
        return out;
    }

    /**
     * The FP4 MoE fit ({@link Fp4MoeFit}): each fitted run predicted by the fit refitted without it, then {@code others}
     * (runs not fitted) by the whole fit.
     */
    public static List<Row> fp4Moe(Fp4MoeFit fit, MoeBlockFit block, List<Fp4MoeFit.Run> others) {
        List<Row> out = new ArrayList<>();
        for (int i = 0; i < fit.fitted().size(); i++) {
            Fp4MoeFit.Run r = fit.fitted().get(i);
            out.add(new Row(r.what() + " (left out)", r.sec(), fit.without(i, block).predictSec(r), false, 0));
        }
        for (Fp4MoeFit.Run r : others) {
            out.add(new Row(r.what() + " (held out)", r.sec(), fit.predictSec(r), false, 0));
        }
        return out;
    }
}
