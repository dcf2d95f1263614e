package dev.ridgeline.engine.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.engine.calibration.Calibration;
import dev.ridgeline.engine.calibration.DeepEpFit;
import dev.ridgeline.engine.io.CalibrationTables;
import dev.ridgeline.engine.io.Presets;
import dev.ridgeline.engine.model.Chip;
import dev.ridgeline.engine.ops.OpKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Decode's dispatch and combine with the peers of a card's own node over NVLink (DeepEP PR 173), checked on rows the
 * fit never saw. The fit is DeepEP's first low-latency table, "pure RDMA" (v1 README, ebfe47e); PR 173 re-ran the same
 * benchmark with NVLink for intranode peers (README at d8dd185, 2025-06-05: "low-latency kernels now leverage NVLink as
 * much as possible"; calibration/deepep.csv, rows v1_ll_nvlink_pr173). Its EP8 row gave the fit its fixed latency, so
 * only EP16, 32 and 64 are held out. Its EP128 and EP256 rows repeat the pure-RDMA figures to the microsecond (192 /
 * 369 and 194 / 360 µs) while every smaller EP changed: carried over rather than measured again, so not used.
 */
class DeepEpLocalPeersTest {
    private static final Calibration CAL = CalibrationTables.builtIn();
    private static final Chip H800 = Presets.builtIn().chip("H800 SXM5");
    /** H800 on CX7, the benchmark's own NIC, 2 µs kernel gap (unused outside the scale-up domain). */
    private static final DeepEpLink LINK = new DeepEpLink(H800, CAL, CAL.cx7BytesPerSec(), 2e-6);

    /** One PR 173 row: EP size, op, measured latency. */
    private record Row(int ep, OpKind op, double latencySec) {
    }

    private static List<Row> heldOut() {
        List<Row> out = new ArrayList<>();
        for (Map<String, String> r : CalibrationTables.rows("deepep.csv")) {
            int ep = Integer.parseInt(r.get("num_ep_ranks"));
            if (r.get("readme_version").equals("v1_ll_nvlink_pr173") && r.get("kernel_family").equals("low_latency")
                    && ep >= 16 && ep <= 64) {
                out.add(new Row(ep, r.get("op").equals("dispatch") ? OpKind.DISPATCH : OpKind.COMBINE,
                        Double.parseDouble(r.get("latency_us")) * 1e-6));
            }
        }
        return out;
    }

    /** The benchmark's bytes per rank at its own hottest rank (what the link is charged with for the benchmark). */
    private static double benchmarkBytes(OpKind op, int ep) {
        double mean = op == OpKind.DISPATCH ? CalibrationTables.DISPATCH_BYTES : CalibrationTables.COMBINE_BYTES;
        return mean * DeepEpLink.benchmarkHottest(ep);
    }

    @Test
    void pr173sRowsAreHeldOutPredictedWithinTwelvePerCent() {
        List<Row> rows = heldOut();
        assertEquals(6, rows.size(), "EP16, 32 and 64, dispatch and combine");
        StringBuilder report = new StringBuilder();
        double worst = 0;
        for (Row r : rows) {
            double predicted = LINK.seconds(r.op(), benchmarkBytes(r.op(), r.ep()), r.ep(), true);
            double err = predicted / r.latencySec() - 1;
            worst = Math.max(worst, Math.abs(err));
            report.append(String.format(Locale.ROOT, "%s EP%d: measured %.0f µs, predicted %.1f µs (%+.1f %%)%n",
                    r.op(), r.ep(), r.latencySec() * 1e6, predicted * 1e6, err * 100));
            // 12 %: the NVLink copies and the RDMA puts overlap (non-blocking puts), so the op is bounded below by
            // the slower of the two (this model) and above by their sum; at EP16 the sum would be +6 % (dispatch) and
            // +19 % (combine), the max 11 % and 5 % short: the kernels overlap them well but not wholly
            assertTrue(Math.abs(err) <= 0.12, report.toString());
        }
        // and better than sending all of it over the NIC as before (the pure-RDMA latencies, 173-353 µs)
        for (Row r : rows) {
            double allNic = LINK.seconds(r.op(), benchmarkBytes(r.op(), r.ep()), r.ep(), false);
            double withPeers = LINK.seconds(r.op(), benchmarkBytes(r.op(), r.ep()), r.ep(), true);
            assertTrue(Math.abs(withPeers - r.latencySec()) < Math.abs(allNic - r.latencySec()), report.toString());
        }
        System.out.print(report);
        assertTrue(worst > 0, "a held-out check that reproduces itself exactly checks nothing");
    }

    @Test
    void theNicCarriesEveryPeerButItsNodeAndTheScaleUpLinkItsNode() {
        // EP16 on 8-card nodes: 8 of 16 cards (itself included) are local. The fit's seconds per byte were measured
        // with the NIC carrying 15 of 16 shares (its copy to itself is a local warp copy), so the NIC's part is the fit's
        // seconds x 8/15; the NVLink part is 8/16 of the bytes at 153 GB/s (DeepEP's intranode rate, 0.765 of H800's
        // 200 GB/s), in parallel.
        double bytes = 4e6;
        int ep = 16;
        double fixed = CAL.deepEp().fixedSec(DeepEpLink.kind(OpKind.DISPATCH));
        double allNic = LINK.seconds(OpKind.DISPATCH, bytes, ep, false) - fixed;
        double nic = allNic * 8 / 15;
        double nvlink = bytes * 8 / 16 / (H800.scaleUpBandwidthBytesPerSec() * Calibration.SCALE_UP_FRACTION);
        assertEquals(8, LINK.localPeers(ep, true));
        assertEquals(1, LINK.localPeers(ep, false));
        assertEquals(fixed + Math.max(nic, nvlink), LINK.seconds(OpKind.DISPATCH, bytes, ep, true), 1e-12);
        assertTrue(nic > nvlink, "the NIC's share is the slower at EP16: " + nic + " vs " + nvlink);
    }

    /**
     * The seconds-per-byte table is shared by the plans of one fit (DeepEpLink.Shared): a link of another fit, made
     * after this one filled it, reads its own fit, and a link of the first fit made after that reads the first again.
     * The other fit is the built-in one at half the bandwidth at every measured EP, so its NIC seconds are exactly
     * twice the built-in's (the same interpolation in ln EP of 1/bandwidth, each term doubled).
     */
    @Test
    void anotherFitReadsItsOwnSecondsPerByte() {
        DeepEpFit fit = CAL.deepEp();
        DeepEpFit half = new DeepEpFit(halved(fit.dispatch()), halved(fit.combine()), fit.dispatchFixedSec(),
                fit.combineFixedSec(), fit.measuredDispatchBytes(), fit.measuredCombineBytes(), fit.citation(),
                fit.fixedCitation());
        Calibration other = new Calibration(CAL.denseGemm(), CAL.groupedGemm(), CAL.flashMla(), half,
                CAL.cx7BytesPerSec(), CAL.expertPopularity(), CAL.prefill(), CAL.gqaDecode(), CAL.moeBlock(),
                CAL.gemmFloor(), CAL.fp4Moe());
        double bytes = 3e6;
        for (int ep : new int[] {16, 48, 144, 320}) {
            double fixed = CAL.deepEp().fixedSec(DeepEpFit.Kind.COMBINE);
            double first = LINK.seconds(OpKind.COMBINE, bytes, ep, false) - fixed;
            double slow = new DeepEpLink(H800, other, CAL.cx7BytesPerSec(), 2e-6)
                    .seconds(OpKind.COMBINE, bytes, ep, false) - fixed;
            double again = new DeepEpLink(H800, CAL, CAL.cx7BytesPerSec(), 2e-6)
                    .seconds(OpKind.COMBINE, bytes, ep, false) - fixed;
            assertEquals(2 * first, slow, 1e-9 * first, "EP" + ep + ": the other fit's seconds");
            assertEquals(first, again, 1e-12 * first, "EP" + ep + ": the first fit's seconds again");
        }
    }

    @Test
    void linksOfOneFitShareOneTable() {
        DeepEpLink a = new DeepEpLink(H800, CAL, CAL.cx7BytesPerSec(), 2e-6);
        DeepEpLink b = new DeepEpLink(Presets.builtIn().chip("B200"), CAL, CAL.cx7BytesPerSec() * 2, 3e-6);
        assertSame(a.secondsPerByteTable(), b.secondsPerByteTable());
    }

    private static List<DeepEpFit.Point> halved(List<DeepEpFit.Point> points) {
        List<DeepEpFit.Point> out = new ArrayList<>();
        for (DeepEpFit.Point p : points) {
            out.add(new DeepEpFit.Point(p.ep(), p.latencySec() * 2, p.bytesPerSec() / 2));
        }
        return out;
    }
}
