package dev.ridgeline.engine.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.ridgeline.engine.calibration.Calibration;
import dev.ridgeline.engine.calibration.GemmCurve;
import dev.ridgeline.engine.io.CalibrationTables;
import dev.ridgeline.engine.io.Presets;
import dev.ridgeline.engine.model.CalibrationKey;
import dev.ridgeline.engine.model.Numerics;
import dev.ridgeline.engine.ops.OpKind;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A GEMM's fraction of the roofline as the kernel reads it (a variant with its curve's ends kept apart, ln m taken
 * only between them) is the DeepGEMM curve's own fraction at every M: at and beyond both ends, at each measured M,
 * just inside the ends, and at random M between, for the dense and the grouped curves of a model's shapes.
 */
class GemmReadingsTest {
    @Test
    void theReadingIsTheCurvesFractionAtEveryM() {
        Calibration cal = CalibrationTables.builtIn();
        GemmReadings readings = new GemmReadings(cal, CalibrationKey.H800);
        Numerics n = Presets.builtInScenario("default").numerics();
        int[][] shapes = {{7168, 1536}, {1536, 7168}, {7168, 2048}, {4096, 7168}, {576, 7168}, {24576, 1536}};
        OpKind[] kinds = {OpKind.Q_DOWN, OpKind.ROUTED_UP};
        SplittableRandom r = new SplittableRandom(5);
        Summary acc = new Summary();
        for (OpKind kind : kinds) {
            for (int s = 0; s < shapes.length; s++) {
                int k = shapes[s][0];
                int nOut = shapes[s][1];
                int key = kind.ordinal() * OpCosts.VARIANTS + s; // a decode variant per shape
                GemmCurve curve = (kind == OpKind.ROUTED_UP ? cal.groupedGemm() : cal.denseGemm()).curve(nOut, k);
                assertSame(curve, readings.curve(kind, key, k, nOut), kind + " " + k + "x" + nOut);
                GemmVariant g = new GemmVariant(1, 1, 1, curve);
                double[] ms = curve.m();
                double lo = ms[0];
                double hi = ms[ms.length - 1];
                double[] probes = {1, lo / 2, Math.nextDown(lo), lo, Math.nextUp(lo), Math.nextDown(hi), hi,
                    Math.nextUp(hi), 2 * hi, 1e9};
                for (double m : probes) {
                    check(readings, acc, kind, g, n, curve, m);
                }
                for (double m : ms) {
                    check(readings, acc, kind, g, n, curve, m);
                }
                for (int i = 0; i < 2_000; i++) {
                    check(readings, acc, kind, g, n, curve, lo + (hi - lo) * r.nextDouble());
                }
            }
        }
    }

    @Test
    void aCurveOfAnyLengthIsReadAsItsOwnLookupReadsIt() {
        // a variant keeps the segments of a curve of two or three measured M in fields and hands longer ones to the
        // curve: each must read the curve's own fraction, at its points, around them and at random M between its ends
        GemmReadings readings = new GemmReadings(CalibrationTables.builtIn(), CalibrationKey.H800);
        Numerics n = Presets.builtInScenario("default").numerics();
        Summary acc = new Summary();
        SplittableRandom r = new SplittableRandom(7);
        double[][] ms = {{64}, {64, 4096}, {64, 128, 4096}, {256, 512, 1024}, {1, 8, 64, 512}, {2, 3, 50, 51, 900}};
        for (double[] m : ms) {
            double[] lnM = new double[m.length];
            double[] f = new double[m.length];
            for (int i = 0; i < m.length; i++) {
                lnM[i] = Math.log(m[i]);
                f[i] = 0.05 + 0.9 * r.nextDouble();
            }
            GemmCurve curve = new GemmCurve(m, lnM, f, true, m.length + " points");
            GemmVariant g = new GemmVariant(1, 1, 1, curve);
            for (double at : m) {
                for (double x : new double[] {Math.nextDown(at), at, Math.nextUp(at), at * 0.99, at * 1.01}) {
                    check(readings, acc, OpKind.Q_DOWN, g, n, curve, x);
                }
            }
            for (int i = 0; i < 2_000; i++) {
                check(readings, acc, OpKind.Q_DOWN, g, n, curve, m[0] + (m[m.length - 1] - m[0]) * r.nextDouble());
            }
        }
    }

    @Test
    void eachVariantReadsItsKernelsTable() {
        Calibration cal = CalibrationTables.builtIn();
        GemmReadings readings = new GemmReadings(cal, CalibrationKey.H800);
        int decode = OpCosts.variant(0, 1);
        int prefill = decode + OpCosts.PREFILL_VARIANT;
        int k = 7168;
        int nOut = 4096;
        assertSame(cal.denseGemm().curve(nOut, k), readings.curve(OpKind.SHARED_UP, OpKind.SHARED_UP.ordinal()
                * OpCosts.VARIANTS + decode, k, nOut));
        assertSame(cal.groupedGemm().curve(nOut, k), readings.curve(OpKind.ROUTED_UP, OpKind.ROUTED_UP.ordinal()
                * OpCosts.VARIANTS + decode, k, nOut));
        assertSame(cal.prefill().contiguousGemm().curve(nOut, k), readings.curve(OpKind.ROUTED_DOWN,
                OpKind.ROUTED_DOWN.ordinal() * OpCosts.VARIANTS + prefill, k, nOut));
    }

    private static void check(GemmReadings readings, Summary acc, OpKind kind, GemmVariant g, Numerics n,
                              GemmCurve curve, double m) {
        assertEquals(curve.fraction(m, Math.log(m)), readings.fraction(kind, g, m, n, acc, 1, 1),
                () -> kind + " " + curve.citation() + " at m = " + m);
    }
}
