package dev.ridgeline.engine.calibration;

import dev.ridgeline.engine.model.CalibrationKey;
import java.util.Locale;
import java.util.Map;

/**
 * The prefill attention core's fraction of the tensor rate (calibration/prefill-attention.csv), keyed by the chip's
 * {@link CalibrationKey}: FlashAttention-3 forward on Hopper, as a curve in the sequence length.
 * <ul>
 *   <li>Without a mask, the fraction grows with the sequence as {@code E·S / (S + S₁)}: fixed work per query block
 *   (loading Q, the softmax epilogue, writing O) amortised over S keys. H800 takes the H100's FA3 curve (same SMs,
 *   clocks and HBM), E and S₁ from its 1K and 8K rows.</li>
 *   <li>A causal mask wastes the diagonal tiles and unbalances the query blocks: the useful fraction of the
 *   lower-triangle work falls by {@code n / (n + b)} over n new tokens, b from a causal and non-causal pair on the same
 *   chip and shape (H20, head dim 128, 2K). Keys from a cached prefix are unmasked and pay no such loss.</li>
 *   <li>H20 has one length (2K): its fraction there, on the H100's curve shape.</li>
 * </ul>
 * A key without figures takes H800's, marked extrapolated; so is every head width other than the measured 128 (the
 * non-absorbed MLA of DeepSeek-V3 has 192 for Q·K and 128 for V: FlashInfer added that shape in PR 765 without a
 * published rate, and FlashMLA's dense MHA prefill kernel runs on SM100 only).
 *
 * @param plateau  E by key: the fraction a long unmasked sequence tends to
 * @param halfway  S₁ by key, tokens: the length at which half the plateau's gap remains
 * @param causalLoss b, tokens: the causal mask costs like b extra keys on the new tokens' triangle
 */
public record PrefillAttentionFit(Map<CalibrationKey, Double> plateau, Map<CalibrationKey, Double> halfway,
                                  double causalLoss, String citation) {
    public static final CalibrationKey REFERENCE = CalibrationKey.H800;
    /** The head width the fractions were measured at (FA3 head dim 128). */
    public static final int MEASURED_HEAD_DIM = 128;

    public PrefillAttentionFit {
        plateau = Map.copyOf(plateau);
        halfway = Map.copyOf(halfway);
        if (!plateau.containsKey(REFERENCE) || !halfway.containsKey(REFERENCE)) {
            throw new IllegalArgumentException("prefill attention fit needs figures for " + REFERENCE);
        }
    }

    /** True when the chip's key has figures of its own. */
    public boolean measured(CalibrationKey key) {
        return plateau.containsKey(key);
    }

    /** The fraction of an unmasked pass over a sequence of {@code length} tokens, {@code E·S / (S + S₁)}. */
    public double unmasked(CalibrationKey key, double length) {
        CalibrationKey k = measured(key) ? key : REFERENCE;
        return plateau.get(k) * length / (length + halfway.get(k));
    }

    /**
     * The fraction of the useful FLOPs of a prefill chunk: {@code prefixPairs} unmasked query-key pairs (keys of the
     * cached prefix and earlier chunks) and {@code trianglePairs} causal pairs among {@code newTokens} tokens, over a
     * sequence of {@code length} tokens.
     */
    public double fraction(CalibrationKey key, double length, double prefixPairs, double trianglePairs,
                           double newTokens) {
        double causal = newTokens / (newTokens + causalLoss);
        double useful = prefixPairs + trianglePairs;
        return unmasked(key, length) * useful / (prefixPairs + trianglePairs / causal);
    }

    /** Where the fraction comes from and whether it is extrapolated (another chip, or another head width). */
    public Basis basis(CalibrationKey key, int headDimQk, int headDimV) {
        boolean extrapolated = !measured(key) || headDimQk != MEASURED_HEAD_DIM || headDimV != MEASURED_HEAD_DIM;
        String why = (measured(key) ? "" : "; " + key + " borrows H800's")
                + (headDimQk != MEASURED_HEAD_DIM || headDimV != MEASURED_HEAD_DIM
                ? String.format(Locale.ROOT, "; head dims %d/%d, measured %d", headDimQk, headDimV, MEASURED_HEAD_DIM) : "");
        return new Basis(Double.NaN, extrapolated, "FlashAttention-3 forward, causal loss " + Math.round(causalLoss)
                + " tokens (" + citation + ")" + why);
    }
}
