package dev.ridgeline.engine.calibration;

import java.util.List;
import java.util.Locale;

/**
 * DeepEP's normal (high-throughput) kernels on H800 + CX7 (calibration/deepep.csv), the dispatch and combine of
 * prefill: the logical bandwidth per rank at each measured EP size, over RDMA between nodes and over NVLink inside
 * one. Logical: the benchmark counts a token once per destination node, its own node included, and an FP8 token with
 * its scales ({@code tests/test_internode.py}: {@code num_rdma_token_sent}, {@code fp8_factor = (1 + 4 / 128) / 2};
 * the V2 README: "the results are logical bandwidth ... contains local rank traffic"). So the time of a dispatch is
 * {@code tokens × destinations per token × bytes per token / bandwidth}, destinations counted the same way. Between
 * measured EP sizes 1/bandwidth is interpolated in ln EP, beyond them the end value holds (extrapolated).
 *
 * @param dispatch  internode dispatch (FP8) by EP size
 * @param combine   internode combine (BF16) by EP size
 * @param intranodeDispatchBytesPerSec EP inside one NVLink node (EP8), dispatch
 * @param intranodeCombineBytesPerSec  EP8, combine
 */
public record NormalEpFit(List<DeepEpFit.Point> dispatch, List<DeepEpFit.Point> combine,
                          double intranodeDispatchBytesPerSec, double intranodeCombineBytesPerSec, String citation) {
    public NormalEpFit {
        dispatch = List.copyOf(dispatch);
        combine = List.copyOf(combine);
        if (dispatch.isEmpty() || combine.isEmpty()) {
            throw new IllegalArgumentException("DeepEP normal fit needs at least one EP size for dispatch and combine");
        }
    }

    public List<DeepEpFit.Point> points(DeepEpFit.Kind kind) {
        return kind == DeepEpFit.Kind.DISPATCH ? dispatch : combine;
    }

    /** Seconds per logical byte over RDMA at EP size {@code ep}, on CX7. */
    public double inverseBandwidth(DeepEpFit.Kind kind, int ep) {
        return DeepEpFit.inverseBandwidth(points(kind), ep);
    }

    /** Seconds per logical byte inside one NVLink node, on H800. */
    public double intranodeInverseBandwidth(DeepEpFit.Kind kind) {
        return 1 / (kind == DeepEpFit.Kind.DISPATCH ? intranodeDispatchBytesPerSec : intranodeCombineBytesPerSec);
    }

    /** Where the figure comes from and whether it lies outside what was measured. */
    public Basis basis(DeepEpFit.Kind kind, int ep, boolean intranode, boolean otherLink) {
        List<DeepEpFit.Point> pts = points(kind);
        boolean measuredEp = intranode || pts.stream().anyMatch(p -> p.ep() == ep);
        String what = kind.name().toLowerCase(Locale.ROOT);
        return new Basis(1, !measuredEp || otherLink, "DeepEP normal " + what + (intranode ? " intranode (NVLink)"
                : String.format(Locale.ROOT, " internode, EP %d..%d", pts.get(0).ep(), pts.get(pts.size() - 1).ep()))
                + (measuredEp ? "" : "; EP " + ep + " not measured") + (otherLink ? "; another link, scaled" : "")
                + " (" + citation + ")");
    }
}
