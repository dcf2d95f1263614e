package dev.ridgeline.engine.io;

import dev.ridgeline.engine.calibration.DeepEpFit;
import dev.ridgeline.engine.calibration.HeldOut;
import dev.ridgeline.engine.calibration.NormalEpFit;
import dev.ridgeline.engine.calibration.PrefillAttentionFit;
import java.util.ArrayList;
import dev.ridgeline.engine.model.CalibrationKey;
import java.util.List;
import java.util.Map;

/**
 * The prefill kernels' calibration from the CSV tables in the assets jar: the attention core from
 * {@code calibration/prefill-attention.csv} (FlashAttention-3 forward on Hopper); dispatch and combine from DeepEP's
 * normal kernels in {@code calibration/deepep.csv}.
 */
public final class PrefillTables {
    /** The H100 rows the unmasked curve is fitted on (1K and 8K); 2K and 4K are held out to check it. */
    static final int SHORT = 1024;
    static final int LONG = 8192;
    /** The causal and unmasked pair the mask's loss is taken from: H20, head dim 128, 2K. */
    static final int PAIR_LENGTH = 2048;

    private PrefillTables() {
    }

    /** The fit from every row. */
    public static PrefillAttentionFit attention() {
        return attention(CalibrationTables.rows("prefill-attention.csv"));
    }

    /**
     * The fit from a subset of the rows (tests leave rows out to check them): H800 takes the H100's unmasked curve
     * {@code E·S/(S + S₁)} through its 1K and 8K rows; H20 its 2K row on that curve's shape; the causal loss b from
     * H20's head-dim-128 causal and unmasked pair, {@code b = n·(unmasked / causal − 1)}.
     */
    public static PrefillAttentionFit attention(List<Map<String, String>> rows) {
        double f1 = fraction(rows, "H100", false, 128, SHORT);
        double f8 = fraction(rows, "H100", false, 128, LONG);
        double r = f8 / f1;
        double halfway = LONG * (r - 1) / ((double) LONG / SHORT - r);
        double plateau = f8 * (LONG + halfway) / LONG;
        double h20 = fraction(rows, "H20", false, 128, PAIR_LENGTH);
        double h20Causal = fraction(rows, "H20", true, 128, PAIR_LENGTH);
        double loss = PAIR_LENGTH * (h20 / h20Causal - 1);
        return new PrefillAttentionFit(
                Map.of(CalibrationKey.H800, plateau, CalibrationKey.H20, h20 * (PAIR_LENGTH + halfway) / PAIR_LENGTH),
                Map.of(CalibrationKey.H800, halfway, CalibrationKey.H20, halfway), loss,
                "H100 FA3 rows at 1K and 8K, https://github.com/meta-pytorch/tritonbench/pull/1254; H20 FA3 rows at 2K, "
                        + "https://github.com/Dao-AILab/flash-attention/issues/1310");
    }

    /** The held-out rows of the fit from every row. */
    public static List<HeldOut.Row> attentionHeldOut() {
        return attentionHeldOut(CalibrationTables.rows("prefill-attention.csv"));
    }

    /**
     * The rows the fit is not built on, each predicted by it, as times relative to the measured rate (a time is the
     * inverse of a rate at the same work): the H100 unmasked rows at 2K and 4K by the curve through 1K and 8K, and
     * H20's causal head-dim-64 row by its unmasked row times {@code n / (n + b)}, b from the head-dim-128 pair. These
     * residuals are what the prefill attention's band is made of ({@code evidence.PrefillBands}).
     */
    public static List<HeldOut.Row> attentionHeldOut(List<Map<String, String>> rows) {
        PrefillAttentionFit fit = attention(rows);
        List<HeldOut.Row> out = new ArrayList<>();
        for (int s : new int[] {2048, 4096}) {
            double measured = fraction(rows, "H100", false, 128, s);
            double predicted = fit.unmasked(CalibrationKey.H800, s);
            out.add(new HeldOut.Row("FA3 forward H100 head dim 128 S=" + s + " (held out)", 1 / measured,
                    1 / predicted, false, 0));
        }
        double causal64 = fraction(rows, "H20", true, 64, PAIR_LENGTH);
        double predicted64 = fraction(rows, "H20", false, 64, PAIR_LENGTH) * PAIR_LENGTH
                / (PAIR_LENGTH + fit.causalLoss());
        out.add(new HeldOut.Row("FA3 forward H20 head dim 64 causal S=" + PAIR_LENGTH + " (held out)", 1 / causal64,
                1 / predicted64, false, 0));
        return List.copyOf(out);
    }

    /** The row's TFLOPS over its peak; throws naming the row when it is missing. */
    static double fraction(List<Map<String, String>> rows, String gpu, boolean causal, int headDim, int seqlen) {
        for (Map<String, String> r : rows) {
            if (r.get("gpu").equals(gpu) && r.get("causal").equals(causal ? "True" : "False")
                    && r.get("head_dim_qk").equals(String.valueOf(headDim)) && r.get("seqlen").equals(String.valueOf(seqlen))) {
                return Double.parseDouble(r.get("tflops")) / Double.parseDouble(r.get("peak_tflops"));
            }
        }
        throw new PresetException("calibration/prefill-attention.csv: no row for " + gpu + (causal ? " causal" : "")
                + " head dim " + headDim + " at " + seqlen + " tokens");
    }

    /** DeepEP README version of the normal-kernel table: the last V1 table (EP16 43/43, EP32 58/57, EP64 51/50 GB/s). */
    public static final String DEEPEP_NORMAL_VERSION = "v1_ll_nvlink_pr173";

    /** The normal kernels' logical bandwidths by EP size (internode) and inside a node, from {@code deepep.csv}. */
    public static NormalEpFit normalEp() {
        return normalEp(CalibrationTables.rows("deepep.csv"));
    }

    /** As {@link #normalEp()} from deepep.csv's {@code rows} (the calibration reads the file once for both fits). */
    static NormalEpFit normalEp(List<Map<String, String>> rows) {
        List<DeepEpFit.Point> dispatch = new ArrayList<>();
        List<DeepEpFit.Point> combine = new ArrayList<>();
        double[] intranode = new double[2];
        String source = "";
        for (Map<String, String> r : rows) {
            if (!r.get("readme_version").equals(DEEPEP_NORMAL_VERSION) || !r.get("kernel_family").startsWith("normal")) {
                continue;
            }
            boolean isDispatch = r.get("op").equals("dispatch");
            double bytesPerSec = Double.parseDouble(r.get("bottleneck_bw_gbps")) * 1e9;
            if (r.get("topology").equals("Intranode")) {
                intranode[isDispatch ? 0 : 1] = bytesPerSec;
            } else {
                (isDispatch ? dispatch : combine).add(new DeepEpFit.Point(Integer.parseInt(r.get("num_ep_ranks")),
                        Double.NaN, bytesPerSec));
            }
            source = r.get("source");
        }
        dispatch.sort(java.util.Comparator.comparingInt(DeepEpFit.Point::ep));
        combine.sort(java.util.Comparator.comparingInt(DeepEpFit.Point::ep));
        return new NormalEpFit(dispatch, combine, intranode[0], intranode[1], source);
    }
}
